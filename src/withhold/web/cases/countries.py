"""The countries a case file names by ISO 3166-1 alpha-2 code (``claim.country: SV``), as the editors show
them: a list of country names in the reader's language, stored as codes. Which facts are countries is the
fact catalogue's (kind ``country``), not listed here."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

import pycountry
from django import forms

from withhold.facts import countries as names
from withhold.facts.case import COUNTRY_PATTERN
from withhold.language import Language


def _sort_key(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


@cache
def countries(language: Language) -> tuple[tuple[str, str], ...]:
    """Every country as (code, name in ``language``), by name; the names are the core's
    (:mod:`withhold.facts.countries`), the ones the interview reads and the reports print."""
    codes = [country.alpha_2 for country in pycountry.countries] + list(names.EXTRA)
    found = [(code, names.name(code, language) or code) for code in codes]
    return tuple(sorted(found, key=lambda pair: _sort_key(pair[1])))


class CountrySelect(forms.Select):
    """A list of countries that also shows a code it has no name for, as the code: the case keeps it."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        known = {str(code) for code, _ in self.choices}
        if value and str(value) not in known:
            self.choices = [*self.choices, (str(value), str(value))]
        return super().get_context(name, value, attrs)


class CountryField(forms.ChoiceField):
    """A country by its name, stored as its code; a code outside the list is kept (the case file's own
    check is its pattern, two capital letters), never turned into unknown."""

    widget = CountrySelect

    def valid_value(self, value: Any) -> bool:
        return super().valid_value(value) or re.fullmatch(COUNTRY_PATTERN, str(value)) is not None
