"""Whose case it is, and how much each person has: the case's assignment (the responsible attorney and the
screener, :mod:`withhold.web.cases.assignment`), and the organization's workload page.

The workload page counts, per person: active cases as the responsible attorney and as the screener, open
tasks, overdue tasks, and the deadlines in the next :data:`SOON_DAYS` days of the active cases they are on,
read from each case's summary (the dates the core's schedule gave when the case was saved, never worked
out here). Each number links to the docket or the task list it counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from withhold.deadlines.schedule import SOON_DAYS
from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view, member_view
from withhold.web.cases.assignment import PARTS, AssignForm, assigned_id
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.store import fresh_summary, today
from withhold.web.cases.summary import is_current
from withhold.web.language import language_of
from withhold.web.tasks.models import Task
from withhold.web.texts import text as ui


@case_view(Can.EDIT)
def assign(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    """Change the case's attorney and screener; each change is one audit entry (``attorney``,
    ``screener``). The case's open deadline tasks follow a new attorney (those that were the old one's, or
    nobody's)."""
    language = language_of(request)
    initial = {part: assigned_id(record, part) or "" for part in PARTS}
    form = AssignForm(
        request.POST if request.method == "POST" else None,
        membership.organization,
        language,
        initial={key: str(value) for key, value in initial.items()},
    )
    if request.method == "POST":
        if form.is_valid():
            changed = [part for part in PARTS if assigned_id(record, part) != _pk(form.chosen(part))]
            if changed:
                with transaction.atomic():  # the change and its audit entries: all written, or none
                    old = assigned_id(record, "attorney")
                    for part in changed:
                        setattr(record, part, form.chosen(part))
                    record.save(update_fields=[*changed, "updated_at"])
                    if "attorney" in changed:
                        was = Q(assignee__isnull=True) | Q(assignee_id=old)
                        Task.objects.filter(was, case=record, closed_at__isnull=True).exclude(
                            deadline_key=""
                        ).update(assignee=record.attorney)
                    for part in changed:
                        audit(request, membership.organization, Action.ASSIGNED, record.id, what=part)
                messages.success(request, ui("team.assigned", language))
            return redirect(f"{_case_url(record)}#team")
        return render(request, "cases/assign.html", {"record": record, "form": form}, status=400)
    return render(request, "cases/assign.html", {"record": record, "form": form})


def _pk(user: Any) -> Any:
    return user.pk if user is not None else None


def _case_url(record: CaseRecord) -> str:
    return reverse("cases:detail", args=[record.id])


@dataclass
class Load:
    """One person's workload."""

    user_id: int
    name: str
    role: str
    as_attorney: int = 0
    as_screener: int = 0
    open_tasks: int = 0
    overdue: int = 0
    deadlines_soon: int = 0


def workload(organization: Organization, day: dt.date) -> tuple[list[Load], int]:
    """Each attorney and screener of ``organization`` (and anyone else with cases or open tasks), by name,
    and how many active cases have no attorney."""
    members = Membership.objects.filter(organization=organization).select_related("user")
    loads = {m.user.pk: Load(m.user.pk, m.user.get_username(), m.role) for m in members}
    active = CaseRecord.objects.filter(organization=organization, workflow=Workflow.ACTIVE)
    for part in PARTS:
        for row in active.exclude(**{f"{part}__isnull": True}).values(part).annotate(n=Count("id")):
            if row[part] in loads:
                setattr(loads[row[part]], f"as_{part}", row["n"])
    tasks = Task.objects.filter(organization=organization, closed_at__isnull=True, assignee__isnull=False)
    counted = tasks.values("assignee").annotate(n=Count("id"), late=Count("id", filter=Q(due__lt=day)))
    for row in counted:
        if row["assignee"] in loads:
            loads[row["assignee"]].open_tasks = row["n"]
            loads[row["assignee"]].overdue = row["late"]
    for person, n in _deadlines_soon(active, day).items():
        if person in loads:
            loads[person].deadlines_soon = n
    shown = [
        load
        for load in loads.values()
        if load.role in PARTS or load.as_attorney or load.as_screener or load.open_tasks
    ]
    unassigned = active.filter(attorney__isnull=True).count()
    return sorted(shown, key=lambda load: load.name.casefold()), unassigned


def _deadlines_soon(active: Any, day: dt.date) -> Counter[int]:
    """Per person, the deadlines due from ``day`` through the next :data:`SOON_DAYS` days on the active
    cases they are on (as attorney or screener: a case counted once for a person who is both)."""
    found: Counter[int] = Counter()
    last = day + dt.timedelta(days=SOON_DAYS)
    on_cases = active.filter(Q(attorney__isnull=False) | Q(screener__isnull=False))
    for case_id, attorney, screener, summary in on_cases.values_list("id", "attorney", "screener", "summary"):
        if not is_current(summary):
            record = CaseRecord.objects.filter(pk=case_id).first()
            if record is None:
                continue
            summary = fresh_summary(record)
        due = sum(
            1 for entry in summary.get("deadlines", []) if day <= dt.date.fromisoformat(entry["date"]) <= last
        )
        if due:
            for person in {attorney, screener} - {None}:
                found[person] += due
    return found


@member_view(Can.VIEW)
def workload_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    day = today()
    loads, unassigned = workload(membership.organization, day)
    context = {"loads": loads, "unassigned": unassigned, "soon_days": SOON_DAYS, "today": day}
    return render(request, "cases/workload.html", context)
