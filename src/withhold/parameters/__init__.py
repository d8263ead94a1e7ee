"""Dated parameters of the law (``law.yaml``): OpenFisca-style timelines in the one format for dated data
(:class:`~withhold.logic.dated.Dated`), whose every value carries its own reference, the day its source was
last checked (``verified_on``) and how sure the project is of it (``confidence``).

The file is package data, read and validated once when first used (:func:`~withhold.package_data.read_model`
collects every problem of the file, each with its path and line); the evaluation itself does no I/O. Values
are looked up by the date that selects the rule using them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, field_validator

from withhold.logic.dated import Dated, Text, Unit, check_timeline, on
from withhold.package_data import read_model, validated


class ParameterValue(Dated):
    """One dated value: from its day (``from``, which every value states) until the next value's day."""

    start: dt.date = Field(alias="from")
    value: Any
    """The number, date or table (a table by country is kept as sorted pairs, so traces can hold it)."""
    note: Text | None = None
    """What a reader should know about this value (a date not verified, a value in litigation)."""

    @field_validator("value", mode="after")
    @classmethod
    def _frozen(cls, value: Any) -> Any:
        return _frozen(value)


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    return value


def _in_order(values: list[ParameterValue]) -> list[ParameterValue]:
    """Oldest first, each from the day after the last one's ``until`` if it has one, the first dated, the
    last open (a parameter that ceases to exist takes the value ``null``)."""
    check_timeline(values, covering=True, first_from=True, open_end=True, title="values")
    return values


class _ParameterFile(BaseModel):
    """One parameter as the file writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: Text
    reference: Text
    """The authority for the parameter as a whole; each value names its own."""
    unit: Unit | None = None
    values: Annotated[list[ParameterValue], Field(min_length=1), AfterValidator(_in_order)]


class _LawFile(RootModel[dict[str, _ParameterFile]]):
    pass


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    reference: str
    unit: str | None
    values: tuple[ParameterValue, ...]
    """Oldest first."""

    def entry_on(self, day: dt.date) -> ParameterValue:
        found = on(self.values, day)
        if found is None:
            raise LookupError(f"parameter {self.name} has no value on {day.isoformat()}")
        return found

    def on(self, day: dt.date) -> Any:
        return self.entry_on(day).value


class Parameters:
    """A :class:`~withhold.logic.ParameterSource` over the dated parameter file."""

    def __init__(self, parameters: dict[str, Parameter]) -> None:
        self.all = dict(parameters)

    def value(self, name: str, on: dt.date) -> tuple[Any, str]:
        entry = self.all[name].entry_on(on)
        return entry.value, entry.reference


def parameters_of(read: _LawFile) -> Parameters:
    return Parameters(
        {
            name: Parameter(name, body.description, body.reference, body.unit, tuple(body.values))
            for name, body in read.root.items()
        }
    )


@cache
def load() -> Parameters:
    return parameters_of(read_model(_LawFile, __package__, "law.yaml"))


def parse_text(text: str, file: str = "law.yaml") -> Parameters:
    """Parameters from YAML ``text`` in the format of ``law.yaml`` (:class:`~withhold.package_data.DataFileError` lists every
    problem with its path and line)."""
    return parameters_of(validated(_LawFile, text, file))
