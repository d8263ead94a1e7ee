"""The languages Withhold speaks, and one text in each of them.

English and Spanish are written side by side in the package's YAML files (the interview, the checklist,
the comparison, the reports), so a bilingual reviewer checks one against the other; :class:`Localized`
is that pair once read. Every other language lives in gettext catalogs (``withhold/locale/<code>``,
:mod:`withhold.language.translations`), found by the English text: a language is added by adding its
catalogs, and :data:`LANGUAGES` lists whatever is there. A text a catalog lacks reads in English.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from pydantic import AfterValidator, PlainValidator

from withhold.language.gender import agree, gender_of, selects_problems, without_selects
from withhold.language.translations import catalog_languages, translations

Language = str
"""A language's code (``en``, ``es``, ``fr``, ``pt``, ``ht``, ``ar``): one of :data:`LANGUAGES`."""

AUTHORED: tuple[Language, ...] = ("en", "es")
"""The languages written side by side in the YAML files (the others are translated from the English)."""

LANGUAGES: tuple[Language, ...] = AUTHORED + catalog_languages()
"""Every language Withhold speaks: the authored ones, then each with catalogs, by code."""


def check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")


@dataclass(frozen=True)
class Localized:
    """One text in every language Withhold speaks: the English and Spanish as written, any other language
    from its catalog (or, for a text filled in or joined, from the texts it was made of)."""

    en: str
    es: str
    other: Callable[[Language], str] | None = field(default=None, compare=False, repr=False)
    """How a language beyond the authored two gets its text, when not from the catalog by the English."""

    def get(self, language: Language) -> str:
        """The text in ``language``, agreeing with the gender of its reader (:mod:`.gender`)."""
        if self.other is not None and gender_of(language) is not None:
            return self.other(language)  # a text filled in or joined: made again for this reader
        if language == "en":
            return agree(self.en, gender_of(language))
        if language == "es":
            return agree(self.es, gender_of(language))
        check_language(language)
        if self.other is not None:
            return self.other(language)
        return agree(translations(language).text(self.en) or self.en, gender_of(language))

    def translated(self, language: Language) -> bool:
        """Whether ``language`` has this text of its own (not the English in its place)."""
        if language in AUTHORED:
            return True
        if self.other is not None:
            return True
        return translations(language).text(self.en) is not None

    def format(self, **values: object) -> Localized:
        """The texts with ``{name}`` placeholders filled in; a :class:`Localized` value fills each language
        with its own text (a country's name). Values go in as they are: braces in case text never become
        placeholders."""

        def filled(language: Language) -> str:
            own = {name: v.get(language) if isinstance(v, Localized) else v for name, v in values.items()}
            return self.get(language).format(**own)

        return Localized(en=filled("en"), es=filled("es"), other=filled)


def joined(parts: Iterable[Localized], separator: str = " ") -> Localized:
    """Texts one after another, in each language (sentences of one paragraph, by default)."""
    texts = tuple(parts)

    def join(language: Language) -> str:
        return separator.join(t.get(language) for t in texts)

    return Localized(en=join("en"), es=join("es"), other=join)


def placeholders(text: str) -> set[str] | None:
    """The ``{name}`` placeholders of a text (its gender selects aside), or None when its braces do not
    balance."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(without_selects(text)) if name is not None}
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
    for language in AUTHORED:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}.{language}: missing translation")
            ok = False
    for extra in value:
        if extra not in AUTHORED:
            problems.append(f"{where}.{extra}: unknown language; expected {' and '.join(AUTHORED)}")
            ok = False
    if not ok:
        return None
    tidy = (lambda text: " ".join(text.split())) if fold_spaces else str.strip
    pair = Localized(en=tidy(value["en"]), es=tidy(value["es"]))
    if must_differ and pair.en == pair.es:
        problems.append(f"{where}.es: identical to the English text: not translated")
        return None
    for language in AUTHORED:
        for problem in selects_problems(getattr(pair, language)):
            problems.append(f"{where}.{language}: {problem}")
            ok = False
    if not ok:
        return None
    if placeholders_allowed is None:
        return pair
    used = {language: placeholders(getattr(pair, language)) for language in AUTHORED}
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


def _localized_field(*, must_differ: bool = False, fold_spaces: bool = False) -> Callable[[Any], Localized]:
    def read(value: Any) -> Localized:
        problems: list[str] = []
        pair = read_localized(
            "", value, problems, placeholders_allowed=None, must_differ=must_differ, fold_spaces=fold_spaces
        )
        if pair is None:
            raise ValueError("; ".join(problem.lstrip(".: ") for problem in problems))
        if placeholders(pair.en) != placeholders(pair.es):
            raise ValueError("en and es use different placeholders (or unbalanced braces)")
        return pair

    return read


def text_pair(value: Any, *, must_differ: bool = False, fold_spaces: bool = False) -> Localized:
    """One ``{en, es}`` text of a data file read by a validator of its own (a ``ValueError`` says what is
    wrong), as :data:`LocalizedText` (or :data:`TranslatedText`, :data:`FoldedText`) reads a field."""
    return _localized_field(must_differ=must_differ, fold_spaces=fold_spaces)(value)


LocalizedText = Annotated[Localized, PlainValidator(_localized_field())]
"""A text of a data file declared as a pydantic model: ``{en: ..., es: ...}``, both present and non-empty,
no other language, well-formed gender selects, the same placeholders in both. Which placeholders a text may
use is the enclosing model's to say (:func:`placeholder_problems`, :func:`filled_by`)."""

