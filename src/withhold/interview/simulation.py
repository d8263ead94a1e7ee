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
from withhold.interview.pages import Audience, next_page
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


@dataclass(frozen=True)
class SimulatedPages:
    pages: tuple[tuple[str, ...], ...]
    """Each page's concrete paths, in the order asked."""
    sections: tuple[str, ...]
    """Each page's section."""
    dont_know: frozenset[str]
    final: Case

    @property
    def asked(self) -> tuple[str, ...]:
        return tuple(path for page in self.pages for path in page)


def simulate_pages(full: Case, as_of: dt.date, audience: Audience, *, limit: int = 500) -> SimulatedPages:
    """The interview of ``audience`` page by page, answered from ``full`` ("I don't know" where it does
    not know). A client is never asked a finding, so the client's interview ends with the findings still
    unknown: that is what the attorney's review is for."""
    truth = CaseFacts(full)
    current = validate_case({"withhold": "case/1"})
    pages: list[tuple[str, ...]] = []
    sections: list[str] = []
    dont_know: set[str] = set()
    while len(pages) < limit:
        page = next_page(current, as_of, audience, dont_know)
        if page is None:
            break
        pages.append(page.paths)
        sections.append(page.section)
        for path in page.paths:
            try:
                answer = truth.read(path)
            except KeyError:  # an item the full case does not have (it lists fewer)
                dont_know.add(path)
                continue
            if answer.known:
                current = with_answer(current, path, answer.value)
            else:
                dont_know.add(path)
    return SimulatedPages(tuple(pages), tuple(sections), frozenset(dont_know), current)
