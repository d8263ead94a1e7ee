"""A date as people write it (issue 17): ``2024-03-25``, ``25/03/2024``, ``25-3-2024``, ``25 de marzo de
2024``, ``March 25, 2024``, ``25 mars 2024``, ``25 mas 2024``. Month names come from every language Withhold
speaks (CLDR's, through Babel; the catalog's where CLDR has none), so a person types the month as they
say it. Day and month in figures are taken in whichever order is the only possible one (25/03 is the 25th
of March in any order); when both could be a month (03/01), the date is ambiguous and the person is asked
which one they mean, never guessed: the Central American reader of 03/01 means the 3rd of January, the
US reader the 1st of March."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from babel import Locale

from withhold.language import LANGUAGES, month_name

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_FIGURES = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+")
_FILLER = frozenset(
    {"de", "del", "of", "the", "le", "el", "a", "em", "nan", "er", "st", "nd", "rd", "th", "o", "º"}
)
"""Words that sit between a date's parts in the languages read (``25 de marzo``, ``the 1st of March``)."""


@dataclass(frozen=True)
class Ambiguous:
    """Figures that make two dates (``03/01/2024``): the first as day/month, the second as month/day."""

    day_first: dt.date
    month_first: dt.date


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(".", " ")


@cache
def _months() -> dict[str, int]:
    """Every month name and abbreviation of every language, folded, to its number."""
    found: dict[str, int] = {}
    for language in LANGUAGES:
        locale = Locale.parse(language)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    folded = _folded(str(name)).strip()
                    if folded and not folded.startswith("m0") and not folded.startswith("m1"):
                        found.setdefault(folded, int(number))
        for number in range(1, 13):
            found.setdefault(_folded(month_name(number, language)).strip(), number)
    return found


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(text: str) -> dt.date | Ambiguous | None:
    """The date ``text`` writes, :class:`Ambiguous` when it could be two, None when it is not a date."""
    raw = text.strip()
    if match := _ISO.fullmatch(raw):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _FIGURES.fullmatch(raw):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day_first, month_first = _date(year, second, first), _date(year, first, second)
        if day_first and month_first and day_first != month_first:
            return Ambiguous(day_first, month_first)
        return day_first or month_first
    return _in_words(raw)


def _in_words(raw: str) -> dt.date | None:
    folded = _folded(raw)
    months = [_months()[word] for word in _WORD.findall(folded) if word in _months()]
    others = [word for word in _WORD.findall(folded) if word not in _months() and word not in _FILLER]
    numbers = [int(number) for number in _NUMBER.findall(folded)]
    if len(set(months)) != 1 or others or len(numbers) != 2:
        return None
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n <= 31]
    if len(years) != 1 or len(days) != 1:
        return None
    return _date(years[0], months[0], days[0])