TranslatedText = Annotated[Localized, PlainValidator(_localized_field(must_differ=True))]
"""A :data:`LocalizedText` whose Spanish may not be a copy of the English (an untranslated text)."""

FoldedText = Annotated[Localized, PlainValidator(_localized_field(fold_spaces=True))]
"""A :data:`LocalizedText` of prose, the doubled spaces folded YAML can leave folded to one."""

TranslatedFoldedText = Annotated[
    Localized, PlainValidator(_localized_field(must_differ=True, fold_spaces=True))
]
"""Both: :data:`TranslatedText` and :data:`FoldedText`."""


def placeholder_problems(text: Localized, allowed: frozenset[str]) -> list[str]:
    """The placeholders of ``text`` the code does not fill, as problems (empty when all are allowed);
    unbalanced braces are one."""
    names = placeholders(text.en)
    if names is None:
        return ["unbalanced braces"]
    if names - allowed:
        return ["unknown placeholder " + ", ".join("{" + name + "}" for name in sorted(names - allowed))]
    return []


def filled_by(*names: str) -> AfterValidator:
    """A field's constraint, ``Annotated[LocalizedText, filled_by("date")]``: the text holds no placeholder
    but these, which the code fills (none when none are named: a text shown as written)."""
    allowed = frozenset(names)

    def check(text: Localized) -> Localized:
        problems = placeholder_problems(text, allowed)
        if problems:
            raise ValueError("; ".join(problems))
        return text

    return AfterValidator(check)


@cache
def _has_own_date_names(language: Language) -> bool:
    """Whether CLDR names this language's months (its Haitian Creole data has only "M01" to "M12")."""
    wide = Locale.parse(language).months["format"]["wide"]
    return not wide[1].startswith("M0")


def _words(*key: str) -> Localized:
    from withhold.language.words import words  # the catalog of words (it needs this module's types)

    return words().text(*key)


def month_name(month: int, language: Language) -> str:
    """The month's name as a date in ``language`` writes it (``marzo``, ``mars``, ``mas``)."""
    check_language(language)
    if _has_own_date_names(language):
        return str(Locale.parse(language).months["format"]["wide"][month])
    return _words("months", str(month)).get(language)


def date_in_words(day: dt.date, language: Language, *, weekday: bool = False) -> str:
    """``December 8, 2026`` / ``8 de diciembre de 2026`` / ``8 décembre 2026``, from each language's CLDR
    data (Babel); with the weekday, ``Tuesday, December 8, 2026``. A language whose CLDR data lacks month
    names takes them, and the order, from its catalog of words."""
    check_language(language)
    if _has_own_date_names(language):
        return format_date(day, format="full" if weekday else "long", locale=language)
    month = month_name(day.month, language)
    if not weekday:
        return _words("date", "pattern").get(language).format(month=month, day=day.day, year=day.year)
    name = _words("weekdays", str(day.weekday())).get(language)
    pattern = _words("date", "pattern_weekday").get(language)
    return pattern.format(weekday=name, month=month, day=day.day, year=day.year)


def month_in_words(year: int, month: int, language: Language) -> str:
    """``March 2021`` / ``marzo de 2021`` / ``mars 2021``."""
    check_language(language)
    if _has_own_date_names(language):
        return format_skeleton("yMMMM", dt.date(year, month, 1), locale=language)
    return f"{month_name(month, language)} {year}"


def days_in_words(days: int, language: Language) -> str:
    """How far a day is from today: ``today``, ``tomorrow``, ``in 15 days``, ``yesterday``, ``15 days
    ago``, in each language with its own plural forms (Arabic has six)."""
    from withhold.language.words import words

    if days == 0:
        return _words("days", "today").get(language)
    if days == 1:
        return _words("days", "tomorrow").get(language)
    if days == -1:
        return _words("days", "yesterday").get(language)
    if days > 0:
        return words().counted(language, days, "days", "ahead")
    return words().counted(language, -days, "days", "ago")


def plural_category(language: Language, n: int) -> str:
    """CLDR's plural category of ``n`` in ``language`` (``one``, ``other``; Arabic also ``zero``, ``two``,
    ``few``, ``many``)."""
    return str(Locale.parse(language).plural_form(n))
