"""Values that may be unknown, and Kleene's three-valued logic over them.

An unknown value carries the set of facts it still depends on: the answers that could make it known.
That set is what the interview asks next. A missing input never defaults to false (docs/DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
R = TypeVar("R")


class _Unknown(Enum):
    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown.UNKNOWN
"""The one unknown value. Compare with ``is``."""


@dataclass(frozen=True)
class V(Generic[T_co]):
    """A value, or UNKNOWN with the facts it depends on (``depends`` is empty when known)."""

    value: T_co | _Unknown
    depends: frozenset[str] = frozenset()

    @property
    def known(self) -> bool:
        return self.value is not UNKNOWN

    def get(self) -> T_co:
        """The known value; a programming error to call on an unknown one."""
        if self.value is UNKNOWN:
            raise ValueError("value is unknown")
        return self.value

    def is_(self, expected: object) -> bool:
        """True only when known and equal to ``expected`` (two-valued; for branching in rule bodies)."""
        return self.known and self.value == expected

    def map(self, fn: Callable[[T_co], R]) -> V[R]:
        """Apply ``fn`` to a known value; an unknown stays unknown with the same dependencies."""
        if self.value is UNKNOWN:
            return V(UNKNOWN, self.depends)
        return V(fn(self.value))

    def __repr__(self) -> str:
        if self.value is UNKNOWN:
            return f"V(UNKNOWN, depends={sorted(self.depends)})"
        return f"V({self.value!r})"


def unknown(*depends: str | Iterable[str]) -> V[T]:
    """An unknown value depending on the given fact paths (strings or iterables of them)."""
    found: set[str] = set()
    for item in depends:
        if isinstance(item, str):
            found.add(item)
        else:
            found.update(item)
    return V(UNKNOWN, frozenset(found))


TRUE: V[bool] = V(True)
FALSE: V[bool] = V(False)


def known(value: T) -> V[T]:
    return V(value)


def all_(*values: V[bool]) -> V[bool]:
    """Kleene AND: false as soon as one part is false, true only when all are true, else unknown.

    An unknown result depends on the facts of its unknown parts only: a part already true cannot make
    the conjunction false, so its facts do not matter."""
    if any(v.value is False for v in values):
        return FALSE
    pending = [v for v in values if v.value is not True]
    if not pending:
        return TRUE
    return unknown(*(v.depends for v in pending))


def any_(*values: V[bool]) -> V[bool]:
    """Kleene OR: true as soon as one part is true, false only when all are false, else unknown."""
    if any(v.value is True for v in values):
        return TRUE
    pending = [v for v in values if v.value is not False]
    if not pending:
        return FALSE
    return unknown(*(v.depends for v in pending))


def not_(value: V[bool]) -> V[bool]:
    if value.value is UNKNOWN:
        return value
    return V(not value.value)


def implies(condition: V[bool], consequence: V[bool]) -> V[bool]:
    """Kleene implication: NOT condition OR consequence."""
    return any_(not_(condition), consequence)


def equals(value: V[T], expected: T) -> V[bool]:
    """Whether a (possibly unknown) value equals ``expected``."""
    return value.map(lambda v: v == expected)


def one_of(value: V[T], expected: Iterable[T]) -> V[bool]:
    allowed = set(expected)
    return value.map(lambda v: v in allowed)


def case_split(value: V[T], domain: Iterable[T], fn: Callable[[T], V[R]]) -> V[R]:
    """Decide ``fn(value)`` even when ``value`` is unknown, if every possible value gives one answer.

    This is how a fact becomes missing only when the answer depends on it: with the circuit unknown,
    a nexus that is "one central reason" meets every circuit's standard, so the circuit is not asked."""
    if value.value is not UNKNOWN:
        return fn(value.value)
    results = [fn(option) for option in domain]
    first = results[0] if results else None
    if first is not None and first.known and all(r.known and r.value == first.value for r in results):
        return V(first.value)
    return unknown(value.depends, *(r.depends for r in results))
