"""A task on a case: something a person must do by a day.

Two kinds. A person's task, written by the team (its title is free text, so it is encrypted). A deadline's
task, made by the application from a deadline the engine computes for the case (file the I-589 before the
one-year date, filings before each hearing, the appeal window after a decision): it is found by the
deadline's key (``withhold.deadlines.schedule.Entry.key``), so it is made once per case and deadline, moved
when the date moves, and closed when the case records what was due; its title is the deadline's own (from
the catalogs), never stored.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from withhold.web.accounts.models import Organization
from withhold.web.cases.models import CaseRecord
from withhold.web.fields import EncryptedJSONField


class Closed(models.TextChoices):
    """Why a task is no longer open."""

    DONE = "done", "Marked done"
    MET = "met", "The case records the filing"
    GONE = "gone", "The deadline no longer applies"


class Task(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="tasks")
    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="tasks")
    title = EncryptedJSONField(null=True, blank=True)
    """A person's task: ``{"text": "..."}`` as written. Empty for a deadline's task."""
    deadline_key = models.CharField(max_length=80, blank=True)
    """A deadline's task: the engine's key of the deadline (``one_year_filing``, ``hearing_filings[0]``)."""
    due = models.DateField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    assignee_id: int | None
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_because = models.CharField(max_length=10, choices=Closed.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("due", "created_at")
        constraints = (
            # A deadline makes one task per case, whatever happens: never a duplicate.
            models.UniqueConstraint(
                fields=("case", "deadline_key"), condition=~Q(deadline_key=""), name="one_task_per_deadline"
            ),
        )
        indexes = (
            models.Index(fields=("organization", "closed_at", "due")),
            models.Index(fields=("assignee", "closed_at", "due")),
        )

    def __str__(self) -> str:
        return f"task {self.id}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def mark_done(self) -> None:
        """Closed by a person (the web's "Mark done", the API's ``done: true``); saved by the caller."""
        self.closed_at, self.closed_because = timezone.now(), Closed.DONE

    def reopen(self) -> None:
        """Open again; saved by the caller."""
        self.closed_at, self.closed_because = None, ""
