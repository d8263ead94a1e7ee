"""What the docket shows about a case without opening it: the name, the A-number, the hearing dates, the
dated deadlines and the four statuses. Derived from the case by the core and stored encrypted with it.

Deadlines are kept with their dates, not their standing: which is next depends on the day the docket is
read, so :func:`next_deadline` decides that then. A summary written by another version of Withhold is
recomputed (the law or its reading may have changed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from withhold import __version__
from withhold.deadlines.schedule import schedule
from withhold.facts.case import Case
from withhold.facts.describe import person_name
from withhold.law.deadlines.model import Kind, Standing
from withhold.screening import screen


def as_of_for(case: Case, today: dt.date) -> dt.date:
    """The date the law is taken as of: the case's ``law_as_of``, else today (as the CLI does)."""
    return case.law_as_of or today


def summarize(case: Case, today: dt.date) -> dict[str, Any]:
    day = as_of_for(case, today)
    found = schedule(case, day, today)
    deadlines = [
        {"date": entry.date.isoformat(), "title": entry.title}
        for entry in found.entries
        if entry.date is not None
        and entry.due is not None
        and entry.due.kind is Kind.DEADLINE
        and entry.status not in (Standing.MET, Standing.MISSED)
    ]
    hearings = sorted(
        {h.date.isoformat() for h in case.proceedings.hearings or () if h.date is not None},
    )
    return {
        "version": __version__,
        "screened_on": day.isoformat(),
        "name": person_name(case.person),
        "a_number": case.person.a_number or "",
        "hearings": hearings,
        "deadlines": deadlines,
        "statuses": screen(case, day).statuses,
        "missed": sum(1 for entry in found.entries if entry.status is Standing.MISSED),
    }


def is_current(summary: dict[str, Any] | None) -> bool:
    return bool(summary) and summary.get("version") == __version__  # type: ignore[union-attr]


@dataclass(frozen=True)
class Upcoming:
    date: dt.date
    title: str

    def days_left(self, today: dt.date) -> int:
        return (self.date - today).days


def next_hearing(summary: dict[str, Any], today: dt.date) -> Upcoming | None:
    dates = [dt.date.fromisoformat(d) for d in summary.get("hearings", [])]
    future = sorted(d for d in dates if d >= today)
    return Upcoming(future[0], "hearing") if future else None


def next_deadline(summary: dict[str, Any], today: dt.date) -> Upcoming | None:
    found = [
        Upcoming(dt.date.fromisoformat(entry["date"]), entry["title"])
        for entry in summary.get("deadlines", [])
        if dt.date.fromisoformat(entry["date"]) >= today
    ]
    return min(found, key=lambda up: up.date) if found else None
