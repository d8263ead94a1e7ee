"""A schedule in the parts every face lists it in: what has passed, what is due soon (within
:data:`~withhold.deadlines.schedule.SOON_DAYS`), what comes later, what cannot be computed yet, and what
does not apply to the person (with the reason).

Decided once here from each entry's standing and date; the terminal, the reports and the web page each
name the parts in their own words."""

from __future__ import annotations

from typing import Literal

from withhold.deadlines.schedule import Entry, Schedule
from withhold.law.deadlines.model import Standing

Part = Literal["past", "soon", "later", "unknown", "exempt"]
PARTS: tuple[Part, ...] = ("past", "soon", "later", "unknown", "exempt")


def sections(schedule: Schedule) -> dict[Part, list[Entry]]:
    """The entries of each part, in :data:`PARTS` order, each in the schedule's order (by date)."""
    found: dict[Part, list[Entry]] = {part: [] for part in PARTS}
    for entry in schedule.entries:
        if entry.status is Standing.EXEMPT:
            found["exempt"].append(entry)
        elif entry.status is Standing.UNKNOWN or entry.due is None:
            found["unknown"].append(entry)
        elif entry.status is Standing.UPCOMING:
            found["soon" if entry.soon(schedule.today) else "later"].append(entry)
        else:
            found["past"].append(entry)
    return found
