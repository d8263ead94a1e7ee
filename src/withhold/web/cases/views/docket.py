"""The docket page (``/cases/``). With htmx, typing in the search box refreshes the list in place; without
JavaScript the same form submits and the whole page comes back."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.cases.access import member_view
from withhold.web.cases.docket import docket
from withhold.web.cases.models import Workflow
from withhold.web.cases.store import today


@member_view(Can.VIEW)
def docket_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    workflow = request.GET.get("status", Workflow.ACTIVE)
    if workflow not in (*Workflow.values, "all"):
        workflow = Workflow.ACTIVE
    day = today()
    rows = docket(membership.organization, query, workflow, day)
    page = Paginator(rows, settings.WITHHOLD_DOCKET_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "workflow": workflow,
        "workflows": [("all", "All"), *Workflow.choices],
        "today": day,
        "total": len(rows),
    }
    template = "cases/_docket_rows.html" if request.htmx else "cases/docket.html"  # type: ignore[attr-defined]
    return render(request, template, context)
