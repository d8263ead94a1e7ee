"""The four protections side by side for one person: what each requires, what a grant gives, and the
person's status in each (issue 5).

The rows are package data (``protections.yaml``): for each attribute and protection, a precise text for
attorneys and a plain one for the client, in English and Spanish side by side, with the authority and how
sure the law is (``verified``, ``secondary``, ``unverified``, ``contested``: the rules reference's tags,
and contested where litigation or a circuit split leaves the law open). A cell may have dated versions
(the 2025 benefit changes of Pub. L. 119-21, for example); :func:`compare` takes the version in force on
the screening's ``law_as_of``. The columns are the engine's: each protection's status and reason, read
from the :class:`~withhold.screening.Screening`, never recomputed here. The file is read and checked once,
when first used; nothing else here does I/O. Rules reference section 7 (BEN-TABLE-1, BEN-TERM-1,
BEN-TERM-2) and sections 2–5.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from withhold.language import (
    AUTHORED,
    LANGUAGES,
    Language,
    Localized,
    LocalizedText,
    date_in_words,
    joined,
)
from withhold.law.protections import PROTECTIONS
from withhold.logic.dated import Confidence, Dated, check_timeline
from withhold.logic.protection import Determination, Status
from withhold.package_data import DataFileError, problems_of, read_model, validated
from withhold.screening.screen import Screening

FORMAT = "comparison/1"

CONFIDENCES: tuple[Confidence, ...] = ("verified", "secondary", "unverified", "contested")
"""From surest to least sure; ``contested`` means courts or agencies disagree, or litigation is pending."""

PROTECTION_NAMES: tuple[str, ...] = tuple(protection.name for protection in PROTECTIONS)
"""The columns, strongest protection first (the engine's order)."""

STATUS_NAMES: tuple[str, ...] = tuple(status.value for status in Status)

REQUIRED_ROWS = (
    "standard_of_proof",
    "nexus",
    "deadline",
    "bars",
    "discretion",
    "green_card",
    "family",
    "travel",
    "work_authorization",
    "third_country_removal",
    "termination",
    "public_benefits",
)
"""Rows the comparison must have (issue 5); the data may add more."""

RowId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""A row id: lower-case letters, digits and underscores."""


def _folded(text: Localized) -> Localized:
    """The doubled spaces folded YAML can leave in prose, folded."""
    return Localized(en=" ".join(text.en.split()), es=" ".join(text.es.split()))


Text = Annotated[LocalizedText, AfterValidator(_folded)]


# --- the comparison ---------------------------------------------------------------------------------


class Cell(Dated):
    """What one protection does for one attribute, in one dated version (an entry of the one format for
    dated data: ``from``/``until``, ``reference``, ``confidence``, ``verified_on``)."""

    text: Text
    """Precise, for attorneys."""
    plain: Text
    """About a sixth-grade reading level, for the client."""
    confidence: Confidence
    """Stated by every cell: the weakest tag of what it says."""

    @property
    def in_force(self) -> tuple[dt.date | None, dt.date | None]:
        """(from, until) of this version, both inclusive (as :class:`~withhold.logic.period.Period`);
        ``None`` is open-ended."""
        return self.start, self.until

    def in_force_on(self, day: dt.date) -> bool:
        return self.period.contains(day)

    @model_validator(mode="after")
    def _states_its_date(self) -> Cell:
        """A version that begins on a date says so in its attorney text (rule 2: dated things carry
        dates), written out in each language."""
        if self.start is None:
            return self
        missing = [
            (language, date_in_words(self.start, language))
            for language in AUTHORED
            if date_in_words(self.start, language) not in self.text.get(language)
        ]
        if missing:
            raise ValidationError.from_exception_data(
                "cell",
                [
                    {
                        "type": PydanticCustomError(
                            "states_its_date",
                            "{problem}",
                            {
                                "problem": f"in force from {self.start.isoformat()}, so it must say {written!r}"
                            },
                        ),
                        "loc": ("text", language),
                        "input": self.text.get(language),
                    }
                    for language, written in missing
                ],
            )
        return self

    def to_json(self, language: Language) -> dict[str, Any]:
        start, end = self.in_force
        return {
            "text": self.text.get(language),
            "plain": self.plain.get(language),
            "authority": self.reference,
            "confidence": self.confidence,
            "in_force": {
                "from": start.isoformat() if start else None,
                "until": end.isoformat() if end else None,
            },
            "verified_on": self.verified_on.isoformat(),
        }


@dataclass(frozen=True)
class Row:
    id: str
    label: Localized
    cells: Mapping[str, Cell]
    """Keyed by protection name, all four, in column order."""

    def to_json(self, language: Language) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label.get(language),
            "cells": {name: cell.to_json(language) for name, cell in self.cells.items()},
        }


@dataclass(frozen=True)
class Column:
    protection: str
    title: Localized
    status: str
    """The engine's status for this person (a :class:`~withhold.logic.protection.Status` value)."""
    status_label: Localized
    reason: str
    """The engine's one-line reason (:attr:`Determination.summary`), in English only."""
    plain_reason: Localized
    """What the status means for the person, in plain words."""

    def to_json(self, language: Language) -> dict[str, Any]:
        return {
            "protection": self.protection,
            "title": self.title.get(language),
            "status": self.status,
            "status_label": self.status_label.get(language),
            "reason": self.reason,
            "plain_reason": self.plain_reason.get(language),
        }


@dataclass(frozen=True)
class Comparison:
    as_of: dt.date
    """The date the law is taken as of (the screening's ``law_as_of``): it selects each cell's version."""
    columns: tuple[Column, ...]
    """In order asylum, statutory_withholding, cat_withholding, cat_deferral."""
    rows: tuple[Row, ...]

    def column(self, protection: str) -> Column:
        for column in self.columns:
            if column.protection == protection:
                return column
        raise KeyError(protection)

    def row(self, row_id: str) -> Row:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)

    def to_json(self, language: Language = "en") -> dict[str, Any]:
        """The comparison in one language (``reason`` stays English: it is the engine's)."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
        return {
            "withhold": FORMAT,
            "as_of": self.as_of.isoformat(),
            "language": language,
            "columns": [column.to_json(language) for column in self.columns],
            "rows": [row.to_json(language) for row in self.rows],
        }


def compare(screening: Screening) -> Comparison:
    """The four protections side by side for the screened person, with the law as of the screening's
    date. Pure: the statuses and reasons are the screening's; the rows are package data."""
    data = table()
    day = screening.law_as_of
    return Comparison(
        as_of=day,
        columns=tuple(_column(data, screening[name]) for name in PROTECTION_NAMES),
        rows=tuple(row.on(day) for row in data.rows),
    )


