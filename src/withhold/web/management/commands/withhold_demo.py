"""``withhold_demo``: a demo organization with one user of each role, the example cases loaded, and how
to log in printed. Run again, it resets the demo passwords and loads only the examples not yet there."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from withhold.facts.loading import CaseFileError
from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.roles import Role
from withhold.web.accounts.users import create_user
from withhold.web.cases import store
from withhold.web.cases.documents import parse, syntax_of
from withhold.web.cases.models import CaseRecord, Change

ORGANIZATION = "Demo Legal Clinic (invented)"
USERS = (
    ("demo", Role.ATTORNEY),
    ("demo-screener", Role.SCREENER),
    ("demo-viewer", Role.VIEWER),
    ("demo-admin", Role.ADMIN),
)


class Command(BaseCommand):
    help = "Create a demo organization and users, load the example cases, and print how to log in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--examples", default="examples", help="Folder of example case files (*.yaml).")
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Where the server will be.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["examples"])
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.json")) if folder.is_dir() else []
        with transaction.atomic():
            organization, _ = Organization.objects.get_or_create(name=ORGANIZATION)
            passwords = {name: self._user(organization, name, role) for name, role in USERS}
            people = {
                user.get_username(): user
                for user in get_user_model().objects.filter(username__in=dict(USERS))
            }
            loaded = self._examples(organization, files, people["demo"], people["demo-screener"])
        url = options["url"].rstrip("/")
        self.stdout.write(f"Demo organization: {ORGANIZATION} ({loaded} example case(s) loaded now)")
        self.stdout.write(f"Log in at {url}/accounts/login/ ; the docket is at {url}/cases/")
        for name, role in USERS:
            self.stdout.write(f"  {role.label:<13} username {name:<14} password {passwords[name]}")
        self.stdout.write(
            "The passwords change each time this command runs. Every person in the examples is invented."
        )

    def _user(self, organization: Organization, name: str, role: str) -> str:
        password = "-".join(secrets.token_hex(3) for _ in range(3))
        user_model = get_user_model()
        user = user_model.objects.filter(username=name).first()
        if user is None:
            user = create_user(name, password)
        else:
            user.set_password(password)
            user.is_active = True
            user.save()
        Membership.objects.update_or_create(user=user, defaults={"organization": organization, "role": role})
        return password

    def _examples(self, organization: Organization, files: list[Path], attorney: Any, screener: Any) -> int:
        """The examples, as the demo attorney's cases (every other one screened by the demo screener), so
        that "My cases", the workload, the calendar and the tasks show something from the first login."""
        if CaseRecord.objects.filter(organization=organization).exists():
            return 0
        loaded = 0
        for path in files:
            try:
                case = parse(path.read_text(encoding="utf-8"), syntax_of(path.name))
            except CaseFileError as error:
                raise CommandError(f"{path} is not a valid case file:\n{error}") from None
            record = store.create(organization, case, attorney, Change.IMPORTED)
            if loaded % 2:
                record.screener = screener
                record.save(update_fields=["screener"])
            loaded += 1
        return loaded
