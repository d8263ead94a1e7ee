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
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, Literal

import yaml

from withhold.language import AUTHORED, LANGUAGES, Language, Localized, date_in_words, joined, read_localized
from withhold.law.protections import PROTECTIONS
from withhold.logic.period import Period
from withhold.logic.protection import Determination, Status
from withhold.package_data import check_fields, parse_yaml, read_yaml
from withhold.screening.screen import Screening

FORMAT = "comparison/1"

Confidence = Literal["verified", "secondary", "unverified", "contested"]
CONFIDENCES: tuple[Confidence, ...] = ("verified", "secondary", "unverified", "contested")
"""From surest to least sure; ``contested`` means courts or agencies disagree, or litigation is pending."""

PROTECTION_NAMES: tuple[str, ...] = tuple(protection.name for protection in PROTECTIONS)
"""The columns, strongest protection first (the engine's order)."""

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

_ROW_ID = re.compile(r"^[a-z][a-z0-9_]*$")


# --- the comparison ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """What one protection does for one attribute, in the version in force on a given day."""

    text: Localized
    """Precise, for attorneys."""
    plain: Localized
    """About a sixth-grade reading level, for the client."""
    authority: str
    """The citations the cell rests on, e.g. ``INA 209(b); 8 CFR 1209.2``."""
    confidence: Confidence
    in_force: tuple[dt.date | None, dt.date | None]
    """(from, until) of this version, both inclusive (as :class:`~withhold.logic.period.Period`);
    ``None`` is open-ended."""
    verified_on: dt.date
    """The day the cell's sources were last checked (the law watch lists old ones)."""

    def in_force_on(self, day: dt.date) -> bool:
        return Period(*self.in_force).contains(day)

    def to_json(self, language: Language) -> dict[str, Any]:
        start, end = self.in_force
        return {
            "text": self.text.get(language),
            "plain": self.plain.get(language),
            "authority": self.authority,
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
    note = data.protections[name].plain_notes.get(status)
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


@dataclass(frozen=True)
class StatusTexts:
    label: Localized
    plain: Localized


@dataclass(frozen=True)
class ProtectionTexts:
    title: Localized
    plain_notes: Mapping[str, Localized]
    """By status: a sentence added to the status's plain explanation for this protection only."""


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


def version_on(versions: tuple[Cell, ...], day: dt.date) -> Cell:
    """The version in force on ``day`` (loading checked that exactly one is)."""
    for version in versions:
        if version.in_force_on(day):
            return version
    raise LookupError(f"no version in force on {day.isoformat()}")


@cache
def table() -> Table:
    """The comparison data (read and checked once)."""
    return parse(read_yaml(__package__, "protections.yaml"))


def parse_text(text: str) -> Table:
    """Read comparison data from YAML text; a key given twice in one mapping is an error (PyYAML would
    otherwise keep the last silently)."""
    try:
        raw = parse_yaml(text)
    except yaml.YAMLError as error:
        raise ValueError(f"comparison data is not valid YAML: {error}") from error
    return parse(raw)


def parse(raw: Any) -> Table:
    """Check comparison data read from YAML and build it. Raises ``ValueError`` listing every problem as
    ``where: what is wrong`` (a missing translation, an unknown field or confidence, a missing cell or
    row, dated versions of one cell that overlap or leave a gap, a dated version that does not state its
    date)."""
    if not isinstance(raw, dict):
        raise ValueError("comparison data: expected a mapping with protections, statuses and rows")
    problems: list[str] = []
    check_fields(
        "comparison data",
        raw,
        allowed=("protections", "statuses", "rows"),
        required=("protections", "statuses", "rows"),
        problems=problems,
    )
    protections = _protections(raw.get("protections"), problems)
    statuses = _statuses(raw.get("statuses"), problems)
    rows = _rows(raw.get("rows"), problems)
    if problems:
        raise ValueError("comparison data is not valid:\n  " + "\n  ".join(problems))
    return Table(protections, statuses, rows)


def _protections(value: Any, problems: list[str]) -> dict[str, ProtectionTexts]:
    found: dict[str, ProtectionTexts] = {}
    keyed = _keyed("protections", value, PROTECTION_NAMES, problems)
    if keyed is None:
        return found
    for name in PROTECTION_NAMES:
        where = f"protections.{name}"
        body = keyed[name]
        if not check_fields(
            where, body, allowed=("title", "plain_notes"), required=("title",), problems=problems
        ):
            continue
        title = read_localized(f"{where}.title", body.get("title"), problems, fold_spaces=True)
        notes: dict[str, Localized] = {}
        raw_notes = body.get("plain_notes") or {}
        if not isinstance(raw_notes, dict):
            problems.append(f"{where}.plain_notes: expected a mapping of statuses to texts")
            raw_notes = {}
        for status, text in raw_notes.items():
            if status not in {s.value for s in Status}:
                problems.append(f"{where}.plain_notes.{status}: not a status")
                continue
            note = read_localized(f"{where}.plain_notes.{status}", text, problems, fold_spaces=True)
            if note is not None:
                notes[str(status)] = note
        if title is not None:
            found[name] = ProtectionTexts(title, notes)
    return found


def _statuses(value: Any, problems: list[str]) -> dict[str, StatusTexts]:
    found: dict[str, StatusTexts] = {}
    names = tuple(status.value for status in Status)
    keyed = _keyed("statuses", value, names, problems)
    if keyed is None:
        return found
    for name in names:
        where = f"statuses.{name}"
        body = keyed[name]
        if not check_fields(
            where, body, allowed=("label", "plain"), required=("label", "plain"), problems=problems
        ):
            continue
        label = read_localized(f"{where}.label", body.get("label"), problems, fold_spaces=True)
        plain = read_localized(f"{where}.plain", body.get("plain"), problems, fold_spaces=True)
        if label is not None and plain is not None:
            found[name] = StatusTexts(label, plain)
    return found


def _rows(value: Any, problems: list[str]) -> tuple[RowVersions, ...]:
    if not isinstance(value, dict):
        problems.append("rows: expected a mapping of row ids to rows")
        return ()
    for required in REQUIRED_ROWS:
        if required not in value:
            problems.append(f"rows.{required}: missing")
    rows: list[RowVersions] = []
    for row_id, body in value.items():
        where = f"rows.{row_id}"
        if not isinstance(row_id, str) or not _ROW_ID.match(row_id):
            problems.append(f"{where}: a row id is lower-case letters, digits and underscores")
            continue
        if not check_fields(
            where, body, allowed=("label", "cells"), required=("label", "cells"), problems=problems
        ):
            continue
        label = read_localized(f"{where}.label", body.get("label"), problems, fold_spaces=True)
        cells = _keyed(f"{where}.cells", body.get("cells"), PROTECTION_NAMES, problems)
        if cells is None:
            continue
        versions = {
            name: _versions(f"{where}.cells.{name}", cells[name], problems) for name in PROTECTION_NAMES
        }
        if label is not None and all(versions.values()):
            rows.append(RowVersions(row_id, label, versions))
    return tuple(rows)


_CELL_FIELDS = ("text", "plain", "authority", "confidence", "from", "until", "verified_on")
_CELL_REQUIRED = ("text", "plain", "authority", "confidence", "verified_on")


def _versions(where: str, body: Any, problems: list[str]) -> tuple[Cell, ...]:
    """A cell's versions, oldest first; empty when any is invalid (the problems say why)."""
    items = body if isinstance(body, list) else [body]
    if not items:
        problems.append(f"{where}: no version")
        return ()
    cells: list[Cell] = []
    for index, item in enumerate(items, start=1):
        cell = _cell(where if len(items) == 1 else f"{where}[{index}]", item, problems)
        if cell is not None:
            cells.append(cell)
    if len(cells) != len(items):
        return ()
    cells.sort(key=lambda cell: cell.in_force[0] or dt.date.min)
    return tuple(cells) if _covers_every_day(where, cells, problems) else ()


def _cell(where: str, body: Any, problems: list[str]) -> Cell | None:
    before = len(problems)
    if not check_fields(where, body, allowed=_CELL_FIELDS, required=_CELL_REQUIRED, problems=problems):
        return None
    text = read_localized(f"{where}.text", body.get("text"), problems, fold_spaces=True)
    plain = read_localized(f"{where}.plain", body.get("plain"), problems, fold_spaces=True)
    authority = body.get("authority")
    if not isinstance(authority, str) or not authority.strip():
        problems.append(f"{where}.authority: missing (every cell cites its authority)")
    confidence = _confidence(body.get("confidence"))
    if confidence is None:
        problems.append(
            f"{where}.confidence: {body.get('confidence')!r} is not one of {', '.join(CONFIDENCES)}"
        )
    start = _date(f"{where}.from", body.get("from"), problems)
    end = _date(f"{where}.until", body.get("until"), problems)
    verified = _date(f"{where}.verified_on", body.get("verified_on"), problems)
    if start and end and end < start:
        problems.append(f"{where}: until {end.isoformat()} is before from {start.isoformat()}")
    if start and text is not None:
        _states_its_date(where, text, start, problems)
    if len(problems) > before or text is None or plain is None or confidence is None or verified is None:
        return None
    return Cell(text, plain, " ".join(str(authority).split()), confidence, (start, end), verified)


def _confidence(value: Any) -> Confidence | None:
    for confidence in CONFIDENCES:
        if value == confidence:
            return confidence
    return None


def _covers_every_day(where: str, cells: list[Cell], problems: list[str]) -> bool:
    """Versions sorted by start must run from the beginning of time to its end, each starting the day
    after the previous one ends: no day with two versions, none with no version."""
    before = len(problems)
    first_start = cells[0].in_force[0]
    if first_start is not None:
        problems.append(f"{where}: gap: no version before {first_start.isoformat()}")
    for previous, following in pairwise(cells):
        end, start = previous.in_force[1], following.in_force[0]
        span = f"{_span(previous)} and {_span(following)}"
        if end is None or (start is not None and start <= end):
            problems.append(f"{where}: versions overlap: {span}")
        elif start is None or start > end + dt.timedelta(days=1):
            problems.append(f"{where}: gap between versions: {span}")
    last_end = cells[-1].in_force[1]
    if last_end is not None:
        problems.append(f"{where}: gap: no version after {last_end.isoformat()}")
    return len(problems) == before


def _span(cell: Cell) -> str:
    start, end = cell.in_force
    return str(Period(start, end))


def _states_its_date(where: str, text: Localized, start: dt.date, problems: list[str]) -> None:
    """A version that begins on a date says so (rule 2: dated things carry dates)."""
    written = {language: date_in_words(start, language) for language in AUTHORED}
    for language in AUTHORED:
        if written[language] not in text.get(language):
            problems.append(
                f"{where}.text.{language}: in force from {start.isoformat()}, so it must say "
                f"{written[language]!r}"
            )


# --- small checks -----------------------------------------------------------------------------------


def _keyed(where: str, value: Any, names: tuple[str, ...], problems: list[str]) -> dict[Any, Any] | None:
    """``value`` when it is a mapping with exactly the keys ``names``; otherwise None, with the problems."""
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a mapping keyed by {', '.join(names)}")
        return None
    missing = [name for name in names if name not in value]
    extra = [str(key) for key in value if key not in names]
    for name in missing:
        problems.append(f"{where}.{name}: missing")
    for name in extra:
        problems.append(f"{where}.{name}: unknown; expected one of {', '.join(names)}")
    return None if missing or extra else value


def _date(where: str, value: Any, problems: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
        return None
