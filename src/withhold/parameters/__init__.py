"""Dated parameters of the law (``law.yaml``): OpenFisca-style timelines whose every value carries its own
reference and the day its source was last checked (``verified_on``).

The file is package data, read and validated once when first used (pydantic collects every problem of the
file, each with its path); the evaluation itself does no I/O. Values are looked up by the date that
selects the rule using them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from withhold.package_data import read_yaml

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Unit = Literal["day", "month", "year", "usd", "date", "countries"]


class _ValueEntry(BaseModel):
    """One dated value as the file writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: Any
    verified_on: dt.date
    reference: Text | None = None
    """Where this value comes from, when it is not the parameter's own reference (a yearly notice)."""
    note: Text | None = None
    """What a reader should know about this value (a date not verified, a value in litigation)."""


class _ParameterEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: Text
    reference: Text
    unit: Unit | None = None
    values: Annotated[dict[dt.date, _ValueEntry], Field(min_length=1)]


@dataclass(frozen=True)
class ParameterValue:
    start: dt.date
    """The value applies from this day until the next value's day."""
    value: Any
    reference: str
    verified_on: dt.date
    note: str | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    reference: str
    unit: str | None
    values: tuple[ParameterValue, ...]
    """Oldest first."""

    def entry_on(self, day: dt.date) -> ParameterValue:
        current: ParameterValue | None = None
        for entry in self.values:
            if entry.start <= day:
                current = entry
        if current is None:
            raise LookupError(f"parameter {self.name} has no value on {day.isoformat()}")
        return current

    def on(self, day: dt.date) -> Any:
        return self.entry_on(day).value


class Parameters:
    """A :class:`~withhold.logic.ParameterSource` over the dated parameter file."""

    def __init__(self, parameters: dict[str, Parameter]) -> None:
        self.all = dict(parameters)

    def value(self, name: str, on: dt.date) -> tuple[Any, str]:
        entry = self.all[name].entry_on(on)
        return entry.value, entry.reference


def _parse(raw: Any) -> dict[str, Parameter]:
    """Every parameter, or every problem of the file at once, each named by its parameter and path."""
    if not isinstance(raw, dict):
        raise ValueError("law.yaml: expected a mapping of parameter names to parameters")
    found: dict[str, Parameter] = {}
    problems: list[str] = []
    for name, body in raw.items():
        if isinstance(body, dict) and isinstance(body.get("values"), dict):
            # Dates as text, so that a problem's path names the day as the file writes it.
            body = {**body, "values": {str(day): value for day, value in body["values"].items()}}
        try:
            entry = _ParameterEntry.model_validate(body)
        except ValidationError as error:
            problems.extend(_problem(str(name), problem) for problem in error.errors())
            continue
        values = tuple(
            ParameterValue(
                start, _frozen(item.value), item.reference or entry.reference, item.verified_on, item.note
            )
            for start, item in sorted(entry.values.items())
        )
        found[str(name)] = Parameter(str(name), entry.description, entry.reference, entry.unit, values)
    if problems:
        raise ValueError("\n".join(problems))
    return found


def _frozen(value: Any) -> Any:
    """A mapping value (a table by country) as sorted pairs, so that traces can hold it (hashable)."""
    if isinstance(value, dict):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    return value


def _problem(name: str, problem: Any) -> str:
    where = ": ".join(str(part) for part in problem["loc"])
    message = "missing" if problem["type"] == "missing" else problem["msg"]
    if problem["type"] == "extra_forbidden":
        message = "unknown field"
    return f"parameter {name}: {where}: {message}" if where else f"parameter {name}: {message}"


@cache
def load() -> Parameters:
    return Parameters(_parse(read_yaml(__package__, "law.yaml")))
