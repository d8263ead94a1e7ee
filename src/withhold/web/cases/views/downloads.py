"""Downloads of one case: the attorney or client report (PDF, from :mod:`withhold.reports`), the deadlines
as a calendar file, and the case file itself (``case/1``, YAML or JSON). Each is audited; none is cached
by the browser or a proxy.

A report is built on the task queue (:mod:`withhold.web.builds`), not inside the request: the first
download asks for it and shows a page that follows the build (htmx polling) and offers the file when it is
ready; the built PDF is kept, encrypted, for the same case version, dates, audience and language, so every
later download is served at once."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render as render_page
from django.urls import reverse

from withhold.deadlines.schedule import schedule
from withhold.language import LANGUAGES
from withhold.reports import AUDIENCES
from withhold.reports.ics import to_ics
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.builds import reports, store
from withhold.web.builds.models import Build, BuiltPart, Kind, State
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


def _report_wanted(record: CaseRecord, audience: str, language: str) -> tuple[str, dict[str, object]]:
    """The report's key and what building it takes, for the case as it is now."""
    if audience not in AUDIENCES or language not in LANGUAGES:
        raise Http404
    case = case_of(record.document)
    day = today()
    as_of = as_of_for(case, day)
    return (
        reports.key(record, as_of, day, audience, language),
        reports.request(record, as_of, day, audience, language),
    )


def report_progress_context(
    record: CaseRecord, build: Build | None, audience: str, language: str
) -> dict[str, object]:
    return {
        "record": record,
        "build": build,
        "slow": build is not None and store.waiting_long(build),
        "audience": audience,
        "report_language": language,
        "download_url": reverse("cases:report", args=[record.id, audience, language]),
        "progress_url": reverse("cases:report_progress", args=[record.id, audience, language]),
    }


@case_view(Can.VIEW)
def report_pdf(
    request: HttpRequest, membership: Membership, record: CaseRecord, audience: str, language: str
) -> HttpResponse:
    key, wanted = _report_wanted(record, audience, language)
    build = store.find(record, Kind.REPORT, key) or store.start(
        record, Kind.REPORT, key, wanted, request.user, label=reports.label(audience, language)
    )
    if build.state != State.READY:
        context = report_progress_context(record, build, audience, language)
        return render_page(request, "builds/report.html", context)
    pdf = BuiltPart.objects.values_list("pdf", flat=True).get(build=build, number=1)
    audit(
        request,
        membership.organization,
        Action.DOWNLOADED,
        record.id,
        version=record.version,
        what=f"report:{audience}:{language}",
    )
    return attachment(pdf, "application/pdf", f"case-{record.number}-{audience}-{language}.pdf")


@case_view(Can.VIEW)
def report_progress(
    request: HttpRequest, membership: Membership, record: CaseRecord, audience: str, language: str
) -> HttpResponse:
    """Where the report's build stands (the page polls this every two seconds until it is finished)."""
    key, _ = _report_wanted(record, audience, language)
    build = Build.objects.filter(case=record, kind=Kind.REPORT, key=key).defer("request").first()
    context = report_progress_context(record, build, audience, language)
    return render_page(request, "builds/_report_progress.html", context)


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
