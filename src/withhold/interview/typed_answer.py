"""One line typed in the guided interview, read as an answer to a question: pure, no terminal needed.

The same keys work for every question, in every language: ``?`` shows the help, ``<`` goes back to the
previous question, ``!`` answers "I don't know" (so do the words themselves as the screen shows them in any
language, ``I don't know``, ``no sé``, ``mwen pa konnen``, ``d`` in English and ``ns`` in Spanish), ``-``
skips the question for now (``skip``, ``saltar``, or the screen's words). The answer itself depends on the
kind of question:

- yes or no: ``y``/``yes`` or ``n``/``no``; ``s``/``sí`` in Spanish; the screen's Yes and No in any
  language (``oui``, ``sim``, ``wi``, ``نعم``); every language accepts all;
- one choice: the number of the option (or its value, as the case file writes it);
- several choices: the numbers separated by commas or spaces (``1,3``), or ``0`` (or ``none``,
  ``ninguna``) for none;
- a date: ``YYYY-MM-DD``; for the asylum filing date, ``0`` means "not filed yet" (an explicit null);
- a number: 0 or more, with a decimal point (or a decimal comma: ``1,5``);
- a count (how many convictions, hearings): a whole number, 0 or more;
- text: as typed; the court is kept as EOIR names it when the text names exactly one court
  (:mod:`withhold.facts.courts`), and the A-number without its spaces and dashes.

An empty line, or anything else, is :class:`Invalid` with the question's own message.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from withhold.facts import countries, courts
from withhold.facts.case import A_NUMBER_PATTERN
from withhold.facts.source import NOT_FILED
from withhold.interview.bank import Question
from withhold.interview.screens import screens
from withhold.interview.written_dates import Ambiguous, read_date
from withhold.language import LANGUAGES, Language, date_in_words

HELP_KEY = "?"
BACK_KEY = "<"
DONT_KNOW_KEY = "!"
SKIP_KEY = "-"
NOT_FILED_KEY = "0"
NONE_KEY = "0"

NOT_FILED_PATH = "asylum.filed_on"
"""The one date question where "not filed yet" is an answer: ``asylum.filed_on: null``."""

COURT_PATH = "proceedings.court"
A_NUMBER_PATH = "person.a_number"

MAX_COUNT = 999
"""A count above this is a typo, not a number of convictions or hearings."""

_HELP = {HELP_KEY, "h", "help", "ayuda"}
_BACK = {BACK_KEY, "back", "volver", "atras"}
_DONT_KNOW_WORDS = {DONT_KNOW_KEY, "i don't know", "i dont know", "don't know", "dont know", "idk", "no se"}
_DONT_KNOW_LETTER: dict[Language, str] = {"en": "d", "es": "ns"}
"""The letter for "I don't know"; a language without its own takes the English one (``!`` works in all)."""
_SKIP = {SKIP_KEY, "skip", "skip for now", "saltar", "saltar por ahora", "despues"}
_YES = {"y", "yes", "s", "si"}
_NO = {"n", "no"}
_NONE = {NONE_KEY, "none", "ninguna", "ninguno", "nada"}
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+", re.ASCII)
_SEPARATORS = re.compile(r"[,;\s]+")


@dataclass(frozen=True)
class Answer:
    """A value for the fact (:data:`~withhold.facts.source.NOT_FILED` for "not filed yet", as the case's
    facts read it; a count for a list)."""

    value: Any


@dataclass(frozen=True)
class Back:
    """Go back to the previous question."""


@dataclass(frozen=True)
class Help:
    """Show the question's help."""


@dataclass(frozen=True)
class DontKnow:
    """Record the fact as unknown; it is not asked again."""


@dataclass(frozen=True)
class Skip:
    """Skip the question for now: it stays unknown, is not asked again until the person comes back to
    the questions they skipped; unlike "I don't know", the person may know."""


@dataclass(frozen=True)
class Invalid:
    """Not an answer of the right form: show ``message`` and ask again."""

    message: str


Reply = Answer | Back | Help | DontKnow | Skip | Invalid


def normalized(line: str) -> str:
    """Lower case, accents and surrounding blanks removed, inner blanks collapsed, typographic
    apostrophes made plain: ``  No  Sé `` → ``no se``."""
    text = unicodedata.normalize("NFKD", line.replace("’", "'").replace("‘", "'"))
    text = "".join(character for character in text if not unicodedata.combining(character))
    return " ".join(text.casefold().split())


