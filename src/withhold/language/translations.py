"""Translations into the languages that live in gettext catalogs (every language but English and Spanish).

A language is one directory of catalogs under ``withhold/locale`` (``fr/LC_MESSAGES/interview.po`` and
the other domains): adding a language is adding its catalogs. A translation is found by its English text,
its spaces folded. A fuzzy entry (gettext's "needs review" mark, which Poedit and Weblate show as such) is
a machine-assisted translation awaiting a fluent speaker's review: it is used, and the language says so
to its reader while any text it shows is still fuzzy.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(str(resources.files("withhold").joinpath("locale")))


def catalog_languages(root: Path = LOCALE) -> tuple[str, ...]:
    """The languages with catalogs, in the order of their codes."""
    if not root.is_dir():
        return ()
    return tuple(
        sorted(
            child.name for child in root.iterdir() if (child / "LC_MESSAGES").is_dir() and child.name != "es"
        )
    )


@dataclass
class Translations:
    language: str
    texts: dict[str, str] = field(default_factory=dict)
    plurals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fuzzy: set[str] = field(default_factory=set)
    plural_index: Callable[[int], int] = lambda n: 0 if n == 1 else 1

    def text(self, english: str) -> str | None:
        """The translation of an English text (its spaces folded, as the catalogs' ids are), if any."""
        return self.texts.get(fold(english)) or None

    def counted(self, english_one: str, n: int) -> str | None:
        """The form for ``n`` of a counted text, found by its English ``one`` form, if translated."""
        forms = self.plurals.get(fold(english_one))
        if not forms:
            return None
        index = self.plural_index(n)
        return forms[index] if index < len(forms) and forms[index] else None


def fold(text: str) -> str:
    """A text's spaces folded: the key a translation is found by (YAML's folded prose leaves doubles)."""
    return " ".join(text.split())


@cache
def translations(language: str) -> Translations:
    """Every catalog of ``language`` read once (an empty set for a language without catalogs)."""
    found = Translations(language)
    folder = LOCALE / language / "LC_MESSAGES"
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as source:
            book = read_po(source, locale=language)
        found.plural_index = gettext.c2py(book.plural_expr)
        for message in book:
            if not message.id or message.string in ("", None):
                continue
            if isinstance(message.id, tuple | list):
                forms = tuple(message.string)
                if not any(forms):
                    continue
                key = fold(message.id[0])
                found.plurals[key] = forms
            else:
                key = fold(message.id)
                if not str(message.string).strip():
                    continue
                found.texts[key] = str(message.string)
            if message.fuzzy:
                found.fuzzy.add(key)
    return found
