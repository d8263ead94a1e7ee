"""What the calendar and the reminders show: the hearings the cases record, the deadlines the core computes
for them (``withhold.deadlines.schedule.schedule``), and the open tasks with a day, each once.

Nothing is decided here: a deadline's day and standing (upcoming, met, missed, past) are the core's, a
hearing is what the case records. A deadline's task (``Task.deadline_key`` = the entry's key) is the same
thing as its deadline: it is shown as the deadline, with the task's assignee. Each case's schedule is
worked out once per call, whatever the range shown, and kept for the next page until the case changes or
the day does (:func:`case_dates`).

"Today" is the organization's today, in its time zone (:func:`today_for`), wherever the server runs.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
import zoneinfo
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils import timezone

from withhold.deadlines.schedule import SOON_DAYS, schedule
from withhold.law.deadlines.model import Kind, Standing
from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.summary import as_of_for
from withhold.web.tasks.models import Task


def zone_of(organization: Organization) -> zoneinfo.ZoneInfo:
    """The organization's time zone; the server's (``TIME_ZONE``) if the stored name is unknown here."""
    try:
        return zoneinfo.ZoneInfo(organization.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _now() -> dt.datetime:
    return timezone.now()


def today_for(organization: Organization, now: dt.datetime | None = None) -> dt.date:
    """The organization's today: the date in its time zone now (or at ``now``)."""
    return timezone.localtime(now or _now(), zone_of(organization)).date()


class What(StrEnum):
    HEARING = "hearing"
    DEADLINE = "deadline"
    TASK = "task"


class State(StrEnum):
    """How an entry stands today, in words on the page (never only a colour)."""

    MISSED = "missed"
    """The core says the deadline was missed (the case records it done late, or not done)."""
    PASSED = "passed"
    """The core says the day has passed and the case does not record whether it was done."""
    OVERDUE = "overdue"
    """An open task whose day has passed."""
    MET = "met"
    """The core says the deadline was met."""
    SOON = "soon"
    """Within the schedule's "soon" window (:data:`SOON_DAYS`) from today."""
    LATER = "later"
    PAST = "past"
    """A hearing, or a date that is not a deadline, before today."""


@dataclass(frozen=True)
class Entry:
    day: dt.date
    what: What
    case_id: uuid.UUID
    number: int
    """The case's number in its organization ("Case 12")."""
    name: str
    """The person's name as the docket shows it (behind login only; never in e-mail)."""
    key: str
    """The deadline's key (``hearing_filings[0]``), ``hearing[0]`` for a hearing, the task's id for a task."""
    state: State
    title: str = ""
    """A deadline's title (the core's words, English); a person's task's text (behind login only)."""
    date_kind: str = ""
    """For a deadline: the core's kind of date (``deadline``, ``earliest``, ``window_end``)."""
    hearing_kind: str = ""
    """For a hearing: ``master``, ``individual`` or empty (not recorded)."""
    time: str = ""
    """For a hearing: its time as recorded."""
    assignee: str = ""
    """The username of the person the task (or the deadline's task) is assigned to."""
    assignee_id: int | None = None
    deadline_task: bool = False
    """A deadline's task that no longer matches a dated deadline of the case."""

    @property
    def warning(self) -> bool:
        return self.state in (State.MISSED, State.OVERDUE, State.PASSED)

    def days_left(self, today: dt.date) -> int:
        return (self.day - today).days


@dataclass
class Collected:
    today: dt.date
    entries: list[Entry] = field(default_factory=list)
    cases: int = 0
    """How many cases' schedules were worked out."""

    def between(self, first: dt.date, last: dt.date) -> list[Entry]:
        return [entry for entry in self.entries if first <= entry.day <= last]

    def by_day(self, first: dt.date, last: dt.date) -> dict[dt.date, list[Entry]]:
        days: dict[dt.date, list[Entry]] = {}
        for entry in self.between(first, last):
            days.setdefault(entry.day, []).append(entry)
        return days


