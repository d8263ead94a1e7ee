"""Deadlines as calendar files: a case's ICS download, and the organization's feed at a secret link, both
parseable, naming cases by number only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from icalendar import Calendar
from web_people import INVENTED, SECRET_WORDS

from withhold.deadlines.schedule import schedule
from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.cases.models import CaseRecord

# Arrived 100 days ago, nothing filed: the one-year asylum deadline is ahead, whatever day the tests run.
FUTURE = {
    **INVENTED,
    "law_as_of": None,
    "entry": {"last_arrival_date": (dt.date.today() - dt.timedelta(days=100)).isoformat()},
}


@pytest.mark.django_db
def test_the_case_calendar_parses_and_holds_the_dated_deadlines(record: CaseRecord, attorney: Client) -> None:
    response = attorney.get(f"/cases/{record.id}/deadlines.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert events
    summaries = [str(event["SUMMARY"]) for event in events]
    assert all(summary.endswith(f"— Case {record.number}") for summary in summaries)
    dated = [
        e for e in schedule(validate_case(INVENTED), dt.date(2026, 11, 23)).entries if e.date is not None
    ]
    assert sorted(summaries) == sorted(f"{e.title} — Case {record.number}" for e in dated)
    for word in SECRET_WORDS:
        assert word.encode() not in response.content
    again = Calendar.from_ical(attorney.get(f"/cases/{record.id}/deadlines.ics").content)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]  # stable


@pytest.mark.django_db
def test_the_organization_feed_lives_at_a_secret_link_that_can_be_reset(
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    other_organization: Organization,
    attorney: Client,
) -> None:
    mine = make_case(organization, FUTURE)
    make_case(other_organization, FUTURE)
    assert attorney.post("/cases/calendar/").status_code == 302
    link = attorney.get("/cases/calendar/").context["link"]
    assert link.startswith("http://testserver/calendar/")
    path = link.removeprefix("http://testserver")
    feed = Client().get(path)  # no login: the link is the key
    assert feed.status_code == 200
    events = list(Calendar.from_ical(feed.content).walk("VEVENT"))
    assert events
    assert {str(e["SUMMARY"]).rsplit("— ", 1)[1] for e in events} == {f"Case {mine.number}"}
    for word in SECRET_WORDS:
        assert word.encode() not in feed.content
    organization.refresh_from_db()
    assert organization.calendar_token not in (organization.calendar_token_digest or "")
    attorney.post("/cases/calendar/")
    assert Client().get(path).status_code == 404  # the old link stopped working
    assert Client().get("/calendar/not-a-token/deadlines.ics").status_code == 404


@pytest.mark.django_db
def test_closed_cases_leave_the_feed(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, FUTURE)
    token = organization.new_calendar_token()
    attorney.post(f"/cases/{record.id}/workflow/", {"workflow": "closed"})
    feed = Client().get(f"/calendar/{token}/deadlines.ics")
    assert not list(Calendar.from_ical(feed.content).walk("VEVENT"))
