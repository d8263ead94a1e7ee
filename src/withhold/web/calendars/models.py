"""What the daily reminders remember about a person: the language they want them in, and the last day a
digest was sent to them (so a second run on the same day sends nothing)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Reminder(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder")
    user_id: int  # the column Django adds for ``user``
    language = models.CharField(max_length=8, default="en")
    """The language of the person's digests (English or Spanish: the languages of the team's pages)."""
    last_sent = models.DateField(null=True, blank=True)
    """The organization's day of the last digest sent to the person."""

    def __str__(self) -> str:
        return f"reminders of user {self.user_id}"
