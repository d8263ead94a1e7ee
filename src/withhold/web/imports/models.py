"""An upload of many cases between its preview and its import, and a screening of the whole docket.

Everything that holds case data is encrypted (8 CFR 1208.6): the uploaded bytes (kept only until the
import is confirmed or the preview expires), the report of what was imported, and the rows of a docket
screening. The plain columns say only whose, when, and where the work stands.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from withhold.web.accounts.models import Organization
from withhold.web.fields import EncryptedBytesField, EncryptedJSONField


class Upload(models.Model):
    """A CSV or ZIP uploaded for import: previewed from its bytes, imported when confirmed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    data = EncryptedBytesField(null=True, blank=True)
    """The uploaded file, as sent; emptied once imported."""
    name = EncryptedJSONField()
    """``{"name": the file's name}`` (a name chosen by the uploader may name a person)."""
    imported_at = models.DateTimeField(null=True, blank=True)
    """When its import was confirmed (it is then done on the task queue)."""
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    """Rows gone through by the import, of ``total`` (the page shows the progress)."""
    report = EncryptedJSONField(null=True, blank=True)
    """What the import did: the cases made (id, number, row) and the rows skipped with their problems."""

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"upload {self.id}"


class State(models.TextChoices):
    QUEUED = "queued", "Waiting for the worker"
    RUNNING = "running", "Screening"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class DocketScreening(models.Model):
    """Every active case of an organization screened under the law of one day, on the task queue."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    as_of = models.DateField()
    """The day the law is taken as of (a date, not case data)."""
    today = models.DateField()
    """The day deadlines are counted from (the day it was asked for)."""
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    rows = EncryptedJSONField(null=True, blank=True)
    """One row a case, as ``withhold batch`` writes it, with the case's id and number."""
    task_id = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"docket screening {self.state}"

    @property
    def finished(self) -> bool:
        return self.state in (State.READY, State.FAILED)