def _column(data: Table, determination: Determination) -> Column:
    name = determination.protection.name
    status = determination.status.value
    texts = data.statuses[status]
    note = data.protections[name].plain_notes.get(determination.status)
    plain = texts.plain if note is None else joined([texts.plain, note])
    return Column(
        protection=name,
        title=data.protections[name].title,
        status=status,
        status_label=texts.label,
        reason=determination.summary,
        plain_reason=plain,
    )


# --- the package data, once read --------------------------------------------------------------------


def _keys(names: tuple[str, ...], *, only: bool) -> WrapValidator:
    """A mapping with the keys ``names`` (``only``: and no other, put in that order). Each missing or
    unknown key is a problem at its place, reported with every problem of the values."""

    def check(value: Any, handler: ValidatorFunctionWrapHandler) -> dict[str, Any]:
        keyed = value if isinstance(value, dict) else {}
        errors: list[Any] = [
            {"type": "missing", "loc": (name,), "input": value} for name in names if name not in keyed
        ]
        if only:
            errors += [
                {
                    "type": PydanticCustomError(
                        "unknown_key", "unknown; expected one of {names}", {"names": ", ".join(names)}
                    ),
                    "loc": (str(key),),
                    "input": keyed[key],
                }
                for key in keyed
                if key not in names
            ]
        try:
            found: dict[str, Any] = handler(value)
        except ValidationError as error:
            errors = [*_again(error), *errors]
        if errors:
            raise ValidationError.from_exception_data("mapping", errors)
        return {name: found[name] for name in names} if only else found

    return WrapValidator(check)