@cache
def _said(group: str, key: str) -> frozenset[str]:
    """The screen's own word for ``key`` (``interview/screens.yaml``) in every language, as typed: a person
    who reads "Mwen pa konnen" or "Não sei" on the screen can type it."""
    return frozenset(normalized(screens()[group][key].get(language)) for language in LANGUAGES)


def parse_answer(line: str, question: Question, language: Language) -> Reply:
    """Read one typed line as a reply to ``question`` in ``language``."""
    text = normalized(line)
    if text in _HELP:
        return Help()
    if text in _BACK:
        return Back()
    if (
        text in _DONT_KNOW_WORDS
        or text in _said("shared", "dont_know")
        or text == _DONT_KNOW_LETTER.get(language, _DONT_KNOW_LETTER["en"])
    ):
        return DontKnow()
    if text in _SKIP or text in _said("terminal", "skip") or text in _said("browser", "skip"):
        return Skip()
    invalid = Invalid(question.invalid.get(language))
    if not text:
        return invalid
    if question.kind == "date":
        found = read_date(line)
        if isinstance(found, Ambiguous):  # asked back, in words, never guessed
            return Invalid(_which_date(found, language))
    value = _VALUE_OF_KIND[question.kind](text, line.strip(), question)
    return invalid if value is _NOT_AN_ANSWER else Answer(value)


_NOT_AN_ANSWER = object()


def _yes_no(text: str, raw: str, question: Question) -> Any:
    if text in _YES or text in _said("shared", "yes"):
        return True
    if text in _NO or text in _said("shared", "no"):
        return False
    return _NOT_AN_ANSWER


def _choice(text: str, raw: str, question: Question) -> Any:
    values = list(question.choices)
    picked = _option(text, values)
    return _NOT_AN_ANSWER if picked is None else picked


def _choices(text: str, raw: str, question: Question) -> Any:
    if text in _NONE:
        return []
    values = list(question.choices)
    picked: set[str] = set()
    for part in _SEPARATORS.split(text.strip(",; ")):
        option = _option(part, values)
        if option is None:
            return _NOT_AN_ANSWER
        picked.add(option)
    return [value for value in values if value in picked]


def _option(text: str, values: list[str]) -> str | None:
    """An option by its number (from 1), or by its value as the case file writes it."""
    if text.isascii() and text.isdigit():
        number = int(text)
        return values[number - 1] if 1 <= number <= len(values) else None
    by_value = {value.casefold(): value for value in values}
    return by_value.get(text)


def _date(text: str, raw: str, question: Question) -> Any:
    if question.path == NOT_FILED_PATH and text == NOT_FILED_KEY:
        return NOT_FILED
    found = read_date(raw)
    return found if isinstance(found, dt.date) else _NOT_AN_ANSWER


def _which_date(found: Ambiguous, language: Language) -> str:
    """ "¿3 de enero o 1 de marzo?": the two dates the figures could be, in words, and how to say which."""
    words = screens()["shared"]["date_which"].get(language)
    return words.format(
        first=date_in_words(found.day_first, language), second=date_in_words(found.month_first, language)
    )


def _number(text: str, raw: str, question: Question) -> Any:
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # a decimal comma: 1,5
    if _NUMBER.fullmatch(text) is None:
        return _NOT_AN_ANSWER
    number = float(text)
    if not math.isfinite(number):
        return _NOT_AN_ANSWER
    return int(number) if number.is_integer() else number


def _count(text: str, raw: str, question: Question) -> Any:
    if not text.isascii() or not text.isdigit() or int(text) > MAX_COUNT:
        return _NOT_AN_ANSWER
    return int(text)


def _text(text: str, raw: str, question: Question) -> Any:
    if question.path == COURT_PATH:
        # A text naming exactly one court is kept as EOIR writes it; any other is kept as typed (the
        # circuit then comes from it only if its courts share one: facts/courts.py).
        found = courts.court_named(raw)
        return found.name if found else raw
    if question.path == A_NUMBER_PATH:
        compact = re.sub(r"[\s.-]", "", raw).upper()  # "A 012-345-678" as papers print it
        return compact if re.fullmatch(A_NUMBER_PATTERN, compact) else _NOT_AN_ANSWER
    return raw


def _country(text: str, raw: str, question: Question) -> Any:
    """A country by its name in English or Spanish, or its code; the case file keeps the code."""
    found = countries.code(raw)
    return _NOT_AN_ANSWER if found is None else found


_VALUE_OF_KIND = {
    "yes_no": _yes_no,
    "choice": _choice,
    "choices": _choices,
    "date": _date,
    "number": _number,
    "count": _count,
    "text": _text,
    "country": _country,
}
