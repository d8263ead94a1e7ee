"""What the record needs to corroborate (law/corroboration/): each rule true, false and unknown on invented
facts, and none before the law it rests on existed.

Facts are given by concrete path; every other fact is unknown, as a case that does not record it.
Expectations come from the provisions each rule cites, not from the rules' own output.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from withhold.facts.source import NOT_FILED
from withhold.law.corroboration import (
    acquiescence,
    changed_conditions,
    convictions,
    derivatives,
    grounds,
    late_filing,
    past_harm,
    persecutor,
    translations,
)
from withhold.law.corroboration.catalogue import CORROBORATION, corroboration_rule
from withhold.law.registry import all_rules
from withhold.logic import UNKNOWN, Evaluation, Rule, V, unknown
from withhold.parameters import load as load_parameters
from withhold.preparation.evidence import NEVER_UNKNOWN

AS_OF = dt.date(2026, 11, 23)


class Facts:
    """Invented facts by concrete path; anything else is unknown."""

    def __init__(self, facts: dict[str, Any]) -> None:
        self.facts = facts

    def read(self, path: str) -> V[Any]:
        if path in self.facts and self.facts[path] is not None:
            return V(self.facts[path])
        return unknown(path)


def value(rule: Rule, as_of: dt.date = AS_OF, **facts: Any) -> Any:
    """The rule's value on ``as_of``; facts are given with ``__`` for ``.`` and ``_0_`` for ``[0]``."""
    paths = {name.replace("_0_", "[0].").replace("__", "."): fact for name, fact in facts.items()}
    evaluated, _ = Evaluation(Facts(paths), as_of, load_parameters()).evaluate(rule)
    return evaluated.value


def test_every_rule_of_the_catalogue_is_a_rule_of_the_law() -> None:
    law = set(all_rules())
    assert all(rule in law for _, _, rule in CORROBORATION)


def test_a_name_has_at_most_one_rule_for_each_protection() -> None:
    seen = [(name, protection) for name, protections, _ in CORROBORATION for protection in protections]
    assert len(seen) == len(set(seen))
    assert corroboration_rule("past_harm_possible", "asylum") is past_harm.past_persecution_harm
    assert corroboration_rule("past_harm_possible", "cat_deferral") is past_harm.past_torture_harm
    assert corroboration_rule("past_persecution_possible", "cat_deferral") is None


# --- the protected ground (INA 101(a)(42)(A), 241(b)(3)(A)) --------------------------------------------


@pytest.mark.parametrize(
    ("claimed", "expected"),
    [((), False), (("religion",), True), (("political_opinion", "race"), True), (None, True)],
)
def test_a_protected_ground_needs_evidence_unless_none_is_claimed(claimed: Any, expected: bool) -> None:
    # Grounds not yet recorded still need evidence of whichever it is: true, never unknown.
    assert value(grounds.protected_ground, claim__grounds=claimed) is expected


def test_the_protected_ground_is_never_unknown_as_the_checklist_relies_on() -> None:
    assert "protected_ground_claimed" in NEVER_UNKNOWN
    for claimed in (None, (), ("religion",), ("particular_social_group",)):
        assert value(grounds.protected_ground, claim__grounds=claimed) is not UNKNOWN


@pytest.mark.parametrize(
    ("claimed", "cognizable", "expected"),
    [
        (("particular_social_group",), None, True),
        (("particular_social_group",), True, True),
        (("political_opinion", "particular_social_group"), False, False),  # M-E-V-G-: not cognizable
        (("religion",), None, False),
        ((), None, False),
        (None, None, UNKNOWN),
    ],
)
def test_a_social_group_needs_evidence_of_a_cognizable_group(
    claimed: Any, cognizable: Any, expected: Any
) -> None:
    found = value(
        grounds.particular_social_group,
        claim__grounds=claimed,
        claim__particular_social_group__cognizable=cognizable,
    )
    assert found is expected


# --- who harmed, and the officials' role ---------------------------------------------------------------


