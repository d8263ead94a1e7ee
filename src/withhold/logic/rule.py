"""Rules: small, pure, self-describing pieces of law.

A rule has an id, a title a lawyer recognises, its citations, and one or more dated versions; the date
that selects a version is named (``selected_by``: the filing date, the date of entry, the law-as-of
date). A rule that changed gets a new dated version, not an ``if``. A rule declares the facts it reads,
the rules it uses and its exceptions, so the law can be checked when it is loaded and shown to a
person without running it. There is no law in this module.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from withhold.logic.period import ALWAYS, Period
from withhold.logic.value import V

if TYPE_CHECKING:
    from withhold.logic.evaluate import Context

Body = Callable[["Context"], V[Any]]

LAW_AS_OF = "law_as_of"
"""Select a rule's version by the date the law is evaluated as of."""


@dataclass(frozen=True)
class Version:
    """One text of a rule, in force for a period."""

    in_force: Period
    body: Body
    label: str = ""
    citations: tuple[str, ...] = ()
    caveat: str | None = None


@dataclass(frozen=True, eq=False)
class Rule:
    """A rule of law (or a step of one). Identity is by object; ids are unique across the law."""

    id: str
    title: str
    citations: tuple[str, ...]
    versions: tuple[Version, ...]
    reads: tuple[str, ...] = ()
    uses: tuple[Rule, ...] = ()
    exceptions: tuple[Rule, ...] = ()
    parameters: tuple[str, ...] = ()
    reference: tuple[str, ...] = ()
    """Rule ids in the rules reference (``ASY-1YR-1``) this rule encodes."""
    selected_by: str = LAW_AS_OF
    """The fact path of the date that selects the version; unknown falls back to the law-as-of date."""
    when_not_in_force: Any = False
    """The value when no version is in force on the selecting date (a bar not yet enacted: false)."""
    judgement: str | None = None
    """Why an unknown result needs legal analysis rather than a plain answer (None: it does not)."""
    caveat: str | None = None
    """Where the law is contested or changed: said in the output whenever this rule matters."""
    per: str | None = None
    """``convictions`` when the rule is about one item of that list."""
    explanation: str = ""
    all_reads: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        if not self.versions:
            raise ValueError(f"rule {self.id} has no version")
        reads = list(self.reads)
        if self.selected_by != LAW_AS_OF and self.selected_by not in reads:
            reads.append(self.selected_by)
        object.__setattr__(self, "all_reads", tuple(reads))

    def version_on(self, day: Any) -> Version | None:
        for version in self.versions:
            if version.in_force.contains(day):
                return version
        return None

    @property
    def in_force(self) -> Period:
        """The whole span of all versions (for listings)."""
        starts = [v.in_force.start for v in self.versions]
        ends = [v.in_force.end for v in self.versions]
        start = None if None in starts else min(s for s in starts if s is not None)
        end = None if None in ends else max(e for e in ends if e is not None)
        return Period(start, end)

    def children(self) -> Iterator[Rule]:
        yield from self.uses
        yield from self.exceptions

    def __repr__(self) -> str:
        return f"Rule({self.id})"


def rule(
    id: str,
    title: str,
    *,
    cites: tuple[str, ...],
    ref: tuple[str, ...] = (),
    reads: tuple[str, ...] = (),
    uses: tuple[Rule, ...] = (),
    exceptions: tuple[Rule, ...] = (),
    params: tuple[str, ...] = (),
    in_force: Period = ALWAYS,
    selected_by: str = LAW_AS_OF,
    when_not_in_force: Any = False,
    judgement: str | None = None,
    caveat: str | None = None,
    per: str | None = None,
    explanation: str = "",
) -> Callable[[Body], Rule]:
    """Declare a single-version rule from its body: ``@rule("asylum.bar.persecutor", ...)``."""

    def build(body: Body) -> Rule:
        return Rule(
            id=id,
            title=title,
            citations=cites,
            versions=(Version(in_force, body),),
            reads=reads,
            uses=uses,
            exceptions=exceptions,
            parameters=params,
            reference=ref,
            selected_by=selected_by,
            when_not_in_force=when_not_in_force,
            judgement=judgement,
            caveat=caveat,
            per=per,
            explanation=explanation or inspect.cleandoc(body.__doc__ or ""),
        )

    return build


def walk(roots: tuple[Rule, ...]) -> Iterator[Rule]:
    """Every rule reachable from ``roots``, each once."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        current = stack.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        yield current
        stack.extend(current.children())
