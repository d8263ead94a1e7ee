"""Traces: the record of an evaluation, as data.

A trace is a tree of (rule, citations, value, facts used, parameters used, children). The CLI, reports
and web pages render the same trace; nothing recomputes the law to explain it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from withhold.logic.value import UNKNOWN


@dataclass(frozen=True)
class Assumption:
    """A fact left unknown that the law lets a status stand without (it could only defeat it)."""

    fact: str
    note: str


@dataclass(frozen=True)
class Trace:
    rule: str
    title: str
    citations: tuple[str, ...]
    value: Any
    depends: frozenset[str]
    facts: tuple[tuple[str, Any], ...] = ()
    parameters: tuple[tuple[str, Any, str], ...] = ()
    children: tuple[Trace, ...] = ()
    role: str = ""
    """``exception`` for a declared exception to the parent rule."""
    item: int | None = None
    note: str = ""
    judgement: str | None = None
    caveat: str | None = None
    assumptions: tuple[Assumption, ...] = ()

    @property
    def known(self) -> bool:
        return self.value is not UNKNOWN

    def with_role(self, role: str) -> Trace:
        """The same node in another role (``exception``, ``negated``, an element or a bar). Built
        directly: ``dataclasses.replace`` introspects the fields on every call, and the screening tags
        thousands of nodes per case."""
        return Trace(
            self.rule,
            self.title,
            self.citations,
            self.value,
            self.depends,
            self.facts,
            self.parameters,
            self.children,
            role,
            self.item,
            self.note,
            self.judgement,
            self.caveat,
            self.assumptions,
        )

    @property
    def label(self) -> str:
        return self.rule if self.item is None else f"{self.rule}[{self.item}]"

    def walk(self) -> Iterator[Trace]:
        """This node and every node below it, depth first (shared nodes may repeat)."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "title": self.title,
            "citations": list(self.citations),
            "value": json_value(self.value),
        }
        if self.item is not None:
            data["item"] = self.item
        if self.role:
            data["role"] = self.role
        if self.note:
            data["note"] = self.note
        if self.facts:
            data["facts"] = {path: json_value(value) for path, value in self.facts}
        if self.parameters:
            data["parameters"] = [
                {"name": name, "value": json_value(value), "reference": reference}
                for name, value, reference in self.parameters
            ]
        if not self.known:
            data["depends"] = sorted(self.depends)
        if self.caveat:
            data["caveat"] = self.caveat
        if self.assumptions:
            data["assumed"] = [{"fact": a.fact, "note": a.note} for a in self.assumptions]
        if self.children:
            data["children"] = [child.to_dict() for child in self.children]
        return data


def json_value(value: Any) -> Any:
    """A value as JSON: unknown is the string ``"unknown"``; dates are ISO text."""
    if value is UNKNOWN:
        return "unknown"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset | set):
        return [json_value(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
