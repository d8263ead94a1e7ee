"""An organization owns its cases; each person belongs to one organization with one role."""

from __future__ import annotations

import hashlib
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from withhold.web.accounts.roles import Can, Role, allowed
from withhold.web.fields import EncryptedJSONField


def valid_time_zone(name: str) -> None:
    """A zone the machine's tz database knows (``America/Chicago``), else a form error naming it."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as problem:
        raise ValidationError("%(zone)s is not a known time zone", params={"zone": name[:64]}) from problem


class Organization(models.Model):
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    calendar_token_digest = models.CharField(max_length=64, unique=True, null=True, blank=True)
    """SHA-256 of the calendar feed token: the feed is found by it, the token itself is not stored plain."""
    calendar_token = EncryptedJSONField(null=True, blank=True)
    """The feed token, encrypted, so that the link can be shown again to those allowed to see it."""
    time_zone = models.CharField(max_length=64, default="America/New_York", validators=[valid_time_zone])
    """An IANA zone name: the calendar's days and the reminders' "today" are the organization's, wherever
    the server runs (hearings are held in the court's local time)."""

    def __str__(self) -> str:
        return str(self.name)

    def new_calendar_token(self) -> str:
        """A fresh feed token (the old link stops working)."""
        token = secrets.token_urlsafe(32)
        self.calendar_token = token
        self.calendar_token_digest = token_digest(token)
        self.save(update_fields=["calendar_token", "calendar_token_digest"])
        return token


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Membership(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=20, choices=Role.choices)

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"

    def can(self, permission: Can) -> bool:
        return allowed(self.role, permission)
