"""Ages and years of presence, counted by anniversaries.

A February 29 anniversary falls on March 1 in a common year: the later, safer day for a date from which a
person is old enough or has been present long enough (``law.time.calendar.add_years``), so a person born on
February 29 is under 21 until March 1, and ten years from February 29 end on March 1. No law here: the
numbers of years are the rules' parameters.
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
