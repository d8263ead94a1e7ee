"""The law watch page: an organization sees which of its cases a change in the law reaches, with the
reasons, and never another organization's cases (issue 13, item 6)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from web_people import SECRET_WORDS

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.cases.models import CaseRecord

# An invented Guatemalan whom DHS asks to send to Honduras under the 2025 agreement; the file names no law
# date, so the page compares the chosen dates.
UNDER_AGREEMENT: dict[str, Any] = {
    "withhold": "case/1",
    "person": {"family_name": "Zephyrine", "given_name": "Quixotelli", "nationality": "GT"},
    "proceedings": {
        "kind": "removal",
        "cooperative_agreement": {
            "invoked": True,
            "country": "HN",
            "exception": False,
            "fear_in_country": False,
            "public_interest_notice": False,
        },
    },
    "entry": {"last_arrival_date": "2024-03-10", "unaccompanied_child": False, "southwest_border_from_mexico": False},
    "asylum": {"filed_on": "2024-09-01", "previously_denied": False, "safe_third_country_agreement": True,
               "firmly_resettled": False, "frivolous_finding": False, "discretion_favorable": True},
    "claim": {"country": "GT", "grounds": ["political_opinion"], "harm_is_persecution": True,
              "persecutor": "government", "nexus": "one_central_reason", "past_persecution": True,
              "fundamental_change": False, "relocation_reasonable": False, "credible": True},
    "torture": {"country": "GT", "likelihood": "more_likely_than_not", "official_involvement": "direct"},
    "conduct": {"persecuted_others": False, "serious_nonpolitical_crime_abroad": False,
                "danger_to_security": False, "terrorist_activity": False},
    "convictions": [],
}  # fmt: skip
UNTOUCHED = {
    **UNDER_AGREEMENT,
    "proceedings": {"kind": "removal", "cooperative_agreement": {"invoked": False}},
}


@pytest.mark.django_db
def test_the_page_lists_the_cases_whose_status_changes_with_the_reasons(
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    other_organization: Organization,
    client_for: Callable[..., Client],
) -> None:
    affected = make_case(organization, UNDER_AGREEMENT)
    make_case(organization, UNTOUCHED)
    theirs = make_case(other_organization, UNDER_AGREEMENT)
    viewer = client_for(organization, Role.VIEWER)
    response = viewer.get("/cases/law/", {"since": "2025-01-15", "until": "2026-11-23"})
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    found = response.context["found"]
    assert found.checked == 2
    assert [item.record.id for item in found.affected] == [affected.id]
    html = response.content.decode()
    assert f"Case {affected.number}" in html and str(theirs.id) not in html
    assert "Removable to a third country under an asylum cooperative agreement" in html
    assert "2025-10-10" in html  # the Honduras agreement's change in the law
    assert "Changes in the law from 2025-01-15 to 2026-11-23" in html
    for word in SECRET_WORDS:
        assert word not in html  # case numbers only, never names


@pytest.mark.django_db
def test_bad_dates_are_named_in_the_form_never_an_error_page(attorney: Client) -> None:
    for query, message in (
        ({"since": "2026-12-01", "until": "2025-01-01"}, "The first date (2026-12-01) is after the second"),
        ({"since": "tomorrow"}, "The first date is not a date: tomorrow"),
        ({"since": "1900-01-01"}, "The first date must be between 1980-04-01 and 2199-12-31"),
        ({"until": "9999-12-31"}, "The second date must be between"),
    ):
        response = attorney.get("/cases/law/", query)
        assert response.status_code == 200, query
        assert message in response.content.decode(), query
        assert response.context["found"] is None


@pytest.mark.django_db
def test_without_dates_each_case_is_compared_from_its_own_last_screening(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    make_case(organization, UNDER_AGREEMENT)
    response = attorney.get("/cases/law/")
    assert response.status_code == 200
    assert response.context["each_own_date"] is True
    assert response.context["found"].checked == 1
    assert "open cases checked against the law of" in response.content.decode()


@pytest.mark.django_db
def test_a_case_screened_before_the_change_is_found_from_its_own_date(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    # The docket last screened this case in January 2025, before the Honduras agreement: its summary says
    # every protection was open. Today's law closes them, so the page finds it without any date chosen.
    record = make_case(organization, UNDER_AGREEMENT)
    before = {
        name: "eligible" for name in ("asylum", "statutory_withholding", "cat_withholding", "cat_deferral")
    }
    record.summary = {**record.summary, "screened_on": "2025-01-15", "statuses": before}
    record.save(update_fields=["summary"])
    response = attorney.get("/cases/law/")
    found = response.context["found"]
    assert [item.record.id for item in found.affected] == [record.id]
    assert found.affected[0].change.before.isoformat() == "2025-01-15"


@pytest.mark.django_db
def test_the_page_needs_a_login(client: Client) -> None:
    response = client.get("/cases/law/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
