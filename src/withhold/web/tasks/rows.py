"""Tasks as the pages show them: the title (a person's own words, or the deadline's title from the core's
catalogue), the day and how far it is, who does it, and whether it is open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from withhold.web.tasks.deadlines import hearing_number, title_of
from withhold.web.tasks.models import Task


@dataclass(frozen=True)
class TaskRow:
    task: Task
    title: str
    from_deadline: bool
    hearing: int | None
    """For a hearing's filings: which hearing of the case (from 1)."""
    assignee: str
    days_left: int | None
    case_number: int
    case_closed: bool

    @property
    def overdue(self) -> bool:
        return self.task.is_open and self.days_left is not None and self.days_left < 0


def row(task: Task, today: dt.date) -> TaskRow:
    stored: Any = task.title
    own = str(stored.get("text", "")) if isinstance(stored, dict) else ""
    return TaskRow(
        task=task,
        title=title_of(task.deadline_key) if task.deadline_key else own,
        from_deadline=bool(task.deadline_key),
        hearing=hearing_number(task.deadline_key) if task.deadline_key else None,
        assignee=task.assignee.get_username() if task.assignee is not None else "",
        days_left=(task.due - today).days if task.due is not None else None,
        case_number=task.case.number,
        case_closed=task.case.workflow == "closed",
    )


def open_first(rows: list[TaskRow]) -> list[TaskRow]:
    """Overdue first, then by day (those without a day last), then the oldest first."""
    return sorted(
        rows,
        key=lambda r: (
            not r.overdue,
            r.task.due is None,
            r.task.due or dt.date.max,
            r.task.created_at,
        ),
    )
