"""Dates written out in every language, the one way every face and the comparison's data write them: each
language's CLDR data through Babel, and the catalog's month names where CLDR has none (Haitian Creole)."""

from __future__ import annotations

import datetime as dt

import pytest

from withhold.language import LANGUAGES, date_in_words, days_in_words, month_in_words
from withhold.language.words import WordsFile
from withhold.package_data import DataFileError, validated


def test_dates_in_words_follow_each_language() -> None:
    day = dt.date(2026, 12, 8)  # a Tuesday
    assert date_in_words(day, "en") == "December 8, 2026"
    assert date_in_words(day, "es") == "8 de diciembre de 2026"
    assert date_in_words(day, "en", weekday=True) == "Tuesday, December 8, 2026"
    assert date_in_words(day, "es", weekday=True) == "martes, 8 de diciembre de 2026"
    assert date_in_words(day, "fr") == "8 décembre 2026"
    assert date_in_words(day, "pt") == "8 de dezembro de 2026"
    assert "ديسمبر" in date_in_words(day, "ar")


def test_haitian_creole_dates_come_from_its_catalog_where_cldr_has_no_month_names() -> None:
    day = dt.date(2026, 12, 8)
    assert date_in_words(day, "ht") == "8 desanm 2026"
    assert date_in_words(day, "ht", weekday=True) == "madi 8 desanm 2026"
    assert month_in_words(2021, 3, "ht") == "mas 2021"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_month_and_weekday_has_its_name(language: str) -> None:
    names = {date_in_words(dt.date(2025, month, 1), language, weekday=True) for month in range(1, 13)}
    assert len(names) == 12
    assert not any("M0" in name or "M1" in name for name in names)


def test_days_in_words_in_the_authored_languages() -> None:
    said = {days: (days_in_words(days, "en"), days_in_words(days, "es")) for days in (-15, -1, 0, 1, 15)}
    assert said == {
        -15: ("15 days ago", "hace 15 días"),
        -1: ("yesterday", "ayer"),
        0: ("today", "hoy"),
        1: ("tomorrow", "mañana"),
        15: ("in 15 days", "en 15 días"),
    }
    assert days_in_words(2, "en") == "in 2 days"


def test_arabic_counts_take_their_own_plural_forms() -> None:
    """Arabic has six plural forms (CLDR): 2 days, 3 days and 11 days are three different words."""
    forms = {days_in_words(n, "ar") for n in (2, 3, 11, 100)}
    assert len(forms - {days_in_words(n, "en") for n in (2, 3, 11, 100)}) == 4
    assert len({f.replace(str(n), "#") for f, n in zip(sorted(forms), (2, 3, 11, 100), strict=True)}) >= 3


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        date_in_words(dt.date(2026, 1, 1), "xx")


def test_a_bad_words_file_names_the_word_and_its_line() -> None:
    text = """days:
  today: {en: "today", es: "hoy"}
  ahead:
    en: {one: "in {n} day", other: "in {n} days"}
    es: {other: "en {n} días"}
date:
  pattern: {en: "{month} {day}, {year}", es: "{day} de {mes} de {year}"}
  pattern_weekday: {en: "{weekday} {month} {day}, {yr}", es: "{weekday} {day} de {month} de {yr}"}
"""
    with pytest.raises(DataFileError) as raised:
        validated(WordsFile, text, "words.yaml")
    assert raised.value.problems == (
        "days.ahead: a counted text needs `one` and `other` forms (line 3)",
        "date.pattern: en and es use different placeholders (or unbalanced braces) (line 7)",
        "date.pattern_weekday: unknown placeholder {yr} (line 8)",
    )