def _order(entry: Entry) -> tuple[dt.date, int, str, int, str]:
    rank = {What.HEARING: 0, What.DEADLINE: 1, What.TASK: 2}[entry.what]
    return (entry.day, rank, entry.time, entry.number, entry.key)


def _deadline_state(status: Standing, kind: Kind | None, day: dt.date, today: dt.date) -> State:
    if status is Standing.MISSED:
        return State.MISSED
    if status is Standing.MET:
        return State.MET
    if status is Standing.PAST:
        return State.PASSED if kind is Kind.DEADLINE else State.PAST
    return State.SOON if (day - today).days <= SOON_DAYS else State.LATER


def _dated_state(day: dt.date, today: dt.date, *, task: bool) -> State:
    if day < today:
        return State.OVERDUE if task else State.PAST
    return State.SOON if (day - today).days <= SOON_DAYS else State.LATER


def collect(organization: Organization, today: dt.date, person: AbstractBaseUser | None = None) -> Collected:
    """Every hearing, dated deadline and open task with a day of ``organization``'s open cases (not
    closed); with ``person``: of the cases they are the attorney or screener of, and the tasks assigned
    to them."""
    found = Collected(today)
    open_cases = CaseRecord.objects.filter(organization=organization).exclude(workflow=Workflow.CLOSED)
    tasks = Task.objects.filter(organization=organization, closed_at__isnull=True, case__in=open_cases)
    if person is not None:
        mine = set(open_cases.filter(Q(attorney=person) | Q(screener=person)).values_list("id", flat=True))
        tasks = tasks.filter(Q(assignee=person) | Q(case_id__in=mine))
    else:
        mine = set(open_cases.values_list("id", flat=True))
    task_rows = list(tasks.select_related("assignee").defer("title"))
    by_key = {(_case_of(t), t.deadline_key): t for t in task_rows if t.deadline_key}
    with_deadline_tasks = {case_id for case_id, _ in by_key}
    wanted = mine | {_case_of(t) for t in task_rows}
    matched: set[uuid.UUID] = set()
    rows = open_cases.filter(id__in=wanted).values_list("id", "number", "version", "amended")
    dates = case_dates(rows, today)
    names: dict[uuid.UUID, tuple[int, str]] = {}
    for case_id, (number, name, hearings, deadlines) in dates.items():
        names[case_id] = (number, name)
        is_mine = case_id in mine
        if is_mine:
            found.entries.extend(hearings)
        if not is_mine and case_id not in with_deadline_tasks:
            continue
        found.cases += 1
        for entry in deadlines:
            task = by_key.get((case_id, entry.key))
            if task is None:
                if is_mine:
                    found.entries.append(entry)
                continue
            matched.add(task.id)
            found.entries.append(
                replace(
                    entry,
                    assignee=task.assignee.get_username() if task.assignee else "",
                    assignee_id=_assignee_of(task),
                )
            )
    titles = _titles(t.id for t in task_rows if not t.deadline_key and t.due is not None)
    for task in task_rows:
        if task.due is None or task.id in matched or _case_of(task) not in names:
            continue
        number, name = names[_case_of(task)]
        found.entries.append(
            Entry(
                day=task.due,
                what=What.TASK,
                case_id=_case_of(task),
                number=number,
                name=name,
                key=str(task.id),
                state=_dated_state(task.due, today, task=True),
                title=titles.get(task.id, ""),
                assignee=task.assignee.get_username() if task.assignee else "",
                assignee_id=_assignee_of(task),
                deadline_task=bool(task.deadline_key),
            )
        )
    found.entries.sort(key=_order)
    return found


CaseDates = tuple[int, str, tuple[Entry, ...], tuple[Entry, ...]]
"""A case's number, the person's name, its hearings and its dated deadlines, as of a day."""

_KEPT: OrderedDict[tuple[uuid.UUID, int, int, dt.date], CaseDates] = OrderedDict()
_KEPT_MOST = 5000
_KEPT_LOCK = threading.Lock()


