"""The languages Withhold speaks, and one text in each of them.

The interview, the evidence checklist, the comparison of protections and the reports all keep their texts
in English and Spanish side by side (package data in YAML), so a bilingual reviewer can check one against
the other; :class:`Localized` is that pair once read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
        """Both texts with ``{name}`` placeholders filled in."""
        return Localized(en=self.en.format(**values), es=self.es.format(**values))
