"""The findings review in the browser: each finding a result depends on, with the client's own answers
beside it in words and the law's suggestion marked as one; accepting it, choosing otherwise or leaving it
open records the review like any edit (a version and an audit entry). A viewer cannot record one, and
another organization's user does not even see the page. Invented people only."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from web_answers import EMPTY, interview_url, page_dont_know

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion, Change

GOVERNMENT = {
    **EMPTY,
    "person": {"given_name": "Odalys", "nationality": "HN"},
    "proceedings": {"kind": "removal", "hearings": []},
    "claim": {"country": "HN", "grounds": ["political_opinion"], "persecutor": "government"},
}
"""A client who answered that the government harmed them: the law suggests relocation is unreasonable."""

RELOCATION = "claim.relocation_reasonable"


def stored(record: CaseRecord) -> Any:
    return case_of(CaseRecord.objects.get(pk=record.pk).document)


def findings_url(record: CaseRecord) -> str:
    return f"/cases/{record.id}/findings/"


@pytest.fixture
def government(make_case: Callable[..., CaseRecord], organization: Organization) -> CaseRecord:
    return make_case(organization, GOVERNMENT)


def shown(client: Client, record: CaseRecord, path: str) -> Any:
    page = client.get(findings_url(record))
    assert page.status_code == 200
    listed = page.context["waiting"] + page.context["recorded"] + page.context["done"]
    found = [item for item in listed if item.path == path]
    assert found, path
    return found[0]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_each_finding_shows_the_clients_answers_in_words_and_the_suggestion_as_one(
    language: str, government: CaseRecord, attorney: Client
) -> None:
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    page = attorney.get(findings_url(government))
    html = page.content.decode()
    item = shown(attorney, government, RELOCATION)
    government_words = {"en": "The government", "es": "El gobierno"}[language]
    assert any(said.answer.startswith(government_words) for said in item.bearing), item.bearing
    assert any("Honduras" in said.answer for said in item.bearing)
    assert item.suggestion == {"en": "No", "es": "No"}[language]
    assert "relocation is presumed unreasonable" in item.rule_title
    assert item.citations
    marked = {
        "en": "Suggested from the client's answers — not recorded until you confirm",
        "es": "Sugerido a partir de las respuestas del cliente: no se registra hasta que usted lo confirme",
    }[language]
    assert marked.replace("'", "&#x27;") in html
    assert {"en": "Accept suggestion", "es": "Aceptar la sugerencia"}[language] in html
    # Never a path or a code on screen: only in the hidden fields that say which finding a form is for.
    visible = re.sub(r'<input type="hidden"[^>]*>', "", html)
    assert not re.search(r"\b(claim|torture|asylum|conduct)\.[a-z_]+", visible), "a fact path shows"
    assert "government</" not in visible and ">HN<" not in visible
    assert stored(government).claim.relocation_reasonable is None  # a suggestion records nothing


@pytest.mark.django_db
def test_accepting_a_suggestion_records_it_as_reviewed_like_any_edit(
    government: CaseRecord, attorney: Client
) -> None:
    accepted = attorney.post(findings_url(government), {"path": RELOCATION, "action": "accept"})
    assert accepted.status_code == 302
    case = stored(government)
    assert case.claim.relocation_reasonable is False
    assert RELOCATION in (case.interview.reviewed or [])
    record = CaseRecord.objects.get(pk=government.pk)
    assert record.version == 2
    assert CaseVersion.objects.get(case=government, number=2).change == Change.EDITED
    entry = AuditEntry.objects.get(case_id=government.id, action=Action.CHANGED)
    assert (entry.version, entry.what) == (2, "findings")
    assert "Your assessment is saved (version 2)." in attorney.get(findings_url(government)).content.decode()
    item = shown(attorney, government, RELOCATION)
    assert item.reviewed and item.recorded == "No"
    assert any(said.answer.startswith("The government") for said in item.bearing)  # still beside it


@pytest.mark.django_db
def test_choosing_otherwise_and_leaving_open_on_purpose(government: CaseRecord, attorney: Client) -> None:
    other = attorney.post(findings_url(government), {"path": RELOCATION, "action": "confirm", "value": "yes"})
    assert other.status_code == 302
    assert stored(government).claim.relocation_reasonable is True
    left = attorney.post(findings_url(government), {"path": "claim.credible", "value": "open"})
    assert left.status_code == 302
    case = stored(government)
    assert case.claim.credible is None
    assert set(case.interview.reviewed or []) == {RELOCATION, "claim.credible"}
    credible = shown(attorney, government, "claim.credible")
    assert credible.reviewed and credible.recorded == ""
    nothing = attorney.post(findings_url(government), {"path": "claim.credible", "action": "confirm"})
    assert nothing.status_code == 422
    assert "Choose an answer, or “Leave open”." in nothing.content.decode()
    changed_back = attorney.post(findings_url(government), {"path": RELOCATION, "value": "open"})
    assert changed_back.status_code == 302  # a reviewed finding can be changed on the same page
    assert stored(government).claim.relocation_reasonable is None


@pytest.mark.django_db
def test_a_finding_that_waits_changes_the_case_pages_wording(
    government: CaseRecord, attorney: Client
) -> None:
    first = attorney.get(interview_url(government)).context["page"]
    attorney.post(interview_url(government), page_dont_know(first.paths))  # no longer a new case
    html = attorney.get(f"/cases/{government.id}/").content.decode()
    cards = html[html.index('id="protections"') : html.index('id="next"')]
    assert "Needs your assessment" in cards and ">Eligible<" not in cards
    assert re.search(r"Findings review \(\d+ waiting\)", html)
    assert f'href="{findings_url(government)}"' in html


@pytest.mark.django_db
def test_a_viewer_cannot_review_and_another_organization_cannot_see(
    government: CaseRecord,
    organization: Organization,
    other_organization: Organization,
    client_for: Callable[..., Client],
) -> None:
    viewer = client_for(organization, Role.VIEWER)
    assert viewer.get(findings_url(government)).status_code == 403
    assert viewer.post(findings_url(government), {"path": RELOCATION, "action": "accept"}).status_code == 403
    outsider = client_for(other_organization, Role.ATTORNEY)
    assert outsider.get(findings_url(government)).status_code == 404
    assert (
        outsider.post(findings_url(government), {"path": RELOCATION, "action": "accept"}).status_code == 404
    )
    assert stored(government).claim.relocation_reasonable is None
    assert CaseRecord.objects.get(pk=government.pk).version == 1
    # Findings are legal judgements: a screener interviews the client but records no finding, and the
    # attorney's interview falls back to the client's for them.
    screener = client_for(organization, Role.SCREENER)
    assert screener.get(findings_url(government)).status_code == 403
    assert (
        screener.post(findings_url(government), {"path": RELOCATION, "action": "accept"}).status_code == 403
    )
    page = screener.get(interview_url(government) + "?audience=attorney")
    assert page.status_code == 200 and b'class="audience"' not in page.content
    assert viewer.get(interview_url(government)).status_code == 403


HOSTILE: list[dict[str, Any]] = [
    {},
    {"path": "claim.country", "value": "yes"},  # a plain fact, not a finding
    {"path": "convictions[9999].particularly_serious", "value": "yes"},  # an item the case does not have
    {"path": "claim.relocation_reasonable", "value": "maybe"},
    {"path": "claim.relocation_reasonable", "value": "9" * 100_000},
    {"path": "claim.credible", "action": "accept"},  # no suggestion to accept
    {"path": "x" * 10_000, "value": "open"},
    {"path": "interview.reviewed", "value": "open"},
    {"path": ["claim.credible", "claim.nexus"], "value": ["yes", "no"]},
]


@pytest.mark.django_db
@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
def test_no_hostile_review_is_a_server_error_or_changes_anything_else(
    data: dict[str, Any], government: CaseRecord, attorney: Client
) -> None:
    before = stored(government)
    response = attorney.post(findings_url(government), data)
    assert response.status_code in (200, 302, 422), response.status_code
    after = stored(government)
    assert after.claim.country == "HN" and after.convictions == before.convictions
    assert len(after.convictions or []) == len(before.convictions or [])
    assert attorney.get(findings_url(government)).status_code == 200


@pytest.mark.django_db
def test_a_finding_recorded_in_the_file_is_listed_apart_until_confirmed(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    document = {**GOVERNMENT, "claim": {**GOVERNMENT["claim"], "credible": True}}
    record = make_case(organization, document)
    page = attorney.get(findings_url(record))
    assert [item.path for item in page.context["recorded"]] == ["claim.credible"]
    assert "claim.credible" not in [item.path for item in page.context["waiting"]]
    html = page.content.decode()
    assert "Recorded in the case file, not reviewed yet (1)" in html
    credible = shown(attorney, record, "claim.credible")
    assert credible.recorded == "Yes" and credible.chosen == "yes" and not credible.reviewed
    waiting = len(page.context["waiting"])
    first = attorney.get(interview_url(record)).context["page"]
    attorney.post(interview_url(record), page_dont_know(first.paths))  # no longer a new case
    case_page = attorney.get(f"/cases/{record.id}/").content.decode()
    assert f"Findings review ({waiting} waiting)" in case_page  # the recorded one is not waiting
    attorney.post(findings_url(record), {"path": "claim.credible", "value": "yes"})
    assert [item.path for item in attorney.get(findings_url(record)).context["done"]] == ["claim.credible"]