def case_dates(rows: Iterable[tuple[uuid.UUID, int, int, int]], today: dt.date) -> dict[uuid.UUID, CaseDates]:
    """Each case's hearings and dated deadlines as of ``today``: worked out by the core once per case
    version and day, and kept in this process for the next page (at most :data:`_KEPT_MOST` cases, the
    least recently shown dropped first). A case changed since is another version: worked out again. What
    is kept holds no name (8 CFR 1208.6: nothing of the person outlives the request); each page reads the
    names from the docket's encrypted summaries."""
    found: dict[uuid.UUID, CaseDates] = {}
    missing: dict[uuid.UUID, tuple[int, int, int]] = {}
    with _KEPT_LOCK:
        for case_id, number, version, amended in rows:
            kept = _KEPT.get((case_id, version, amended, today))
            if kept is not None and kept[0] == number:
                _KEPT.move_to_end((case_id, version, amended, today))
                found[case_id] = kept
            else:
                missing[case_id] = (number, version, amended)
    if missing:
        documents = CaseRecord.objects.filter(id__in=list(missing)).values_list("id", "document")
        for case_id, document in documents.iterator(chunk_size=100):
            number, version, amended = missing[case_id]
            found[case_id] = _worked_out(case_id, number, document, today)
            with _KEPT_LOCK:
                _KEPT[(case_id, version, amended, today)] = found[case_id]
                while len(_KEPT) > _KEPT_MOST:
                    _KEPT.popitem(last=False)
    summaries = CaseRecord.objects.filter(id__in=list(found)).values_list("id", "summary")
    return {
        case_id: _named(found[case_id], str((summary or {}).get("name") or ""))
        for case_id, summary in summaries.iterator(chunk_size=500)
    }


def _named(dates: CaseDates, name: str) -> CaseDates:
    number, _, hearings, deadlines = dates
    return (
        number,
        name,
        tuple(replace(entry, name=name) for entry in hearings),
        tuple(replace(entry, name=name) for entry in deadlines),
    )


def _worked_out(case_id: uuid.UUID, number: int, document: Any, today: dt.date) -> CaseDates:
    case = case_of(document)
    name = ""  # filled per page (:func:`_named`): never kept
    hearings = tuple(
        Entry(
            day=hearing.date,
            what=What.HEARING,
            case_id=case_id,
            number=number,
            name=name,
            key=f"hearing[{index}]",
            state=_dated_state(hearing.date, today, task=False),
            hearing_kind=hearing.kind or "",
            time=(hearing.time or "").strip(),
        )
        for index, hearing in enumerate(case.proceedings.hearings or ())
        if hearing.date is not None
    )
    computed = schedule(case, as_of_for(case, today), today)
    deadlines = tuple(
        Entry(
            day=item.date,
            what=What.DEADLINE,
            case_id=case_id,
            number=number,
            name=name,
            key=item.key,
            state=_deadline_state(item.status, item.due.kind if item.due else None, item.date, today),
            title=item.title,
            date_kind=(item.due.kind.value if item.due else Kind.DEADLINE.value),
        )
        for item in computed.entries
        if item.date is not None
    )
    return number, name, hearings, deadlines


def _case_of(task: Task) -> uuid.UUID:
    found: uuid.UUID = getattr(task, "case_id")  # noqa: B009  # the column Django adds (case not loaded)
    return found


def _assignee_of(task: Task) -> int | None:
    found: int | None = getattr(task, "assignee_id")  # noqa: B009
    return found


def _titles(ids: object) -> dict[uuid.UUID, str]:
    """The texts of people's tasks (decrypted only for those shown)."""
    wanted = list(ids)  # type: ignore[call-overload]
    titles: dict[uuid.UUID, str] = {}
    for task_id, title in Task.objects.filter(id__in=wanted).values_list("id", "title"):
        text = title.get("text", "") if isinstance(title, dict) else ""
        titles[task_id] = str(text)
    return titles
