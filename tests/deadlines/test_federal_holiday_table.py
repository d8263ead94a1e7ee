"""The kept table of federal holidays is the ``holidays`` package's own answer for every year it holds,
and a year outside it still gets the package's answer."""

from __future__ import annotations

import datetime as dt

import holidays

from withhold.law.time.calendar import _table, holiday_name


def test_the_table_is_the_packages_answer_for_every_year() -> None:
    table = _table()
    assert min(table) == 1990 and max(table) == 2100
    for year, days in table.items():
        expected = dict(holidays.country_holidays("US", years=year, observed=True).items())
        assert days == expected, (
            f"{year}: run scripts/federal-holidays.py again (holidays {holidays.__version__})"
        )


def test_a_year_outside_the_table_asks_the_package() -> None:
    assert holiday_name(dt.date(1985, 12, 25)) == "Christmas Day"
    assert holiday_name(dt.date(1989, 7, 4)) == "Independence Day"
