"""An API token: a program's key to one organization, with one role.

The secret is shown once, when an administrator makes the token, and never stored: only its SHA-256
digest (:func:`withhold.web.accounts.models.token_digest`; a token is 256 random bits, so a plain digest is
enough, as for the calendar feed's) and a short prefix that lets people tell their tokens apart. A revoked
token is kept (the audit log names it) but no longer works.

The token row also carries its request count in the current window of the rate limit
(:mod:`withhold.web.api.auth`): one update per request counts it and marks the token used, so every
server process shares the count.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Can, Role, allowed


class ApiToken(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="api_tokens")
    organization_id: int
    name = models.CharField(max_length=100)
    """What it is for (``LegalServer sync``), as its maker wrote it: shown on the tokens page only."""
    role = models.CharField(max_length=20, choices=Role.choices)
    digest = models.CharField(max_length=64, unique=True)
    """SHA-256 of the whole token, hex: the token is found by it."""
    prefix = models.CharField(max_length=16)
    """The token's first characters (``whk_Ab12Cd34``), to recognise it; too few to be of use to anyone."""
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    rate_window = models.BigIntegerField(default=0)
    """The rate limit's current window (its start, in whole windows since the epoch)."""
    rate_count = models.PositiveIntegerField(default=0)
    """Requests in that window."""

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.prefix}…"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def can(self, permission: Can) -> bool:
        return allowed(self.role, permission)
