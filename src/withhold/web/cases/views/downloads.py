"""Downloads of one case: the attorney or client report (PDF, from :mod:`withhold.reports`), the deadlines
as a calendar file, and the case file itself (``case/1``, YAML or JSON). Each is audited; none is cached
by the browser or a proxy. A report already built for the same case version, dates, audience and language
is served again from memory (:mod:`withhold.web.cases.built_reports`)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from withhold.deadlines.schedule import schedule
from withhold.language import LANGUAGES
from withhold.reports import AUDIENCES, build_report
from withhold.reports import render as render_report
from withhold.reports.ics import to_ics
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases import built_reports
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of, render
from withhold.web.cases.models import CaseRecord
from withhold.web.cases.store import today
from withhold.web.cases.summary import as_of_for


def attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    # File names say which case by its number only: a name in a download folder is a disclosure.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def case_key(record: CaseRecord) -> str:
    """The calendar events' key: the case's opaque id, so re-importing updates instead of duplicating."""
    return f"withhold-web/{record.id}"


@case_view(Can.VIEW)
def report_pdf(
    request: HttpRequest, membership: Membership, record: CaseRecord, audience: str, language: str
) -> HttpResponse:
    if audience not in AUDIENCES or language not in LANGUAGES:
        raise Http404
    case = case_of(record.document)
    day = today()
    as_of = as_of_for(case, day)
    found = built_reports.key(
        membership.organization.pk, record.id, record.document, as_of, day, audience, language
    )
    data = built_reports.built(
        found, lambda: render_report(build_report(case, as_of, audience, language, day), "pdf")
    )
    audit(
        request,
        membership.organization,
        Action.DOWNLOADED,
        record.id,
        version=record.version,
        what=f"report:{audience}:{language}",
    )
    return attachment(data, "application/pdf", f"case-{record.number}-{audience}-{language}.pdf")


@case_view(Can.VIEW)
def deadlines_ics(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    case = case_of(record.document)
    day = today()
    found = schedule(case, as_of_for(case, day), day)
    data = to_ics(found, case_key=case_key(record), label=str(record))
    audit(request, membership.organization, Action.DOWNLOADED, record.id, version=record.version, what="ics")
    return attachment(data, "text/calendar; charset=utf-8", f"case-{record.number}-deadlines.ics")


@case_view(Can.EXPORT)
def export(request: HttpRequest, membership: Membership, record: CaseRecord, syntax: str) -> HttpResponse:
    if syntax not in ("yaml", "json"):
        raise Http404
    text = render(record.document, "json" if syntax == "json" else "yaml")
    audit(
        request,
        membership.organization,
        Action.EXPORTED,
        record.id,
        version=record.version,
        what=f"format:{syntax}",
    )
    content_type = "application/json" if syntax == "json" else "application/yaml"
    return attachment(
        text.encode("utf-8"), f"{content_type}; charset=utf-8", f"case-{record.number}.{syntax}"
    )
