"""The bundled examples read as valid ``case/1`` files and screen as their comments say.

Expectations live here, not in the case files (a case file rejects unknown keys). Every file in
``examples/`` must be listed below, so a new example cannot go unchecked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from withhold.facts.loading import parse_case
from withhold.screening import screen

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEFAULT_AS_OF = dt.date(2026, 11, 23)


@dataclass(frozen=True)
class Expected:
    statuses: dict[str, str]
    best: str
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    legal_analysis: dict[str, tuple[str, ...]] = field(default_factory=dict)
    first_questions: tuple[str, ...] = ()
    """Questions that must come before any question about a single protection."""


ALL_UNDETERMINED = {
    "asylum": "undetermined",
    "statutory_withholding": "undetermined",
    "cat_withholding": "undetermined",
    "cat_deferral": "undetermined",
}

EXPECTED = {
    # 8 CFR 1240.11(h): the agreement closes the forum for every claim about the home country.
    "cooperative-agreement-honduras.yaml": Expected(
        statuses={
            "asylum": "not_eligible",
            "statutory_withholding": "not_eligible",
            "cat_withholding": "not_eligible",
            "cat_deferral": "not_eligible",
        },
        best="none",
    ),
    "missed-deadline-withholding-open.yaml": Expected(
        statuses={
            "asylum": "barred",
            "statutory_withholding": "eligible",
            "cat_withholding": "not_eligible",
            "cat_deferral": "not_eligible",
        },
        best="statutory_withholding",
    ),
    "drug-trafficking-cat-deferral-only.yaml": Expected(
        statuses={
            "asylum": "barred",
            "statutory_withholding": "barred",
            "cat_withholding": "barred",
            "cat_deferral": "eligible",
        },
        best="cat_deferral",
    ),
    "social-group-undetermined.yaml": Expected(
        statuses={
            "asylum": "undetermined",
            "statutory_withholding": "undetermined",
            "cat_withholding": "not_eligible",
            "cat_deferral": "not_eligible",
        },
        best="undetermined",
        missing={
            "asylum": ("claim.particular_social_group.cognizable",),
            "statutory_withholding": ("claim.particular_social_group.cognizable",),
        },
        legal_analysis={
            "asylum": ("persecution.particular_social_group.cognizable",),
            "statutory_withholding": ("persecution.particular_social_group.cognizable",),
        },
    ),
    "reinstated-withholding-only.yaml": Expected(
        statuses={
            "asylum": "not_eligible",
            "statutory_withholding": "eligible",
            "cat_withholding": "not_eligible",
            "cat_deferral": "not_eligible",
        },
        best="statutory_withholding",
    ),
    "clean-asylum.yaml": Expected(
        statuses={
            "asylum": "eligible",
            "statutory_withholding": "eligible",
            "cat_withholding": "eligible",
            "cat_deferral": "eligible",
        },
        best="asylum",
    ),
    "almost-nothing-known.yaml": Expected(
        statuses=ALL_UNDETERMINED,
        best="undetermined",
        missing={
            "asylum": ("proceedings.kind", "claim.grounds", "entry.last_arrival_date", "convictions"),
            "statutory_withholding": ("claim.grounds", "claim.nexus", "convictions"),
            "cat_deferral": ("torture.likelihood", "torture.official_involvement"),
        },
        # An asylum cooperative agreement would close all four protections at once (8 CFR 1240.11(h)), so
        # its facts come first; then the conduct bars and the convictions, which close three.
        first_questions=(
            "proceedings.kind",
            "proceedings.cooperative_agreement.invoked",
            "proceedings.cooperative_agreement.country",
            "proceedings.cooperative_agreement.exception",
            "proceedings.cooperative_agreement.fear_in_country",
            "proceedings.cooperative_agreement.public_interest_notice",
            "entry.last_arrival_date",
            "entry.unaccompanied_child",
            "asylum.safe_third_country_agreement",
            "conduct.persecuted_others",
            "conduct.serious_nonpolitical_crime_abroad",
            "conduct.danger_to_security",
            "conduct.terrorist_activity",
            "convictions",
        ),
    ),
    "late-filing-changed-circumstances.yaml": Expected(
        statuses={
            "asylum": "eligible",
            "statutory_withholding": "not_eligible",
            "cat_withholding": "not_eligible",
            "cat_deferral": "not_eligible",
        },
        best="asylum",
    ),
    # The invented person whose case fills most of Form I-589 (tests/forms/): a strong, timely claim.
    "i589-complete.yaml": Expected(
        statuses={
            "asylum": "eligible",
            "statutory_withholding": "eligible",
            "cat_withholding": "eligible",
            "cat_deferral": "eligible",
        },
        best="asylum",
    ),
    # A client's intake (issue 15): the story in their own words, no finding yet. The story is never read
    # by rules, so nothing is decided from it: the findings stay the lawyer's.
    "story-client-intake-honduras.yaml": Expected(
        statuses=ALL_UNDETERMINED,
        best="undetermined",
        missing={
            "asylum": ("claim.grounds", "claim.past_persecution", "claim.government_unable_or_unwilling"),
            "statutory_withholding": ("claim.grounds", "claim.nexus"),
        },
    ),
    "southern-border-2024-limitation-open.yaml": Expected(
        statuses={
            "asylum": "undetermined",
            "statutory_withholding": "eligible",
            "cat_withholding": "not_eligible",
            "cat_deferral": "not_eligible",
        },
        best="statutory_withholding",
        missing={"asylum": ("asylum.border_limitation_overcome",)},
        legal_analysis={
            "asylum": ("asylum.bar.circumvention_of_lawful_pathways", "asylum.bar.securing_the_border")
        },
    ),
}


def test_every_example_has_expectations() -> None:
    files = {path.name for path in EXAMPLES.glob("*.yaml")} | {path.name for path in EXAMPLES.glob("*.json")}
    assert files == set(EXPECTED), (
        f"unlisted examples: {sorted(files - set(EXPECTED))}; listed but missing: {sorted(set(EXPECTED) - files)}"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_is_commented_for_a_newcomer(name: str) -> None:
    lines = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# "), f"{name}: start with a comment saying what the case shows"
    assert sum(1 for line in lines if line.lstrip().startswith("#")) >= 5, f"{name}: explain the case"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example(name: str) -> None:
    expected = EXPECTED[name]
    case = parse_case((EXAMPLES / name).read_text(encoding="utf-8"))
    assert case.law_as_of in (None, DEFAULT_AS_OF), f"{name}: law_as_of is 2026-11-23 or unset"
    screening = screen(case, case.law_as_of or DEFAULT_AS_OF)

    assert screening.statuses == expected.statuses, f"{name}: {screening.statuses}"
    assert screening.best_protection == expected.best, f"{name}: best {screening.best_protection}"
    for relief, paths in expected.missing.items():
        absent = [p for p in paths if p not in screening[relief].missing]
        assert not absent, (
            f"{name}: {relief} should list {absent} as missing; got {screening[relief].missing}"
        )
    for relief, rules in expected.legal_analysis.items():
        labels = [p.rule for p in screening[relief].needs_legal_analysis]
        absent = [r for r in rules if r not in labels]
        assert not absent, f"{name}: {relief} should need legal analysis on {absent}; got {labels}"
    if expected.first_questions:
        head = screening.questions[: len(expected.first_questions)]
        assert set(head) == set(expected.first_questions), f"{name}: questions start {head}"
    if any(status == "undetermined" for status in expected.statuses.values()):
        assert screening.questions, f"{name}: an undetermined case must say what to ask next"
    else:
        assert screening.questions == (), f"{name}: nothing is open, yet questions {screening.questions}"


def test_the_demo_is_a_realistic_ninth_circuit_case() -> None:
    case = parse_case((EXAMPLES / "missed-deadline-withholding-open.yaml").read_text(encoding="utf-8"))
    assert case.proceedings.circuit == "9"
    assert case.proceedings.detained is False
    assert case.proceedings.hearings, "the demo has a hearing scheduled"
    assert case.entry.unaccompanied_child is False
    assert case.asylum.changed_circumstances is False and case.asylum.extraordinary_circumstances is False
    screening = screen(case, DEFAULT_AS_OF)
    reasons = {t.label: t.value for t in screening["asylum"].reasons}
    assert reasons.get("asylum.bar.one_year") is True, "the demo's asylum is barred by the one-year deadline"