def _again(error: ValidationError) -> list[Any]:
    """The problems of ``error``, to be raised again with others."""
    return [
        {
            "type": PydanticCustomError(problem["type"], "{message}", {"message": problem["msg"]}),
            "loc": problem["loc"],
            "input": problem["input"],
        }
        for problem in error.errors()
    ]


def _one_or_more(value: Any) -> Any:
    """A cell written as one version (a mapping) is a timeline of one."""
    return [value] if isinstance(value, dict) else value


def _covering(versions: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """The versions of one cell cover every day once: the first holds since always (no ``from``), each
    later one begins the day after the one before it ends, the last holds for good (no ``until``). A
    version without ``until`` ends the day before the next begins, and is given that ``until``."""
    check_timeline(versions, covering=True, first_from=False, open_end=True, title="cell")
    return tuple(
        version
        if version.until is not None or following.start is None
        else version.model_copy(update={"until": following.start - dt.timedelta(days=1)})
        for version, following in pairwise(versions)
    ) + tuple(versions[-1:])


Versions = Annotated[
    tuple[Cell, ...], BeforeValidator(_one_or_more), Field(min_length=1), AfterValidator(_covering)
]
"""A cell: one version, or a list of dated versions oldest first."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatusTexts(_Model):
    label: Text
    plain: Text


class ProtectionTexts(_Model):
    title: Text
    plain_notes: Mapping[Status, Text] = {}
    """By status: a sentence added to the status's plain explanation for this protection only."""


class _Row(_Model):
    label: Text
    cells: Annotated[dict[str, Versions], _keys(PROTECTION_NAMES, only=True)]
    """Keyed by protection name, all four, in column order."""


class _File(_Model):
    protections: Annotated[dict[str, ProtectionTexts], _keys(PROTECTION_NAMES, only=True)]
    statuses: Annotated[dict[str, StatusTexts], _keys(STATUS_NAMES, only=True)]
    rows: Annotated[dict[RowId, _Row], _keys(REQUIRED_ROWS, only=False)]
    """One row per attribute, in display order."""


@dataclass(frozen=True)
class RowVersions:
    """A row with every dated version of every cell, as the package data has it."""

    id: str
    label: Localized
    cells: Mapping[str, tuple[Cell, ...]]
    """Keyed by protection name; each cell's versions oldest first, covering every day once."""

    def on(self, day: dt.date) -> Row:
        return Row(
            self.id, self.label, {name: version_on(versions, day) for name, versions in self.cells.items()}
        )


@dataclass(frozen=True)
class Table:
    protections: Mapping[str, ProtectionTexts]
    statuses: Mapping[str, StatusTexts]
    rows: tuple[RowVersions, ...]


def version_on(versions: Sequence[Cell], day: dt.date) -> Cell:
    """The version in force on ``day`` (loading checked that exactly one is)."""
    for version in versions:
        if version.in_force_on(day):
            return version
    raise LookupError(f"no version in force on {day.isoformat()}")


def _table(read: _File) -> Table:
    rows = tuple(RowVersions(row_id, row.label, dict(row.cells)) for row_id, row in read.rows.items())
    return Table(read.protections, read.statuses, rows)


@cache
def table() -> Table:
    """The comparison data (read and checked once)."""
    return _table(read_model(_File, __package__, "protections.yaml"))


def parse_text(text: str, file: str = "protections.yaml") -> Table:
    """Comparison data from YAML text (:class:`~withhold.package_data.DataFileError` lists every problem
    with its path and line: a missing translation, an unknown field or confidence, a missing cell or row,
    dated versions of one cell out of order, overlapping or leaving a gap, a dated version that does not
    state its date, a key given twice)."""
    return _table(validated(_File, text, file))


def parse(raw: Any, file: str = "protections.yaml") -> Table:
    """Comparison data already read from YAML (the problems have their paths, without lines)."""
    try:
        return _table(_File.model_validate(raw))
    except ValidationError as error:
        raise DataFileError(file, problems_of(error)) from None
