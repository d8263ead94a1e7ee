"""Each language's review status, and its name and direction for a reader (CLDR's, through Babel).

English and Spanish are written by the project and read by a fluent reviewer (the Spanish review is in
``docs/language``); a language from catalogs is *machine-assisted, awaiting review* while any of its
entries is still marked fuzzy (gettext's "needs review", which translation tools show as such), and
*reviewed* once a fluent speaker has cleared every mark.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from babel import Locale

from withhold.language import AUTHORED, LANGUAGES, Language, check_language
from withhold.language.translations import translations


class Review(StrEnum):
    REVIEWED = "reviewed"
    MACHINE_ASSISTED = "machine_assisted"


def review(language: Language) -> Review:
    check_language(language)
    if language in AUTHORED:
        return Review.REVIEWED
    return Review.MACHINE_ASSISTED if translations(language).fuzzy else Review.REVIEWED


@cache
def native_name(language: Language) -> str:
    """The language's name in itself: English, español, Kreyòl Ayisyen, العربية (capitalized)."""
    check_language(language)
    name = str(Locale.parse(language).get_display_name(language))
    return name[:1].upper() + name[1:]


def is_right_to_left(language: Language) -> bool:
    return str(Locale.parse(language).text_direction) == "rtl"


def right_to_left() -> tuple[Language, ...]:
    return tuple(language for language in LANGUAGES if is_right_to_left(language))
