"""Dates and spans of days in words, in the report's language ("Tuesday, December 8, 2026" / "martes 8
de diciembre de 2026"), from the words in ``texts.yaml`` (never the system locale)."""

from __future__ import annotations

import datetime as dt

from withhold.language import Language, date_in_words
from withhold.reports.texts import texts


def date_words(day: dt.date, language: Language, *, weekday: bool = True) -> str:
    """``Tuesday, December 8, 2026``; without the weekday, ``December 8, 2026`` (:func:`date_in_words`)."""
    return date_in_words(day, language, weekday=weekday)


def days_words(days: int, language: Language) -> str:
    """``today``, ``tomorrow``, ``in 15 days``, ``yesterday``, ``15 days ago``."""
    words = texts()
    if days == 0:
        return words.say(language, "ui", "days_today")
    if days == 1:
        return words.say(language, "ui", "days_tomorrow")
    if days == -1:
        return words.say(language, "ui", "days_yesterday")
    if days > 0:
        return words.say(language, "ui", "days_ahead", n=days)
    return words.say(language, "ui", "days_ago", n=-days)
