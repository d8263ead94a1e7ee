"""The organization's calendar feed: every upcoming deadline of its active and on-hold cases, as one
iCalendar file at a secret link that calendar programs can subscribe to.

The link is the only key (calendar programs cannot log in), so it is long and random, found by its
SHA-256 digest, can be reset at any time, and its events name cases by number only, never by a person's
name. Closed cases are left out.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from icalendar import Calendar

from withhold.deadlines.schedule import Schedule, schedule
from withhold.law.deadlines.model import Standing
from withhold.reports.ics import PRODID, to_ics
from withhold.web.accounts.models import Membership, Organization, token_digest
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import member_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.store import today
from withhold.web.cases.summary import as_of_for
from withhold.web.cases.views.downloads import case_key
from withhold.web.language import language_of
from withhold.web.texts import text as ui


@member_view(Can.CALENDAR)
def calendar_settings(request: HttpRequest, membership: Membership) -> HttpResponse:
    organization = membership.organization
    if request.method == "POST":
        organization.new_calendar_token()
        audit(request, organization, Action.CALENDAR_RESET)
        messages.success(request, ui("flash.calendar_reset", language_of(request)))
        return redirect("cases:calendar")
    link = None
    if organization.calendar_token:
        path = reverse("calendar_feed", kwargs={"token": organization.calendar_token})
        link = request.build_absolute_uri(path)
    return render(request, "cases/calendar.html", {"link": link})


def organization_calendar(organization: Organization) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Withhold deadlines — {organization.name}")
    day = today()
    cases = CaseRecord.objects.filter(organization=organization).exclude(workflow=Workflow.CLOSED)
    for record in cases.order_by("number"):
        case = case_of(record.document)
        found = schedule(case, as_of_for(case, day), day)
        upcoming = tuple(
            e for e in found.entries if e.status is Standing.UPCOMING and e.date is not None and e.date >= day
        )
        if not upcoming:
            continue
        one = Calendar.from_ical(
            to_ics(Schedule(found.as_of, upcoming, found.today), case_key=case_key(record), label=str(record))
        )
        for event in one.walk("VEVENT"):
            calendar.add_component(event)
    return bytes(calendar.to_ical())


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    organization = Organization.objects.filter(calendar_token_digest=token_digest(token)).first()
    if organization is None:
        raise Http404
    response = HttpResponse(organization_calendar(organization), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="withhold-deadlines.ics"'
    return response
