"""Which protections of a case change status between two law dates, and why: the case is screened on each
date, and for every protection whose status differs the rules that decided it differently are listed with
the changes in the law between the two dates that touch them (a new version, a parameter's new value, a
development in litigation). A change in the law then reaches every affected client."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from withhold.facts.case import Case
from withhold.logic.protection import Determination
from withhold.logic.trace import Trace, json_value
from withhold.screening import screen
from withhold.watch.changes import LawChange, changes


@dataclass(frozen=True)
class RuleChange:
    rule: str
    title: str
    before: Any
    after: Any
    law: tuple[LawChange, ...]
    """The changes between the two dates to this rule or to a parameter it used."""


@dataclass(frozen=True)
class ProtectionChange:
    protection: str
    title: str
    before: str
    after: str
    rules: tuple[RuleChange, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "protection": self.protection,
            "title": self.title,
            "before": self.before,
            "after": self.after,
            "rules": [
                {
                    "rule": r.rule,
                    "title": r.title,
                    "before": json_value(r.before),
                    "after": json_value(r.after),
                    "law": [change.to_json() for change in r.law],
                }
                for r in self.rules
            ],
        }


@dataclass(frozen=True)
class CaseChange:
    before: dt.date
    after: dt.date
    protections: tuple[ProtectionChange, ...]
    """Only the protections whose status differs."""

    @property
    def changed(self) -> bool:
        return bool(self.protections)

    def to_json(self) -> dict[str, Any]:
        return {
            "before": self.before.isoformat(),
            "after": self.after.isoformat(),
            "protections": [p.to_json() for p in self.protections],
        }


def status_changes(case: Case, before: dt.date, after: dt.date) -> CaseChange:
    """The protections whose status differs between the law as of ``before`` and as of ``after``."""
    first, second = screen(case, before), screen(case, after)
    low, high = min(before, after), max(before, after)
    window = changes(low, high) if before != after else ()
    found = []
    for old, new in zip(first.determinations, second.determinations, strict=True):
        if old.status is new.status:
            continue
        found.append(
            ProtectionChange(
                new.protection.name,
                new.protection.title,
                old.status.value,
                new.status.value,
                _rules(old, new, window),
            )
        )
    return CaseChange(before, after, tuple(found))


def _values(trace: Trace) -> dict[str, tuple[Trace, Any]]:
    return {node.label: (node, node.value) for node in trace.walk() if node is not trace}


def _rules(old: Determination, new: Determination, window: tuple[LawChange, ...]) -> tuple[RuleChange, ...]:
    """The rules whose value differs, those that decided either status first; each with the law's
    changes in the window that touch it or a parameter it used."""
    before, after = _values(old.trace), _values(new.trace)
    deciding = [t.label for t in (*new.reasons, *old.reasons)]
    order = list(dict.fromkeys([*deciding, *after, *before]))
    found: list[RuleChange] = []
    for label in order:
        was = before.get(label)
        now = after.get(label)
        if was is not None and now is not None and was[1] == now[1]:
            continue
        node = (now or was)[0]  # type: ignore[index]
        parameters = {name for n in (now, was) if n for name, _, _ in n[0].parameters}
        law = tuple(c for c in window if c.subject == node.rule or c.subject in parameters)
        found.append(
            RuleChange(
                node.label,
                node.title,
                was[1] if was else None,
                now[1] if now else None,
                law,
            )
        )
    # The rules the law changed first, then the others that followed from them.
    return tuple(sorted(found, key=lambda r: not r.law))
