"""Dates written out in English and Spanish, the one way every face and the comparison's data write them."""

from __future__ import annotations

import datetime as dt

from withhold.language import date_in_words, days_in_words


def test_dates_in_words_in_both_languages() -> None:
    day = dt.date(2026, 12, 8)  # a Tuesday
    assert date_in_words(day, "en") == "December 8, 2026"
    assert date_in_words(day, "es") == "8 de diciembre de 2026"
    assert date_in_words(day, "en", weekday=True) == "Tuesday, December 8, 2026"
    assert date_in_words(day, "es", weekday=True) == "martes 8 de diciembre de 2026"


def test_every_month_and_weekday_has_its_name() -> None:
    names = {date_in_words(dt.date(2025, month, 1), "es", weekday=True) for month in range(1, 13)}
    assert len(names) == 12
    assert date_in_words(dt.date(2025, 7, 4), "en") == "July 4, 2025"
    assert date_in_words(dt.date(2026, 3, 1), "es", weekday=True) == "domingo 1 de marzo de 2026"


def test_days_in_words_in_both_languages() -> None:
    said = {days: (days_in_words(days, "en"), days_in_words(days, "es")) for days in (-15, -1, 0, 1, 15)}
    assert said == {
        -15: ("15 days ago", "hace 15 días"),
        -1: ("yesterday", "ayer"),
        0: ("today", "hoy"),
        1: ("tomorrow", "mañana"),
        15: ("in 15 days", "en 15 días"),
    }