@pytest.mark.parametrize(("who", "expected"), [("non_state", True), ("government", False), (None, UNKNOWN)])
def test_a_non_state_persecutor_needs_evidence_the_state_cannot_or_will_not_protect(
    who: Any, expected: Any
) -> None:
    assert value(persecutor.unable_or_unwilling, claim__persecutor=who) is expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("acquiescence", True),
        ("consent", True),
        ("willful_blindness", True),  # 8 CFR 1208.18(a)(7)
        ("direct", False),
        ("instigation", False),
        ("none", False),
        (None, UNKNOWN),
    ],
)
def test_torture_by_others_needs_evidence_of_officials_consent_or_acquiescence(
    role: Any, expected: Any
) -> None:
    assert value(acquiescence.official_acquiescence, torture__official_involvement=role) is expected


# --- past harm (8 CFR 1208.13(b)(1), 1208.16(b)(1), (c)(3)(i)) ------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({}, UNKNOWN),
        ({"story__events": 0}, False),
        ({"story__events": 1, "story__events_0_injuries": True}, True),
        ({"story__events": 1, "story__events_0_medical_care": True}, True),
        ({"story__events": 1, "story__events_0_harm": ("threats",)}, True),
        (
            {
                "story__events": 1,
                "story__events_0_injuries": False,
                "story__events_0_medical_care": False,
                "story__events_0_harm": (),
            },
            False,
        ),
        ({"story__events": 1, "story__events_0_injuries": False}, UNKNOWN),
    ],
)
def test_a_story_of_harm_is_testimony_the_judge_may_expect_corroborated(
    facts: dict[str, Any], expected: Any
) -> None:
    assert value(past_harm.testimony_of_harm, **facts) is expected


INJURED = {"story__events": 1, "story__events_0_injuries": True}


@pytest.mark.parametrize(
    ("past", "story", "persecution", "torture"),
    [
        (True, {}, True, True),
        (None, INJURED, True, True),  # the harm told is past harm to corroborate
        (None, {}, UNKNOWN, UNKNOWN),
        # No past persecution found: none to corroborate for asylum or withholding, but past torture needs
        # no protected ground and no fact records it, so for CAT it stays possible.
        (False, {}, False, UNKNOWN),
    ],
)
def test_past_harm_is_to_corroborate_for_persecution_and_for_torture(
    past: Any, story: dict[str, Any], persecution: Any, torture: Any
) -> None:
    facts = {"claim__past_persecution": past, **story}
    assert value(past_harm.past_persecution_harm, **facts) is persecution
    assert value(past_harm.past_torture_harm, **facts) is torture


@pytest.mark.parametrize(("past", "expected"), [(True, True), (False, False), (None, UNKNOWN)])
def test_only_past_persecution_calls_for_evidence_against_a_fundamental_change(
    past: Any, expected: Any
) -> None:
    assert value(changed_conditions.changed_conditions, claim__past_persecution=past) is expected


# --- the one-year deadline (INA 208(a)(2)(B), (D), (E)) ------------------------------------------------

# Arrival 2020-03-10: the deadline is the anniversary, Wednesday 2021-03-10.
ARRIVED = {"entry__last_arrival_date": dt.date(2020, 3, 10)}


@pytest.mark.parametrize(
    ("facts", "as_of", "expected"),
    [
        ({**ARRIVED, "asylum__filed_on": dt.date(2022, 6, 1)}, AS_OF, True),
        ({**ARRIVED, "asylum__filed_on": dt.date(2021, 3, 10)}, AS_OF, False),  # the last day is on time
        ({**ARRIVED, "asylum__filed_on": NOT_FILED}, AS_OF, True),  # the filing will be late
        ({**ARRIVED, "asylum__filed_on": NOT_FILED}, dt.date(2020, 12, 1), False),  # still time to file
        ({**ARRIVED}, AS_OF, UNKNOWN),  # filed when? it could be late
        ({**ARRIVED}, dt.date(2020, 12, 1), False),  # anything filed by now was on time
        ({"asylum__filed_on": dt.date(2022, 6, 1)}, AS_OF, UNKNOWN),  # arrival unknown: deadline unknown
        ({"asylum__filed_on": dt.date(1998, 1, 1)}, AS_OF, False),  # before any deadline could pass
        (
            {**ARRIVED, "asylum__filed_on": dt.date(2022, 6, 1), "entry__unaccompanied_child": True},
            AS_OF,
            False,
        ),
        (
            {**ARRIVED, "asylum__filed_on": dt.date(2022, 6, 1), "entry__unaccompanied_child": False},
            AS_OF,
            True,
        ),
    ],
)
def test_evidence_of_an_exception_is_needed_for_a_late_or_possibly_late_filing(
    facts: dict[str, Any], as_of: dt.date, expected: Any
) -> None:
    assert value(late_filing.one_year_exception, as_of, **facts) is expected


