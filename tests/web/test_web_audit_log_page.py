"""The audit log's page (``/audit/``) and its CSV: only administrators and attorneys see it, only their own
organization's entries, newest first, 50 to a page, filtered by person, action, case number and dates; a
case is named by its number (or as deleted), never by anything it says. Everyone here is invented."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from test_web_language import assert_spanish
from web_people import SECRET_WORDS

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import PERMISSIONS, Can, Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.audit.views import EXPORT_CODE, PAGE_SIZE
from withhold.web.cases.models import CaseRecord

PAGE = "/audit/"
CSV = "/audit/audit-log.csv"


def entry(
    organization: Organization,
    action: Action = Action.VIEWED,
    case_id: uuid.UUID | None = None,
    *,
    username: str = "invented-reader",
    at: dt.datetime | None = None,
    version: int | None = 1,
    what: str = "",
) -> AuditEntry:
    made = AuditEntry.objects.create(
        organization=organization,
        username=username,
        action=action,
        case_id=case_id,
        version=version,
        what=what,
    )
    if at is not None:  # ``at`` is set on creation; an entry is never saved again, so update the row
        AuditEntry.objects.filter(pk=made.pk).update(at=at)
        made.refresh_from_db()
    return made


def shown(response: Any) -> list[AuditEntry]:
    assert response.status_code == 200
    return [row.entry for row in response.context["rows"]]


def csv_lines(response: Any) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_only_administrators_and_attorneys_see_the_log(
    role: Role, organization: Organization, client_for: Callable[..., Client]
) -> None:
    client = client_for(organization, role)
    allowed = Can.VIEW_AUDIT in PERMISSIONS[role]
    assert allowed == (role in (Role.ADMIN, Role.ATTORNEY))
    for url in (PAGE, CSV):
        assert client.get(url).status_code == (200 if allowed else 403), url
    docket = client.get("/cases/").content.decode()
    assert (f'href="{PAGE}"' in docket) == allowed  # the menu links to it for those allowed only


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page() -> None:
    for url in (PAGE, CSV):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.ATTORNEY])
def test_another_organizations_entries_are_never_shown(
    role: Role,
    organization: Organization,
    other_organization: Organization,
    make_case: Callable[..., CaseRecord],
    client_for: Callable[..., Client],
) -> None:
    theirs = make_case(organization)
    entry(organization, Action.VIEWED, theirs.id, username="their-attorney-zq")
    entry(organization, Action.EXPORTED, theirs.id, username="their-attorney-zq", what="format:yaml")
    ours = make_case(other_organization)
    mine = entry(other_organization, Action.CHANGED, ours.id, username="our-attorney")
    outsider = client_for(other_organization, role)

    page = outsider.get(PAGE)
    assert shown(page) == [mine]
    assert b"their-attorney-zq" not in page.content
    # Filtering by their person or their case's number reaches nothing of theirs.
    assert "their-attorney-zq" not in [value for value, _ in page.context["form"].fields["person"].choices]
    refused = outsider.get(PAGE, {"person": "their-attorney-zq"})
    assert shown(refused) == [mine]
    assert "Nobody by this name" in str(refused.context["form"].errors["person"])
    assert ours.number == theirs.number == 1  # each organization numbers its own cases
    assert shown(outsider.get(PAGE, {"case": theirs.number})) == [mine]

    lines = csv_lines(outsider.get(CSV))
    assert "their-attorney-zq" not in str(lines)
    assert [line[0] for line in lines[1:]] == [f"{role}-{other_organization.pk}", "our-attorney"]


@pytest.mark.django_db
def test_entries_come_newest_first_fifty_to_a_page(organization: Organization, attorney: Client) -> None:
    start = timezone.now() - dt.timedelta(days=1)
    made = [entry(organization, at=start + dt.timedelta(minutes=i), version=i) for i in range(PAGE_SIZE + 7)]
    first = attorney.get(PAGE)
    assert shown(first) == made[::-1][:PAGE_SIZE]
    assert first.context["total"] == PAGE_SIZE + 7
    assert b"Page 1 of 2" in first.content and b'page=2"' in first.content
    assert shown(attorney.get(PAGE, {"page": 2})) == made[::-1][PAGE_SIZE:]


@pytest.mark.django_db
def test_each_filter_narrows_the_list(
    organization: Organization, attorney: Client, make_case: Callable[..., CaseRecord]
) -> None:
    one, two = make_case(organization), make_case(organization)
    now = timezone.localtime()
    old = entry(organization, Action.CREATED, one.id, username="ana", at=now - dt.timedelta(days=10))
    viewed = entry(organization, Action.VIEWED, two.id, username="ben", at=now - dt.timedelta(days=3))
    changed = entry(organization, Action.CHANGED, two.id, username="ana", at=now - dt.timedelta(days=1))
    reset = entry(organization, Action.CALENDAR_RESET, username="ben", version=None)

    assert shown(attorney.get(PAGE)) == [reset, changed, viewed, old]
    assert shown(attorney.get(PAGE, {"person": "ana"})) == [changed, old]
    assert shown(attorney.get(PAGE, {"action": "viewed"})) == [viewed]
    assert shown(attorney.get(PAGE, {"case": two.number})) == [changed, viewed]
    day = (now - dt.timedelta(days=3)).date()
    assert shown(attorney.get(PAGE, {"date_from": day.isoformat()})) == [reset, changed, viewed]
    assert shown(attorney.get(PAGE, {"date_to": day.isoformat()})) == [viewed, old]
    both = {"date_from": day.isoformat(), "date_to": day.isoformat(), "person": "ben"}
    assert shown(attorney.get(PAGE, both)) == [viewed]
    # The filters carry over to the CSV link.
    assert b"/audit/audit-log.csv?person=ana" in attorney.get(PAGE, {"person": "ana"}).content


@pytest.mark.django_db
def test_a_wrong_filter_is_reported_and_not_applied(organization: Organization, attorney: Client) -> None:
    made = entry(organization)
    response = attorney.get(PAGE, {"date_from": "2999-01-02", "date_to": "2999-01-01", "case": "0"})
    assert shown(response) == []  # the valid "from" still applies: nothing is that recent
    errors = response.context["form"].errors
    assert set(errors) == {"date_to", "case"}
    assert "before the first one" in str(errors["date_to"])
    assert b"2 filters were not applied" in response.content
    made_up = attorney.get(PAGE, {"action": "made-up"})
    assert shown(made_up) == [made] and "Choose an action" in str(made_up.context["form"].errors["action"])


@pytest.mark.django_db
def test_a_case_is_named_by_its_number_or_as_deleted(
    organization: Organization, attorney: Client, make_case: Callable[..., CaseRecord]
) -> None:
    kept = make_case(organization)
    gone = make_case(organization)
    attorney.get(f"/cases/{gone.id}/")
    attorney.post(f"/cases/{gone.id}/delete/", {"confirm": str(gone.number)})
    attorney.get(f"/cases/{kept.id}/")
    assert not CaseRecord.objects.filter(pk=gone.pk).exists()

    page = attorney.get(PAGE)
    html = page.content.decode()
    assert [(row.case_number, row.case_deleted) for row in page.context["rows"]] == [
        (kept.number, False),
        (None, True),
        (None, True),
    ]
    assert f'href="/audit/?case={kept.number}">Case {kept.number}</a>' in html
    assert html.count("deleted case") == 2
    for word in SECRET_WORDS:
        assert word not in html
    assert str(gone.id) not in html and str(kept.id) not in html  # the opaque ids are not shown either
    # A deleted case's number now names no case: the page says so and lists nothing for it.
    missing = attorney.get(PAGE, {"case": gone.number})
    assert shown(missing) == []
    assert f"There is no case {gone.number} in the docket now" in missing.content.decode()


@pytest.mark.django_db
def test_the_case_page_links_to_its_own_log_for_those_allowed(
    record: CaseRecord, organization: Organization, client_for: Callable[..., Client]
) -> None:
    link = f'href="/audit/?case={record.number}"'
    attorney = client_for(organization, Role.ATTORNEY)
    assert link in attorney.get(f"/cases/{record.id}/").content.decode()
    screener = client_for(organization, Role.SCREENER)
    assert link not in screener.get(f"/cases/{record.id}/").content.decode()
    response = attorney.get(f"/audit/?case={record.number}")
    filtered = shown(response)
    assert filtered and {e.case_id for e in filtered} == {record.id}
    back = f'<p class="eyebrow"><a href="/cases/{record.id}/">Case {record.number}</a></p>'
    assert back in response.content.decode()  # and back to the case


@pytest.mark.django_db
def test_the_csv_holds_the_filtered_list_and_its_export_is_recorded(
    organization: Organization, attorney: Client, make_case: Callable[..., CaseRecord]
) -> None:
    case = make_case(organization)
    attorney.get(f"/cases/{case.id}/")
    attorney.get(f"/cases/{case.id}/export.yaml")
    entry(organization, Action.VIEWED, uuid.uuid4(), username="=HYPERLINK(1)")  # a case since deleted

    lines = csv_lines(attorney.get(CSV, {"action": "exported"}))
    username = get_user_model().objects.get(membership__organization=organization).username
    assert lines[0] == ["username", "action", "case_number", "version", "what", "time"]
    # Newest first: this very export (no case), then the case file's.
    assert [line[:5] for line in lines[1:]] == [
        [username, "exported", "", "", EXPORT_CODE],
        [username, "exported", str(case.number), "1", "format:yaml"],
    ]
    written = dt.datetime.fromisoformat(lines[1][5])
    assert written.utcoffset() is not None and abs(timezone.now() - written) < dt.timedelta(minutes=1)

    everything = csv_lines(attorney.get(CSV))
    assert ["'=HYPERLINK(1)", "viewed", "deleted case"] in [line[:3] for line in everything]  # no formula
    for word in SECRET_WORDS:
        assert word not in str(everything)
    exports = AuditEntry.objects.filter(organization=organization, what=EXPORT_CODE)
    assert exports.count() == 2 and {e.case_id for e in exports} == {None}


@pytest.mark.django_db
def test_the_page_in_spanish(organization: Organization, attorney: Client, record: CaseRecord) -> None:
    attorney.get(f"/cases/{record.id}/")
    attorney.post("/language/", {"language": "es", "next": "/cases/"})
    html = attorney.get(PAGE).content.decode()
    assert_spanish(html, PAGE)
    assert "Registro de accesos" in html and ">vio<" in html and f"Caso {record.number}" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_part_is_shown_in_words_and_the_csv_keeps_its_code(
    language: str, record: CaseRecord, attorney: Client, immediate_tasks: None
) -> None:
    """Every kind of entry the application writes names its part in the reader's words on the page
    ("Client report, Spanish", "12 answers"), never as its code (``report:client:es``); the CSV, read by
    programs, keeps the codes."""
    case = f"/cases/{record.id}/"
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    attorney.get(f"{case}report/client/es.pdf")
    attorney.get(f"{case}report/attorney/en.pdf")
    attorney.get(f"{case}deadlines.ics")
    attorney.get(f"{case}export.yaml")
    attorney.get(f"{case}versions/1/")
    attorney.post(f"{case}edit/claim/", {"version": 1, "claim.credible": "true", "claim.country": "SV"})
    attorney.post(f"{case}edit/hearings/", {"version": 2, "count": 0, "none": "on", "action": "save"})
    attorney.post(f"{case}versions/1/restore/")
    attorney.post(f"{case}workflow/", {"workflow": "on_hold"})
    given = 0
    while given < 2:  # two answers ("I don't know"), the rest of a page skipped for now
        paths = list(attorney.get(f"{case}interview/").context["page"].paths)
        count = min(2 - given, len(paths))
        data = {"action": "skip", "path": paths, **{f"dont_know-{n}": "1" for n in range(1, count + 1)}}
        attorney.post(f"{case}interview/", data)
        given += count
    attorney.get(CSV)
    rows = attorney.get(PAGE).context["rows"]
    codes = {row.entry.what for row in rows if row.entry.what}
    assert {"report:client:es", "format:yaml", "section:claim", "list:hearings", "answers:2"} <= codes
    for row in rows:
        if row.entry.what:
            assert row.what and row.what != row.entry.what, row.entry.what
    words = {row.entry.what: row.what for row in rows}
    assert words["answers:2"] == {"en": "2 answers", "es": "2 respuestas"}[language]
    assert (
        words["report:client:es"]
        == {"en": "Client report, Spanish", "es": "Informe para el cliente, en español"}[language]
    )
    html = attorney.get(PAGE).content.decode()
    assert "report:client:es" not in html and "answers:2" not in html
    assert {line[4] for line in csv_lines(attorney.get(CSV))[1:]} >= {"report:client:es", "answers:2"}
