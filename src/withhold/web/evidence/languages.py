"""The languages a document may be in, by code, named in the reader's language (CLDR, through Babel).

Every ISO 639-1 language CLDR names, and the Mayan languages of Guatemala that many asylum seekers speak
and write (ISO 639-3), which ISO 639-1 has no code for; CLDR names some of them, and the rest are named by
their own names (the same in every language)."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

MAYAN = {"mam": "Mam", "quc": "Kʼicheʼ", "kek": "Qʼeqchiʼ", "cak": "Kaqchikel", "kjb": "Qʼanjobʼal"}
"""ISO 639-3 codes and their own names."""

LEFT_OUT = frozenset({"sh", "no", "cu", "ie", "io", "vo", "ia", "eo", "pi", "sa", "la", "ae"})
"""Codes left out: a deprecated code (``sh``), an umbrella (``no``: ``nb``/``nn`` are listed), and
languages no one writes a personal document in today (constructed, liturgical or ancient ones)."""


def _names(locale: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(locale).languages)
    except (UnknownLocaleError, ValueError):
        return {}


@cache
def codes() -> tuple[str, ...]:
    english = _names("en")
    two = sorted(code for code in english if len(code) == 2 and code not in LEFT_OUT)
    return (*two, *MAYAN)


def name(code: str, language: str = "en") -> str:
    """The language ``code`` named in ``language`` (English where CLDR has no name in it; the code itself
    for one not listed)."""
    return _names(language).get(code) or _names("en").get(code) or MAYAN.get(code) or code


@cache
def choices(language: str) -> tuple[tuple[str, str], ...]:
    """Every listed language, named in ``language``: English and Spanish first, then by name."""
    named = [(code, name(code, language)) for code in codes()]
    first = [pair for pair in named if pair[0] in ("en", "es")]
    rest = sorted(
        (pair for pair in named if pair[0] not in ("en", "es")), key=lambda pair: pair[1].casefold()
    )
    return (*first, *rest)
