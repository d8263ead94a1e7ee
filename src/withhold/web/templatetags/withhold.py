"""Template filters that only present what the core returned: a text in the reader's language, a status's
label, a value in words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from withhold.cli.labels import value_text
from withhold.language import Localized

register = template.Library()

STATUS_LABELS = {
    "eligible": "Eligible",
    "not_eligible": "Not eligible",
    "barred": "Barred",
    "undetermined": "Undetermined",
}


@register.filter
def say(text: Any, language: str) -> str:
    """A :class:`Localized` text in ``language`` (English when the language is not one Withhold speaks)."""
    if isinstance(text, Localized):
        return text.get(language if language in ("en", "es") else "en")  # type: ignore[arg-type]
    return "" if text is None else str(text)


@register.filter
def status_label(status: Any) -> str:
    return STATUS_LABELS.get(str(status), str(status))


@register.filter
def value_words(value: Any) -> str:
    return value_text(value)


@register.filter
def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


@register.filter
def days_words(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return "today"
    if days > 0:
        return f"in {days} day{'s' if days != 1 else ''}"
    return f"{-days} day{'s' if days != -1 else ''} ago"


@register.filter
def days_left(entry: Any, as_of: dt.date) -> int | None:
    """A deadline entry's days left from ``as_of`` (negative when past)."""
    return entry.days_left(as_of)  # type: ignore[no-any-return]
