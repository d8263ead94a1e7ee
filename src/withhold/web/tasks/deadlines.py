"""The tasks the application makes from a case's deadlines: the core's schedule read, never re-decided.

Which deadlines make a task: those a person must act on by a day (``Kind.DEADLINE``) and that the team
files for the client (:data:`ACTED_ON`): the I-589 within one year of the last arrival, the filings before
each hearing (master and individual), and the notice of appeal to the Board after a decision. The others
are left to the case page and the calendars: a date from which something *may* be done (a work permit,
adjustment: ``Kind.EARLIEST``), a window that closes on benefits (``Kind.WINDOW_END``), and the deadlines
that are a choice to weigh rather than a filing the case calls for (motions to reconsider or reopen, a
petition for review, a follow-to-join petition, the annual fee, which the client pays).

:func:`sync` runs after every save of a case (:mod:`withhold.web.cases.store`). For each chosen entry:

- with a date and no task yet: a task due that day, for the case's attorney (none if the case has none);
  one already recorded as filed (the case records the filing) makes no task;
- the date moved: the task's day moves, and a closed task opens again (its old date was what was done);
- the case records the filing (``Due.done_on``, standing ``met``, or ``missed`` when filed late): the open
  task is closed as met;
- the date became unknown (a hearing's date removed): the task stays open without a day: the deadline
  still stands, its date is not known (never "no deadline");
- the entry is gone (a hearing removed, a decision taken back) or the law exempts the person: the open task
  is closed as gone, and opens again if the deadline comes back.

A task a person marked done stays done unless its date moves. A closed case's tasks are left as they are
(open ones stay open for a person to close), and no new one is made for it. A task's title is never
stored: it is the deadline's own (:func:`title_of`).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from withhold.deadlines.schedule import Entry, schedule
from withhold.law.deadlines.catalogue import DEADLINES
from withhold.law.deadlines.model import Kind, Standing
from withhold.logic.evaluate import transitive_reads
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.summary import as_of_for
from withhold.web.tasks.models import Closed, Task

ACTED_ON = frozenset({"asylum.one_year", "filing.master_hearing", "filing.individual_hearing", "appeal.bia"})
"""The deadlines (``withhold.law.deadlines.catalogue.DEADLINES`` ids) that make a task."""

_TITLES = {deadline_id: rule.title for deadline_id, rule in DEADLINES}


@cache
def parts_read() -> frozenset[str]:
    """The parts of a case file (``proceedings``, ``entry``...) the chosen deadlines read, directly or
    through the rules they use (the core's own account: :func:`withhold.logic.evaluate.transitive_reads`),
    and the date the law is taken as of."""
    paths: set[str] = set()
    for deadline, rule in DEADLINES:
        if deadline in ACTED_ON:
            paths |= transitive_reads(rule)
    return frozenset({path.split(".", 1)[0].split("[", 1)[0] for path in paths} | {"law_as_of"})


def may_differ(before: Any, after: Any) -> bool:
    """Whether the chosen deadlines may differ between two stored case files: some part they read differs
    (an interview answer about the claim, say, changes none, and :func:`sync` is not worth its time)."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return True
    return any(before.get(part) != after.get(part) for part in parts_read())


def deadline_id(key: str) -> str:
    """The deadline of a task's key: ``filing.master_hearing[0]`` is ``filing.master_hearing``."""
    return key.split("[", 1)[0]


def hearing_number(key: str) -> int | None:
    """Which hearing of the case a key belongs to, counted from 1 (None: not a hearing's)."""
    if "[" not in key:
        return None
    try:
        return int(key.split("[", 1)[1].rstrip("]")) + 1
    except ValueError:
        return None


def title_of(key: str) -> str:
    """The deadline's own title from the core's catalogue (English, as the case page shows it)."""
    return _TITLES.get(deadline_id(key), key)


def chosen(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    """The schedule's entries that make a task, by key."""
    return {
        entry.key: entry
        for entry in entries
        if entry.id in ACTED_ON and (entry.due is None or entry.due.kind is Kind.DEADLINE)
    }


def _filed(entry: Entry) -> bool:
    return entry.due is not None and entry.due.done_on is not None


def sync(record: CaseRecord, today: dt.date | None = None) -> None:
    """Bring ``record``'s deadline tasks up to date with the core's schedule of its current version."""
    current = CaseRecord.objects.filter(pk=record.pk).first()
    if current is None:
        return  # deleted meanwhile
    day = today or timezone.localdate()
    case = case_of(current.document)
    entries = chosen(schedule(case, as_of_for(case, day), day).entries)
    closed_case = current.workflow == Workflow.CLOSED
    existing = {
        task.deadline_key: task for task in Task.objects.filter(case=current).exclude(deadline_key="")
    }
    now = timezone.now()
    for key, entry in entries.items():
        task = existing.get(key)
        if task is None:
            if closed_case or entry.date is None or _filed(entry) or entry.status is Standing.EXEMPT:
                continue
            _make(current, key, entry.date)
            continue
        if closed_case:
            continue
        _follow(task, entry, now)
    for key, task in existing.items():
        if key not in entries and task.is_open and not closed_case:
            _close(task, Closed.GONE, now)


def _make(record: CaseRecord, key: str, due: dt.date) -> None:
    try:
        with transaction.atomic():
            Task.objects.get_or_create(
                case=record,
                deadline_key=key,
                defaults={"organization": record.organization, "due": due, "assignee": record.attorney},
            )
    except IntegrityError:
        pass  # made meanwhile by another save's sync: one task per case and deadline


def _follow(task: Task, entry: Entry, now: dt.datetime) -> None:
    if entry.status is Standing.EXEMPT:
        if task.is_open:
            _close(task, Closed.GONE, now)
        return
    if _filed(entry):
        if task.is_open:
            _close(task, Closed.MET, now)
        return
    # A date that became unknown is no new date to act on: a task a person marked done stays done.
    moved = entry.date != task.due and (entry.date is not None or task.is_open)
    came_back = task.closed_because in (Closed.GONE, Closed.MET)
    reopen = not task.is_open and (moved or came_back)
    if not moved and not reopen:
        return
    task.due = entry.date
    fields = ["due", "updated_at"]
    if reopen:
        task.closed_at, task.closed_because = None, ""
        fields += ["closed_at", "closed_because"]
    task.save(update_fields=fields)


def _close(task: Task, why: Closed, now: dt.datetime) -> None:
    task.closed_at, task.closed_because = now, why
    task.save(update_fields=["closed_at", "closed_because", "updated_at"])
