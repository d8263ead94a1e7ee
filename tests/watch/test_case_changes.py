"""Which protections of a case change status between two law dates, and why (issue 13, item 6)."""

from __future__ import annotations

import datetime as dt

from withhold.facts.loading import validate_case
from withhold.watch import status_changes

STRONG_CLAIM = {
    "withhold": "case/1",
    "person": {"family_name": "Example", "given_name": "Lucía", "nationality": "GT"},
    "entry": {"last_arrival_date": "2024-03-10", "unaccompanied_child": False, "southwest_border_from_mexico": False},
    "asylum": {"filed_on": "2024-09-01", "previously_denied": False, "firmly_resettled": False,
               "frivolous_finding": False, "discretion_favorable": True},
    "claim": {"country": "GT", "grounds": ["political_opinion"], "harm_is_persecution": True,
              "persecutor": "government", "nexus": "one_central_reason", "past_persecution": True,
              "fundamental_change": False, "relocation_reasonable": False, "credible": True},
    "torture": {"country": "GT", "likelihood": "more_likely_than_not", "official_involvement": "direct"},
    "conduct": {"persecuted_others": False, "serious_nonpolitical_crime_abroad": False,
                "danger_to_security": False, "terrorist_activity": False},
    "convictions": [],
}  # fmt: skip


def test_the_honduras_agreement_closes_every_claim_and_says_which_change_did_it() -> None:
    case = validate_case(
        {
            **STRONG_CLAIM,
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
            "asylum": {**STRONG_CLAIM["asylum"], "safe_third_country_agreement": True},  # type: ignore[dict-item]
        }
    )
    found = status_changes(case, dt.date(2025, 1, 15), dt.date(2026, 11, 23))
    assert found.changed
    statuses = {p.protection: (p.before, p.after) for p in found.protections}
    assert statuses == {
        "asylum": ("eligible", "not_eligible"),
        "statutory_withholding": ("eligible", "not_eligible"),
        "cat_withholding": ("eligible", "not_eligible"),
        "cat_deferral": ("eligible", "not_eligible"),
    }
    withholding = next(p for p in found.protections if p.protection == "statutory_withholding")
    agreement = next(r for r in withholding.rules if r.rule == "procedure.cooperative_agreement")
    assert (agreement.before, agreement.after) == (False, True)
    assert any(
        c.subject == "asylum.cooperative_agreements" and c.on == dt.date(2025, 10, 10) for c in agreement.law
    )
    assert withholding.rules[0].law, "the rules the law changed come first"
    data = found.to_json()
    assert data["protections"][0]["rules"][0]["law"][0]["citations"]


def test_a_case_the_law_did_not_change_reports_nothing() -> None:
    case = validate_case(
        {**STRONG_CLAIM, "proceedings": {"kind": "removal", "cooperative_agreement": {"invoked": False}}}
    )
    found = status_changes(case, dt.date(2025, 1, 15), dt.date(2026, 11, 23))
    assert not found.changed and found.protections == ()


def test_the_same_date_twice_changes_nothing() -> None:
    case = validate_case(STRONG_CLAIM)
    assert not status_changes(case, dt.date(2026, 11, 23), dt.date(2026, 11, 23)).changed
