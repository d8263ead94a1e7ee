"""``rotate_keys``: re-encrypt every encrypted value under the newest key of the ring and re-index the
search digests under it. With ``--new-key`` (key file only) a fresh key is put first beforehand; with
``--retire-old`` the older keys are removed from the key file afterwards. ``--print-new-key`` prints a key
to put first in ``WITHHOLD_FERNET_KEYS`` when the keys come from the environment.

It may run while ``withhold serve`` does: the server reads the key file again when it changes
(:mod:`withhold.web.vault`), so it encrypts under the new key once it is first. A value a server wrote
under an older key meanwhile is found before the old keys are retired (every stored token is tried under
the newest key alone) and re-encrypted while writers are held off, and looked for once more just after,
with the old keys still in this process's memory: no value is left under a key that is gone.

The evidence documents' files (:mod:`withhold.web.evidence.storage`) are re-encrypted too: each is written
again under a new random name, the document pointed to it, and the old file removed once that is
committed (a file is never rewritten in place, so a reader never sees half of one).

Built report PDFs and filing packages (:mod:`withhold.web.builds`) are encrypted values like the others and
re-encrypted with them, a few PDFs at a time (a package part may be tens of megabytes)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

from cryptography.fernet import Fernet
from django.apps import apps as django_apps
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone

from withhold.web import vault
from withhold.web.accounts.models import Organization
from withhold.web.builds.models import Build, BuiltPart
from withhold.web.cases import search
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion
from withhold.web.evidence import storage
from withhold.web.evidence.models import EvidenceDocument
from withhold.web.fields import EncryptedBytesField, EncryptedJSONField

BATCH = 200
SWEEPS = (0.0, 1.0)
"""After the old keys are retired, how long to wait (seconds) before each last look for a value written
under one of them by a server that encrypted it just before the key file changed."""


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
        started = timezone.now()
        vault.forget()
        try:
            if options["new_key"]:
                vault.add_new_key()
            ring = vault.key_ring()
        except vault.KeyRingError as error:
            raise CommandError(str(error)) from None
        counts = self._rotate()
        self.stdout.write(
            f"Re-encrypted {counts[0]} case(s), {counts[1]} version(s), {counts[2]} feed link(s) and "
            f"{counts[3]} evidence document(s) under the newest of {len(ring.keys)} key(s) ({ring.source})."
        )
        if options["retire_old"]:
            try:
                late = _retire(ring, started)
            except vault.KeyRingError as error:
                raise CommandError(str(error)) from None
            if late:
                self.stdout.write(f"Re-encrypted {late} value(s) written under an older key meanwhile.")
            self.stdout.write("The older keys were removed from the key file.")

    def _rotate(self) -> tuple[int, int, int, int]:
        cases = versions = feeds = documents = 0
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
            for build in Build.objects.order_by("pk").iterator(chunk_size=BATCH):
                build.save(update_fields=["request", "result"])
            for part in BuiltPart.objects.order_by("pk").iterator(chunk_size=4):
                part.save(update_fields=["pdf"])
            for document in EvidenceDocument.objects.order_by("pk").iterator(chunk_size=BATCH):
                document.save(update_fields=["metadata"])
                _reencrypt_file(document.pk, document.stored_name, vault.key_ring())
                documents += 1
            handled = {CaseRecord, CaseVersion, Organization, Build, BuiltPart, EvidenceDocument}
            for model in encrypted_models():  # the rest (notes, tasks, ...): their encrypted columns only
                if model in handled:
                    continue
                columns = [
                    f.name
                    for f in model._meta.fields
                    if isinstance(f, EncryptedJSONField | EncryptedBytesField)
                ]
                for row in model._default_manager.order_by("pk").iterator(chunk_size=BATCH):
                    row.save(update_fields=columns)
        return cases, versions, feeds, documents


def encrypted_models() -> tuple[type[models.Model], ...]:
    """Every installed model with an encrypted field (:class:`~withhold.web.fields.EncryptedJSONField`,
    :class:`~withhold.web.fields.EncryptedBytesField`): found, not listed, so a new app's notes or tasks
    are rotated without anyone remembering to add them here."""
    return tuple(
        model
        for model in django_apps.get_models()
        if any(isinstance(field, EncryptedJSONField | EncryptedBytesField) for field in model._meta.fields)
    )


def _retire(ring: vault.KeyRing, since: dt.datetime) -> int:
    """Retire every key but the newest once nothing is left under another; ``ring`` is the whole ring, kept
    here to re-encrypt what a server still wrote under an older key. Returns how many such values there
    were."""
    if ring.source == "environment":
        raise vault.KeyRingError(
            f"the keys come from {vault.KEYS_ENV}: remove the old keys from it and restart"
        )
    fixed = 0
    with transaction.atomic():
        _hold_writers()
        fixed += _reencrypt(ring)
        for record in CaseRecord.objects.filter(updated_at__gte=since).iterator(chunk_size=BATCH):
            search.index(record, case_of(record.document))  # digests a stale server wrote meanwhile
    vault.retire_old_keys()  # only once that is stored: a failed commit leaves the old keys in place
    for pause in SWEEPS:  # a server that encrypted just before the file changed, then waited for a lock
        time.sleep(pause)
        fixed += _reencrypt(ring)
    return fixed


def _hold_writers() -> None:
    """Keep other writers of encrypted values out until this transaction ends. PostgreSQL: a lock on
    each table that lets readers in; SQLite: a write transaction already holds the database's write lock
    (``transaction_mode`` IMMEDIATE in the settings)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in encrypted_models():
                cursor.execute(f'LOCK TABLE "{model._meta.db_table}" IN SHARE ROW EXCLUSIVE MODE')


