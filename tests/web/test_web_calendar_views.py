"""The calendar page: month, week and agenda of hearings, deadlines and tasks, for a person and for the
organization, in the organization's time zone; a deadline's task shown once; another organization's
user sees none of it; values in the address that cannot be read fall back with a message."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from web_people import INVENTED

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.calendars import entries
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.tasks.models import Task

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
TODAY = dt.date(2026, 12, 7)
NOON = dt.datetime(2026, 12, 7, 17, 0, tzinfo=dt.UTC)  # noon in New York

MASTER_FILINGS = "Filings due before the master calendar hearing"
MERITS_FILINGS = "Filings due before the individual (merits) hearing"


def document(given: str, family: str, master: str, merits: str) -> dict[str, Any]:
    case = copy.deepcopy(INVENTED)
    case.pop("law_as_of")
    case["person"] = {"given_name": given, "family_name": family}
    case["proceedings"].update(
        {
            "detained": False,
            "hearings": [
                {"kind": "master", "date": master},
                {"kind": "individual", "date": merits, "time": "09:00"},
            ],
        }
    )
    return case


@pytest.fixture(autouse=True)
def _now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entries, "_now", lambda: NOON)


@pytest.fixture
def team(
    organization: Organization, member: Callable[..., Any], make_case: Callable[..., CaseRecord]
) -> dict[str, Any]:
    """Ana's case (1), Ben's case (2) with a deadline's task given to Ana, and nobody's case (3) with a
    task of Ana's; Ben also holds the deadline's task of Ana's case."""
    ana = member(organization, Role.ATTORNEY, "ana")
    ben = member(organization, Role.ATTORNEY, "ben")
    one = make_case(organization, document("Orlanda", "Vintrell", "2026-12-21", "2027-01-20"))
    two = make_case(organization, document("Pellam", "Quorrison", "2026-12-28", "2027-02-22"))
    three = make_case(organization, document("Tessaly", "Brunwick", "2026-12-14", "2027-03-01"))
    one.attorney = ana
    one.save()
    two.attorney = ben
    two.save()
    deadline_task(
        organization=organization, case=one, deadline_key="filing.master_hearing[0]", due=TODAY, assignee=ben
    )
    deadline_task(
        organization=organization,
        case=two,
        deadline_key="filing.individual_hearing[1]",
        due=dt.date(2027, 2, 5),
        assignee=ana,
    )
    Task.objects.create(
        organization=organization,
        case=three,
        title={"text": "Call the invented interpreter"},
        due=dt.date(2026, 12, 15),
        assignee=ana,
    )
    Task.objects.create(
        organization=organization,
        case=three,
        title={"text": "Overdue invented errand"},
        due=dt.date(2026, 12, 1),
        assignee=ana,
    )
    return {"ana": ana, "ben": ben, "one": one, "two": two, "three": three}


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def page(client: Client, query: str = "") -> str:
    response = client.get(f"/calendar/{query}")
    assert response.status_code == 200
    return response.content.decode()


def case_link(record: CaseRecord) -> str:
    return f'href="/cases/{record.id}/"'


def deadline_task(**fields: Any) -> Task:
    """A deadline's task as the application keeps it: one per case and deadline (saving the case may
    already have made it, `withhold.web.tasks.deadlines.sync`), here given the test's day and person."""
    case, key = fields.pop("case"), fields.pop("deadline_key")
    task, _ = Task.objects.update_or_create(
        case=case, deadline_key=key, defaults={**fields, "closed_at": None}
    )
    return task


def test_my_month_has_my_hearings_deadlines_and_tasks_once(team: dict[str, Any]) -> None:
    html = page(client_of(team["ana"]), "?view=month&date=2026-12-07&who=me")
    # Ana's case: its master hearing, and the filings deadline (whose task Ben holds) once, with Ben's name.
    assert case_link(team["one"]) in html
    assert "Orlanda Vintrell" in html
    assert "Master calendar hearing" in html
    assert html.count(MASTER_FILINGS) == 2  # once in the month, once as "Next:" (due today)
    assert "Assigned to ben" in html
    assert "Due soon" in html
    # Her task on nobody's case, by its text, and the overdue one said in words.
    assert "Call the invented interpreter" in html
    assert "Overdue invented errand" in html and "Overdue" in html
    assert case_link(team["three"]) in html
    # Not hers: Ben's case has nothing in December for her; case 3's hearing is not hers.
    assert case_link(team["two"]) not in html
    assert "Tessaly Brunwick</span>" in html  # named with her task
    assert "Hearing" not in _cell(html, "2026-12-14")  # case 3's master hearing is nobody's


def _cell(html: str, day: str) -> str:
    start = html.index(f'<time datetime="{day}"><span class="day-long">')
    end = html.index("</td>", start)
    return html[start:end]


