"""Which of an organization's cases a change in the law reaches: each case screened on two law dates —
the day it was last screened (or a chosen day) and today (or another chosen day) — with the protections
whose status changes and why, from the core's law watch. Nothing here decides the law."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from withhold.facts.case import Case
from withhold.screening import screen
from withhold.watch import CaseChange, LawChange, changes, status_changes
from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.summary import is_current

EARLIEST = dt.date(1980, 4, 1)
"""The law Withhold encodes begins with the Refugee Act (``law/enactments.py``)."""
LATEST = dt.date(2199, 12, 31)


@dataclass(frozen=True)
class AffectedCase:
    record: CaseRecord
    change: CaseChange


@dataclass(frozen=True)
class Watch:
    checked: int
    affected: tuple[AffectedCase, ...]
    window: tuple[LawChange, ...]
    """The changes in the law between the two chosen dates (empty when each case keeps its own date)."""


def screened_on(record: CaseRecord) -> dt.date:
    """The day the case was last screened for the docket, else the day it was last saved."""
    summary = record.summary if isinstance(record.summary, dict) else {}
    try:
        return dt.date.fromisoformat(str(summary["screened_on"]))
    except (KeyError, ValueError):
        saved: dt.date = record.updated_at.date()
        return saved


def _unchanged_since_summary(record: CaseRecord, case: Case, until: dt.date) -> bool:
    """Whether the statuses the docket summary recorded (on the day it was made) are today's too. The
    summary of another version of Withhold is not trusted (its reading of the law may differ)."""
    summary = record.summary if isinstance(record.summary, dict) else None
    if not is_current(summary) or summary is None:
        return False
    return bool(screen(case, until).statuses == summary.get("statuses"))


def watch(organization: Organization, since: dt.date | None, until: dt.date) -> Watch:
    """The organization's open cases whose statuses differ between ``since`` (else the case's own law
    date, else the day it was last screened) and ``until``, newest case first."""
    records = CaseRecord.objects.filter(organization=organization).exclude(workflow=Workflow.CLOSED)
    affected: list[AffectedCase] = []
    checked = 0
    for record in records.order_by("-number"):
        case = case_of(record.document)
        # A case file that names its own law date was screened under that law: compare it with today's.
        before = since or case.law_as_of or screened_on(record)
        checked += 1
        if since is None and _unchanged_since_summary(record, case, until):
            continue  # the statuses the docket shows still hold: no need to screen the old law again
        found = status_changes(case, before, until)
        if found.changed:
            affected.append(AffectedCase(record, found))
    return Watch(checked, tuple(affected), changes(since, until) if since else ())
