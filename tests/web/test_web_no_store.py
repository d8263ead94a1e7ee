"""No page Withhold answers may be kept by a browser's cache or a proxy: every page that shows case data
(and every other page of the application) sends ``Cache-Control: no-store, private``. Everyone here is
invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.cases.models import CaseRecord


def case_pages(record: CaseRecord) -> list[str]:
    case = f"/cases/{record.id}/"
    return [
        "/cases/",
        "/cases/?q=quixotelli",
        case,
        f"{case}?as_of=2026-12-01",
        f"{case}versions/",
        f"{case}versions/1/",
        f"{case}edit/",
        f"{case}edit/person/",
        f"{case}edit/hearings/",
        f"{case}edit/document/",
        f"{case}interview/",
        f"{case}interview/?audience=attorney",
        f"{case}findings/",
        f"{case}i589/",
        f"{case}report/attorney/en.pdf",
        f"{case}report/client/es.pdf",
        f"{case}deadlines.ics",
        f"{case}export.yaml",
        f"{case}export.json",
        f"{case}delete/",
        "/cases/calendar/",
        "/audit/",
        "/audit/audit-log.csv",
        "/accounts/",
        "/accounts/two-factor/",
    ]


def never_stored(response: object, where: str) -> None:
    control = {part.strip() for part in response["Cache-Control"].split(",")}  # type: ignore[index]
    assert {"no-store", "private"} <= control, f"{where}: Cache-Control {sorted(control)}"


@pytest.mark.django_db
def test_every_page_of_case_data_is_no_store(record: CaseRecord, attorney: Client) -> None:
    for path in case_pages(record):
        response = attorney.get(path)
        assert response.status_code == 200, path
        never_stored(response, path)
    partial = attorney.get("/cases/?q=quixotelli", headers={"HX-Request": "true"})  # the docket's rows alone
    never_stored(partial, "the docket's rows (htmx)")


@pytest.mark.django_db
def test_answers_errors_and_the_calendar_feed_are_no_store(
    record: CaseRecord, organization: Organization, client_for: Callable[..., Client], attorney: Client
) -> None:
    answer = attorney.post(f"/cases/{record.id}/interview/", {"action": "answer", "path": "nothing.asked"})
    never_stored(answer, "an interview reply")
    never_stored(attorney.get("/cases/00000000-0000-0000-0000-000000000000/"), "a page not found")
    never_stored(Client().get("/accounts/login/"), "the login page")
    token = organization.new_calendar_token()
    feed = Client().get(f"/calendar/{token}/deadlines.ics")
    assert feed.status_code == 200
    never_stored(feed, "the calendar feed")
    admin = client_for(organization, Role.ADMIN)
    never_stored(admin.get("/accounts/people/"), "the people page")
