"""A note on a case. Its text may say anything about the client, so it is encrypted with the key ring like
the case file; the plain columns say only which case, who wrote it and when (8 CFR 1208.6)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from withhold.web.cases.models import CaseRecord
from withhold.web.fields import EncryptedJSONField


class Note(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedJSONField()
    """``{"text": "..."}``: the note as written."""
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_id: int | None
    username = models.CharField(max_length=150, blank=True)
    """Kept as written, so the note still says who wrote it after the account is removed."""

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"note {self.id}"
