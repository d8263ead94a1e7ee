"""Countries by name in each language Withhold speaks, from two maintained sources shipped with their
packages (nothing is fetched): the Unicode CLDR's names, as people write them ("Venezuela", "Rusia"),
through Babel, and the ISO 3166-1 names and their translations (iso-codes) through pycountry, for a
language CLDR does not name countries in (Haitian Creole) and for English. The case file keeps the
two-letter code; people read and type names."""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError

from withhold.language import LANGUAGES, Language, Localized

EXTRA = {"XK": "Kosovo"}
"""Codes in common use that ISO 3166-1 leaves to its users (pycountry follows the standard)."""


@cache
def _translation(language: Language) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def name(code: str, language: Language = "en") -> str | None:
    """The country's common short name in ``language`` ("Bolivia", not "Bolivia, Plurinational State
    of"), or None for a code that names no country."""
    if code in EXTRA:
        return EXTRA[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    common = _cldr(language).get(code)
    if common and not any(mark in common for mark in _COMPACT):
        return common
    english: str = getattr(country, "common_name", None) or country.name
    translated = _translation(language).gettext(english)
    if translated == english and english != country.name:
        translated = _translation(language).gettext(country.name)
    official = getattr(country, "official_name", None)
    if "," in translated and official:  # ISO's inverted "Congo, The Democratic Republic of the"
        spelled = _translation(language).gettext(official)
        if "," not in spelled and (spelled != official or language == "en"):
            return spelled
    return _uninverted(translated)


def _uninverted(name: str) -> str:
    """ISO's index form in reading order: "Congo, The Democratic Republic of the" → "Democratic Republic
    of the Congo"; "Congo, República Democrática do" → "República Democrática do Congo"."""
    found = _INVERTED.match(name)
    return f"{found.group(2)} {found.group(1)}" if found else name


_INVERTED = re.compile(r"^(.+?), (?:The |the )?(.+ (?:of|of the|do|da|de|del|du|des))$")


_COMPACT = (" - ", " & ", "SAR", "RAE", "R.A.S.")
"""Marks of CLDR's compact forms ("Congo - Kinshasa", "Bosnia & Herzegovina", "Hong Kong SAR China"),
which read badly in a letter to a court or a client: ISO's name is taken instead."""


@cache
def _cldr(language: Language) -> dict[str, str]:
    """CLDR's country names in ``language`` (none for a language it does not cover)."""
    try:
        return dict(Locale.parse(language).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def localized(code: str) -> Localized:
    """The country's name in every language Withhold speaks (the code where a language has no name)."""

    def named(language: Language) -> str:
        return name(code, language) or code

    return Localized(en=named("en"), es=named("es"), other=named)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@cache
def _names() -> dict[str, str]:
    """Every name and code a person might type, folded (no accents or case), to its two-letter code."""
    found: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        spellings = {code, country.alpha_3, country.name}
        spellings |= {getattr(country, "common_name", ""), getattr(country, "official_name", "")}
        for language in LANGUAGES:
            spellings.add(name(code, language) or "")
        for spelling in spellings - {""}:
            found.setdefault(_folded(spelling), code)
    for code, english in EXTRA.items():
        found.setdefault(_folded(english), code)
        found.setdefault(_folded(code), code)
    return found


def code(text: str) -> str | None:
    """The two-letter code of a country typed by name (in English or Spanish, accents optional) or by
    its ISO code; None when nothing matches exactly."""
    return _names().get(_folded(text))
