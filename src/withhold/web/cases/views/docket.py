"""The docket page (``/cases/``). With htmx, typing in the search box refreshes the list in place; without
JavaScript the same form submits and the whole page comes back.

Whose cases (``who``): everyone's (empty), mine (``mine``: where I am the responsible attorney or the
screener), one person's (their id, from the workload page; ``role`` narrows it to ``attorney`` or
``screener``), or those with no attorney yet (``nobody``). ``soon=1`` keeps the cases with a deadline in the
schedule's "soon" window."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from withhold.deadlines.schedule import SOON_DAYS
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.cases.access import member_view
from withhold.web.cases.assignment import user_id_of
from withhold.web.cases.docket import docket
from withhold.web.cases.models import Workflow
from withhold.web.cases.store import today

ROLES = ("attorney", "screener")


def whose_filter(membership: Membership, who: str, role: str) -> tuple[Q | None, str, str]:
    """The docket's ``who`` and ``role`` as a filter of cases, with the values the page keeps (an unknown
    person or a person of another organization is everyone's cases: nothing of theirs is shown)."""
    if who == "nobody":
        return Q(attorney__isnull=True), who, ""
    if who == "mine":
        person_id = user_id_of(membership)
    elif who.isdigit() and _member(membership, int(who)):
        person_id = int(who)
    else:
        return None, "", ""
    if role == "attorney":
        return Q(attorney_id=person_id), who, role
    if role == "screener":
        return Q(screener_id=person_id), who, role
    return Q(attorney_id=person_id) | Q(screener_id=person_id), who, ""


def _member(membership: Membership, user_id: int) -> bool:
    return Membership.objects.filter(organization=membership.organization, user_id=user_id).exists()


def people_of(membership: Membership) -> list[tuple[str, str]]:
    """The people whose cases the docket can show: the organization's attorneys and screeners, by name."""
    found = (
        Membership.objects.filter(organization=membership.organization, role__in=ROLES)
        .select_related("user")
        .order_by("user__username")
    )
    me = user_id_of(membership)
    return [(str(m.user.pk), m.user.get_username()) for m in found if m.user.pk != me]


@member_view(Can.VIEW)
def docket_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    workflow = request.GET.get("status", Workflow.ACTIVE)
    if workflow not in (*Workflow.values, "all"):
        workflow = Workflow.ACTIVE
    whose, who, role = whose_filter(membership, request.GET.get("who", "")[:20], request.GET.get("role", ""))
    soon = request.GET.get("soon") == "1"
    day = today()
    rows = docket(membership.organization, query, workflow, day, whose=whose, soon=soon)
    page = Paginator(rows, settings.WITHHOLD_DOCKET_PAGE).get_page(request.GET.get("page"))
    kept = {"q": query, "status": workflow, "who": who, "role": role, "soon": "1" if soon else ""}
    context = {
        "page": page,
        "query": query,
        "workflow": workflow,
        "workflows": [("all", "All"), *Workflow.choices],
        "today": day,
        "total": len(rows),
        "who": who,
        "role": role,
        "soon": soon,
        "soon_days": SOON_DAYS,
        "people": people_of(membership),
        "filters": urlencode({key: value for key, value in kept.items() if value}),
    }
    template = "cases/_docket_rows.html" if request.htmx else "cases/docket.html"  # type: ignore[attr-defined]
    return render(request, template, context)
