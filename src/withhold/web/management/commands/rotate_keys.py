"""``rotate_keys``: re-encrypt every encrypted value under the newest key of the ring and re-index the
search digests under it. With ``--new-key`` (key file only) a fresh key is put first beforehand; with
``--retire-old`` the older keys are removed from the key file afterwards. ``--print-new-key`` prints a key
to put first in ``WITHHOLD_FERNET_KEYS`` when the keys come from the environment."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from withhold.web import vault
from withhold.web.accounts.models import Organization
from withhold.web.cases import search
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion

BATCH = 200


class Command(BaseCommand):
    help = "Re-encrypt all case data under the newest key (optionally adding a new key first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--new-key", action="store_true", help="Put a fresh key first in the key file.")
        parser.add_argument(
            "--retire-old", action="store_true", help="Afterwards, keep only the newest key in the key file."
        )
        parser.add_argument(
            "--print-new-key", action="store_true", help="Only print a fresh key (for WITHHOLD_FERNET_KEYS)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["print_new_key"]:
            self.stdout.write(Fernet.generate_key().decode("ascii"))
            return
        vault.forget()
        try:
            if options["new_key"]:
                vault.add_new_key()
            ring = vault.key_ring()
        except vault.KeyRingError as error:
            raise CommandError(str(error)) from None
        counts = self._rotate()
        self.stdout.write(
            f"Re-encrypted {counts[0]} case(s), {counts[1]} version(s) and {counts[2]} feed link(s) under the "
            f"newest of {len(ring.keys)} key(s) ({ring.source})."
        )
        if options["retire_old"]:
            try:
                vault.retire_old_keys()
            except vault.KeyRingError as error:
                raise CommandError(str(error)) from None
            self.stdout.write("The older keys were removed from the key file.")

    def _rotate(self) -> tuple[int, int, int]:
        cases = versions = feeds = 0
        with transaction.atomic():
            for record in CaseRecord.objects.order_by("pk").iterator(chunk_size=BATCH):
                # Loading decrypted with any key of the ring; saving encrypts with the newest.
                record.save(update_fields=["document", "summary"])
                search.index(record, case_of(record.document))
                cases += 1
            for version in CaseVersion.objects.order_by("pk").iterator(chunk_size=BATCH):
                version.save(update_fields=["document"])
                versions += 1
            for organization in Organization.objects.exclude(calendar_token=None).iterator(chunk_size=BATCH):
                organization.save(update_fields=["calendar_token"])
                feeds += 1
        return cases, versions, feeds
