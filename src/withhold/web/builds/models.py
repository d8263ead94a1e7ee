"""A file built in the background for a case, and its parts.

What a build is made of (the case file as it was when it was asked for, the choices) and what it gave
(the package's index and notes) are encrypted, and so is every byte of the PDFs: they hold case data
(8 CFR 1208.6). The plain columns say only which case, which kind, where the build stands, and a digest
keyed with the key ring (:func:`withhold.web.vault.digest`) of what it is made of, by which a repeat is
found without reading anything.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from withhold.web.accounts.models import Organization
from withhold.web.cases.models import CaseRecord
from withhold.web.fields import EncryptedBytesField, EncryptedJSONField


class Kind(models.TextChoices):
    REPORT = "report", "Report PDF"
    PACKAGE = "package", "Filing package"


class State(models.TextChoices):
    QUEUED = "queued", "Waiting for the worker"
    BUILDING = "building", "Being built"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class Build(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="builds")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    label = models.CharField(max_length=40, blank=True)
    """Which file of its kind (``client:es`` for a report; empty for a package): no case data."""
    key = models.CharField(max_length=64, db_index=True)
    """A keyed digest of everything the file is made of: the same key, the same file."""
    version = models.PositiveIntegerField()
    """The case's version it was built from (shown; version numbers are plain already)."""
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    problem = models.CharField(max_length=40, blank=True)
    """Why a build failed: the key of a plain-words text (``builds.problem_<key>``), never an exception."""
    request = EncryptedJSONField()
    """What to build, as it was asked for (the case file then, the choices)."""
    result = EncryptedJSONField(null=True, blank=True)
    """What building gave besides the PDFs (a package's index and notes, the documents left out)."""
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-created_at",)
        indexes = (models.Index(fields=("case", "kind", "state")),)

    def __str__(self) -> str:
        return f"{self.kind} {self.state}"

    @property
    def finished(self) -> bool:
        return self.state in (State.READY, State.FAILED)


class BuiltPart(models.Model):
    """One PDF of a build: a report, or one part of a filing (``_Part1``…) when it is over the court's
    upload limit."""

    build = models.ForeignKey(Build, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveIntegerField()
    pages = models.PositiveIntegerField(default=0)
    size = models.PositiveIntegerField(default=0)
    """Bytes of the PDF (shown next to the download)."""
    pdf = EncryptedBytesField()

    class Meta:
        ordering = ("number",)
        constraints = (models.UniqueConstraint(fields=("build", "number"), name="one_part_number_per_build"),)

    def __str__(self) -> str:
        return f"part {self.number}"
