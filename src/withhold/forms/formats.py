"""How a case's values are written on the form: dates as mm/dd/yyyy, months as mm/yyyy, countries by name.

A value that cannot be written in the form's boxes (a telephone number that is not a US one, a country
code without a name) raises :class:`DoesNotFitError`: the box stays empty and the question is listed, so a
person writes it by hand; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re

import pycountry

FORMATS = frozenset(
    {"text", "date", "month", "country", "a_number", "digits", "zip5", "area_code", "local_number", "title"}
)

# Codes in common use that ISO 3166-1 leaves to its users (pycountry follows the standard).
_EXTRA_COUNTRIES = {"XK": "Kosovo"}


class DoesNotFitError(ValueError):
    """The value is known but the form's boxes cannot hold it as it is."""


def country_name(code: str) -> str:
    """The English short name, in its common form where ISO has one ("Bolivia", not "Bolivia,
    Plurinational State of")."""
    if code in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise DoesNotFitError(f"no country has the code {code}")
    name: str = getattr(country, "common_name", None) or country.name
    return name


def us_date(day: dt.date) -> str:
    return day.strftime("%m/%d/%Y")


def _phone_digits(value: str) -> str:
    digits = re.sub(r"[^0-9]", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        raise DoesNotFitError(f"{value!r} is not a 10-digit US telephone number")
    return digits


def render(value: object, form: str | None) -> str:
    """``value`` (a case/1 value, known) as the form wants it written."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if form is None or form == "text":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if form == "date":
        if not isinstance(value, dt.date):
            raise TypeError(f"format date needs a date, got {value!r}")
        return us_date(value)
    text = str(value)
    if form == "month":
        if text == "present":
            return "Present"
        year, month = text.split("-")
        return f"{month}/{year}"
    if form == "country":
        return country_name(text)
    if form == "a_number":
        # USCIS prints A-numbers with nine digits; eight-digit numbers take a leading zero.
        return text.removeprefix("A").rjust(9, "0")
    if form == "digits":
        return re.sub(r"[^0-9]", "", text)
    if form == "zip5":
        digits = re.sub(r"[^0-9]", "", text)
        if len(digits) not in (5, 9):
            raise DoesNotFitError(f"{text!r} is not a US ZIP code")
        return digits[:5]  # the form's box holds the five-digit ZIP code, not ZIP+4
    if form == "area_code":
        return _phone_digits(text)[:3]
    if form == "local_number":
        digits = _phone_digits(text)
        return f"{digits[3:6]}-{digits[6:]}"
    if form == "title":
        return text.replace("_", " ").capitalize()
    raise ValueError(f"unknown format {form!r}")
