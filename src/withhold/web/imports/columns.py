"""The spreadsheet columns a CSV of cases may have, each mapped to the ``case/1`` fact it fills
(``columns.yaml``, read as :class:`Columns`), and how a cell is read by its column's type.

A cell is read or refused with a plain reason; a refused cell's value is never quoted back (it may be a
person's name). An empty cell, or a column the spreadsheet lacks, is unknown: nothing is written for it
(never "no"). Whether the facts make a valid case is the core loader's to say, not this module's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from withhold.facts import countries
from withhold.language import Localized, TranslatedFoldedText
from withhold.package_data import read_model

Kind = Literal["text", "date", "yes_no", "country", "number", "list"]
LIST_SEPARATOR = "|"


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    header: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    path: str = Field(pattern=r"^[a-z_]+(\.([a-z_]+|[0-9]+))*$")
    type: Kind
    example: str
    help: TranslatedFoldedText


class Columns(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    columns: tuple[Column, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Columns:
        for attribute in ("header", "path"):
            values = [getattr(column, attribute) for column in self.columns]
            twice = sorted({value for value in values if values.count(value) > 1})
            if twice:
                raise ValueError(f"{attribute} given twice: {', '.join(twice)}")
        return self


@cache
def columns() -> tuple[Column, ...]:
    return read_model(Columns, "withhold.web.imports", "columns.yaml").columns


def by_header() -> dict[str, Column]:
    return {column.header: column for column in columns()}


def by_path() -> dict[str, Column]:
    return {column.path: column for column in columns()}


# --- reading a cell -------------------------------------------------------------------------------------


class CellError(ValueError):
    """Why a cell cannot be read: a key of ``imports.problem_<key>`` (plain words, no value quoted)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


YES = frozenset({"yes", "y", "true", "si", "sí", "s"})
NO = frozenset({"no", "n", "false"})
UNKNOWN = frozenset({"unknown", "?", "no se", "no sé", "desconocido", "n/a", "na"})
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
CELL_MAX = 1000
"""Characters a cell may hold (a name, a court): a longer one is refused, not cut."""


def _date(text: str) -> str:
    iso = _ISO.fullmatch(text)
    us = _US.fullmatch(text)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif us:
        year, month, day = int(us[3]), int(us[1]), int(us[2])
        if month > 12 and day <= 12:
            raise CellError("date_day_first")  # 25/03/2026: the day first, not the US order
    else:
        raise CellError("date_format")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise CellError("date_impossible") from None


def _yes_no(text: str) -> bool | None:
    folded = " ".join(text.casefold().split())
    if folded in YES:
        return True
    if folded in NO:
        return False
    if folded in UNKNOWN:
        return None
    raise CellError("yes_no")


def _country(text: str) -> str:
    found = countries.code(text)
    if found is None:
        raise CellError("country")
    return found


def _number(text: str) -> float | int:
    try:
        value = float(text)
    except ValueError:
        raise CellError("number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError("number")
    return int(value) if value.is_integer() else value


def read_cell(column: Column, raw: str) -> Any:
    """The cell's value for the case file, or None for unknown (an empty cell); raises :class:`CellError`."""
    text = raw.strip()
    if not text:
        return None
    if len(text) > CELL_MAX:
        raise CellError("too_long")
    if column.type == "date":
        return _date(text)
    if column.type == "yes_no":
        return _yes_no(text)
    if column.type == "country":
        return _country(text)
    if column.type == "number":
        return _number(text)
    if column.type == "list":
        items = [item.strip() for item in text.split(LIST_SEPARATOR)]
        return [item for item in items if item] or None
    return text


def put(document: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at ``path`` (``proceedings.hearings.0.date``: a number is a list's item)."""
    parts = path.split(".")
    here: Any = document
    for part, after in itertools.pairwise(parts):
        following: Any = [] if after.isdigit() else {}
        if part.isdigit():
            index = int(part)
            while len(here) <= index:
                here.append({} if not after.isdigit() else [])
            here = here[index]
        else:
            here = here.setdefault(part, following)
    last = parts[-1]
    if last.isdigit():
        while len(here) <= int(last):
            here.append(None)
        here[int(last)] = value
    else:
        here[last] = value


# --- the template ---------------------------------------------------------------------------------------


def template_csv() -> bytes:
    """The headers and one example row of an invented person, UTF-8 with a BOM (so Excel reads the
    accents as written)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.header for column in columns()])
    writer.writerow([column.example for column in columns()])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def help_of(column: Column) -> Localized:
    return column.help
