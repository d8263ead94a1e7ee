"""A deleted evidence document takes its stored file with it: whether deleted alone, with its case, or with
its organization (a cascade sends the same signal). The file is removed once the deletion is committed, so
a deletion that is rolled back keeps a document that can still be read."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from withhold.web.evidence import storage
from withhold.web.evidence.models import EvidenceDocument


@receiver(post_delete, sender=EvidenceDocument, dispatch_uid="withhold-evidence-file")
def _remove_file(sender: type[EvidenceDocument], instance: EvidenceDocument, **kwargs: Any) -> None:
    name = instance.stored_name
    transaction.on_commit(lambda: storage.remove(name))
