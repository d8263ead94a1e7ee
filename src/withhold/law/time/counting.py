"""How days are counted: forward from an event, backward from a hearing, in years; and what happens when
the last day is a Saturday, Sunday or legal holiday.

Forward periods exclude the day of the event and end on the last day counted (Minasyan v. Mukasey,
553 F.3d 1224 (9th Cir. 2009); FRAP 26(a)(1)). A last day on a weekend or holiday moves to the next
business day where the rule says so (8 CFR 1003.38(b); 8 CFR 1208.4(a)(2)(ii); FRAP 26(a)(1)(C)).
Backward periods count back from the hearing, the hearing day being day 0; under the Immigration Court
Practice Manual a deadline that lands on a weekend or holiday is construed to fall on the next business
day (ch. 3.1(c)), while the federal court rules would move it earlier (no rule here counts that way, so
there is no backward roll). Each rule names whether it rolls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from withhold.law.time.calendar import add_years, roll_forward, why_closed


class Roll(StrEnum):
    NEXT_BUSINESS_DAY = "next business day"
    NONE = "no adjustment"


@dataclass(frozen=True)
class Counted:
    """A counted date, and how it was reached (for the explanation)."""

    date: dt.date
    unadjusted: dt.date
    how: str


def _adjust(day: dt.date, roll: Roll) -> dt.date:
    if roll is Roll.NEXT_BUSINESS_DAY:
        return roll_forward(day)
    return day


def _explain(base: str, unadjusted: dt.date, adjusted: dt.date) -> str:
    if adjusted == unadjusted:
        return base
    return f"{base}; {unadjusted.isoformat()} is {why_closed(unadjusted)}, so {adjusted.isoformat()}"


def days_after(start: dt.date, days: int, roll: Roll) -> Counted:
    """``days`` calendar days after ``start`` (the start day is not counted)."""
    unadjusted = start + dt.timedelta(days=days)
    adjusted = _adjust(unadjusted, roll)
    return Counted(
        adjusted, unadjusted, _explain(f"{days} days after {start.isoformat()}", unadjusted, adjusted)
    )


def days_before(event: dt.date, days: int, roll: Roll) -> Counted:
    """``days`` calendar days before ``event`` (the event day is not counted)."""
    unadjusted = event - dt.timedelta(days=days)
    adjusted = _adjust(unadjusted, roll)
    return Counted(
        adjusted, unadjusted, _explain(f"{days} days before {event.isoformat()}", unadjusted, adjusted)
    )


def years_after(start: dt.date, years: int, roll: Roll, *, earliest: bool = False) -> Counted:
    """The anniversary ``years`` later. From February 29: February 28 for a deadline, March 1 for an
    ``earliest`` date, so that neither is ever too late nor too early."""
    unadjusted = add_years(start, years, leap_day_later=earliest)
    adjusted = _adjust(unadjusted, roll)
    unit = "year" if years == 1 else "years"
    return Counted(
        adjusted, unadjusted, _explain(f"{years} {unit} after {start.isoformat()}", unadjusted, adjusted)
    )
