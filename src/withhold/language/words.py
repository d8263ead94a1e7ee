"""The catalog of words every screen needs (``words.yaml``): how far a day is, and a date's names where a
language's CLDR data has none. A counted text has a form per plural category (CLDR's, through Babel):
English and Spanish ``one`` and ``other`` in the YAML, other languages as many as their catalog's
plural rule gives (Arabic six)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from babel.numbers import format_decimal
from pydantic import BeforeValidator, PlainValidator, RootModel

from withhold.language import (
    AUTHORED,
    Language,
    Localized,
    check_language,
    placeholder_problems,
    plural_category,
    text_pair,
)
from withhold.language.translations import translations
from withhold.package_data import read_model


@dataclass(frozen=True)
class Counted:
    """A text with a form per plural category, in the authored languages."""

    forms: dict[Language, dict[str, str]]

    def say(self, language: Language, n: int) -> str:
        check_language(language)
        number = format_decimal(n, locale=language)
        if language in AUTHORED:
            own = self.forms[language]
            text = own.get(plural_category(language, n)) or own["other"]
        else:
            found = translations(language).counted(self.forms["en"]["one"], n)
            if found is None:
                return self.say("en", n)  # not translated yet: the English, counted as English counts
            text = found
        return text.format(n=number)


@dataclass(frozen=True)
class Words:
    texts: dict[tuple[str, ...], Localized]
    counts: dict[tuple[str, ...], Counted]

    def text(self, *key: str) -> Localized:
        return self.texts[key]

    def counted(self, language: Language, n: int, *key: str) -> str:
        return self.counts[key].say(language, n)


def _is_counted(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(lang), dict) for lang in AUTHORED)


DATE_PLACEHOLDERS = frozenset({"month", "day", "year", "weekday"})


def _word(value: Any) -> Localized | Counted:
    """A counted text (``{en: {one: ..., other: ...}, es: {...}}``) or one text, with the date's
    placeholders only."""
    if _is_counted(value):
        if set(value) != set(AUTHORED):
            raise ValueError(f"a counted text has the forms of {' and '.join(AUTHORED)}, no other language")
        forms = {lang: {str(k): str(v) for k, v in value[lang].items()} for lang in AUTHORED}
        if any("one" not in f or "other" not in f for f in forms.values()):
            raise ValueError("a counted text needs `one` and `other` forms")
        return Counted(forms)
    text = text_pair(value)
    problems = placeholder_problems(text, DATE_PLACEHOLDERS)
    if problems:
        raise ValueError("; ".join(problems))
    return text


def _keys_as_text(value: Any) -> Any:
    # A key YAML reads as a number (`1:` unquoted) is named as written.
    return {str(key): word for key, word in value.items()} if isinstance(value, dict) else value


class WordsFile(
    RootModel[
        dict[
            str,
            Annotated[
                dict[str, Annotated[Localized | Counted, PlainValidator(_word)]],
                BeforeValidator(_keys_as_text),
            ],
        ]
    ]
):
    """``words.yaml``: groups of words, each a text or a counted text."""


@cache
def words() -> Words:
    read = read_model(WordsFile, "withhold.language", "words.yaml")
    texts: dict[tuple[str, ...], Localized] = {}
    counts: dict[tuple[str, ...], Counted] = {}
    for group, entries in read.root.items():
        for key, word in entries.items():
            if isinstance(word, Counted):
                counts[(group, key)] = word
            else:
                texts[(group, key)] = word
    return Words(texts, counts)
