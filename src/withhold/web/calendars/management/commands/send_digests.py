"""``send_digests [--date YYYY-MM-DD] [--dry-run]``: send today's reminder e-mails (README "Reminders by
e-mail"). Prints counts only, never a name or an address."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from withhold.web.calendars.digests import send_digests


class Command(BaseCommand):
    help = "Send each person's daily reminder e-mail (what is due in the next 14 days and what was missed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="the day to send for, YYYY-MM-DD (default: each organization's today)"
        )
        parser.add_argument("--dry-run", action="store_true", help="count what would be sent; send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date must be a day written YYYY-MM-DD, not {options['date'][:20]!r}"
                ) from None
        counts = send_digests(day, dry_run=options["dry_run"])
        verb = "would be sent" if options["dry_run"] else "sent"
        self.stdout.write(
            f"reminders {verb}: {counts.sent}; nothing due: {counts.nothing_due}; "
            f"no e-mail address: {counts.no_address}; already sent that day: {counts.already_sent}; "
            f"failed: {counts.failed}"
        )
        if counts.failed:
            raise CommandError(f"{counts.failed} reminder(s) could not be sent (see the log)")
