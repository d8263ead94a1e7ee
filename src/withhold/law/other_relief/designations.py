"""The Temporary Protected Status designations, as dated periods per country (``tps.yaml``).

A designation is made by the Secretary of Homeland Security (formerly the Attorney General) by notice in
the Federal Register (INA 244(b)(1), (b)(3)); its periods here are legal data in the one dated format
(:class:`~withhold.logic.dated.Dated`): each has its days, its status, a plain note, the notices or court
orders behind it (``reference``), the day it was checked (``verified_on``) and how sure the project is
(``confidence``: ``verified`` where the Federal Register or USCIS text was read, ``secondary`` where only
others' reports were). Periods of a country may leave gaps, where nothing is known to hold
(``timeline_problems(..., covering=False)``). The file is read once, when first used; nothing else here does
I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from withhold.language import LocalizedText
from withhold.logic.dated import Dated, check_timeline, last_before, on
from withhold.package_data import read_model

TpsStatus = Literal["designated", "termination_blocked", "terminated"]
"""``termination_blocked``: a termination was announced, but a court order keeps TPS in effect."""

IN_EFFECT: frozenset[str] = frozenset({"designated", "termination_blocked"})
"""The statuses under which TPS is in effect for the country's nationals."""

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""ISO 3166-1 alpha-2. YAML reads an unquoted NO (Norway) as false: quote such codes."""


class TpsPeriod(Dated):
    """One period of a country's designation: both days known and inclusive."""

    start: dt.date = Field(alias="from")
    until: dt.date
    status: TpsStatus
    note: LocalizedText
    """What happened, in plain language."""


def _in_order(periods: tuple[TpsPeriod, ...]) -> tuple[TpsPeriod, ...]:
    """Oldest first, without overlap; gaps allowed (nothing is known in them). Each problem is located at
    its period and field, so the file's reader names its line."""
    check_timeline(periods, covering=False, first_from=True, title="periods")
    return periods


class TpsCountry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: LocalizedText
    periods: Annotated[tuple[TpsPeriod, ...], Field(min_length=1), AfterValidator(_in_order)]
    """Oldest first, without overlap. Before the first the country was not designated (each country starts
    at its current designation); in a gap or after the last, nothing is known here."""


class TpsTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    countries: dict[CountryCode, TpsCountry]


@dataclass(frozen=True)
class Reading:
    """A country's designation read for a day."""

    country: TpsCountry
    period: TpsPeriod
    current: bool
    """True when the day falls in ``period``; False when it falls after it, where nothing is known."""


def reading(table: TpsTable, code: str, day: dt.date) -> Reading | None:
    """The period holding on ``day``, or the last one before it when ``day`` falls in a gap or after the
    end; ``None`` for a country never designated or a day before its first period."""
    country = table.countries.get(code)
    if country is None:
        return None
    holding = on(country.periods, day)
    if holding is not None:
        return Reading(country, holding, current=True)
    last = last_before(country.periods, day)
    return None if last is None else Reading(country, last, current=False)


@cache
def designations() -> TpsTable:
    """The package's table (``tps.yaml``, read and checked once)."""
    return read_model(TpsTable, __package__, "tps.yaml")
