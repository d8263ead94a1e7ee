"""A client intake link, and the failed look-ups of links that guard against guessing them.

The link's token is never stored: only its keyed digest (:mod:`withhold.web.intake.tokens`), so a copy of
the database opens no link. The device that started the link is known by the keyed digest of a random
secret kept in a cookie on it. Nothing here holds anything a case says.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models

from withhold.web.cases.models import CaseRecord


class State(models.TextChoices):
    """Where a link stands, as the team's panel shows it."""

    NOT_OPENED = "not_opened", "not started yet"
    IN_USE = "in_use", "in use"
    FINISHED = "finished", "finished"
    EXPIRED = "expired", "expired"
    REVOKED = "revoked", "turned off"


class IntakeLink(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(CaseRecord, on_delete=models.CASCADE, related_name="intake_links")
    case_id: uuid.UUID  # the column Django adds for ``case``: read without loading (and decrypting) the case
    token_digest = models.CharField(max_length=64, unique=True)
    """The keyed digest of the link's token: the link is found by it; the token itself is shown once."""
    language = models.CharField(max_length=8)
    """The language the client reads the questions in: chosen when the link is made, switched by the
    client on the page."""
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    """Who made it, kept as written (the account may be removed)."""
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.CharField(max_length=150, blank=True)
    device_digest = models.CharField(max_length=64, blank=True)
    """The keyed digest of the secret in the cookie of the device that started the link (empty until one
    did): no other device can use it."""
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    """When the client reached the end (no question left): from then on the link only thanks them."""
    answers = models.PositiveIntegerField(default=0)
    """How many answers the client gave through it ("I don't know" included)."""
    last_answer_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        indexes = (models.Index(fields=("case", "-created_at")),)

    def __str__(self) -> str:
        return f"intake link {str(self.id)[:8]}"

    def state(self, now: dt.datetime) -> State:
        """Turned off and finished are said even after the link expired: they say more."""
        if self.revoked_at is not None:
            return State.REVOKED
        if self.finished_at is not None:
            return State.FINISHED
        if now >= self.expires_at:
            return State.EXPIRED
        if self.device_digest:
            return State.IN_USE
        return State.NOT_OPENED

    def usable(self, now: dt.datetime) -> bool:
        """Not turned off and not expired (a finished link still thanks its device)."""
        return self.revoked_at is None and now < self.expires_at


class IntakeMiss(models.Model):
    """A look-up of an intake link that found none (a token malformed or unknown), by the address it came
    from (:func:`withhold.web.accounts.lockout.client_address`): too many from one address in the cool-off
    time and the address is refused for a while (:mod:`withhold.web.intake.guessing`)."""

    address = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = (models.Index(fields=("address", "at")),)

    def __str__(self) -> str:
        return f"{self.address} {self.at:%Y-%m-%d %H:%M}"
