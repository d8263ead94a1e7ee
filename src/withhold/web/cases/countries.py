"""The countries a case file names by ISO 3166-1 alpha-2 code (``claim.country: SV``), as the editors show
them: a list of country names in the reader's language (pycountry's names and its translations), stored
as codes. Which facts are countries is read from the case model (their pattern), not listed here."""

from __future__ import annotations

import gettext
import re
import types
import unicodedata
from functools import cache
from typing import Any, Union, get_args, get_origin

import pycountry
from django import forms
from pydantic import BaseModel

from withhold.facts.case import COUNTRY_PATTERN, Case
from withhold.language import Language

EXTRA = {"XK": "Kosovo"}
"""A code in common use that ISO 3166-1 leaves to its users (as the I-589 filler names it too)."""


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation holds (``Claim | None``, ``list[Conviction]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if get_origin(annotation) in (Union, types.UnionType, list):
        return [model for arg in get_args(annotation) for model in _models_in(arg)]
    return []


@cache
def is_country(path: str) -> bool:
    """Whether the fact at the generic ``path`` (``family.children[].country_of_birth``) is a country code."""
    model: type[BaseModel] = Case
    *parents, name = path.replace("[]", "").split(".")
    for part in parents:
        field = model.model_fields.get(part)
        inner = _models_in(field.annotation) if field is not None else []
        if not inner:
            return False
        model = inner[0]
    field = model.model_fields.get(name)
    return field is not None and any(
        getattr(rule, "pattern", None) == COUNTRY_PATTERN for rule in field.metadata
    )


def _sort_key(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


@cache
def countries(language: Language) -> tuple[tuple[str, str], ...]:
    """Every country as (code, name in ``language``), by name; the common name where ISO has one."""
    translate = (
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True).gettext
        if language != "en"
        else str
    )
    found = [
        (country.alpha_2, translate(getattr(country, "common_name", None) or country.name))
        for country in pycountry.countries
    ]
    found.extend(EXTRA.items())
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
