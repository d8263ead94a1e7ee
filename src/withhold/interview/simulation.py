"""An interview answered from a complete case: the measure of the planner (tests and ``bench/``).

Each question is answered with the full case's value for that fact, or "I don't know" where the full case
does not know it either, until the planner has nothing left to ask.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from withhold.facts.case import Case
from withhold.facts.loading import validate_case
from withhold.facts.source import CaseFacts
from withhold.interview.answers import with_answer
from withhold.interview.planner import next_question


@dataclass(frozen=True)
class Simulated:
    asked: tuple[str, ...]
    dont_know: frozenset[str]
    final: Case


def simulate(full: Case, as_of: dt.date, *, limit: int = 500) -> Simulated:
    truth = CaseFacts(full)
    current = validate_case({"withhold": "case/1"})
    asked: list[str] = []
    dont_know: set[str] = set()
    while len(asked) < limit:
        plan = next_question(current, as_of, dont_know)
        if plan is None:
            break
        asked.append(plan.path)
        answer = truth.read(plan.path)
        if answer.known:
            current = with_answer(current, plan.path, answer.value)
        else:
            dont_know.add(plan.path)
    return Simulated(tuple(asked), frozenset(dont_know), current)
