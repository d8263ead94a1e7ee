"""Screen a case: evaluate the law once and determine each protection (format ``screening/1``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from withhold.facts.case import Case
from withhold.facts.paths import catalogue, generic
from withhold.facts.source import CaseFacts
from withhold.law.protections import PROTECTIONS
from withhold.logic.evaluate import Evaluation
from withhold.logic.protection import Determination, Status, determine
from withhold.logic.rule import Rule
from withhold.logic.trace import Trace, json_value
from withhold.logic.value import V
from withhold.parameters import load as load_parameters

FORMAT = "screening/1"


@dataclass(frozen=True)
class Screening:
    law_as_of: dt.date
    determinations: tuple[Determination, ...]
    evaluation: Evaluation = field(repr=False, compare=False)
    """The evaluation the determinations came from: any other rule's value for this case and date is read
    from it (memoised), never computed a second way."""

    def value_of(self, rule: Rule) -> V[Any]:
        """The value of ``rule`` for this case on this date, from the screening's own evaluation."""
        return self.evaluation.evaluate(rule)[0]

    def __getitem__(self, name: str) -> Determination:
        for determination in self.determinations:
            if determination.protection.name == name:
                return determination
        raise KeyError(name)

    @property
    def statuses(self) -> dict[str, str]:
        return {d.protection.name: d.status.value for d in self.determinations}

    @property
    def best_protection(self) -> str:
        """The strongest eligible protection; ``none`` when all are closed; else ``undetermined``."""
        for determination in self.determinations:
            if determination.status is Status.ELIGIBLE:
                return determination.protection.name
        if not any(d.status.is_open for d in self.determinations):
            return "none"
        return "undetermined"

    @property
    def questions(self) -> tuple[str, ...]:
        """Facts that could still change an undetermined protection: those that could change the most
        protections first, then in the order of the case format."""
        open_ones = [d for d in self.determinations if d.status is Status.UNDETERMINED]
        counts = Counter(fact for d in open_ones for fact in d.missing)
        order = {path: index for index, path in enumerate(catalogue())}
        return tuple(sorted(counts, key=lambda f: (-counts[f], order.get(generic(f), len(order)), f)))

    def to_json(self, *, include_trace: bool = False) -> dict[str, Any]:
        return {
            "withhold": FORMAT,
            "law_as_of": self.law_as_of.isoformat(),
            "best_protection": self.best_protection,
            "reliefs": {d.protection.name: _relief_json(d, include_trace) for d in self.determinations},
            "questions": list(self.questions),
        }


def screen(case: Case, as_of: dt.date) -> Screening:
    """Evaluate the law in force on ``as_of`` for ``case``. Pure: no I/O, no clock, no shared state."""
    evaluation = Evaluation(CaseFacts(case), as_of, load_parameters())
    return Screening(
        as_of, tuple(determine(protection, evaluation) for protection in PROTECTIONS), evaluation
    )


def _reason_json(trace: Trace) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": trace.label,
        "title": trace.title,
        "value": json_value(trace.value),
        "citations": list(trace.citations),
    }
    if trace.note:
        data["note"] = trace.note
    return data


def _relief_json(d: Determination, include_trace: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": d.status.value,
        "summary": d.summary,
        "discretionary": d.protection.discretionary,
        "reasons": [_reason_json(t) for t in d.reasons],
        "missing": list(d.missing),
        "needs_legal_analysis": [{"rule": p.rule, "why": p.why} for p in d.needs_legal_analysis],
        # Extensions to screening/1 (new keys only):
        "assumed": [{"fact": a.fact, "note": a.note} for a in d.assumptions],
        "caveats": [{"rule": c.rule, "note": c.why} for c in d.caveats],
    }
    if include_trace:
        data["trace"] = d.trace.to_dict()
    return data
