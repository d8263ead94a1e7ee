"""Reading facts out of a :class:`Case` by path, as three-valued values."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from withhold.facts.case import Asylum, Case
from withhold.facts.paths import catalogue, generic
from withhold.logic.value import V, unknown

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


@lru_cache(maxsize=4096)
def _steps(path: str) -> tuple[tuple[str, int | None], ...]:
    """``convictions[1].final`` → ``(("convictions", 1), ("final", None))``; a path not of that form is a
    KeyError. Remembered: every case of a batch reads the same paths."""
    steps = []
    for step in path.split("."):
        match = _STEP.fullmatch(step)
        if match is None:
            raise KeyError(path)
        steps.append((match.group(1), int(match.group(2)) if match.group(2) is not None else None))
    return tuple(steps)


@lru_cache(maxsize=256)
def _fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(model.model_fields)


class CaseFacts:
    """A :class:`~withhold.logic.FactSource` over a case: ``None`` (absent or null) is unknown.

    The one exception is the spec's own: an explicit ``asylum.filed_on: null`` records that no
    application has been filed yet, which is an answer, not an unknown."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self._read: dict[str, V[Any]] = {}
        """Each path's value once read: the interview's look-ahead reads the same facts of the same case
        once per answer it tries. (A case is not changed once read: an answer makes a new one.)"""

    def read(self, path: str) -> V[Any]:
        found = self._read.get(path)
        if found is None:
            found = self._read[path] = self._walk(path)
        return found

    def _walk(self, path: str) -> V[Any]:
        node: Any = self.case
        for name, position in _steps(path):
            if isinstance(node, Asylum) and name == "filed_on" and node.not_filed_yet:
                return V(NOT_FILED)
            if not isinstance(node, BaseModel) or name not in _fields(type(node)):
                raise KeyError(path)
            node = getattr(node, name)
            if node is None:
                return unknown(path)
            if position is not None:
                if position >= len(node):
                    raise KeyError(path)
                node = node[position]
        if isinstance(node, list):
            # A list of sections (convictions, hearings, children) reads as its length.
            if catalogue()[generic(path)].kind == "list":
                return V(len(node))
            return V(tuple(node))
        if isinstance(node, BaseModel):
            raise KeyError(f"{path} is a section, not a fact")
        return V(node)


class _NotFiled:
    def __repr__(self) -> str:
        return "not filed"


NOT_FILED: Any = _NotFiled()
"""The value of ``asylum.filed_on`` when the case says no application has been filed."""


class OverlayFacts:
    """Facts of a case with some answers laid over them, without building a new case (the interview's
    look-ahead). ``answers`` maps concrete paths to values; a list's path maps to its new length."""

    def __init__(self, base: CaseFacts, answers: dict[str, Any]) -> None:
        self.base = base
        self.answers = answers

    def read(self, path: str) -> V[Any]:
        if path in self.answers:
            value = self.answers[path]
            return unknown(path) if value is None else V(tuple(value) if isinstance(value, list) else value)
        try:
            return self.base.read(path)
        except KeyError:
            # An item of a list whose length was answered, not yet in the case: nothing known about it.
            if any(path.startswith(f"{listing}[") for listing in self.answers):
                return unknown(path)
            raise
