"""The case page's team sections (who is on the case, its tasks, its notes), added at the end of the page
by one tag, so the case page's own view is unchanged."""

from __future__ import annotations

from typing import Any

from django import template

from withhold.web.cases.assignment import PARTS, AssignForm, assigned_id, user_id_of
from withhold.web.cases.store import today
from withhold.web.notes.forms import NoteForm
from withhold.web.notes.models import Note
from withhold.web.notes.views import may_change, may_delete, text_of
from withhold.web.tasks.forms import TaskForm
from withhold.web.tasks.models import Task
from withhold.web.tasks.rows import open_first, row

register = template.Library()

CLOSED_SHOWN = 10
"""The most recently closed tasks the case page lists (below the open ones, folded)."""


@register.inclusion_tag("tasks/_team.html", takes_context=True)
def team_sections(context: template.Context, record: Any) -> dict[str, Any]:
    membership = context.get("membership")
    can = context.get("can") or {}
    language = str(context.get("language") or "en")
    day = today()
    tasks = [row(task, day) for task in Task.objects.filter(case=record).select_related("assignee", "case")]
    closed = sorted((r for r in tasks if not r.task.is_open), key=lambda r: r.task.closed_at, reverse=True)
    notes = [
        {
            "note": note,
            "text": text_of(note),
            "change": membership is not None and may_change(membership, note),
            "delete": membership is not None and may_delete(membership, note),
        }
        for note in Note.objects.filter(case=record).order_by("-created_at")
    ]
    writes = bool(can.get("write"))
    return {
        "record": record,
        "can": can,
        "language": language,
        "csrf_token": context.get("csrf_token"),
        "today": day,
        "open_tasks": open_first([r for r in tasks if r.task.is_open]),
        "closed_tasks": closed[:CLOSED_SHOWN],
        "closed_count": len(closed),
        "notes": notes,
        "assign_form": AssignForm(
            None,
            record.organization,
            language,
            initial={part: str(assigned_id(record, part) or "") for part in PARTS},
        )
        if can.get("edit")
        else None,
        "task_form": TaskForm(
            None,
            organization=record.organization,
            language=language,
            initial={"assignee": str(user_id_of(membership)) if membership else ""},
            auto_id="task_%s",
        )
        if writes
        else None,
        "note_form": NoteForm(None, language=language, auto_id="note_%s") if writes else None,
    }
