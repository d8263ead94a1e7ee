"""Every deadline of a case: the law's deadline rules evaluated once, as dated entries.

Two dates, kept apart: the law is taken as of ``as_of`` (which version of each rule, which parameter
value), and whether a date is past, missed or due soon is counted from ``today``. A case screened under
the law of another day still counts its days from today: a deadline 13 days past is never "due today".
Pure: the case and the dates come in, entries come out; the faces (CLI, calendar file, web) render them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from withhold.facts.case import Case
from withhold.facts.source import CaseFacts
from withhold.law.deadlines.catalogue import DEADLINES
from withhold.law.deadlines.model import Due, Exempt, Kind, Standing
from withhold.logic import Evaluation, Rule, Trace
from withhold.parameters import load as load_parameters

SOON_DAYS = 14


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    rule: str
    citations: tuple[str, ...]
    status: Standing
    due: Due | None
    depends: tuple[str, ...]
    """For an unknown date: the facts that would fix it."""
    item: int | None
    trace: Trace

    @property
    def date(self) -> dt.date | None:
        return self.due.date if self.due else None

    @property
    def key(self) -> str:
        """Stable within a case: the id, and the hearing it belongs to."""
        return self.id if self.item is None else f"{self.id}[{self.item}]"

    @property
    def notes(self) -> tuple[str, ...]:
        notes = list(self.due.notes) if self.due else []
        if self.trace.caveat:
            notes.append(self.trace.caveat)
        if self.trace.note and self.due is None:
            notes.append(self.trace.note)
        return tuple(notes)

    def days_left(self, as_of: dt.date) -> int | None:
        return (self.date - as_of).days if self.date else None

    def soon(self, as_of: dt.date) -> bool:
        left = self.days_left(as_of)
        return self.status is Standing.UPCOMING and left is not None and left <= SOON_DAYS

    def to_json(self, as_of: dt.date) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "status": self.status.value,
            "starts_from": self.due.starts_from if self.due else None,
            "rule": self.rule,
            "citations": list(self.citations),
            "notes": list(self.notes),
            # Additions: what kind of date, how it was counted, what would fix an unknown one.
            "kind": self.due.kind.value if self.due else Kind.DEADLINE.value,
            "start": self.due.start.isoformat() if self.due else None,
            "counting": self.due.counting if self.due else None,
            "depends": list(self.depends),
            "item": self.item,
            "due_soon": self.soon(as_of),
            "days_left": self.days_left(as_of),
            "contested": bool(self.trace.caveat),
            "later_date": self.due.later.isoformat() if self.due and self.due.later else None,
        }


@dataclass(frozen=True)
class Schedule:
    as_of: dt.date
    """The day the law is taken as of."""
    entries: tuple[Entry, ...]
    today: dt.date
    """The day the standings and the days left are counted from."""

    def to_json(self) -> list[dict[str, Any]]:
        return [entry.to_json(self.today) for entry in self.entries]


def schedule(case: Case, as_of: dt.date, today: dt.date | None = None) -> Schedule:
    """The deadlines under the law as of ``as_of``, counted from ``today`` (default: the same day)."""
    counted_from = as_of if today is None else today
    facts = CaseFacts(case)
    evaluation = Evaluation(facts, as_of, load_parameters())
    entries: list[Entry] = []
    for deadline_id, rule in DEADLINES:
        for item in _items(rule, facts):
            entry = _entry(deadline_id, rule, item, evaluation, counted_from)
            if entry is not None:
                entries.append(entry)
    return Schedule(as_of, tuple(sorted(entries, key=_order)), counted_from)


def _items(rule: Rule, facts: CaseFacts) -> list[int | None]:
    if rule.per is None:
        return [None]
    count = facts.read(rule.per)
    return list(range(count.get())) if count.known else []


def _entry(
    deadline_id: str, rule: Rule, item: int | None, evaluation: Evaluation, as_of: dt.date
) -> Entry | None:
    value, trace = evaluation.evaluate(rule, item)
    if value.known and value.value is None:
        return None  # does not apply to this case (no grant, another kind of hearing, nothing filed)
    due = value.value if value.known else None
    if isinstance(due, Exempt):
        status = Standing.EXEMPT
    else:
        status = due.standing(as_of) if isinstance(due, Due) else Standing.UNKNOWN
    return Entry(
        id=deadline_id,
        title=rule.title,
        rule=rule.id,
        citations=trace.citations,
        status=status,
        due=due if isinstance(due, Due) else None,
        depends=tuple(sorted(value.depends)),
        item=item,
        trace=trace,
    )


def _order(entry: Entry) -> tuple[int, dt.date, str]:
    return (0, entry.date, entry.key) if entry.date else (1, dt.date.max, entry.key)
