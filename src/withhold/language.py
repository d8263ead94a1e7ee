"""The languages Withhold speaks, and one text in each of them.

The interview, the evidence checklist, the comparison of protections and the reports all keep their texts
in English and Spanish side by side (package data in YAML), so a bilingual reviewer can check one against
the other; :class:`Localized` is that pair once read.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")


@dataclass(frozen=True)
class Localized:
    """One text in every language Withhold speaks."""

    en: str
    es: str

    def get(self, language: Language) -> str:
        if language == "en":
            return self.en
        if language == "es":
            return self.es
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")

    def format(self, **values: object) -> Localized:
        """Both texts with ``{name}`` placeholders filled in; a :class:`Localized` value fills each language
        with its own text (a country's name). Values go in as they are: braces in case text never become
        placeholders."""

        def filled(language: Language) -> str:
            own = {name: v.get(language) if isinstance(v, Localized) else v for name, v in values.items()}
            return self.get(language).format(**own)

        return Localized(en=filled("en"), es=filled("es"))


def joined(parts: Iterable[Localized], separator: str = " ") -> Localized:
    """Texts one after another, in each language (sentences of one paragraph, by default)."""
    texts = tuple(parts)
    return Localized(en=separator.join(t.en for t in texts), es=separator.join(t.es for t in texts))


def placeholders(text: str) -> set[str] | None:
    """The ``{name}`` placeholders of a text, or None when its braces do not balance."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def read_localized(
    where: str,
    value: Any,
    problems: list[str],
    *,
    placeholders_allowed: frozenset[str] | None = frozenset(),
    must_differ: bool = False,
    fold_spaces: bool = False,
) -> Localized | None:
    """Read one text pair from package data, appending each problem to ``problems`` (named by ``where``).

    Both languages must be present and non-empty, with no other language; both must use the same
    placeholders, all of them ones the code fills (``placeholders_allowed``). ``must_differ`` refuses a
    Spanish text identical to the English one (an untranslated copy); ``fold_spaces`` folds the doubled
    spaces folded YAML can leave in prose.
    """
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a mapping with en and es texts")
        return None
    ok = True
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}.{language}: missing translation")
            ok = False
    for extra in value:
        if extra not in LANGUAGES:
            problems.append(f"{where}.{extra}: unknown language; expected {' and '.join(LANGUAGES)}")
            ok = False
    if not ok:
        return None
    tidy = (lambda text: " ".join(text.split())) if fold_spaces else str.strip
    pair = Localized(en=tidy(value["en"]), es=tidy(value["es"]))
    if must_differ and pair.en == pair.es:
        problems.append(f"{where}.es: identical to the English text: not translated")
        return None
    if placeholders_allowed is None:
        return pair
    used = {language: placeholders(pair.get(language)) for language in LANGUAGES}
    for language, names in used.items():
        if names is None:
            problems.append(f"{where}.{language}: unbalanced braces")
            ok = False
        elif names - placeholders_allowed:
            unknown = ", ".join("{" + name + "}" for name in sorted(names - placeholders_allowed))
            problems.append(f"{where}.{language}: unknown placeholder {unknown}")
            ok = False
    if ok and used["en"] != used["es"]:
        problems.append(f"{where}: en and es use different placeholders")
        ok = False
    return pair if ok else None


MONTHS: dict[Language, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
}  # fmt: skip
WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
"""Indexed as :meth:`datetime.date.weekday` (0 is Monday). Not ``strftime``: no locale."""


def date_in_words(day: dt.date, language: Language, *, weekday: bool = False) -> str:
    """``December 8, 2026`` / ``8 de diciembre de 2026``; with the weekday, ``Tuesday, December 8, 2026``
    / ``martes 8 de diciembre de 2026``."""
    month = MONTHS[language][day.month - 1]
    words = f"{month} {day.day}, {day.year}" if language == "en" else f"{day.day} de {month} de {day.year}"
    if not weekday:
        return words
    name = WEEKDAYS[language][day.weekday()]
    return f"{name}, {words}" if language == "en" else f"{name} {words}"


def days_in_words(days: int, language: Language) -> str:
    """How far a day is from today: ``today``, ``tomorrow``, ``in 15 days``, ``yesterday``, ``15 days
    ago`` (``hoy``, ``mañana``, ``en 15 días``, ``ayer``, ``hace 15 días``)."""
    english = language == "en"
    if days == 0:
        return "today" if english else "hoy"
    if days == 1:
        return "tomorrow" if english else "mañana"
    if days == -1:
        return "yesterday" if english else "ayer"
    if days > 0:
        return f"in {days} days" if english else f"en {days} días"
    return f"{-days} days ago" if english else f"hace {-days} días"
