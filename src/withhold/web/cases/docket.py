"""The docket: an organization's cases, found by name or A-number, filtered by workflow status, and sorted
by urgency: cases with a missed deadline first, then those with a deadline or hearing soon, then later ones
(each by the nearest date), and cases with no date ahead last. Also filtered by whose cases they are
(``whose``: the responsible attorney or the screener) and to those with a deadline soon (``soon``)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from django.db.models import Q

from withhold.deadlines.schedule import SOON_DAYS
from withhold.web.accounts.models import Organization
from withhold.web.cases import search
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.store import fresh_summary
from withhold.web.cases.summary import Upcoming, is_current, next_deadline, next_hearing


@dataclass(frozen=True)
class Row:
    case_id: uuid.UUID
    number: int
    """``Case 12`` within the organization."""
    workflow: str
    name: str
    a_number: str
    next_hearing: Upcoming | None
    next_deadline: Upcoming | None
    statuses: dict[str, str]
    missed: int
    today: dt.date

    @property
    def deadline_in(self) -> int | None:
        return self.next_deadline.days_left(self.today) if self.next_deadline else None

    @property
    def deadline_soon(self) -> bool:
        """Due within the schedule's own "soon" window (:data:`~withhold.deadlines.schedule.SOON_DAYS`)."""
        return self.deadline_in is not None and self.deadline_in <= SOON_DAYS

    @property
    def hearing_in(self) -> int | None:
        return self.next_hearing.days_left(self.today) if self.next_hearing else None

    @property
    def soonest(self) -> dt.date | None:
        dates = [up.date for up in (self.next_hearing, self.next_deadline) if up is not None]
        return min(dates) if dates else None


class Urgency(IntEnum):
    """The docket's bands, most urgent first; within a band the nearest date comes first."""

    MISSED = 0
    """A deadline was missed: what can still be done (an exception, another protection) is urgent."""
    SOON = 1
    """A deadline or hearing within the schedule's "soon" window (:data:`SOON_DAYS`)."""
    LATER = 2
    NONE = 3
    """No date ahead."""


def band(row: Row) -> Urgency:
    if row.missed:
        return Urgency.MISSED
    soonest = row.soonest
    if soonest is None:
        return Urgency.NONE
    return Urgency.SOON if (soonest - row.today).days <= SOON_DAYS else Urgency.LATER


def urgency(row: Row) -> tuple[Any, ...]:
    return (band(row), row.soonest or dt.date.max, -row.missed, row.number)


def docket(
    organization: Organization,
    query: str,
    workflow: str,
    today: dt.date,
    whose: Q | None = None,
    soon: bool = False,
) -> list[Row]:
    """The organization's cases, most urgent first. Only the columns the docket shows are read (not the
    case files, nor whole records): every summary is decrypted to sort by urgency, which keeps a docket
    of thousands of cases a fraction of a second (``bench/docket_size.py``)."""
    cases = CaseRecord.objects.filter(organization=organization)
    if workflow in Workflow.values:
        cases = cases.filter(workflow=workflow)
    if query.strip():
        cases = search.matching(cases, query)
    if whose is not None:
        cases = cases.filter(whose)
    rows = []
    for case_id, number, status, summary in cases.values_list("id", "number", "workflow", "summary"):
        if not is_current(summary):
            record = CaseRecord.objects.filter(pk=case_id).first()
            if record is None:
                continue  # deleted meanwhile
            summary = fresh_summary(record)
        rows.append(
            Row(
                case_id=case_id,
                number=number,
                workflow=status,
                name=summary.get("name", ""),
                a_number=summary.get("a_number", ""),
                next_hearing=next_hearing(summary, today),
                next_deadline=next_deadline(summary, today),
                statuses=summary.get("statuses", {}),
                missed=int(summary.get("missed", 0)),
                today=today,
            )
        )
    if soon:
        rows = [row for row in rows if row.deadline_in is not None and row.deadline_soon]
    return sorted(rows, key=urgency)
