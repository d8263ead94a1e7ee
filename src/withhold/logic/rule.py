"""Rules: small, pure, self-describing pieces of law.

A rule has an id, a title a lawyer recognises, its citations, and one or more dated versions; the date
that selects a version is named (``selected_by``: the filing date, the date of entry, the law-as-of
date). A rule that changed gets a new dated version, not an ``if``. A rule declares the facts it reads,
the rules it uses and its exceptions, so the law can be checked when it is loaded and shown to a
person without running it. There is no law in this module.
"""

from __future__ import annotations

import datetime as dt
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


def day(value: dt.date | str) -> dt.date:
    """A date written in the law's own files as ``YYYY-MM-DD`` text, or a date."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


@dataclass(frozen=True)
class Version:
    """One text of a rule, in force for a period."""

    in_force: Period
    body: Body
    label: str = ""
    citations: tuple[str, ...] = ()
    caveat: str | None = None
    judgement: str | None = None
    """Why an unknown result of this version needs legal analysis, where the rule's own reason does not
    say it (a version whose effective date is not verified)."""
    verified_on: dt.date | None = None
    """The day this version's source was last checked against the text of its authority (the law watch
    lists versions not checked for a while: ``withhold law stale``)."""


@dataclass(frozen=True)
class Development:
    """A dated event in the life of a rule that leaves its text as it is: a court's stay, vacatur or remand,
    an appeal, a precedent that reads it anew. The rule's caveat says where things stand; the developments
    say when each step happened, so that ``withhold law changes`` can list them between two dates."""

    on: dt.date
    text: str
    citations: tuple[str, ...]
    verified_on: dt.date


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
    selecting_floor: dt.date | None = None
    """The earliest day the selecting date can be, where the law itself sets one (an asylum application
    cannot predate INA 208): while the date is unknown, no earlier day is tried."""
    when_not_in_force: Any = False
    """The value when no version is in force on the selecting date (a bar not yet enacted: false)."""
    judgement: str | None = None
    """Why an unknown result needs legal analysis rather than a plain answer (None: it does not)."""
    caveat: str | None = None
    """Where the law is contested or changed: said in the output whenever this rule matters."""
    per: str | None = None
    """``convictions`` when the rule is about one item of that list."""
    explanation: str = ""
    developments: tuple[Development, ...] = ()
    """Dated events (litigation, new readings) that change how far the rule can be relied on."""
    all_reads: tuple[str, ...] = field(init=False, default=())
    cited: dict[int, tuple[tuple[str, ...], str | None]] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )
    """The evaluator's memo of each version's citations and judgement, by the version's identity (the
    versions are this rule's own, so their identities last as long as it does)."""

    def __post_init__(self) -> None:
        if not self.versions:
            raise ValueError(f"rule {self.id} has no version")
        reads = list(self.reads)
        if self.selected_by != LAW_AS_OF and self.selected_by not in reads:
            reads.append(self.selected_by)
        object.__setattr__(self, "all_reads", tuple(reads))

    @property
    def began(self) -> dt.date | None:
        """The first day of the first version: before it, the rule has no effect (``when_not_in_force``)."""
        return self.in_force.start

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
    verified: dt.date | str | None = None,
    selected_by: str = LAW_AS_OF,
    when_not_in_force: Any = False,
    judgement: str | None = None,
    caveat: str | None = None,
    per: str | None = None,
    explanation: str = "",
    developments: tuple[Development, ...] = (),
) -> Callable[[Body], Rule]:
    """Declare a single-version rule from its body: ``@rule("asylum.bar.persecutor", ...)``."""

    def build(body: Body) -> Rule:
        return Rule(
            id=id,
            title=title,
            citations=cites,
            versions=(Version(in_force, body, verified_on=day(verified) if verified else None),),
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
            developments=developments,
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
