"""A form of protection as elements and bars, and how their values become one status.

The precedence is the screening format's (``screening/1``): barred when any bar applies on the facts
given, whatever else is known; otherwise not eligible when any element is definitively unmet; otherwise
eligible when every element is met and every bar is ruled out; otherwise undetermined, with the facts
that could still change it and the points only a legal judgement can settle. There is no law here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from withhold.logic.evaluate import Evaluation
from withhold.logic.rule import Rule
from withhold.logic.trace import Assumption, Trace
from withhold.logic.value import UNKNOWN


class Status(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    BARRED = "barred"
    UNDETERMINED = "undetermined"

    @property
    def is_open(self) -> bool:
        """Eligible, or not yet determined: the protection can still be won (or lost) on the evidence.
        Not eligible and barred are closed on the facts given."""
        return self in (Status.ELIGIBLE, Status.UNDETERMINED)


@dataclass(frozen=True)
class Protection:
    name: str
    title: str
    citations: tuple[str, ...]
    elements: tuple[Rule, ...]
    bars: tuple[Rule, ...]
    discretionary: bool
    summaries: dict[Status, str]
    forum_closed: str = ""
    """The summary when the only element that fails is the first one, the forum: the protection is not
    decided in this proceeding at all (a reinstated order, an asylum cooperative agreement)."""


@dataclass(frozen=True)
class LegalPoint:
    rule: str
    why: str


@dataclass(frozen=True)
class Determination:
    protection: Protection
    status: Status
    trace: Trace
    """A node for the protection whose children are its elements, then its bars."""
    reasons: tuple[Trace, ...]
    missing: tuple[str, ...]
    needs_legal_analysis: tuple[LegalPoint, ...]
    assumptions: tuple[Assumption, ...]
    caveats: tuple[LegalPoint, ...]

    @property
    def summary(self) -> str:
        forum = self.protection.elements[0].id if self.protection.elements else None
        failing = {t.rule for t in self.trace.children if t.role == "element" and t.value is False}
        if self.status is Status.NOT_ELIGIBLE and self.protection.forum_closed and failing == {forum}:
            return self.protection.forum_closed
        return self.protection.summaries[self.status]


def determine(protection: Protection, evaluation: Evaluation) -> Determination:
    elements = [_tagged(evaluation.evaluate(rule)[1], "element") for rule in protection.elements]
    bars = [_tagged(evaluation.evaluate(rule)[1], "bar") for rule in protection.bars]
    status = _status(elements, bars)
    root = Trace(
        rule=protection.name,
        title=protection.title,
        citations=protection.citations,
        value=status.value,
        depends=frozenset(),
        children=tuple(elements + bars),
    )
    open_parts = [t for t in elements + bars if t.value is UNKNOWN]
    return Determination(
        protection=protection,
        status=status,
        trace=root,
        reasons=_reasons(status, elements, bars),
        missing=_missing(status, elements, bars),
        needs_legal_analysis=_legal_points(open_parts) if status is Status.UNDETERMINED else (),
        assumptions=_assumptions(elements) if status.is_open else (),
        caveats=_caveats(_deciding_parts(status, elements, bars)),
    )


def status_of(protection: Protection, evaluation: Evaluation) -> Status:
    """The status alone, without reasons or traces (for looking ahead quickly)."""
    elements = [evaluation.evaluate(rule)[1] for rule in protection.elements]
    bars = [evaluation.evaluate(rule)[1] for rule in protection.bars]
    return _status(elements, bars)


def open_facts(protection: Protection, evaluation: Evaluation) -> tuple[Status, set[str], set[str]]:
    """What the interview needs of a protection, as :func:`determine` would say it but without its
    reasons, legal points and caveats (the planner asks this at every step): the status; the facts whose
    answer could change it (its missing facts, and those it assumes while eligible or undetermined); and
    the facts its open bars depend on."""
    elements = [evaluation.evaluate(rule)[1] for rule in protection.elements]
    bars = [evaluation.evaluate(rule)[1] for rule in protection.bars]
    status = _status(elements, bars)
    facts = set(_missing(status, elements, bars))
    if status.is_open:
        facts |= {assumption.fact for assumption in _assumptions(elements)}
    return status, facts, set().union(*(t.depends for t in bars if t.value is UNKNOWN))


def _missing(status: Status, elements: list[Trace], bars: list[Trace]) -> tuple[str, ...]:
    """Facts whose answer could still change the status (screening/1). Nothing changes ``barred``;
    only an open bar can change ``not_eligible`` (to barred); ``eligible`` changes only through the
    facts it assumes, which are listed apart."""
    if status is Status.UNDETERMINED:
        open_parts = [t for t in elements + bars if t.value is UNKNOWN]
    elif status is Status.NOT_ELIGIBLE:
        open_parts = [t for t in bars if t.value is UNKNOWN]
    else:
        open_parts = []
    return tuple(sorted(set().union(*(t.depends for t in open_parts)))) if open_parts else ()


def _tagged(trace: Trace, role: str) -> Trace:
    return trace.with_role(role)


def _status(elements: list[Trace], bars: list[Trace]) -> Status:
    if any(t.value is True for t in bars):
        return Status.BARRED
    if any(t.value is False for t in elements):
        return Status.NOT_ELIGIBLE
    if all(t.value is True for t in elements) and all(t.value is False for t in bars):
        return Status.ELIGIBLE
    return Status.UNDETERMINED


def _reasons(status: Status, elements: list[Trace], bars: list[Trace]) -> tuple[Trace, ...]:
    """The rules that decided the status, most decisive first: each deciding part, then what decided it."""
    if status is Status.BARRED:
        deciding = [t for t in bars if t.value is True]
    elif status is Status.NOT_ELIGIBLE:
        deciding = [t for t in elements if t.value is False]
    elif status is Status.ELIGIBLE:
        return tuple(elements + bars)
    else:
        deciding = [t for t in elements + bars if t.value is UNKNOWN]
    found: list[Trace] = []
    for part in deciding:
        found.append(part)
        found.extend(_root_causes(part))
    return tuple(_unique(found))


def _root_causes(node: Trace) -> Iterator[Trace]:
    """The deepest rules below ``node`` that carry its value (its causes, not its context)."""
    for child in node.children:
        if _carries(node, child):
            deeper = list(_root_causes(child))
            yield from deeper or (child,)


def _carries(node: Trace, child: Trace) -> bool:
    if node.value is UNKNOWN:
        return child.value is UNKNOWN
    if child.role == "exception":
        return node.value is False and child.value is True
    if child.role == "negated":
        return child.value is (not node.value) if isinstance(node.value, bool) else False
    return child.value is node.value


def _unique(traces: Iterable[Trace]) -> Iterator[Trace]:
    seen: set[str] = set()
    for trace in traces:
        if trace.label not in seen:
            seen.add(trace.label)
            yield trace


def _legal_points(open_parts: list[Trace]) -> tuple[LegalPoint, ...]:
    points: dict[str, LegalPoint] = {}
    for part in open_parts:
        for node in _unknown_subtree(part):
            if node.judgement and node.label not in points:
                why = node.judgement if not node.note else f"{node.judgement} Here: {node.note}."
                points[node.label] = LegalPoint(node.label, why)
    return tuple(points.values())


def _unknown_subtree(node: Trace) -> Iterator[Trace]:
    yield node
    for child in node.children:
        if child.value is UNKNOWN:
            yield from _unknown_subtree(child)


def _assumptions(elements: list[Trace]) -> tuple[Assumption, ...]:
    found: dict[str, Assumption] = {}
    for part in elements:
        for node in part.walk():
            for assumption in node.assumptions:
                found.setdefault(assumption.fact, assumption)
    return tuple(found.values())


def _deciding_parts(status: Status, elements: list[Trace], bars: list[Trace]) -> list[Trace]:
    """The parts that decided the status: the bars that apply, the elements that fail, every element
    of an eligible protection, or everything still open (with what already holds) when undetermined."""
    if status is Status.BARRED:
        return [t for t in bars if t.value is True]
    if status is Status.NOT_ELIGIBLE:
        return [t for t in elements if t.value is False]
    if status is Status.ELIGIBLE:
        return elements
    return [t for t in elements if t.value is not False] + [t for t in bars if t.value is UNKNOWN]


def _caveats(parts: list[Trace]) -> tuple[LegalPoint, ...]:
    """Contested or changed law that mattered to the status: caveats on the rules along the path that
    decided each deciding part."""
    found: dict[str, LegalPoint] = {}
    for part in parts:
        for node in _decisive_path(part):
            if node.caveat and node.rule not in found:
                found[node.rule] = LegalPoint(node.rule, node.caveat)
    return tuple(found.values())


def _decisive_path(node: Trace) -> Iterator[Trace]:
    """``node`` and the rules below it that carry its value (or compute a value it used)."""
    yield node
    for child in node.children:
        if _carries(node, child) or child.value not in (True, False, UNKNOWN):
            yield from _decisive_path(child)
