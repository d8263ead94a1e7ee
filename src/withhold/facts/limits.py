"""The bounds of a case file, defined once: how long a text, how many items in a list, which dates, how
large and how deep a document, and how much of a problem an error message shows.

A case file is a few kilobytes. Without bounds one hostile file (a name of a million characters, a list
nested a thousand levels deep, a date in the year 9999) could hold a server's memory, crash the deadline
arithmetic or produce an error message of a megabyte. Each bound is far above what any real case needs,
and each is documented in ``docs/spec/case-format.md`` ("Limits"). A value out of bounds is an error
that names its field and the bound, like any other wrong value.
"""

from __future__ import annotations

import datetime as dt
import json

# --- texts: each kind its own length, in characters -------------------------------------------------

NAME_MAX = 200
"""A person's name (each part), a name in the native alphabet, a school's or a court's name."""
PLACE_MAX = 300
"""An address line, a city, a place of entry or of birth, where a person is, an employer and address."""
SHORT_TEXT_MAX = 254
"""A number, a code, a status, a language, a religion, a telephone number, an e-mail address (254 is the
longest e-mail address there is), a fact path."""
FREE_TEXT_MAX = 20_000
"""Free text: notes, the explanations of Form I-589, a social group's definition, an offense, a
description of evidence, the story in the person's words (about eight pages)."""

TEXT_KINDS = {
    "name": NAME_MAX,
    "place": PLACE_MAX,
    "short text": SHORT_TEXT_MAX,
    "free text": FREE_TEXT_MAX,
}
"""Each kind of text and its limit, as the error messages and the spec name them."""

# --- lists -----------------------------------------------------------------------------------------

ITEMS_MAX = 200
"""Items in one list of the case: names, languages, hearings, convictions, children, siblings, entries,
residences, schools, jobs, helpers, evidence, the story's events and their harms."""
PATHS_MAX = 5_000
"""Fact paths in one list of the interview's record (``asked``, ``dont_know``) or of
``application.not_applicable``."""

# --- numbers ---------------------------------------------------------------------------------------

SENTENCE_MONTHS_MAX = 12_000
"""A sentence of 1,000 years, far above any real one (a life sentence can be written as 1,200 months;
the law's thresholds are one and five years)."""

# --- dates -----------------------------------------------------------------------------------------

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
"""The dates a fact may carry (a birth, an entry, a hearing, a decision): the deadline arithmetic adds
years and court days to them, and stays far inside the calendar."""

EARLIEST_LAW_AS_OF = dt.date(1980, 4, 1)
"""The earliest date the law can be evaluated as of: the day the earliest rule of Withhold's law begins
(the asylum provisions of the Refugee Act of 1980). Before it the law this software encodes did not
exist, so a screening as of an earlier date is refused, not guessed. (A case file may still carry an
earlier ``law_as_of``, as any date of the range above: it is refused where the law is evaluated.)"""
LATEST_LAW_AS_OF = LATEST_DATE

# --- the document ----------------------------------------------------------------------------------

CASE_FILE_MAX_CHARS = 1_000_000
"""A case file is a few kilobytes; a megabyte is a wrong file, not a case."""
NESTING_MAX = 16
"""Mappings and lists inside each other; the format itself needs five (``family.spouse.other_names``)."""
VALUES_MAX = 50_000
"""Values in one document (every key, text, number, list and mapping), aliases counted as what they
repeat: a YAML alias cannot make a small file into a huge one."""

# --- error messages --------------------------------------------------------------------------------

PROBLEMS_SHOWN = 20
"""The first problems of a file are listed; the rest are counted."""
VALUE_SHOWN = 60
"""The characters of a wrong value an error message repeats."""
MESSAGE_SHOWN = 300
"""The characters of a parser's or a validator's own message (which may quote a value) an error shows."""


def shown(value: object) -> str:
    """A wrong value as an error message quotes it: texts in quotes, cut after :data:`VALUE_SHOWN`
    characters with their full length said; mappings and lists by their kind only."""
    if isinstance(value, str):
        if len(value) <= VALUE_SHOWN:
            return json.dumps(value, ensure_ascii=False)
        return f'{json.dumps(value[:VALUE_SHOWN], ensure_ascii=False)[:-1]}…" ({len(value):,} characters)'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "a list"
    if isinstance(value, int) and value.bit_length() > 3 * VALUE_SHOWN:
        # (never turned into text whole: Python refuses more than 4,300 digits)
        return f"a number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    text = repr(value)
    return text if len(text) <= VALUE_SHOWN else f"{text[:VALUE_SHOWN]}… ({len(text):,} characters)"


def cut(text: str) -> str:
    """A key or a path segment as a message repeats it: at most :data:`VALUE_SHOWN` characters."""
    return text if len(text) <= VALUE_SHOWN else f"{text[:VALUE_SHOWN]}…"


def bounded(message: str) -> str:
    """A parser's or a validator's own message, at most :data:`MESSAGE_SHOWN` characters."""
    return message if len(message) <= MESSAGE_SHOWN else f"{message[:MESSAGE_SHOWN]}…"


def fact_date_problem(day: dt.date) -> str | None:
    """Why a fact's date is out of range (:data:`EARLIEST_DATE` to :data:`LATEST_DATE`), or ``None``."""
    if EARLIEST_DATE <= day <= LATEST_DATE:
        return None
    return (
        f"a date must be between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}, "
        f"got {day.isoformat()}"
    )


def law_as_of_problem(day: dt.date) -> str | None:
    """Why the law cannot be evaluated as of ``day`` (:data:`EARLIEST_LAW_AS_OF` to
    :data:`LATEST_LAW_AS_OF`), or ``None`` when it can."""
    if EARLIEST_LAW_AS_OF <= day <= LATEST_LAW_AS_OF:
        return None
    return (
        f"the law can be evaluated as of a date between {EARLIEST_LAW_AS_OF.isoformat()} (where its "
        f"rules begin) and {LATEST_LAW_AS_OF.isoformat()}, got {day.isoformat()}"
    )
