"""Federal court calendar: weekends and legal holidays, from the ``holidays`` package.

Its days for 1990-2100 are kept in ``federal_holidays.json`` (written by ``scripts/federal-holidays.py``,
checked against the package by a test), because importing the package costs every command about a
second; a year outside the table asks the package itself.

Used where a regulation extends a period that ends on a Saturday, Sunday or legal holiday to the next
day that is not one (8 CFR 1208.4(a)(2)(ii) for the one-year asylum deadline; 8 CFR 1003.38(b) for BIA
appeals). Observed days count: when the Fourth of July falls on a Saturday, federal offices close on
Friday the 3rd, and that Friday is a legal holiday too.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache, lru_cache
from importlib import resources


@cache
def _table() -> dict[int, dict[dt.date, str]]:
    text = resources.files("withhold.law.time").joinpath("federal_holidays.json").read_text(encoding="utf-8")
    return {
        int(year): {dt.date.fromisoformat(day): name for day, name in days.items()}
        for year, days in json.loads(text).items()
    }


@lru_cache(maxsize=256)
def _federal_holidays(year: int) -> dict[dt.date, str]:
    kept = _table().get(year)
    if kept is not None:
        return kept
    import holidays  # only for a year outside the table: its import is slow

    return dict(holidays.country_holidays("US", years=year, observed=True).items())


def holiday_name(day: dt.date) -> str | None:
    """The federal holiday on ``day`` (observed days included), or None."""
    return _federal_holidays(day.year).get(day)


def is_court_closed(day: dt.date) -> bool:
    return day.weekday() >= 5 or holiday_name(day) is not None


def roll_forward(day: dt.date) -> dt.date:
    """The first day on or after ``day`` that is not a Saturday, Sunday or legal holiday."""
    while is_court_closed(day):
        day += dt.timedelta(days=1)
    return day


def add_years(day: dt.date, years: int, *, leap_day_later: bool = False) -> dt.date:
    """The same calendar day ``years`` later. February 29 becomes February 28 for a deadline (the earlier,
    safer day) and March 1 for an earliest date (``leap_day_later``: the later, safer day)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        if leap_day_later:
            return dt.date(day.year + years, 3, 1)
        return day.replace(year=day.year + years, day=28)


def why_closed(day: dt.date) -> str:
    name = holiday_name(day)
    if name:
        return name
    return "a Saturday" if day.weekday() == 5 else "a Sunday"
