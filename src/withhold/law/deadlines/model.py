"""What a deadline rule computes, and how a computed date stands on the evaluation date.

A deadline is met by filing on or before its last day (8 CFR 1003.31(c): a filing the immigration judge
set a time for is waived if not made by then; 8 CFR 1208.4(a)(2) for the one-year deadline), and is past
from the day after; the rules in this package say, each with its citation and dates, which days those are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from withhold.law.time.counting import Counted
from withhold.logic.value import V


class Kind(StrEnum):
    DEADLINE = "deadline"
    """Something must be done by this date."""
    EARLIEST = "earliest"
    """Something may be done from this date (work permit, adjustment)."""
    WINDOW_END = "window_end"
    """A period of eligibility ends on this date."""


class Standing(StrEnum):
    UPCOMING = "upcoming"
    PAST = "past"
    MET = "met"
    MISSED = "missed"
    UNKNOWN = "unknown"
    EXEMPT = "exempt"
    """The deadline does not apply to this person (an unaccompanied child and the one-year deadline)."""


@dataclass(frozen=True)
class Due:
    """The value of a deadline rule: the date, what started it, and how it was counted."""

    date: dt.date
    starts_from: str
    """The fact path of the starting date (``proceedings.decision.date``)."""
    start: dt.date
    counting: str
    kind: Kind = Kind.DEADLINE
    done_on: dt.date | None = None
    """When the act was done, if the case records it (a filing date)."""
    not_done: bool = False
    """The case says the act has not been done yet (an explicit ``filed_on: null``)."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    later: dt.date | None = None
    """Where the law is contested, the later date a reading of it allows; ``date`` is the earliest
    defensible one, the one shown first and sent to calendars."""

    def standing(self, as_of: dt.date) -> Standing:
        if self.kind is Kind.DEADLINE and self.done_on is not None:
            return Standing.MET if self.done_on <= self.date else Standing.MISSED
        if self.date >= as_of:
            return Standing.UPCOMING
        return Standing.MISSED if self.kind is Kind.DEADLINE and self.not_done else Standing.PAST


@dataclass(frozen=True)
class Exempt:
    """The value of a deadline rule when the law exempts the person: no date, and why."""

    reason: str


def due(
    start_path: str,
    start: dt.date,
    counted: Counted,
    *,
    kind: Kind = Kind.DEADLINE,
    notes: tuple[str, ...] = (),
    later: dt.date | None = None,
) -> V[Due]:
    """A deadline rule's value: the counted date, what started it, and how it was counted."""
    return V(
        Due(
            date=counted.date,
            starts_from=start_path,
            start=start,
            counting=counted.how,
            kind=kind,
            notes=notes,
            later=later,
        )
    )
