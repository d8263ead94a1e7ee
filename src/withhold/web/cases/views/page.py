"""The case page: the four protections with their reasons and citations, the facts still missing, the
deadlines, the evidence checklist, the warnings and the flags for other relief."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from withhold.deadlines.schedule import SOON_DAYS
from withhold.facts.limits import EARLIEST_LAW_AS_OF, LATEST_LAW_AS_OF, law_as_of_problem
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.page import case_page
from withhold.web.cases.store import today
from withhold.web.cases.summary import as_of_for
from withhold.web.evidence.documents import by_item, documents_of
from withhold.web.language import language_of
from withhold.web.texts import text as ui


def chosen_date(request: HttpRequest) -> dt.date | None:
    """The date chosen on the page (``?as_of=``), if it is one the law can be evaluated as of; a date
    outside the law's dates is said on the page, and the page shows the usual date instead."""
    text = request.GET.get("as_of", "")[:20]
    try:
        day = dt.date.fromisoformat(text.strip()) if text else None
    except ValueError:
        return None
    if day is not None and law_as_of_problem(day):
        earliest, latest = EARLIEST_LAW_AS_OF.isoformat(), LATEST_LAW_AS_OF.isoformat()
        language = language_of(request)
        messages.error(
            request, ui("invalid.as_of_range", language, date=day, earliest=earliest, latest=latest)
        )
        return None
    return day


@case_view(Can.VIEW)
def case_detail(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    case = case_of(record.document)
    asked = chosen_date(request)
    day = today()
    as_of = asked or as_of_for(case, day)
    page = case_page(case, as_of, language_of(request), day)
    audit(request, membership.organization, Action.VIEWED, record.id, version=record.version)
    documents = documents_of(record)
    uploaded = by_item(documents)
    return render(
        request,
        "cases/case.html",
        {
            "record": record,
            "case": case,
            "page": page,
            "as_of": as_of,
            "today": day,
            "as_of_source": "chosen" if asked else ("the case file" if case.law_as_of else "today"),
            "workflows": Workflow.choices,
            "soon_days": SOON_DAYS,
            "evidence_documents": uploaded,
            "evidence_count": len(documents),
            # What is still to gather: the checklist's open items, but those a document was uploaded for.
            "evidence_to_gather": sum(
                1
                for item in page.found.checklist.items
                if item.status in ("needed", "requested") and item.id not in uploaded
            ),
        },
    )
