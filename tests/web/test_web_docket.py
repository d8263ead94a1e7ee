"""The docket: search by name or A-number, filter by status, the most urgent case first, and the list
alone for htmx."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from withhold.deadlines.schedule import SOON_DAYS
from withhold.web.accounts.models import Organization
from withhold.web.cases.docket import Row
from withhold.web.cases.models import CaseRecord
from withhold.web.cases.summary import Upcoming


def person(given: str, family: str, hearing_in_days: int | None) -> dict[str, Any]:
    document: dict[str, Any] = {"withhold": "case/1", "person": {"given_name": given, "family_name": family}}
    if hearing_in_days is not None:
        day = dt.date.today() + dt.timedelta(days=hearing_in_days)
        document["proceedings"] = {"hearings": [{"kind": "individual", "date": day.isoformat()}]}
    return document


@pytest.fixture
def docket(make_case: Callable[..., CaseRecord], organization: Organization) -> dict[str, CaseRecord]:
    return {
        "later": make_case(organization, person("Abelino", "Tardío", 200)),
        "none": make_case(organization, person("Berenice", "Sinfecha", None)),
        "soon": make_case(organization, person("Casimira", "Pronto", 20)),
    }


def names(response: Any) -> list[str]:
    return [row.name for row in response.context["page"].object_list]


@pytest.mark.django_db
def test_the_most_urgent_case_comes_first(docket: dict[str, CaseRecord], attorney: Client) -> None:
    assert names(attorney.get("/cases/")) == ["Casimira Pronto", "Abelino Tardío", "Berenice Sinfecha"]


def missed_one_year(given: str, family: str) -> dict[str, Any]:
    """A case whose one-year asylum deadline was missed: arrived long ago, the application not filed."""
    arrived = dt.date.today() - dt.timedelta(days=800)
    return {
        **person(given, family, None),
        "entry": {"last_arrival_date": arrived.isoformat()},
        "asylum": {"filed_on": None},
    }


@pytest.mark.django_db
def test_missed_and_due_soon_come_before_later_and_none(
    docket: dict[str, CaseRecord],
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    attorney: Client,
) -> None:
    """A missed deadline is the most urgent of all (it was below cases with hearings months away); then
    what is due within the schedule's "soon" window, then what is later, then cases with no date."""
    make_case(organization, missed_one_year("Dalia", "Vencida"))
    make_case(organization, person("Emiliano", "Enseguida", SOON_DAYS - 4))
    assert names(attorney.get("/cases/")) == [
        "Dalia Vencida",
        "Emiliano Enseguida",
        "Casimira Pronto",
        "Abelino Tardío",
        "Berenice Sinfecha",
    ]


@pytest.mark.django_db
def test_search_and_status_filter(docket: dict[str, CaseRecord], attorney: Client) -> None:
    assert names(attorney.get("/cases/?q=tardio")) == ["Abelino Tardío"]
    attorney.post(f"/cases/{docket['soon'].id}/workflow/", {"workflow": "closed"})
    assert "Casimira Pronto" not in names(attorney.get("/cases/"))
    assert names(attorney.get("/cases/?status=closed")) == ["Casimira Pronto"]
    assert len(names(attorney.get("/cases/?status=all"))) == 3


@pytest.mark.django_db
def test_htmx_gets_only_the_list(docket: dict[str, CaseRecord], attorney: Client) -> None:
    partial = attorney.get("/cases/?q=pronto", headers={"HX-Request": "true"})
    assert next(t.name for t in partial.templates) == "cases/_docket_rows.html"
    assert b"<html" not in partial.content
    assert b"Casimira Pronto" in partial.content


def test_a_deadline_is_marked_urgent_within_the_schedules_soon_window() -> None:
    today = dt.date(2026, 11, 23)

    def row(days: int | None) -> Row:
        upcoming = None if days is None else Upcoming(today + dt.timedelta(days=days), "deadline")
        return Row(uuid.uuid4(), 1, "active", "", "", None, upcoming, {}, 0, today)

    assert row(SOON_DAYS).deadline_soon
    assert not row(SOON_DAYS + 1).deadline_soon
    assert not row(None).deadline_soon


@pytest.mark.django_db
def test_an_interview_answer_reaches_the_docket_when_it_is_next_read(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    from withhold.web.cases import store
    from withhold.web.cases.documents import case_of
    from withhold.web.cases.models import Change

    record = make_case(organization, person("Dorotea", "Pendiente", None))
    before = CaseRecord.objects.get(pk=record.pk).summary
    hearing = (dt.date.today() + dt.timedelta(days=9)).isoformat()
    changed = case_of({**record.document, "proceedings": {"hearings": [{"kind": "master", "date": hearing}]}})
    saved = store.save(record, changed, None, Change.INTERVIEW, summary_later=True)
    assert CaseRecord.objects.get(pk=record.pk).summary == {}  # left for the docket
    row = attorney.get("/cases/").context["page"].object_list[0]
    assert row.next_hearing is not None and row.next_hearing.date.isoformat() == hearing
    stored = CaseRecord.objects.get(pk=record.pk).summary
    assert stored["hearings"] == [hearing] and stored != before

    # A summary made from an older version is not stored over a newer version's.
    stale = CaseRecord.objects.get(pk=record.pk)
    stale.summary = {}
    newer = store.save(saved, case_of(record.document), None, Change.EDITED)
    store.fresh_summary(stale)
    assert CaseRecord.objects.get(pk=record.pk).summary["hearings"] == []
    assert newer.version == stale.version + 1


@pytest.mark.django_db
def test_cases_are_numbered_in_the_pages_language(docket: dict[str, CaseRecord], attorney: Client) -> None:
    number = docket["soon"].number
    assert f">Case {number}</a>" in attorney.get("/cases/").content.decode()
    attorney.post("/language/", {"language": "es", "next": "/cases/"})
    page = attorney.get("/cases/").content.decode()
    assert f">Caso {number}</a>" in page and f">Case {number}</a>" not in page