def test_a_deadline_task_on_anothers_case_shows_its_deadline_once(team: dict[str, Any]) -> None:
    html = page(client_of(team["ana"]), "?view=month&date=2027-02-01&who=me")
    assert case_link(team["two"]) in html
    assert html.count(MERITS_FILINGS) == 1
    assert "Assigned to ana" in html
    # Ben's merits hearing is Ben's, not hers.
    assert "Individual (merits) hearing" not in html


def test_organization_month_has_every_open_case(team: dict[str, Any], organization: Organization) -> None:
    html = page(client_of(team["ben"]), "?view=month&date=2026-12-01&who=org")
    for key in ("one", "two", "three"):
        assert case_link(team[key]) in html
    assert "Hearing" in _cell(html, "2026-12-14")
    assert "Hearing" in _cell(html, "2026-12-28")
    assert _cell(html, "2026-12-07").count(MASTER_FILINGS) == 1  # case 1's, with its task: once
    assert "Assigned to ben" in _cell(html, "2026-12-07")
    team["three"].workflow = Workflow.CLOSED
    team["three"].save()
    html = page(client_of(team["ben"]), "?view=month&date=2026-12-01&who=org")
    assert case_link(team["three"]) not in html


def test_week_and_agenda(team: dict[str, Any]) -> None:
    client = client_of(team["ana"])
    week = page(client, "?view=week&date=2026-12-16&who=me")  # Sunday 13 to Saturday 19
    week = week[week.index('<ol class="agenda">') :]
    assert "Call the invented interpreter" in week
    assert "Master calendar hearing" not in week  # the 21st is next week
    assert "Monday, December 14" in week and "Saturday, December 19" in week
    agenda = page(client, "?view=agenda&date=2026-12-07&who=me")
    agenda = agenda[agenda.index('<ol class="agenda">') :]
    assert agenda.index("Call the invented interpreter") < agenda.index("Master calendar hearing")
    assert "Monday, December 21" in agenda
    assert "Tuesday, December 8" not in agenda  # a day with nothing is left out of the agenda
    spanish = client
    session = spanish.session
    session["withhold_language"] = "es"
    session.save()
    agenda = page(spanish, "?view=agenda&date=2026-12-07&who=me")
    assert "Audiencia preliminar" in agenda and "lunes, 21 de diciembre" in agenda


def test_links_keep_the_view_in_the_address(team: dict[str, Any]) -> None:
    html = page(client_of(team["ana"]), "?view=week&date=2026-12-07&who=org")
    assert "?view=week&amp;date=2026-11-29&amp;who=org" in html  # previous week
    assert "?view=week&amp;date=2026-12-13&amp;who=org" in html  # next week
    assert "?view=agenda&amp;date=2026-12-07&amp;who=org" in html
    assert "?view=week&amp;date=2026-12-07&amp;who=me" in html


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("?view=year", "not one of month, week or agenda"),
        ("?date=2026-13-45", "could not be read"),
        ("?date=" + "9" * 300, "could not be read"),
        ("?date=0001-01-01", "could not be read"),
        ("?date=9999-12-31&view=month", "could not be read"),
        ("?who=everyone", "neither your entries"),
    ],
)
def test_bad_values_fall_back_with_a_message(team: dict[str, Any], query: str, said: str) -> None:
    html = page(client_of(team["ana"]), query)
    assert said in html
    assert "December 2026" in html or "Dec" in html


def test_the_organizations_time_zone_decides_today(
    organization: Organization, other_organization: Organization
) -> None:
    midnight = dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC)
    organization.time_zone = "Pacific/Honolulu"
    other_organization.time_zone = "Asia/Tokyo"
    assert entries.today_for(organization, midnight) == dt.date(2026, 12, 7)
    assert entries.today_for(other_organization, midnight) == dt.date(2026, 12, 8)


def test_the_page_marks_the_organizations_today(
    monkeypatch: pytest.MonkeyPatch,
    organization: Organization,
    other_organization: Organization,
    member: Callable[..., Any],
) -> None:
    monkeypatch.setattr(entries, "_now", lambda: dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC))
    organization.time_zone = "Pacific/Honolulu"
    organization.save()
    other_organization.time_zone = "Asia/Tokyo"
    other_organization.save()
    honolulu = page(client_of(member(organization, Role.ATTORNEY, "kai")), "?view=week")
    tokyo = page(client_of(member(other_organization, Role.ATTORNEY, "yui")), "?view=week")
    assert re.search(r'aria-current="date">\s*<h3><time datetime="2026-12-07">', honolulu)
    assert re.search(r'aria-current="date">\s*<h3><time datetime="2026-12-08">', tokyo)
    assert "Monday, December 7, 2026" in honolulu and "Tuesday, December 8, 2026" in tokyo


