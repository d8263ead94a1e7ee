"""The court's rules for the form of a filing (``court_format.yaml``), in the one format for dated data."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel, model_validator

from withhold.logic.dated import Dated, Text, Unit, on, timeline_problems
from withhold.package_data import read_model


class FormatValue(Dated):
    value: Any


class FormatRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: Text
    unit: Unit | None = None
    values: list[FormatValue]

    @model_validator(mode="after")
    def _in_order(self) -> FormatRule:
        problems = timeline_problems(self.values, covering=True)
        if problems:
            raise ValueError("values" + "; values".join(problems))
        return self


class CourtFormat(RootModel[dict[str, FormatRule]]):
    def value(self, name: str, day: dt.date) -> Any:
        """The value of ``name`` in force on ``day``; ``LookupError`` before the rule began."""
        entry = on(self.root[name].values, day)
        if entry is None:
            raise LookupError(f"{name} has no value on {day.isoformat()}")
        return entry.value


@cache
def court_format() -> CourtFormat:
    return read_model(CourtFormat, __package__, "court_format.yaml")
