"""Counting days: forward, backward, in years; weekends, every federal holiday and its observed day, leap
years. Pure functions of the core (``deadlines.calendar``, ``deadlines.counting``); no case, no CLI.

The holiday dates below are written out by hand from 5 U.S.C. 6103(a) (the eleven federal holidays) and
6103(b) with Executive Order 11582 (a holiday on a Saturday is observed the Friday before, on a Sunday the
Monday after), so they check the ``holidays`` package rather than repeat it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from withhold.law.time.calendar import add_years, holiday_name, is_court_closed, roll_forward, why_closed
from withhold.law.time.counting import Roll, days_after, days_before, years_after

D = dt.date

# Every federal holiday of 2026, on its date (5 U.S.C. 6103(a)).
HOLIDAYS_2026 = [
    (D(2026, 1, 1), "New Year"),  # Thursday
    (D(2026, 1, 19), "Martin Luther King"),  # third Monday of January
    (D(2026, 2, 16), "Washington"),  # third Monday of February
    (D(2026, 5, 25), "Memorial"),  # last Monday of May
    (D(2026, 6, 19), "Juneteenth"),  # Friday
    (D(2026, 7, 4), "Independence"),  # Saturday (observed Friday the 3rd, below)
    (D(2026, 9, 7), "Labor"),  # first Monday of September
    (D(2026, 10, 12), "Columbus"),  # second Monday of October
    (D(2026, 11, 11), "Veterans"),  # Wednesday
    (D(2026, 11, 26), "Thanksgiving"),  # fourth Thursday of November
    (D(2026, 12, 25), "Christmas"),  # Friday
]

# Holidays on a weekend and the weekday observed instead (5 U.S.C. 6103(b); E.O. 11582).
OBSERVED = [
    (D(2026, 7, 3), "Independence", "July 4 2026 is a Saturday"),
    (D(2027, 7, 5), "Independence", "July 4 2027 is a Sunday"),
    (D(2021, 12, 31), "New Year", "January 1 2022 is a Saturday: observed in the year before"),
    (D(2027, 12, 31), "New Year", "January 1 2028 is a Saturday"),
    (D(2023, 1, 2), "New Year", "January 1 2023 is a Sunday"),
    (D(2021, 6, 18), "Juneteenth", "the first Juneteenth: June 19 2021 was a Saturday"),
    (D(2022, 6, 20), "Juneteenth", "June 19 2022 is a Sunday"),
    (D(2027, 6, 18), "Juneteenth", "June 19 2027 is a Saturday"),
    (D(2023, 11, 10), "Veterans", "November 11 2023 is a Saturday"),
    (D(2022, 12, 26), "Christmas", "December 25 2022 is a Sunday"),
    (D(2027, 12, 24), "Christmas", "December 25 2027 is a Saturday"),
]

# Business days that look like holidays and are not federal ones.
OPEN = [
    D(2020, 6, 19),  # a Friday: Juneteenth became a federal holiday on June 17, 2021
    D(2026, 11, 27),  # the day after Thanksgiving
    D(2026, 12, 24),  # Christmas Eve on a Thursday
    D(2026, 12, 31),  # New Year's Eve on a Thursday (January 1 2027 is a Friday)
    D(2026, 7, 2),  # the Thursday before the observed Independence Day
    D(2026, 7, 6),  # the Monday after it
]


@pytest.mark.parametrize(("day", "name"), HOLIDAYS_2026, ids=[n for _, n in HOLIDAYS_2026])
def test_each_federal_holiday_closes_the_court(day: dt.date, name: str) -> None:
    found = holiday_name(day)
    assert found is not None and name in found
    assert is_court_closed(day)


def test_the_2026_list_is_all_of_them() -> None:
    """No other weekday of 2026 is a federal holiday except the observed Independence Day."""
    closed_weekdays = {
        D(2026, 1, 1) + dt.timedelta(days=n)
        for n in range(365)
        if (D(2026, 1, 1) + dt.timedelta(days=n)).weekday() < 5
        and is_court_closed(D(2026, 1, 1) + dt.timedelta(days=n))
    }
    expected = {day for day, _ in HOLIDAYS_2026 if day.weekday() < 5} | {D(2026, 7, 3)}
    assert closed_weekdays == expected


@pytest.mark.parametrize(("day", "name", "why"), OBSERVED, ids=[w for _, _, w in OBSERVED])
def test_observed_days_are_legal_holidays(day: dt.date, name: str, why: str) -> None:
    assert day.weekday() < 5, why
    found = holiday_name(day)
    assert found is not None and name in found and "observed" in found, why
    assert is_court_closed(day)


@pytest.mark.parametrize("day", OPEN)
def test_days_that_are_not_federal_holidays(day: dt.date) -> None:
    assert holiday_name(day) is None
    assert not is_court_closed(day)


def test_weekends_are_closed_and_named() -> None:
    assert is_court_closed(D(2026, 2, 7)) and why_closed(D(2026, 2, 7)) == "a Saturday"
    assert is_court_closed(D(2026, 2, 8)) and why_closed(D(2026, 2, 8)) == "a Sunday"
    assert not is_court_closed(D(2026, 2, 9))
    assert why_closed(D(2026, 7, 4)) == "Independence Day"  # a holiday on a Saturday is named as the holiday


# --- forward ---------------------------------------------------------------------------------------


def test_days_after_on_a_business_day_is_not_moved() -> None:
    counted = days_after(D(2026, 1, 5), 30, Roll.NEXT_BUSINESS_DAY)
    assert counted.date == counted.unadjusted == D(2026, 2, 4)  # the start day is not counted
    assert counted.how == "30 days after 2026-01-05"


@pytest.mark.parametrize(
    ("start", "landing", "rolled"),
    [
        (D(2026, 1, 8), D(2026, 2, 7), D(2026, 2, 9)),  # Saturday → Monday
        (D(2026, 1, 9), D(2026, 2, 8), D(2026, 2, 9)),  # Sunday → Monday
        (D(2026, 6, 3), D(2026, 7, 3), D(2026, 7, 6)),  # observed Independence Day, then the weekend
        (D(2026, 5, 20), D(2026, 6, 19), D(2026, 6, 22)),  # Juneteenth on a Friday
        (D(2025, 12, 20), D(2026, 1, 19), D(2026, 1, 20)),  # Martin Luther King Jr. Day
        (D(2026, 10, 12), D(2026, 11, 11), D(2026, 11, 12)),  # Veterans Day on a Wednesday
        (D(2022, 11, 24), D(2022, 12, 24), D(2022, 12, 27)),  # Sat, Sun, then Christmas observed Monday
        (D(2021, 11, 24), D(2021, 12, 24), D(2021, 12, 27)),  # Christmas observed on Friday the 24th
        (D(2021, 12, 1), D(2021, 12, 31), D(2022, 1, 3)),  # New Year's Day 2022 observed in 2021
    ],
)
def test_days_after_rolls_to_the_next_business_day(start: dt.date, landing: dt.date, rolled: dt.date) -> None:
    counted = days_after(start, 30, Roll.NEXT_BUSINESS_DAY)
    assert counted.unadjusted == landing
    assert counted.date == rolled
    assert (
        counted.how
        == f"30 days after {start.isoformat()}; {landing.isoformat()} is {why_closed(landing)}, so {rolled.isoformat()}"
    )


def test_the_how_names_the_observed_holiday() -> None:
    counted = days_after(D(2026, 6, 3), 30, Roll.NEXT_BUSINESS_DAY)
    assert counted.how == "30 days after 2026-06-03; 2026-07-03 is Independence Day (observed), so 2026-07-06"


def test_no_adjustment_keeps_a_weekend_date() -> None:
    counted = days_after(D(2026, 1, 9), 30, Roll.NONE)
    assert counted.date == D(2026, 2, 8)  # a Sunday, left alone
    assert counted.how == "30 days after 2026-01-09"


# --- backward --------------------------------------------------------------------------------------


def test_days_before_counts_the_hearing_as_day_zero() -> None:
    counted = days_before(D(2026, 12, 8), 15, Roll.NEXT_BUSINESS_DAY)
    assert counted.date == D(2026, 11, 23)
    assert (D(2026, 12, 8) - counted.date).days == 15
    assert counted.how == "15 days before 2026-12-08"


@pytest.mark.parametrize(
    ("hearing", "landing", "rolled"),
    [
        (D(2027, 3, 15), D(2027, 2, 28), D(2027, 3, 1)),  # Sunday → Monday, toward the hearing
        (D(2026, 12, 11), D(2026, 11, 26), D(2026, 11, 27)),  # Thanksgiving → the Friday after
        (D(2027, 2, 2), D(2027, 1, 18), D(2027, 1, 19)),  # Martin Luther King Jr. Day 2027
    ],
)
def test_days_before_rolls_forward_when_the_rule_says_so(
    hearing: dt.date, landing: dt.date, rolled: dt.date
) -> None:
    counted = days_before(hearing, 15, Roll.NEXT_BUSINESS_DAY)
    assert (counted.unadjusted, counted.date) == (landing, rolled)


# --- years and leap days ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (D(2024, 2, 29), 1, D(2025, 2, 28)),  # no February 29 next year: the earlier day
        (D(2024, 2, 29), 2, D(2026, 2, 28)),
        (D(2024, 2, 29), 4, D(2028, 2, 29)),  # leap year to leap year
        (D(2024, 2, 29), 7, D(2031, 2, 28)),
        (D(2023, 2, 28), 1, D(2024, 2, 28)),  # not moved to the 29th in a leap year
        (D(2023, 3, 1), 1, D(2024, 3, 1)),
        (D(2026, 8, 10), 1, D(2027, 8, 10)),
    ],
)
def test_add_years(start: dt.date, years: int, expected: dt.date) -> None:
    assert add_years(start, years) == expected
    assert years_after(start, years, Roll.NONE).date == expected


def test_years_after_from_a_leap_day_rolls_past_the_weekend() -> None:
    counted = years_after(D(2020, 2, 29), 1, Roll.NEXT_BUSINESS_DAY)
    assert counted.unadjusted == D(2021, 2, 28)  # a Sunday
    assert counted.date == D(2021, 3, 1)
    assert counted.how == "1 year after 2020-02-29; 2021-02-28 is a Sunday, so 2021-03-01"
    assert years_after(D(2024, 2, 29), 2, Roll.NONE).how == "2 years after 2024-02-29"


# --- properties ------------------------------------------------------------------------------------

DAYS = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))


@given(DAYS)
def test_roll_forward_lands_on_the_first_open_day(day: dt.date) -> None:
    rolled = roll_forward(day)
    assert rolled >= day
    assert not is_court_closed(rolled)
    skipped = [day + dt.timedelta(days=n) for n in range((rolled - day).days)]
    assert all(is_court_closed(d) for d in skipped)
    assert (rolled - day).days <= 4  # at most a holiday weekend of four days


@given(DAYS, st.integers(min_value=1, max_value=400))
def test_days_after_never_lands_on_a_closed_day_and_never_moves_earlier(start: dt.date, days: int) -> None:
    counted = days_after(start, days, Roll.NEXT_BUSINESS_DAY)
    assert counted.unadjusted == start + dt.timedelta(days=days)
    assert counted.date >= counted.unadjusted
    assert not is_court_closed(counted.date)
    assert (counted.date == counted.unadjusted) == (not is_court_closed(counted.unadjusted))
