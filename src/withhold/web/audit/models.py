"""The audit log. An entry names the person, the organization, the case (by its opaque id), the action and
a version number; it holds no fact, no name and no A-number of the case, and is never edited, but for one
thing: an interview sitting's entry counts its answers as they come (:func:`~withhold.web.audit.record.
interview_sitting`), so one sitting is one entry."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from withhold.web.accounts.models import Organization


class Action(models.TextChoices):
    CREATED = "created", "created"
    IMPORTED = "imported", "imported"
    VIEWED = "viewed", "viewed"
    CHANGED = "changed", "changed"
    INTERVIEWED = "interviewed", "answered interview questions"
    RESTORED = "restored", "restored a version"
    EXPORTED = "exported", "exported the case file"
    DOWNLOADED = "downloaded", "downloaded a report or calendar"
    DELETED = "deleted", "deleted"
    CALENDAR_RESET = "calendar_reset", "reset the calendar feed link"
    INTAKE_CREATED = "intake_created", "made a client intake link"
    INTAKE_REVOKED = "intake_revoked", "turned off a client intake link"
    INTAKE_STARTED = "intake_started", "started the client intake link"
    ASSIGNED = "assigned", "assigned the case"
    NOTE_ADDED = "note_added", "wrote a note"
    NOTE_CHANGED = "note_changed", "changed a note"
    NOTE_DELETED = "note_deleted", "deleted a note"
    TASK_ADDED = "task_added", "added a task"
    TASK_CHANGED = "task_changed", "changed a task"
    TASK_DONE = "task_done", "marked a task done"
    TOKEN_CREATED = "token_created", "made an API token"
    TOKEN_REVOKED = "token_revoked", "revoked an API token"
    IMPORTED_BULK = "imported_bulk", "imported cases from a spreadsheet or ZIP"
    BATCH_SCREENED = "batch_screened", "screened the docket"


class Actor(models.TextChoices):
    """Who acted: a person with an account (``user``, ``username``), or the client through an intake link
    (no account: the entry names the link, ``intake_id``, never the person)."""

    PERSON = "person", "a person with an account"
    CLIENT_INTAKE = "client_intake", "the client, through an intake link"
    API_TOKEN = "api_token", "a program, through an API token"


class AuditEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(max_length=150)
    """Kept as written, so the entry still says who after the account is removed."""
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="audit_entries")
    case_id = models.UUIDField(null=True, db_index=True)
    """The case's opaque id (not a foreign key: the entry outlives a deleted case)."""
    action = models.CharField(max_length=20, choices=Action.choices)
    version = models.PositiveIntegerField(null=True)
    actor = models.CharField(max_length=20, choices=Actor.choices, default=Actor.PERSON)
    intake_id = models.UUIDField(null=True, blank=True)
    """The client intake link the entry concerns (made, turned off, or answered through), by its opaque id
    (not a foreign key, like ``case_id``)."""
    token_id = models.UUIDField(null=True, blank=True)
    """The API token that acted (``Actor.API_TOKEN``), by its opaque id; ``user`` is then the token's
    maker, so the entry says whose program it was."""
    what = models.CharField(max_length=40, blank=True)
    """Which part, by a fixed code (``section:claim``, ``report:client:es``, ``format:yaml``, ``answers:12``);
    never case text. The page shows it in words (:func:`withhold.web.audit.log.what_words`)."""

    class Meta:
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=("organization", "-at")),)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.case_id or ''}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("an audit entry is written once and never changed")
        super().save(*args, **kwargs)
