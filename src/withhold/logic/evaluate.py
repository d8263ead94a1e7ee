"""The evaluator: runs rules over facts and records what it did.

All state lives in an :class:`Evaluation` made for one case and one date, so any number of threads can
evaluate at once (no global trace, unlike some rules engines). Every rule is evaluated fully — the
engine does not stop at the first failing condition — because a reviewing court can reverse any one
finding, so the output must report every condition that fails (rules reference, section 9.2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from withhold.logic.rule import LAW_AS_OF, Rule
from withhold.logic.trace import Assumption, Trace
from withhold.logic.value import FALSE, TRUE, UNKNOWN, V, all_, any_, not_


class FactSource(Protocol):
    """Where facts come from. ``read`` returns an unknown value depending on ``path`` when unknown."""

    def read(self, path: str) -> V[Any]: ...


class ParameterSource(Protocol):
    def value(self, name: str, on: dt.date) -> tuple[Any, str]:
        """The parameter's value in force on a date, with its reference."""
        ...


class RuleError(RuntimeError):
    """A rule broke its own declaration (read an undeclared fact, used an undeclared rule)."""


def concrete(path: str, item: int | None) -> str:
    """``convictions[].final`` for item 1 is ``convictions[1].final``."""
    if "[]" not in path:
        return path
    if item is None:
        raise RuleError(f"fact {path} needs an item index")
    return path.replace("[]", f"[{item}]", 1)


def generic(path: str) -> str:
    """``convictions[1].final`` → ``convictions[].final`` (the form rules declare)."""
    out, depth = [], 0
    for char in path:
        if char == "[":
            depth += 1
            out.append("[")
        elif char == "]":
            depth -= 1
            out.append("]")
        elif depth == 0:
            out.append(char)
    return "".join(out)


@dataclass
class _Scope:
    rule: Rule
    item: int | None
    facts: dict[str, Any] = field(default_factory=dict)
    parameters: list[tuple[str, Any, str]] = field(default_factory=list)
    children: list[Trace] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Context:
    """What a rule body sees: facts, other rules, parameters, the dates. One per rule evaluation."""

    def __init__(self, evaluation: Evaluation, scope: _Scope, selected_on: dt.date) -> None:
        self._evaluation = evaluation
        self._scope = scope
        self.selected_on = selected_on
        """The date that selected this rule's version."""

    @property
    def as_of(self) -> dt.date:
        return self._evaluation.as_of

    @property
    def item(self) -> int | None:
        return self._scope.item

    def fact(self, path: str, item: int | None = None) -> V[Any]:
        """Read a fact the rule declared in ``reads``; the read is recorded in the trace."""
        if path not in self._scope.rule.all_reads:
            raise RuleError(f"rule {self._scope.rule.id} reads {path} without declaring it")
        where = concrete(path, self._scope.item if item is None else item)
        value = self._evaluation.facts.read(where)
        self._scope.facts[where] = value.value
        return value

    def rule(self, other: Rule, item: int | None = None) -> V[Any]:
        """Evaluate a rule this rule declared in ``uses``; its trace becomes a child of this one."""
        if other not in self._scope.rule.uses:
            raise RuleError(f"rule {self._scope.rule.id} uses {other.id} without declaring it")
        value, trace = self._evaluation.evaluate(other, item if item is not None else self._child_item(other))
        self._scope.children.append(trace)
        return value

    def _child_item(self, other: Rule) -> int | None:
        return self._scope.item if other.per is not None and other.per == self._scope.rule.per else None

    def param(self, name: str) -> Any:
        """A parameter's value in force on the rule's selecting date, recorded with its reference."""
        if name not in self._scope.rule.parameters:
            raise RuleError(f"rule {self._scope.rule.id} uses parameter {name} without declaring it")
        value, reference = self._evaluation.parameters.value(name, self.selected_on)
        self._scope.parameters.append((name, value, reference))
        return value

    def note(self, text: str) -> None:
        """Say something about this evaluation in the trace (which standard was applied, and why)."""
        self._scope.notes.append(text)

    def unless(self, path: str, defeating: Any, note: str, item: int | None = None) -> V[bool]:
        """True unless the fact is known to equal ``defeating``.

        For the few facts the law lets a status stand without, that can only defeat it (a credibility
        finding, asylum discretion, the refining elements of torture — see the case format). An unknown
        one is recorded as an assumption, so the output says what the status still takes for granted."""
        value = self.fact(path, item)
        if value.known:
            return V(value.value != defeating)
        self._scope.assumptions.append(
            Assumption(concrete(path, self._scope.item if item is None else item), note)
        )
        return TRUE


