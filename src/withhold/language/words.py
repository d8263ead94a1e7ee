"""The catalog of words every screen needs (``words.yaml``): how far a day is, and a date's names where a
language's CLDR data has none. A counted text has a form per plural category (CLDR's, through Babel):
English and Spanish ``one`` and ``other`` in the YAML, other languages as many as their catalog's
plural rule gives (Arabic six)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from babel.numbers import format_decimal

from withhold.language import AUTHORED, Language, Localized, check_language, plural_category, read_localized
from withhold.language.translations import translations
from withhold.package_data import read_yaml


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


@cache
def words() -> Words:
    data = read_yaml("withhold.language", "words.yaml")
    problems: list[str] = []
    texts: dict[tuple[str, ...], Localized] = {}
    counts: dict[tuple[str, ...], Counted] = {}
    for group, entries in data.items():
        for key, value in entries.items():
            where = (str(group), str(key))
            if _is_counted(value):
                forms = {lang: {str(k): str(v) for k, v in value[lang].items()} for lang in AUTHORED}
                if any("one" not in f or "other" not in f for f in forms.values()):
                    problems.append(f"{'.'.join(where)}: a counted text needs `one` and `other` forms")
                    continue
                counts[where] = Counted(forms)
                continue
            text = read_localized(
                ".".join(where),
                value,
                problems,
                placeholders_allowed=frozenset({"month", "day", "year", "weekday"}),
            )
            if text is not None:
                texts[where] = text
    if problems:
        raise ValueError("language/words.yaml: " + "; ".join(problems))
    return Words(texts, counts)
