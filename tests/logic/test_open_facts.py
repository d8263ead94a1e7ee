"""``open_facts`` (what the interview planner reads of each protection at every step) says what
``determine`` says, on every precedent and example, and on cases half-way through an interview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from withhold.facts.case import Case
from withhold.facts.loading import parse_case, validate_case
from withhold.facts.source import CaseFacts
from withhold.interview.answers import with_answer
from withhold.interview.simulation import simulate
from withhold.law.protections import PROTECTIONS
from withhold.logic.evaluate import Evaluation
from withhold.logic.protection import determine, open_facts
from withhold.logic.value import UNKNOWN
from withhold.parameters import load as load_parameters

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 23)
FILES = sorted((ROOT / "tests" / "precedents" / "cases").glob("*.yaml")) + sorted(
    (ROOT / "examples").glob("*.yaml")
)


def agree(case: Case) -> None:
    evaluation = Evaluation(CaseFacts(case), AS_OF, load_parameters())
    for protection in PROTECTIONS:
        determination = determine(protection, evaluation)
        status, facts, bars = open_facts(protection, evaluation)
        assert status is determination.status, protection.name
        assert facts == set(determination.missing) | {a.fact for a in determination.assumptions}
        open_bars = [p for p in determination.trace.children if p.role == "bar" and p.value is UNKNOWN]
        assert bars == set().union(*(p.depends for p in open_bars)), protection.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_open_facts_says_what_determine_says(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    case = validate_case(record["case"]) if "case" in record else parse_case(text)
    agree(case)
    # And at each step of an interview answered from it, where most facts are still unknown.
    current = validate_case({"withhold": "case/1"})
    truth = CaseFacts(case)
    for asked in simulate(case, AS_OF).asked[:12]:
        answer = truth.read(asked)
        if answer.known:
            current = with_answer(current, asked, answer.value)
        agree(current)
