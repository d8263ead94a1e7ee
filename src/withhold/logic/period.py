"""Periods in which a rule (or a parameter value) is in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    """From ``start`` (inclusive) to ``end`` (inclusive); ``None`` is open-ended."""

    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def __str__(self) -> str:
        start = self.start.isoformat() if self.start else "…"
        end = self.end.isoformat() if self.end else "…"
        return f"{start} – {end}"


ALWAYS = Period()


def since(year: int, month: int, day: int) -> Period:
    return Period(dt.date(year, month, day))


def until(year: int, month: int, day: int) -> Period:
    return Period(None, dt.date(year, month, day))


def between(start: dt.date, end: dt.date) -> Period:
    return Period(start, end)