def _tokens() -> Iterator[tuple[str, str, str, Any, str]]:
    """Every stored encrypted value, as the database holds it: (table, column, primary-key column, key,
    token)."""
    for model in encrypted_models():
        table, pk = model._meta.db_table, model._meta.pk.column
        for field in model._meta.fields:
            if not isinstance(field, EncryptedJSONField | EncryptedBytesField):
                continue
            with connection.cursor() as cursor:
                cursor.execute(
                    f'SELECT "{pk}", "{field.column}" FROM "{table}" WHERE "{field.column}" IS NOT NULL'
                )
                for key, token in cursor.fetchall():
                    yield table, field.column, pk, key, token


def _reencrypt(ring: vault.KeyRing) -> int:
    """Re-encrypt under the newest key every stored value that is under another key of ``ring``; each
    only if it is still what was read (a value rewritten meanwhile is already under the newest)."""
    stale = [found for found in _tokens() if not vault.under_newest(found[4])]
    for table, column, pk, key, token in stale:
        fresh = vault.encrypt(ring.fernet.decrypt(token.encode("ascii")))
        with connection.cursor() as cursor:
            cursor.execute(
                f'UPDATE "{table}" SET "{column}" = %s WHERE "{pk}" = %s AND "{column}" = %s',
                [fresh, key, token],
            )
    files = 0
    for key, name in EvidenceDocument.objects.values_list("pk", "stored_name"):
        if _reencrypt_file(key, name, ring, only_stale=True):
            files += 1
    return len(stale) + files


def _reencrypt_file(key: Any, name: str, ring: vault.KeyRing, *, only_stale: bool = False) -> bool:
    """Write the evidence file ``name`` again under the newest key, under a new name, and point the
    document ``key`` to it if it still points to ``name``; the old file is removed once that is committed
    (the new one at once, when the document changed or went meanwhile). With ``only_stale``, a file
    already under the newest key is left alone. Returns whether the file was re-encrypted."""
    try:
        token = storage.get(name).decode("ascii")
    except FileNotFoundError:  # the document was deleted meanwhile, and its file with it
        return False
    if only_stale and vault.under_newest(token):
        return False
    fresh = storage.put(vault.encrypt(ring.fernet.decrypt(token.encode("ascii"))).encode("ascii"))
    moved = EvidenceDocument.objects.filter(pk=key, stored_name=name).update(stored_name=fresh)
    if moved:
        transaction.on_commit(lambda: storage.remove(name))
    else:
        storage.remove(fresh)
    return True
