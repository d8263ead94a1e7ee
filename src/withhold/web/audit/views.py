"""The audit log's page (``/audit/``): the organization's entries, newest first, filtered by person, action,
case number and dates, 50 to a page; and the same selection as a CSV file. Only roles with
:attr:`Can.VIEW_AUDIT` see either, and only their own organization's entries. Neither shows anything a case
says: who, what kind of access, ``Case N``, the version, a fixed code and the time."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import cast
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.log import FILTERS, AuditFilterForm, csv_rows, rows, selected
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import member_view
from withhold.web.language import language_of

PAGE_SIZE = 50

EXPORT_CODE = "audit_log.csv"
"""The ``what`` of the audit entry an export of the log leaves (an export, with no case)."""


def _filter_query(request: HttpRequest) -> str:
    """The filters of this request as a query string, for the page links and the CSV link."""
    return urlencode([(name, request.GET[name]) for name in FILTERS if request.GET.get(name)])


@member_view(Can.VIEW_AUDIT)
def audit_log(request: HttpRequest, membership: Membership) -> HttpResponse:
    organization = membership.organization
    language = language_of(request)
    form = AuditFilterForm(request.GET, organization, language)
    chosen = form.chosen()
    entries = selected(organization, chosen)
    number, case_id = chosen.get("case"), chosen.get("case_id")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": rows(organization, page.object_list, language),
        "total": page.paginator.count,
        "query": _filter_query(request),
        "time_zone": settings.TIME_ZONE,
        "case": {"id": case_id, "number": number} if case_id else None,
        "no_such_case": number if number and case_id is None else None,
    }
    return render(request, "audit/log.html", context)


class _Line:
    """A file-like object that hands back what is written to it, for :class:`csv.writer` to stream."""

    def write(self, value: str) -> str:
        return value


@member_view(Can.VIEW_AUDIT)
def audit_csv(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The filtered list as CSV. Taking the log away is itself recorded (as an export without a case)."""
    organization = membership.organization
    language = language_of(request)
    form = AuditFilterForm(request.GET, organization, language)
    entries = selected(organization, form.chosen())
    audit(request, organization, Action.EXPORTED, what=EXPORT_CODE)
    writer = csv.writer(_Line())

    def lines() -> Iterator[str]:
        for line in csv_rows(organization, entries, language):
            yield writer.writerow(line)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="audit-log-{day}.csv"'
    # Streamed, so a long log is never held in memory whole; the views' decorator is typed for HttpResponse.
    return cast("HttpResponse", response)
