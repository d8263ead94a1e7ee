"""The planner asks only what can still change a status, best first, and ends with the full case's
statuses (the interview's correctness target, on every precedent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from withhold.facts.case import Case
from withhold.facts.loading import parse_case, validate_case
from withhold.facts.paths import generic
from withhold.facts.source import CaseFacts
from withhold.interview.answers import with_answer, without_answer
from withhold.interview.planner import next_question, possible_answers
from withhold.interview.simulation import simulate
from withhold.law.registry import all_rules
from withhold.screening import screen

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 23)
PRECEDENTS = sorted((ROOT / "tests" / "precedents" / "cases").glob("*.yaml"))


def example(name: str):  # type: ignore[no-untyped-def]
    return parse_case((ROOT / "examples" / name).read_text(encoding="utf-8"))


def test_nothing_to_ask_when_no_answer_could_change_a_status() -> None:
    # Every protection is barred or eligible with nothing assumed: the interview is over.
    case = example("drug-trafficking-cat-deferral-only.yaml")
    assert next_question(case, AS_OF) is None


def test_asks_the_open_judgement_once_the_plain_facts_are_in() -> None:
    # Facts a person can answer come before assessments; with them answered, the one open judgement.
    case = with_answer(example("social-group-undetermined.yaml"), "proceedings.reinstated_order", False)
    plan = next_question(case, AS_OF)
    assert plan is not None
    assert plan.path == "claim.particular_social_group.cognizable"
    assert plan.can_change and set(plan.protections) == {"asylum", "statutory_withholding"}


def test_i_dont_know_is_never_asked_again() -> None:
    case = example("social-group-undetermined.yaml")
    plan = next_question(case, AS_OF, dont_know={"claim.particular_social_group.cognizable"})
    assert plan is None or plan.path != "claim.particular_social_group.cognizable"


def test_every_question_asked_was_one_the_screening_said_could_change_a_status() -> None:
    case = validate_case({"withhold": "case/1", "proceedings": {"kind": "removal"}})
    for _ in range(12):
        plan = next_question(case, AS_OF)
        if plan is None:
            break
        screening = screen(case, AS_OF)
        open_facts = {
            path
            for name in plan.protections
            for path in (*screening[name].missing, *(a.fact for a in screening[name].assumptions))
        }
        assert plan.path in open_facts
        answers = possible_answers(plan.path, AS_OF)
        assert answers, plan.path
        case = with_answer(case, plan.path, answers[-1])


def test_editing_an_earlier_answer_simply_replans() -> None:
    start = validate_case({"withhold": "case/1"})
    first = next_question(start, AS_OF)
    assert first is not None
    answers = possible_answers(first.path, AS_OF)
    assert answers
    answered = with_answer(start, first.path, answers[-1])
    assert next_question(answered, AS_OF) != first
    assert next_question(without_answer(answered, first.path), AS_OF) == first


@pytest.mark.parametrize("path", PRECEDENTS, ids=lambda p: p.stem)
def test_an_interview_answered_from_a_precedent_ends_with_its_statuses(path: Path) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    full = validate_case(record["case"])
    as_of = full.law_as_of or AS_OF
    result = simulate(full, as_of)
    assert screen(result.final, as_of).statuses == screen(full, as_of).statuses, record["citation"]
    # Only facts the law reads are asked (never identity for its own sake).
    read = {path for rule in all_rules() for path in rule.all_reads}
    assert all(generic(path) in read for path in result.asked), result.asked


def test_open_bars_come_before_elements() -> None:
    # With nothing known, every bar and element is open. A bar shared by asylum and both withholdings is
    # needed whatever happens (unless another bar applies), so it comes before any element; among the
    # four conduct bars, which settle the same, the declared order decides.
    plan = next_question(validate_case({"withhold": "case/1"}), AS_OF)
    assert plan is not None and plan.path == "conduct.persecuted_others"
    # Once asylum's element fails (a reinstated order), its bars still decide between "not eligible" and
    # "barred": the interview still asks them before any element of the other protections.
    case = validate_case({"withhold": "case/1", "proceedings": {"kind": "removal", "reinstated_order": True}})
    plan = next_question(case, AS_OF)
    assert plan is not None and plan.path.startswith("conduct.")


def test_a_bar_that_applies_ends_the_questions_on_its_protections() -> None:
    # The person persecuted others: asylum and both withholdings are barred at the first answer, and the
    # rest of the interview is about CAT deferral alone (its torture elements and the forum).
    full = validate_case(
        {
            "withhold": "case/1",
            "conduct": {"persecuted_others": True},
            "proceedings": {"kind": "removal", "reinstated_order": False},
            "torture": {"likelihood": "none"},
        }
    )
    result = simulate(full, AS_OF)
    assert result.asked[0] == "conduct.persecuted_others"
    assert not [path for path in result.asked if path.startswith(("asylum.", "claim.", "convictions"))]
    assert screen(result.final, AS_OF).statuses == screen(full, AS_OF).statuses


@pytest.mark.parametrize("seed", range(12))
def test_an_interview_answered_from_a_generated_case_ends_with_its_statuses(seed: int) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from case_generator import AS_OF as GENERATED_AS_OF
    from case_generator import generate

    full = generate(seed)
    result = simulate(full, GENERATED_AS_OF)
    assert screen(result.final, GENERATED_AS_OF).statuses == screen(full, GENERATED_AS_OF).statuses


def _ranked_in_full(case: Case, as_of: dt.date, dont_know: set[str]) -> str | None:
    """The planner's rank worked out for every candidate, none skipped: what the planner's shortcut (it
    looks ahead only for candidates that can still win on the rank's first two parts) must agree with."""
    from withhold.interview.planner import _leading, _look_ahead, _open, _rank
    from withhold.logic.evaluate import Evaluation
    from withhold.logic.protection import Status
    from withhold.parameters import load

    facts = CaseFacts(case)
    base = Evaluation(facts, as_of, load())
    open_ones = _open(base)
    skip = dont_know | set(case.interview.dont_know or ())
    undetermined = {p.name for p, status, _, _ in open_ones if status is Status.UNDETERMINED}
    current = [(p, status) for p, status, _, _ in open_ones]
    ranks = []
    for path in {path for _, _, paths, _ in open_ones for path in paths - skip}:
        names = {p.name for p, _, paths, _ in open_ones if path in paths}
        settles, can_change = _look_ahead(path, facts, base, current)
        ranks.append(_rank(path, names, _leading(path, names, open_ones, undetermined), settles, can_change))
    return min(ranks)[-1] if ranks else None


@pytest.mark.parametrize("seed", range(4))
def test_the_planners_shortcut_picks_what_ranking_every_candidate_would(seed: int) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from case_generator import AS_OF as GENERATED_AS_OF
    from case_generator import generate

    full = generate(seed)
    asked = simulate(full, GENERATED_AS_OF).asked
    current = validate_case({"withhold": "case/1"})
    truth = CaseFacts(full)
    dont_know: set[str] = set()
    for path in asked:
        plan = next_question(current, GENERATED_AS_OF, dont_know)
        assert plan is not None and plan.path == _ranked_in_full(current, GENERATED_AS_OF, dont_know) == path
        answer = truth.read(path)
        if answer.known:
            current = with_answer(current, path, answer.value)
        else:
            dont_know.add(path)
    assert next_question(current, GENERATED_AS_OF, dont_know) is None
    assert _ranked_in_full(current, GENERATED_AS_OF, dont_know) is None