class Evaluation:
    """The evaluation of the law for one case on one date. Memoises each rule (and item) once."""

    def __init__(self, facts: FactSource, as_of: dt.date, parameters: ParameterSource) -> None:
        self.facts = facts
        self.as_of = as_of
        self.parameters = parameters
        self._memo: dict[tuple[str, int | None], tuple[V[Any], Trace]] = {}
        self._active: set[tuple[str, int | None]] = set()

    def evaluate(self, rule: Rule, item: int | None = None) -> tuple[V[Any], Trace]:
        key = (rule.id, item)
        if key in self._memo:
            return self._memo[key]
        if key in self._active:
            raise RuleError(f"rule {rule.id} depends on itself")
        self._active.add(key)
        try:
            result = self._run(rule, item)
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def _selecting_date(self, rule: Rule, scope: _Scope) -> tuple[dt.date, str]:
        if rule.selected_by == LAW_AS_OF:
            return self.as_of, ""
        path = concrete(rule.selected_by, scope.item)
        value = self.facts.read(path)
        scope.facts[path] = value.value
        if isinstance(value.value, dt.date):
            return value.value, f"version selected by {path} ({value.value.isoformat()})"
        return self.as_of, f"version selected by the law-as-of date because {path} is unknown or absent"

    def _run(self, rule: Rule, item: int | None) -> tuple[V[Any], Trace]:
        scope = _Scope(rule, item)
        day, selection_note = self._selecting_date(rule, scope)
        version = rule.version_on(day)
        notes = [selection_note] if selection_note and len(rule.versions) > 1 else []
        caveat = rule.caveat
        if version is None:
            value: V[Any] = V(rule.when_not_in_force)
            notes.append(f"not in force on {day.isoformat()} (in force {rule.in_force})")
            caveat = None
        else:
            context = Context(self, scope, day)
            value = version.body(context)
            if version.label:
                notes.append(version.label)
            notes.extend(scope.notes)
            if version.caveat:
                caveat = f"{caveat} {version.caveat}".strip() if caveat else version.caveat
            if rule.exceptions:
                value = self._apply_exceptions(rule, value, scope)
        citations = rule.citations + (version.citations if version else ())
        trace = Trace(
            rule=rule.id,
            title=rule.title,
            citations=citations,
            value=value.value,
            depends=value.depends,
            facts=tuple(scope.facts.items()),
            parameters=tuple(scope.parameters),
            children=tuple(scope.children),
            item=item,
            note="; ".join(notes),
            judgement=rule.judgement,
            caveat=caveat,
            assumptions=tuple(scope.assumptions),
        )
        return value, trace

    def _apply_exceptions(self, rule: Rule, general: V[Any], scope: _Scope) -> V[bool]:
        """General rule, then exceptions, as the law is written: the rule holds unless one applies."""
        excepted: list[V[bool]] = []
        for exception in rule.exceptions:
            value, trace = self.evaluate(exception, scope.item if exception.per else None)
            scope.children.append(_as_exception(trace))
            excepted.append(value)
        if general.value not in (True, False, UNKNOWN):
            raise RuleError(f"rule {rule.id} has exceptions but is not true or false")
        if general.value is False:
            return FALSE
        return all_(general, not_(any_(*excepted)))


def _as_exception(trace: Trace) -> Trace:
    from dataclasses import replace

    return replace(trace, role="exception")
