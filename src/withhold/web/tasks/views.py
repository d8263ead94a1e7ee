"""Tasks on a case, and a person's open tasks across the organization's cases ("My tasks").

Those who work on the case (:attr:`Can.WRITE`) add a task (a title, a day, who does it), change it, mark
it done and open it again; a deadline's task (made by :mod:`withhold.web.tasks.deadlines`) can be given to
someone else or marked done, its title and day being the deadline's. Each change is audited with the
task's opaque id (``task:<16 hex digits>``; ``reopened:...`` when opened again), never its title.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view, member_view
from withhold.web.cases.assignment import user_id_of
from withhold.web.cases.models import CaseRecord
from withhold.web.cases.store import today
from withhold.web.language import language_of
from withhold.web.tasks.forms import AssigneeForm, TaskForm
from withhold.web.tasks.models import Task
from withhold.web.tasks.rows import open_first, row
from withhold.web.texts import text as ui


def audit_code(task: Task, head: str = "task") -> str:
    return f"{head}:{task.id.hex[:16]}"


def _task(record: CaseRecord, task_id: uuid.UUID) -> Task:
    """The case's task ``task_id``, within the case and its organization only."""
    try:
        return Task.objects.select_related("assignee", "case").get(
            id=task_id, case=record, organization=record.organization
        )
    except Task.DoesNotExist:
        raise Http404 from None


def _back(request: HttpRequest, record: CaseRecord) -> str:
    """Back where the person came from: My tasks, or the case page's task list."""
    if request.POST.get("next") == "mine":
        return reverse("tasks:mine")
    return f"{reverse('cases:detail', args=[record.id])}#tasks"


def _form(task: Task | None, data: Any, membership: Membership, language: str) -> AssigneeForm:
    kwargs: dict[str, Any] = {"organization": membership.organization, "language": language}
    if task is not None and task.deadline_key:
        return AssigneeForm(data, initial={"assignee": str(task.assignee_id or "")}, **kwargs)
    if task is None:
        return TaskForm(data, initial={"assignee": str(user_id_of(membership))}, **kwargs)
    title: Any = task.title
    initial = {
        "title": title.get("text", "") if isinstance(title, dict) else "",
        "due": task.due,
        "assignee": str(task.assignee_id or ""),
    }
    return TaskForm(data, initial=initial, **kwargs)


def _page(
    request: HttpRequest, record: CaseRecord, form: AssigneeForm, task: Task | None, status: int = 200
) -> HttpResponse:
    shown = row(task, today()) if task is not None else None
    context = {"record": record, "form": form, "task": task, "row": shown}
    return render(request, "tasks/edit.html", context, status=status)


@case_view(Can.WRITE)
def add(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    form = _form(None, request.POST if request.method == "POST" else None, membership, language)
    if request.method != "POST":
        return _page(request, record, form, None)
    if not form.is_valid():
        return _page(request, record, form, None, status=400)
    data = form.cleaned_data
    with transaction.atomic():  # the task and its audit entry: both written, or neither
        task = Task.objects.create(
            organization=membership.organization,
            case=record,
            title={"text": data["title"]},
            due=data.get("due"),
            assignee=form.chosen_assignee(),
            created_by=request.user,
        )
        audit(request, membership.organization, Action.TASK_ADDED, record.id, what=audit_code(task))
    messages.success(request, ui("tasks.added", language))
    return redirect(_back(request, record))


@case_view(Can.WRITE)
def edit(
    request: HttpRequest, membership: Membership, record: CaseRecord, task_id: uuid.UUID
) -> HttpResponse:
    task = _task(record, task_id)
    language = language_of(request)
    form = _form(task, request.POST if request.method == "POST" else None, membership, language)
    if request.method != "POST":
        return _page(request, record, form, task)
    if not form.is_valid():
        return _page(request, record, form, task, status=400)
    data = form.cleaned_data
    fields = ["assignee"]
    task.assignee = form.chosen_assignee()
    if not task.deadline_key:
        task.title = {"text": data["title"]}
        task.due = data.get("due")
        fields += ["title", "due"]
    with transaction.atomic():
        task.save(update_fields=[*fields, "updated_at"])
        audit(request, membership.organization, Action.TASK_CHANGED, record.id, what=audit_code(task))
    messages.success(request, ui("tasks.changed", language))
    return redirect(_back(request, record))


@case_view(Can.WRITE)
def done(
    request: HttpRequest, membership: Membership, record: CaseRecord, task_id: uuid.UUID
) -> HttpResponse:
    task = _task(record, task_id)
    if request.method != "POST":
        return render(
            request, "tasks/confirm.html", {"record": record, "row": row(task, today()), "to": "done"}
        )
    if task.is_open:
        with transaction.atomic():
            task.mark_done()
            task.save(update_fields=["closed_at", "closed_because", "updated_at"])
            audit(request, membership.organization, Action.TASK_DONE, record.id, what=audit_code(task))
        messages.success(request, ui("tasks.marked_done", language_of(request)))
    return redirect(_back(request, record))


@case_view(Can.WRITE)
def reopen(
    request: HttpRequest, membership: Membership, record: CaseRecord, task_id: uuid.UUID
) -> HttpResponse:
    task = _task(record, task_id)
    if request.method != "POST":
        return render(
            request, "tasks/confirm.html", {"record": record, "row": row(task, today()), "to": "reopen"}
        )
    if not task.is_open:
        with transaction.atomic():
            task.reopen()
            task.save(update_fields=["closed_at", "closed_because", "updated_at"])
            audit(
                request,
                membership.organization,
                Action.TASK_CHANGED,
                record.id,
                what=audit_code(task, "reopened"),
            )
        messages.success(request, ui("tasks.reopened", language_of(request)))
    return redirect(_back(request, record))


@member_view(Can.VIEW)
def my_tasks(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Open tasks assigned to me (or to ``?who=`` one of my organization's people), overdue first, then by
    day; ``?show=overdue`` keeps the overdue ones."""
    organization = membership.organization
    who = request.GET.get("who", "")[:20]
    person = membership.user
    if who.isdigit() and int(who) != user_id_of(membership):
        other = Membership.objects.filter(organization=organization, user_id=int(who)).select_related("user")
        found = other.first()
        person = found.user if found is not None else person
    overdue_only = request.GET.get("show") == "overdue"
    day = today()
    tasks = Task.objects.filter(organization=organization, assignee=person, closed_at__isnull=True)
    if overdue_only:
        tasks = tasks.filter(due__lt=day)
    rows = open_first([row(task, day) for task in tasks.select_related("case", "assignee")])
    context = {
        "rows": rows,
        "person": person,
        "mine": person.pk == user_id_of(membership),
        "overdue_only": overdue_only,
        "today": day,
    }
    return render(request, "tasks/mine.html", context)
