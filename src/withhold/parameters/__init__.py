"""Dated parameters of the law, each with a reference (``law.yaml``).

The file is package data, read once when this module is first imported; the evaluation itself does no
I/O. Values are looked up by the date that selects the rule using them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from withhold.package_data import read_yaml


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    reference: str
    values: tuple[tuple[dt.date, Any], ...]
    """(from date, value) pairs, oldest first."""

    def on(self, day: dt.date) -> Any:
        current: Any = None
        for start, value in self.values:
            if start <= day:
                current = value
        if current is None:
            raise LookupError(f"parameter {self.name} has no value on {day.isoformat()}")
        return current


class Parameters:
    """A :class:`~withhold.logic.ParameterSource` over the dated parameter files."""

    def __init__(self, parameters: dict[str, Parameter]) -> None:
        self.all = dict(parameters)

    def value(self, name: str, on: dt.date) -> tuple[Any, str]:
        parameter = self.all[name]
        return parameter.on(on), parameter.reference


def _parse(raw: dict[str, Any]) -> dict[str, Parameter]:
    found: dict[str, Parameter] = {}
    for name, body in raw.items():
        if not isinstance(body, dict) or not body.get("reference") or not body.get("values"):
            raise ValueError(f"parameter {name} needs a reference and dated values")
        values = tuple(sorted((_date(start), value) for start, value in body["values"].items()))
        found[name] = Parameter(
            name, str(body.get("description", "")).strip(), str(body["reference"]), values
        )
    return found


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@cache
def load() -> Parameters:
    return Parameters(_parse(read_yaml(__package__, "law.yaml")))
