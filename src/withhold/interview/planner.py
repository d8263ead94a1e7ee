"""The interview planner: the next question is one whose answer can still change the status of an
undetermined protection, chosen to settle the most with the fewest questions.

For each fact an undetermined protection still depends on (its ``missing`` facts), the planner looks one
answer ahead: it evaluates the law with each possible answer laid over the case — re-running only the
rules that read that fact — and counts the protections each answer would settle.

Bars come first. An exact interview must rule out every open bar of a protection unless one of them
applies (the screening format puts "barred" above everything else, so even a protection whose element
failed is not settled until its bars are), while an element is needed only if no bar applies and no other
element fails. Asking a protection's bars before its elements therefore never costs a question and saves
every element question when a bar applies, whatever the chances of each answer. So the planner asks first
the facts that open bars of the most protections depend on (a fact that only opens a bar in combination,
like the number of convictions, counts too); then, among equals, the facts whose answers settle most on
average; ties go to facts a person can answer before assessments that need a practitioner, then to the
fact more protections depend on, then to the less sensitive question (neutral before trauma-heavy), then
to the declared order. Questions that bear on an undetermined protection come before those that only
refine a determined one (a bar that would turn "not eligible" into "barred", a finding an "eligible"
status assumes). A fact whose answers cannot change any status is asked, among facts as needed, after
those that can (a pair of answers may still settle what no single one does). It returns nothing when no
answer left could change any status. Editing an earlier answer simply re-plans: the planner keeps no
state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from withhold.facts.case import Case
from withhold.facts.paths import catalogue, generic
from withhold.facts.source import CaseFacts, OverlayFacts
from withhold.interview.bank import question_for
from withhold.law.protections import PROTECTIONS
from withhold.logic.evaluate import Evaluation
from withhold.logic.protection import Protection, Status, open_facts, status_of
from withhold.parameters import load as load_parameters

# Representative answers for lists of choices: none, one ordinary ground, a social group (which opens the
# cognizability question). Dates and numbers are looked ahead over samples around the thresholds the law
# uses: a month, a year and a decade before the evaluation date; sentences around one and five years.
_SEVERAL: dict[str, tuple[list[str], ...]] = {
    "claim.grounds": ([], ["political_opinion"], ["particular_social_group"]),
    "proceedings.decision.granted": ([], ["asylum"], ["statutory_withholding"]),
}


@dataclass(frozen=True)
class Plan:
    path: str
    """The concrete fact path to ask (``convictions[1].final``)."""
    protections: tuple[str, ...]
    """The protections whose status it could still change (undetermined ones, and determined ones an
    answer could still refine: see the module's docstring)."""
    can_change: bool
    """Some single answer would change a status (False: asked because only a combination can)."""
    settles: float
    """On average over its answers, how many statuses an answer would change."""
    remaining: int
    """At most this many questions are left, this one included."""


NUMBER_SAMPLES = (0, 11, 59, 60)
COUNTRY_SAMPLES = ("HN", "GT", "MX")
"""Countries to look ahead over: an agreement country in force, one that was, and neither (the law reads
a country only to compare it: the nationality with the agreement country, a country with the agreements'
table)."""
DAYS_BEFORE = (30, 400, 4000)


def possible_answers(path: str, as_of: dt.date) -> tuple[Any, ...] | None:
    """The answers to look ahead over (samples for dates and numbers), or None for free text."""
    info = catalogue()[generic(path)]
    if info.kind == "date":
        return tuple(as_of - dt.timedelta(days=days) for days in DAYS_BEFORE)
    if info.kind == "number":
        return NUMBER_SAMPLES
    if info.kind == "bool":
        return (True, False)
    if info.kind == "choice":
        return info.choices
    if info.kind == "country":
        return COUNTRY_SAMPLES
    if info.kind == "choices":
        return _SEVERAL.get(generic(path), ([],))
    if info.kind == "list":
        return (0, 1)
    return None


def _open(evaluation: Evaluation) -> list[tuple[Protection, Status, set[str], set[str]]]:
    """Each protection whose status an answer could still change, with its status, those facts, and the
    facts its open bars depend on. The facts: for an undetermined protection its missing and assumed
    facts; for a not-eligible one the open bars (it could become barred); for an eligible one the facts
    it assumes (a contrary finding would defeat it)."""
    found: list[tuple[Protection, Status, set[str], set[str]]] = []
    for protection in PROTECTIONS:
        status, facts, bars = open_facts(protection, evaluation)
        if status is not Status.BARRED and facts:
            found.append((protection, status, facts, bars))
    return found


def facts_that_could_change(evaluation: Evaluation) -> set[str]:
    """Every concrete fact path an answer to which could still change some protection's status (the
    candidates :func:`next_question` ranks)."""
    return {path for _, _, facts, _ in _open(evaluation) for path in facts}


def next_question(case: Case, as_of: dt.date, dont_know: Iterable[str] = ()) -> Plan | None:
    """The best next question, or None when nothing left can change a status."""
    skip = set(dont_know) | set(case.interview.dont_know or ())
    facts = CaseFacts(case)
    base = Evaluation(facts, as_of, load_parameters())
    open_ones = _open(base)
    candidates: dict[str, set[str]] = {}
    for protection, _, paths, _ in open_ones:
        for path in paths - skip:
            candidates.setdefault(path, set()).add(protection.name)
    if not candidates:
        return None
    undetermined = {p.name for p, status, _, _ in open_ones if status is Status.UNDETERMINED}
    current = [(p, status) for p, status, _, _ in open_ones]
    # The first two parts of a candidate's rank need no look-ahead (see _leading). Ranks compare part by
    # part, so only the candidates best on those two can win, and only they are looked ahead (the costly
    # part).
    first = {path: _leading(path, names, open_ones, undetermined) for path, names in candidates.items()}
    leading = min(first.values())
    best: tuple[Any, ...] | None = None
    chosen: Plan | None = None
    for path, names in candidates.items():
        if first[path] != leading:
            continue
        settles, can_change = _look_ahead(path, facts, base, current)
        key = _rank(path, names, first[path], settles, can_change)
        if best is None or key < best:
            best = key
            chosen = Plan(path, tuple(sorted(names)), can_change, settles, len(candidates))
    return chosen


def _leading(
    path: str,
    names: set[str],
    open_ones: list[tuple[Protection, Status, set[str], set[str]]],
    undetermined: set[str],
) -> tuple[bool, int]:
    """The first two parts of a candidate's rank: whether it bears on no undetermined protection, and
    (negated) how many protections' open bars it opens (bars before elements: see the module's docstring)."""
    return not (names & undetermined), -sum(1 for _, _, _, bars in open_ones if path in bars)


def _rank(
    path: str, names: set[str], leading: tuple[bool, int], settles: float, can_change: bool
) -> tuple[Any, ...]:
    """A candidate's rank, lowest first (the order of the module's docstring)."""
    question = question_for(path)
    return (
        *leading,
        not can_change,
        question.judgement,
        -settles,
        -len(names),
        question.sensitivity,
        question.order,
        path,
    )


def _look_ahead(
    path: str, facts: CaseFacts, base: Evaluation, current: list[tuple[Protection, Status]]
) -> tuple[float, bool]:
    """On average over the answers, how many statuses an answer changes; and whether any answer does."""
    answers = possible_answers(path, base.as_of)
    if answers is None:
        return 0.5 * len(current), True
    changed = []
    for answer in answers:
        evaluation = base.derive(OverlayFacts(facts, {path: answer}), frozenset({path}))
        changed.append(sum(1 for p, status in current if status_of(p, evaluation) is not status))
    return sum(changed) / len(changed), max(changed) > 0
