"""Dated parameters of the law, each with a reference (``law.yaml``).

The file is package data, read once when this module is first imported; the evaluation itself does no
I/O. Values are looked up by the date that selects the rule using them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from withhold.package_data import check_fields, read_yaml


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


FIELDS = ("description", "reference", "values")


def _parse(raw: Any) -> dict[str, Parameter]:
    """Every parameter, or every problem of the file at once: each needs a reference and dated values."""
    if not isinstance(raw, dict):
        raise ValueError("law.yaml: expected a mapping of parameter names to parameters")
    found: dict[str, Parameter] = {}
    problems: list[str] = []
    for name, body in raw.items():
        where = f"parameter {name}"
        if not check_fields(where, body, allowed=FIELDS, required=("reference", "values"), problems=problems):
            continue
        reference, values = str(body.get("reference") or "").strip(), body.get("values")
        if "reference" in body and not reference:
            problems.append(f"{where}: reference: empty")
        if "values" in body and not (isinstance(values, dict) and values):
            problems.append(f"{where}: values: expected dated values (from-date: value)")
        if reference and isinstance(values, dict) and values:
            dated = tuple(sorted((_date(start), value) for start, value in values.items()))
            found[name] = Parameter(name, str(body.get("description", "")).strip(), reference, dated)
    if problems:
        raise ValueError("\n".join(problems))
    return found


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@cache
def load() -> Parameters:
    return Parameters(_parse(read_yaml(__package__, "law.yaml")))
