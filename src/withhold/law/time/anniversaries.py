"""Ages and years of presence, counted by anniversaries: the age that makes a son or daughter a "child"
(under 21, INA 101(b)(1), 8 U.S.C. 1101(b)(1)) or a special immigrant juvenile (8 CFR 204.11(b)(1)), and
the ten years of continuous physical presence for cancellation of removal (INA 240A(b)(1)(A), 8 U.S.C.
1229b(b)(1)(A)). Kept with the other computation of time (``law.time``).

A February 29 anniversary falls on March 1 in a common year: the later, safer day for a date from which a
person is old enough or has been present long enough (``law.time.calendar.add_years``), so a person born on
February 29 is under 21 until March 1, and ten years from February 29 end on March 1. The numbers of
years are the rules' dated parameters; the March 1 reading is the project's choice where the statutes are
silent, taken because it never makes a person old enough, or present long enough, a day too early.
"""

from __future__ import annotations

import datetime as dt

from withhold.law.time.calendar import add_years


def anniversary(start: dt.date, years: int) -> dt.date:
    """The day ``years`` whole years after ``start`` are reached (a 21st birthday: ``years=21``)."""
    return add_years(start, years, leap_day_later=True)


def full_years(start: dt.date, day: dt.date) -> int:
    """Whole years from ``start`` to ``day`` (anniversaries reached; negative when ``day`` is earlier)."""
    years = day.year - start.year
    return years if anniversary(start, years) <= day else years - 1
