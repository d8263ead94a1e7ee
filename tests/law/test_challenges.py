"""The common challenges (law/challenges): each top rule is true when the challenge is live on the facts,
unknown while the deciding finding is not made, false when settled; and none applies before the law that
makes it one. Every person here is invented."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from withhold.facts.loading import validate_case
from withhold.facts.source import CaseFacts
from withhold.law.challenges import (
    annual_fee,
    cooperative_agreement,
    credibility,
    nexus,
    one_year,
    particularly_serious_crime,
    pretermission,
    prior_denial,
    relocation,
    social_group,
    state_protection,
)
from withhold.law.challenges.catalogue import CHALLENGES
from withhold.law.registry import all_rules
from withhold.logic import UNKNOWN, Evaluation, Rule, Trace
from withhold.parameters import load as load_parameters

AS_OF = dt.date(2026, 11, 23)


def evaluate(rule: Rule, document: dict[str, Any], as_of: dt.date = AS_OF) -> tuple[Any, Trace]:
    case = validate_case({"withhold": "case/1", **document})
    value, trace = Evaluation(CaseFacts(case), as_of, load_parameters()).evaluate(rule)
    return value.value, trace


def child(trace: Trace, rule: Rule) -> Any:
    return next(node.value for node in trace.walk() if node.rule == rule.id)


# Each top rule: a document where it is live (true), one where it is settled (false), one where the
# deciding finding is not made (unknown).
CASES: list[tuple[Rule, dict[str, Any], dict[str, Any], dict[str, Any]]] = [
    (
        credibility.credibility,
        {"claim": {"credible": False}},
        {"claim": {"credible": True}},
        {},
    ),
    (
        nexus.nexus,
        {"claim": {"grounds": ["political_opinion"], "nexus": "a_reason"}},
        {"claim": {"grounds": ["political_opinion"], "nexus": "one_central_reason"}},
        {"claim": {"grounds": ["political_opinion"]}},
    ),
    (
        social_group.social_group,
        {"claim": {"grounds": ["particular_social_group"], "particular_social_group": {"cognizable": False}}},
        {"claim": {"grounds": ["particular_social_group"], "particular_social_group": {"cognizable": True}}},
        {"claim": {"grounds": ["particular_social_group"]}},
    ),
    (
        relocation.relocation,
        {"claim": {"persecutor": "non_state", "past_persecution": False}},
        {"claim": {"persecutor": "government"}},
        {"claim": {"persecutor": "non_state"}},
    ),
    (
        state_protection.state_protection,
        {"claim": {"persecutor": "non_state", "government_unable_or_unwilling": False}},
        {"claim": {"persecutor": "non_state", "government_unable_or_unwilling": True}},
        {"claim": {"persecutor": "non_state"}},
    ),
    (
        particularly_serious_crime.particularly_serious_crime,
        {"convictions": [{"offense": "invented", "final": True}]},
        {"convictions": []},
        {},
    ),
    (
        one_year.one_year_deadline,
        {
            "entry": {"last_arrival_date": "2019-01-10", "unaccompanied_child": False},
            "asylum": {
                "filed_on": "2021-03-01",
                "changed_circumstances": False,
                "extraordinary_circumstances": False,
            },
        },
        {"entry": {"last_arrival_date": "2024-05-02"}, "asylum": {"filed_on": "2025-04-30"}},
        {"entry": {"last_arrival_date": "2019-01-10"}, "asylum": {"filed_on": "2021-03-01"}},
    ),
    (
        prior_denial.prior_denial,
        {"asylum": {"previously_denied": True}},
        {"asylum": {"previously_denied": False}},
        {},
    ),
    (
        cooperative_agreement.agreement_invoked,
        {"proceedings": {"kind": "removal", "cooperative_agreement": {"invoked": True, "country": "HN"}}},
        {
            "proceedings": {"kind": "removal", "cooperative_agreement": {"invoked": False}},
            "asylum": {"safe_third_country_agreement": False},
        },
        {"proceedings": {"kind": "removal", "cooperative_agreement": {"invoked": False}}},
    ),
    (
        annual_fee.annual_fee,
        {"asylum": {"filed_on": "2025-03-01", "annual_fee_due_on": "2026-12-10"}},
        {
            "asylum": {
                "filed_on": "2025-03-01",
                "annual_fee_due_on": "2026-12-10",
                "annual_fee_paid_on": "2026-12-01",
            }
        },
        {},
    ),
    (
        pretermission.pretermission,
        {"proceedings": {"kind": "removal"}},
        {"proceedings": {"kind": "removal", "decision": {"outcome": "granted"}}},
        {},
    ),
]


@pytest.mark.parametrize(("rule", "live", "settled", "open_"), CASES, ids=[c[0].id for c in CASES])
def test_a_challenge_is_true_false_or_unknown_on_the_facts(
    rule: Rule, live: dict[str, Any], settled: dict[str, Any], open_: dict[str, Any]
) -> None:
    assert evaluate(rule, live)[0] is True
    assert evaluate(rule, settled)[0] is False
    assert evaluate(rule, open_)[0] is UNKNOWN


def test_every_challenge_has_its_three_values_tested() -> None:
    assert {rule.id for _, rule in CHALLENGES} - {c[0].id for c in CASES} == {"challenge.corroboration"}


def test_every_challenge_is_a_root_of_the_law() -> None:
    registered = {rule.id for rule in all_rules()}
    assert all(rule.id in registered for _, rule in CHALLENGES)


# --- the sub-rules the warnings read their severity from ---------------------------------------------


def test_corroboration_is_always_live_and_carries_the_credibility_finding() -> None:
    value, trace = evaluate(credibility.corroboration, {"claim": {"credible": False}})
    assert value is True
    assert child(trace, credibility.credibility) is True
    assert evaluate(credibility.corroboration, {"claim": {"credible": True}})[0] is True


@pytest.mark.parametrize(
    ("filed_on", "label"),
    [("2004-06-01", "before the REAL ID Act"), ("2005-05-11", "REAL ID Act: credibility on the totality")],
)
def test_credibility_is_weighed_under_the_law_of_the_filing_date(filed_on: str, label: str) -> None:
    value, trace = evaluate(credibility.credibility, {"asylum": {"filed_on": filed_on}})
    assert value is UNKNOWN
    assert label in trace.note


def test_credibility_with_the_filing_date_unknown_is_the_same_under_every_version() -> None:
    assert evaluate(credibility.credibility, {"claim": {"credible": True}})[0] is False


@pytest.mark.parametrize(
    ("found", "adverse"), [("none", True), ("incidental", True), ("a_reason", False), (None, UNKNOWN)]
)
def test_a_ground_found_incidental_or_no_reason_fails_every_standard(found: str | None, adverse: Any) -> None:
    claim: dict[str, Any] = {"grounds": ["religion"]}
    if found is not None:
        claim["nexus"] = found
    _, trace = evaluate(nexus.nexus, {"claim": claim})
    assert child(trace, nexus.fails_every_standard) is adverse


def test_no_ground_claimed_leaves_nexus_moot_and_an_unknown_ground_open() -> None:
    assert evaluate(nexus.nexus, {"claim": {"grounds": [], "nexus": "none"}})[0] is False
    value, trace = evaluate(nexus.nexus, {"claim": {"nexus": "none"}})
    assert value is UNKNOWN and child(trace, nexus.ground_claimed) is UNKNOWN


def test_relocation_found_reasonable_is_the_adverse_finding() -> None:
    value, trace = evaluate(relocation.relocation, {"claim": {"relocation_reasonable": True}})
    assert value is True and child(trace, relocation.found_reasonable) is True
    # Undecided with past persecution: presumed unreasonable, DHS's burden.
    assert evaluate(relocation.relocation, {"claim": {"past_persecution": True}})[0] is False


def test_state_failure_entailed_by_past_persecution_stays_open() -> None:
    document = {"claim": {"persecutor": "non_state", "past_persecution": True}}
    value, trace = evaluate(state_protection.state_protection, document)
    assert value is UNKNOWN
    assert child(trace, state_protection.state_protection_failure) is True
    assert evaluate(state_protection.state_protection, {"claim": {"persecutor": "government"}})[0] is False


@pytest.mark.parametrize(
    ("conviction", "serious"),
    [
        ({"aggravated_felony": "F", "sentence_months": 12}, True),
        ({"aggravated_felony": "none", "drug_trafficking": True}, True),
        ({"aggravated_felony": "none", "particularly_serious": True}, True),
        ({"aggravated_felony": "none", "drug_trafficking": False, "particularly_serious": False}, False),
        ({"aggravated_felony": "none"}, UNKNOWN),
    ],
)
def test_a_conviction_the_record_makes_particularly_serious(conviction: dict[str, Any], serious: Any) -> None:
    document = {"convictions": [{"offense": "invented", "final": True, **conviction}]}
    value, trace = evaluate(particularly_serious_crime.particularly_serious_crime, document)
    assert value is True
    assert child(trace, particularly_serious_crime.serious_on_the_record) is serious


def test_five_years_of_aggravated_felonies_are_serious_per_se() -> None:
    document = {
        "convictions": [
            {"offense": "invented", "final": True, "aggravated_felony": "G", "sentence_months": 60}
        ]
    }
    _, trace = evaluate(particularly_serious_crime.serious_on_the_record, document)
    assert child(trace, particularly_serious_crime.per_se) is True


def test_the_pretermission_sub_rule_names_an_unrecorded_element() -> None:
    complete = {
        "proceedings": {"kind": "removal"},
        "claim": {
            "grounds": ["political_opinion"],
            "persecutor": "government",
            "nexus": "one_central_reason",
            "harm_is_persecution": True,
        },
    }
    _, trace = evaluate(pretermission.pretermission, complete)
    assert child(trace, pretermission.elements_unrecorded) is False
    _, bare = evaluate(pretermission.pretermission, {"proceedings": {"kind": "removal"}})
    assert child(bare, pretermission.elements_unrecorded) is True
    assert evaluate(pretermission.pretermission, {"proceedings": {"kind": "affirmative"}})[0] is False


# The sub-rules on whether a claimed social group is stated: the same three values, on documents in court
# (pretermission's sub-rule is evaluated on its own here, so the court is for the reader only).
GROUP = "particular_social_group"
STATED = {"definition": "the immediate family of an invented person"}
SUB_RULES: list[tuple[Rule, dict[str, Any], dict[str, Any], dict[str, Any]]] = [
    (
        rule,
        {"proceedings": {"kind": "removal"}, "claim": {"grounds": [GROUP]}},
        {"proceedings": {"kind": "removal"}, "claim": {"grounds": [GROUP], GROUP: STATED}},
        {"proceedings": {"kind": "removal"}},
    )
    for rule in (social_group.undelineated, pretermission.group_undelineated)
]


@pytest.mark.parametrize(("rule", "live", "settled", "open_"), SUB_RULES, ids=[c[0].id for c in SUB_RULES])
def test_whether_a_claimed_group_is_stated_is_true_false_or_unknown(
    rule: Rule, live: dict[str, Any], settled: dict[str, Any], open_: dict[str, Any]
) -> None:
    assert evaluate(rule, live)[0] is True
    assert evaluate(rule, settled)[0] is False
    assert evaluate(rule, open_)[0] is UNKNOWN
    # No group claimed: nothing to state. A blank definition states nothing.
    assert evaluate(rule, {"claim": {"grounds": ["religion"]}})[0] is False
    assert evaluate(rule, {"claim": {"grounds": [GROUP], GROUP: {"definition": "  "}}})[0] is True


def test_the_challenges_carry_whether_the_group_is_stated_without_changing_their_value() -> None:
    claimed = {"proceedings": {"kind": "removal"}, "claim": {"grounds": [GROUP], GROUP: {"cognizable": True}}}
    value, trace = evaluate(social_group.social_group, claimed)
    assert value is False and child(trace, social_group.undelineated) is True
    value, trace = evaluate(pretermission.pretermission, claimed)
    assert value is True and child(trace, pretermission.group_undelineated) is True
    stated = {**claimed, "claim": {"grounds": [GROUP], GROUP: {**STATED, "cognizable": True}}}
    assert child(evaluate(social_group.social_group, stated)[1], social_group.undelineated) is False
    assert child(evaluate(pretermission.pretermission, stated)[1], pretermission.group_undelineated) is False


# --- never before the law that makes it a challenge ---------------------------------------------------


def _day_before(rule: Rule) -> dt.date:
    assert rule.began is not None
    return rule.began - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("rule", "live"),
    [(c[0], c[1]) for c in (*CASES, *SUB_RULES)],
    ids=[c[0].id for c in (*CASES, *SUB_RULES)],
)
def test_no_challenge_applies_before_its_law_took_effect(rule: Rule, live: dict[str, Any]) -> None:
    """The day before: selected by the filing date, an application filed that day; else the law as of it."""
    day = _day_before(rule)
    if rule.selected_by == "asylum.filed_on":
        document = {**live, "asylum": {**live.get("asylum", {}), "filed_on": day.isoformat()}}
        value, trace = evaluate(rule, document)
    else:
        value, trace = evaluate(rule, live, as_of=day)
    assert value is rule.when_not_in_force or value == rule.when_not_in_force
    assert "not in force" in trace.note


def test_the_first_days_of_the_challenges() -> None:
    began = {rule.id: rule.began for _, rule in CHALLENGES}
    assert began["challenge.credibility"] == dt.date(1980, 4, 1)
    assert credibility.credibility.versions[1].in_force.start == dt.date(2005, 5, 11)  # REAL ID Act
    assert began["challenge.one_year_deadline"] == dt.date(1997, 4, 1)  # IIRIRA
    assert began["challenge.prior_denial"] == dt.date(1997, 4, 1)
    assert began["challenge.pretermission"] == dt.date(2025, 3, 17)  # Matter of C-A-R-R-
    assert began["challenge.annual_fee"] == dt.date(2025, 7, 4)  # Pub. L. 119-21
    # Whether a claimed group is stated: with the ground itself; for pretermission, with C-A-R-R-.
    assert social_group.undelineated.began == dt.date(1980, 4, 1)
    assert pretermission.group_undelineated.began == dt.date(2025, 3, 17)