# --- convictions, family, translations ----------------------------------------------------------------


@pytest.mark.parametrize(("count", "expected"), [(0, False), (1, True), (3, True), (None, UNKNOWN)])
def test_each_conviction_needs_its_record(count: Any, expected: Any) -> None:
    assert value(convictions.convictions, convictions=count) is expected


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"family__children": 2}, True),
        ({"family__spouse__given_name": "Invented"}, True),
        ({"family__spouse__in_us": False}, True),  # a spouse abroad can follow to join (8 CFR 1208.21)
        ({"family__children": 0}, UNKNOWN),  # no children, but a spouse cannot be said absent
        ({}, UNKNOWN),
    ],
)
def test_a_spouse_or_children_need_proof_of_the_relationship(facts: dict[str, Any], expected: Any) -> None:
    assert value(derivatives.derivatives, **facts) is expected


def test_a_foreign_language_document_needs_a_certified_translation() -> None:
    assert value(translations.certified_translations) is True
    # Before the rule as cited (8 CFR 1003.33) took effect the earlier rule is not encoded: unknown, not no.
    assert value(translations.certified_translations, dt.date(2003, 2, 27)) is UNKNOWN


# --- never before the law existed ---------------------------------------------------------------------

FITTING: list[tuple[Rule, dict[str, Any]]] = [
    (grounds.protected_ground, {"claim__grounds": ("religion",)}),
    (grounds.particular_social_group, {"claim__grounds": ("particular_social_group",)}),
    (persecutor.unable_or_unwilling, {"claim__persecutor": "non_state"}),
    (acquiescence.official_acquiescence, {"torture__official_involvement": "acquiescence"}),
    (past_harm.testimony_of_harm, INJURED),
    (past_harm.past_persecution_harm, {"claim__past_persecution": True}),
    (past_harm.past_torture_harm, {"claim__past_persecution": True}),
    (changed_conditions.changed_conditions, {"claim__past_persecution": True}),
    (
        late_filing.one_year_exception,
        {"entry__last_arrival_date": dt.date(1990, 1, 1), "asylum__filed_on": NOT_FILED},
    ),
    (convictions.convictions, {"convictions": 1}),
    (derivatives.derivatives, {"family__children": 1}),
    (translations.certified_translations, {}),
]


def test_every_rule_of_the_catalogue_is_tested_here() -> None:
    tested = {rule for rule, _ in FITTING}
    assert {rule for _, _, rule in CORROBORATION} <= tested


@pytest.mark.parametrize(("rule", "facts"), FITTING, ids=lambda x: x.id if isinstance(x, Rule) else "")
def test_none_applies_before_it_existed(rule: Rule, facts: dict[str, Any]) -> None:
    assert rule.began is not None
    assert value(rule, AS_OF, **facts) is True
    before = value(rule, rule.began - dt.timedelta(days=1), **facts)
    assert before is not True
    assert before is rule.when_not_in_force or before == rule.when_not_in_force


def test_the_rules_are_dated_by_the_law_they_rest_on() -> None:
    assert grounds.protected_ground.began == dt.date(1980, 4, 1)  # Refugee Act of 1980
    assert acquiescence.official_acquiescence.began == dt.date(1999, 3, 22)  # CAT regulations
    assert late_filing.one_year_exception.began == dt.date(1997, 4, 1)  # IIRIRA
    assert past_harm.testimony_of_harm.began == dt.date(2005, 5, 11)  # REAL ID Act
    assert derivatives.derivatives.began == dt.date(1997, 4, 1)  # INA 208(b)(3)(A), by IIRIRA
