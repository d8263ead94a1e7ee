"""A rule never applies before it existed (issue 13, item 2).

Every rule says the day it began (its first version's first day) and the day its source was last checked.
The day before it began, the rule has no effect: it answers its declared ``when_not_in_force`` value
(false for a bar or an exception that did not exist yet, unknown where an earlier law is not encoded)
whatever the facts, both on its own and inside the screening of real cases — the precedents, the examples
and the legal situations — screened on that day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from withhold.facts.case import Case
from withhold.facts.loading import parse_case, read_document, validate_case
from withhold.law.registry import all_rules
from withhold.logic import LAW_AS_OF, Evaluation, Rule, Trace, V, unknown
from withhold.logic.evaluate import concrete
from withhold.parameters import load as load_parameters
from withhold.screening import screen

ROOT = Path(__file__).resolve().parents[2]
DATED = [rule for rule in all_rules() if rule.began is not None]


def test_every_rule_says_the_day_it_began() -> None:
    undated = [rule.id for rule in all_rules() if rule.began is None]
    assert undated == []


def test_every_version_says_when_its_source_was_last_checked() -> None:
    today = dt.datetime.now(dt.UTC).date()  # Django sets the local time zone; the checks are dated in UTC
    for rule in all_rules():
        for version in rule.versions:
            assert version.verified_on is not None, f"{rule.id} {version.in_force}: never checked"
            assert version.verified_on <= today, f"{rule.id}: checked in the future"
        for development in rule.developments:
            assert development.verified_on <= today, rule.id
            assert development.citations, f"{rule.id}: a development of {development.on} cites nothing"


class _OnlyTheSelectingDate:
    """Facts where only the date that selects the rule's version is known: the day before it began."""

    def __init__(self, rule: Rule, day: dt.date) -> None:
        self.rule = rule
        self.day = day

    def read(self, path: str) -> V[Any]:
        if self.rule.selected_by != LAW_AS_OF and path == concrete(self.rule.selected_by, 0):
            return V(self.day)
        if path.endswith("convictions") or path == "proceedings.hearings":
            return V(1)
        return unknown(path)


@pytest.mark.parametrize("rule", DATED, ids=lambda r: r.id)
def test_the_day_before_it_began_a_rule_has_no_effect(rule: Rule) -> None:
    day = rule.began - dt.timedelta(days=1)  # type: ignore[operator]
    evaluation = Evaluation(_OnlyTheSelectingDate(rule, day), day, load_parameters())
    value, trace = evaluation.evaluate(rule, 0 if rule.per else None)
    assert value.value is rule.when_not_in_force or value.value == rule.when_not_in_force, rule.id
    assert "not in force" in trace.note, trace.note


def _cases() -> list[tuple[str, Case]]:
    found = [
        (path.stem, parse_case(path.read_text(encoding="utf-8")))
        for path in (ROOT / "examples").glob("*.yaml")
    ]
    for path in sorted((ROOT / "tests" / "precedents" / "cases").glob("*.yaml")):
        record = read_document(path.read_text(encoding="utf-8"))
        found.append((path.stem, validate_case(record["case"])))
    for path in sorted((ROOT / "tests" / "law" / "cases").glob("*.yaml")):
        for index, situation in enumerate(read_document(path.read_text(encoding="utf-8"))):
            found.append((f"{path.stem}[{index}]", validate_case(situation["case"])))
    return found


CASES = _cases()
BEGINNINGS = sorted({rule.began for rule in DATED if rule.began is not None})


def _nodes(trace: Trace, rule_id: str) -> list[Trace]:
    return [node for node in trace.walk() if node.rule == rule_id]


@pytest.mark.parametrize("began", BEGINNINGS, ids=str)
def test_screening_any_case_the_day_before_a_rule_began_does_not_apply_it(began: dt.date) -> None:
    day = began - dt.timedelta(days=1)
    starting = [rule for rule in DATED if rule.began == began and rule.selected_by == LAW_AS_OF]
    for name, case in CASES:
        screening = screen(case, day)
        for determination in screening.determinations:
            for rule in starting:
                for node in _nodes(determination.trace, rule.id):
                    assert "not in force" in node.note, (name, day, rule.id, node.note)
                    assert node.value is rule.when_not_in_force or node.value == rule.when_not_in_force, (
                        name,
                        day,
                        rule.id,
                        node.value,
                    )
