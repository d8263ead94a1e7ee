"""The evaluator: runs rules over facts and records what it did.

All state lives in an :class:`Evaluation` made for one case and one date, so any number of threads can
evaluate at once (no global trace, unlike some rules engines). Every rule is evaluated fully — the
engine does not stop at the first failing condition — because a reviewing court can reverse any one
finding, so the output must report every condition that fails (rules reference, section 9.2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Protocol

from withhold.logic.rule import LAW_AS_OF, Rule, Version
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

    def rule_not(self, other: Rule, item: int | None = None) -> V[bool]:
        """The negation of a rule this rule declared in ``uses`` (the person is *not* a reinstated
        deportee): its trace is marked ``negated``, so the output shows it as the cause when it holds."""
        value = self.rule(other, item)
        child = self._scope.children.pop()
        self._scope.children.append(child.with_role("negated"))
        return not_(value)

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

    def assume(self, path: str, note: str, item: int | None = None) -> None:
        """Record that a status stands on a fact left unknown (see :meth:`unless`)."""
        if path not in self._scope.rule.all_reads:
            raise RuleError(f"rule {self._scope.rule.id} assumes {path} without declaring it")
        where = concrete(path, self._scope.item if item is None else item)
        self._scope.assumptions.append(Assumption(where, note))

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

    def __init__(
        self,
        facts: FactSource,
        as_of: dt.date,
        parameters: ParameterSource,
        *,
        base: Evaluation | None = None,
        changed: frozenset[str] = frozenset(),
    ) -> None:
        self.facts = facts
        self.as_of = as_of
        self.parameters = parameters
        self._base = base
        self._changed = frozenset(generic(path) for path in changed)
        self._memo: dict[tuple[str, int | None], tuple[V[Any], Trace]] = {}
        self._active: set[tuple[str, int | None]] = set()

    def derive(self, facts: FactSource, changed: frozenset[str]) -> Evaluation:
        """An evaluation of ``facts``, which differ from this one's only at the ``changed`` paths: every
        rule that reads none of them, directly or through the rules it uses, is taken from this one
        instead of being run again (how the interview looks one answer ahead cheaply)."""
        return Evaluation(facts, self.as_of, self.parameters, base=self, changed=changed)

    def evaluate(self, rule: Rule, item: int | None = None) -> tuple[V[Any], Trace]:
        key = (rule.id, item)
        if key in self._memo:
            return self._memo[key]
        if self._base is not None and not _touches(rule, self._changed):
            result = self._base.evaluate(rule, item)
            self._memo[key] = result
            return result
        if key in self._active:
            raise RuleError(f"rule {rule.id} depends on itself")
        self._active.add(key)
        try:
            result = self._run(rule, item)
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def _selecting_fact(self, rule: Rule, scope: _Scope) -> V[Any] | None:
        if rule.selected_by == LAW_AS_OF:
            return None
        path = concrete(rule.selected_by, scope.item)
        value = self.facts.read(path)
        scope.facts[path] = value.value
        return value

    def _run(self, rule: Rule, item: int | None) -> tuple[V[Any], Trace]:
        scope = _Scope(rule, item)
        selecting = self._selecting_fact(rule, scope)
        notes: list[str] = []
        if selecting is not None and selecting.value is UNKNOWN:
            value, versions, caveats = self._run_every_possible_version(rule, scope, selecting, notes)
        else:
            day = (
                selecting.value
                if selecting is not None and isinstance(selecting.value, dt.date)
                else self.as_of
            )
            if selecting is not None and len(rule.versions) > 1:
                source = rule.selected_by if day is not self.as_of else "the law-as-of date"
                notes.append(f"version selected by {source} ({day.isoformat()})")
            value, version, caveat = self._run_version(rule, scope, day, notes)
            versions, caveats = ([version] if version else []), ([caveat] if caveat else [])
        citations, judgement = _cited(rule, tuple(versions))
        # Built positionally, and each join only where there is something to join: thousands per case.
        trace = Trace(
            rule.id,
            rule.title,
            citations,
            value.value,
            value.depends,
            tuple(scope.facts.items()),
            tuple(dict.fromkeys(scope.parameters)) if scope.parameters else (),
            _distinct(scope.children),
            "",
            item,
            "; ".join(dict.fromkeys(notes)) if notes else "",
            judgement,
            " ".join(dict.fromkeys(caveats)) if caveats else None,
            tuple(dict.fromkeys(scope.assumptions)) if scope.assumptions else (),
        )
        return value, trace

    def _run_version(
        self, rule: Rule, scope: _Scope, day: dt.date, notes: list[str]
    ) -> tuple[V[Any], Version | None, str | None]:
        version = rule.version_on(day)
        if version is None:
            notes.append(f"not in force on {day.isoformat()} (in force {rule.in_force})")
            return V(rule.when_not_in_force), None, None
        scope.notes = []
        value = version.body(Context(self, scope, day))
        if version.label:
            notes.append(version.label)
        notes.extend(scope.notes)
        if rule.exceptions:
            value = self._apply_exceptions(rule, value, scope)
        caveat = " ".join(c for c in (rule.caveat, version.caveat) if c) or None
        return value, version, caveat

    def _run_every_possible_version(
        self, rule: Rule, scope: _Scope, selecting: V[Any], notes: list[str]
    ) -> tuple[V[Any], list[Version], list[str]]:
        """The date that selects the version is unknown: run every version that date could select (and
        the time before the rule, if any). One answer from all of them is the answer; otherwise the
        result is unknown and the selecting date is among the facts it depends on."""
        days = _possible_days(rule, self.as_of)
        results: list[V[Any]] = []
        versions: list[Version] = []
        caveats: list[str] = []
        for day in days:
            value, version, caveat = self._run_version(rule, scope, day, notes)
            results.append(value)
            versions += [version] if version else []
            caveats += [caveat] if caveat else []
        first = results[0]
        if len(results) > 1:
            notes.insert(0, f"{rule.selected_by} unknown: every version it could select was applied")
        if all(r.known and r.value == first.value for r in results):
            return V(first.value), versions, caveats
        return V(UNKNOWN, selecting.depends.union(*(r.depends for r in results))), versions, caveats

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


@lru_cache(maxsize=65536)
def _touches(rule: Rule, changed: frozenset[str]) -> bool:
    """Whether ``rule`` (or any rule below it) reads a changed fact, or an item of a changed list.
    Remembered: the planner asks it for the same rule and path once per answer it looks ahead over, at
    every step, and the answer depends on the two alone."""
    reads = transitive_reads(rule)
    return any(path == read or read.startswith(path + "[]") for path in changed for read in reads)


@cache
def transitive_reads(rule: Rule) -> frozenset[str]:
    """Every fact path ``rule`` reads, directly or through the rules it uses and its exceptions."""
    found = set(rule.all_reads)
    for child in rule.children():
        found |= transitive_reads(child)
    return frozenset(found)


def _possible_days(rule: Rule, as_of: dt.date) -> list[dt.date]:
    """One day in each version in force up to ``as_of`` (a later one could not have selected yet), and
    one day before the rule's first version if it has a start (and the selecting date can be that early)."""
    days: list[dt.date] = []
    for version in rule.versions:
        period = version.in_force
        if period.start is not None and period.start > as_of:
            continue
        days.append(as_of if period.contains(as_of) else period.end or as_of)
    starts = [v.in_force.start for v in rule.versions]
    if None not in starts:
        before = min(s for s in starts if s is not None) - dt.timedelta(days=1)
        # Before the floor only when nothing later is possible: the law as of a day before the floor.
        if rule.selecting_floor is None or before >= rule.selecting_floor or not days:
            days.append(min(before, as_of))
    return sorted(set(days))


def _cited(rule: Rule, versions: tuple[Version, ...]) -> tuple[tuple[str, ...], str | None]:
    """The citations of ``rule`` and the versions applied, each once, and their judgement (the versions'
    own, or the rule's). Remembered per rule for its single version, the common case."""
    if len(versions) == 1:
        found = rule.cited.get(id(versions[0]))
        if found is not None:
            return found
    citations = tuple(dict.fromkeys(rule.citations + tuple(c for v in versions for c in v.citations)))
    judgement = " ".join(dict.fromkeys(v.judgement for v in versions if v.judgement)) or rule.judgement
    if len(versions) == 1 and any(v is versions[0] for v in rule.versions):
        rule.cited[id(versions[0])] = (citations, judgement)
    return citations, judgement


def _distinct(children: list[Trace]) -> tuple[Trace, ...]:
    """The children, a node evaluated twice in the same role kept once."""
    if len(children) < 2:
        return tuple(children)
    return tuple({(c.label, c.role): c for c in children}.values())


def _as_exception(trace: Trace) -> Trace:
    return trace.with_role("exception")