def test_another_organizations_user_sees_none_of_it(
    team: dict[str, Any], other_organization: Organization, member: Callable[..., Any]
) -> None:
    outsider = client_of(member(other_organization, Role.ATTORNEY, "outsider"))
    for query in ("?who=org", "?who=me", "?view=agenda&who=org", "?view=week&who=org&date=2026-12-21"):
        html = page(outsider, query)
        for key in ("one", "two", "three"):
            assert str(team[key].id) not in html
        for name in ("Orlanda", "Pellam", "Tessaly", "invented interpreter", "Filings due"):
            assert name not in html


def test_a_login_is_needed(client: Client, db: None) -> None:
    response = client.get("/calendar/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_time_zone_form(
    team: dict[str, Any], organization: Organization, member: Callable[..., Any]
) -> None:
    admin = client_of(member(organization, Role.ADMIN, "admin"))
    response = admin.post("/calendar/time-zone/", {"time_zone": "Mars/Olympus_Mons"}, follow=True)
    assert "“Mars/Olympus_Mons” is not a known time zone" in response.content.decode()
    organization.refresh_from_db()
    assert organization.time_zone == "America/New_York"
    response = admin.post("/calendar/time-zone/", {"time_zone": "Pacific/Honolulu"}, follow=True)
    assert "The time zone is now Pacific/Honolulu" in response.content.decode()
    organization.refresh_from_db()
    assert organization.time_zone == "Pacific/Honolulu"
    viewer = client_of(member(organization, Role.VIEWER, "viewer"))
    assert viewer.post("/calendar/time-zone/", {"time_zone": "Asia/Tokyo"}).status_code == 403
    assert "time-zone" not in page(viewer)
    organization.refresh_from_db()
    assert organization.time_zone == "Pacific/Honolulu"


def test_the_reminders_form(team: dict[str, Any]) -> None:
    client = client_of(team["ana"])
    response = client.post("/calendar/reminders/", {"email": "not an address", "language": "es"}, follow=True)
    assert "not valid" in response.content.decode()
    client.post("/calendar/reminders/", {"email": "ana@invented.example", "language": "es"})
    team["ana"].refresh_from_db()
    assert team["ana"].email == "ana@invented.example"
    assert team["ana"].reminder.language == "es"


def test_the_navigation_links_to_the_calendar(team: dict[str, Any]) -> None:
    html = client_of(team["ana"]).get("/cases/").content.decode()
    assert 'href="/calendar/"' in html


def test_each_case_is_worked_out_once(
    monkeypatch: pytest.MonkeyPatch, organization: Organization, member: Callable[..., Any], make_case: Any
) -> None:
    cases = [
        make_case(organization, document("Inventa", f"Number{i}", "2026-12-21", "2027-01-20"))
        for i in range(12)
    ]
    calls: list[object] = []
    real = entries.schedule

    def counted(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(entries, "schedule", counted)
    boss = client_of(member(organization, Role.ADMIN, "boss"))
    html = page(boss, "?view=month&who=org&date=2026-12-01")
    assert len(calls) == len(cases)
    assert html.count("Master calendar hearing") == len(cases)
    # What the process keeps for the next page holds no name; the next page still shows them, unchanged.
    assert "Inventa" not in repr(entries._KEPT) and "Number3" in html
    again = page(boss, "?view=month&who=org&date=2026-12-01")
    assert len(calls) == len(cases) and again.count("Inventa Number") == html.count("Inventa Number") >= len(
        cases
    )


def test_a_deadline_task_without_a_dated_deadline_is_still_shown(
    team: dict[str, Any], organization: Organization
) -> None:
    deadline_task(
        organization=organization,
        case=team["one"],
        deadline_key="appeal.bia",  # the case has no decision: the core gives this deadline no date
        due=dt.date(2026, 12, 18),
        assignee=team["ana"],
    )
    html = page(client_of(team["ana"]), "?view=week&date=2026-12-18&who=me")
    assert "Task for a deadline that no longer has a date" in html


def test_the_page_is_never_stored_and_the_default_is_by_role(
    team: dict[str, Any], organization: Organization, member: Callable[..., Any]
) -> None:
    response = client_of(team["ana"]).get("/calendar/")
    assert "no-store" in response["Cache-Control"]
    assert 'href="/calendar/?view=month&amp;date=2026-12-07&amp;who=org">Whole organization' in (
        response.content.decode()
    )
    viewer = page(client_of(member(organization, Role.VIEWER, "reader")))
    assert case_link(team["three"]) in viewer  # a viewer carries no cases: the organization's by default
