"""A form edition's field map (``maps/*.yaml``), read and checked into typed records.

The map is data: which case/1 fact or value function answers each question, and which PDF field holds
the answer. Reading it checks everything that does not need the PDF (every reference resolves, every
format and function exists); :func:`withhold.forms.pdf_form.PdfForm.check` checks it against the PDF.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from withhold.forms.errors import MapError
from withhold.forms.formats import FORMATS
from withhold.forms.values import ROWS, VALUES

Condition = tuple[tuple[str, str], ...]
"""(reference, answer) pairs: a question id, a column of the same row, or a value function."""
Slot = Mapping[str, "str | Mapping[str, str]"]


@dataclass(frozen=True)
class Source:
    path: str | None = None
    value: str | None = None
    arg: str | None = None
    of: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class Question:
    part: str
    line: str
    ask: str
    source: Source
    field: str | None = None
    checkboxes: Mapping[str, str] | None = None
    if_any: bool = False
    only_if: Condition = ()
    section_if: Condition = ()
    id: str | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field,) if self.field else tuple((self.checkboxes or {}).values())


@dataclass(frozen=True)
class Column:
    key: str
    ask: str
    source: Source
    line: str | None = None
    if_any: bool = False
    only_if: Condition = ()
    section_if: Condition = ()


@dataclass(frozen=True)
class Table:
    name: str
    part: str
    line: str
    ask: str
    rows: str
    """A list's path in case/1, or the name of a row source (values.ROWS)."""
    item: str
    columns: tuple[Column, ...]
    slots: tuple[Slot, ...]
    overflow: Literal["supplement_a", "supplement_b"]
    section_if: Condition = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class SupplementA:
    table: str
    name: str
    a_number: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class SupplementB:
    name: str
    a_number: str
    part: str
    question: str
    text: str


@dataclass(frozen=True)
class FieldMap:
    form: str
    edition: str
    footer: str
    questions: tuple[Question, ...]
    tables: tuple[Table, ...]
    supplement_a: SupplementA
    supplement_b: SupplementB
    not_filled: Mapping[str, str]

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def question(self, identifier: str) -> Question | None:
        return next((q for q in self.questions if q.id == identifier), None)

    def fields(self) -> Iterator[str]:
        """Every PDF field the map writes."""
        for question in self.questions:
            yield from question.fields
        for table in self.tables:
            for slot in table.slots:
                yield from _slot_fields(slot)
        for slot in self.supplement_a.slots:
            yield from _slot_fields(slot)
        yield self.supplement_a.name
        yield self.supplement_a.a_number
        b = self.supplement_b
        yield from (b.name, b.a_number, b.part, b.question, b.text)


def _slot_fields(slot: Slot) -> Iterator[str]:
    for target in slot.values():
        if isinstance(target, str):
            yield target
        else:
            yield from target.values()


# --- reading ---------------------------------------------------------------------------------------


def _condition(raw: Any, where: str) -> Condition:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise MapError(f"{where}: a condition is a mapping of reference to answer")
    return tuple((str(k), str(v)) for k, v in raw.items())


def _source(raw: dict[str, Any], where: str) -> Source:
    path, value = raw.get("path"), raw.get("value")
    if (path is None) == (value is None):
        raise MapError(f"{where}: give exactly one of path and value")
    if value is not None and value not in VALUES:
        raise MapError(f"{where}: no value function {value!r}")
    form = raw.get("format")
    if form is not None and form not in FORMATS:
        raise MapError(f"{where}: no format {form!r}")
    return Source(path=path, value=value, arg=raw.get("arg"), of=raw.get("of"), format=form)


_QUESTION_KEYS = {"part", "line", "ask", "id", "path", "value", "arg", "of", "format", "field", "checkboxes",
                  "if_any", "only_if", "section_if"}  # fmt: skip
_COLUMN_KEYS = {
    "key",
    "line",
    "ask",
    "path",
    "value",
    "arg",
    "of",
    "format",
    "if_any",
    "only_if",
    "section_if",
}


def _question(raw: dict[str, Any]) -> Question:
    where = f"question {raw.get('part')} {raw.get('line')} {raw.get('ask')!r}"
    if unknown := set(raw) - _QUESTION_KEYS:
        raise MapError(f"{where}: unknown keys {sorted(unknown)}")
    if ("field" in raw) == ("checkboxes" in raw):
        raise MapError(f"{where}: give exactly one of field and checkboxes")
    return Question(
        part=str(raw["part"]),
        line=str(raw["line"]),
        ask=str(raw["ask"]),
        source=_source(raw, where),
        field=raw.get("field"),
        checkboxes={str(k): str(v) for k, v in raw["checkboxes"].items()} if "checkboxes" in raw else None,
        if_any=bool(raw.get("if_any", False)),
        only_if=_condition(raw.get("only_if"), where),
        section_if=_condition(raw.get("section_if"), where),
        id=raw.get("id"),
    )


def _column(raw: dict[str, Any], table: str) -> Column:
    where = f"table {table} column {raw.get('key')}"
    if unknown := set(raw) - _COLUMN_KEYS:
        raise MapError(f"{where}: unknown keys {sorted(unknown)}")
    return Column(
        key=str(raw["key"]),
        ask=str(raw["ask"]),
        source=_source(raw, where),
        line=str(raw["line"]) if "line" in raw else None,
        if_any=bool(raw.get("if_any", False)),
        only_if=_condition(raw.get("only_if"), where),
        section_if=_condition(raw.get("section_if"), where),
    )


def _slots(raw: list[dict[str, Any]], table: Table | None, where: str) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    for slot in raw:
        checked: dict[str, str | Mapping[str, str]] = {}
        for key, target in slot.items():
            if table is not None and key not in {c.key for c in table.columns}:
                raise MapError(f"{where}: slot names no column {key!r}")
            checked[str(key)] = (
                str(target) if isinstance(target, str) else {str(k): str(v) for k, v in target.items()}
            )
        slots.append(checked)
    return tuple(slots)


def _table(raw: dict[str, Any]) -> Table:
    name = str(raw["name"])
    columns = tuple(_column(c, name) for c in raw["columns"])
    overflow = raw.get("overflow")
    if overflow not in ("supplement_a", "supplement_b"):
        raise MapError(f"table {name}: overflow is supplement_a or supplement_b")
    rows = str(raw["rows"])
    table = Table(
        name=name,
        part=str(raw["part"]),
        line=str(raw["line"]),
        ask=str(raw["ask"]),
        rows=rows,
        item=str(raw["item"]),
        columns=columns,
        slots=(),
        overflow=overflow,
        section_if=_condition(raw.get("section_if"), f"table {name}"),
    )
    return replace(table, slots=_slots(raw["slots"], table, f"table {name}"))


def _check_references(field_map: FieldMap) -> None:
    ids = {q.id for q in field_map.questions if q.id}
    for question in field_map.questions:
        for ref, _ in (*question.only_if, *question.section_if):
            if ref not in ids and ref not in VALUES:
                raise MapError(f"question {question.part} {question.line}: condition on unknown {ref!r}")
    for table in field_map.tables:
        keys = {c.key for c in table.columns}
        for ref, _ in table.section_if:
            if ref not in ids and ref not in VALUES:
                raise MapError(f"table {table.name}: condition on unknown {ref!r}")
        for column in table.columns:
            for ref, _ in (*column.only_if, *column.section_if):
                if ref not in keys and ref not in ids and ref not in VALUES:
                    raise MapError(f"table {table.name} column {column.key}: condition on unknown {ref!r}")
        if "." not in table.rows and table.rows not in ROWS:
            raise MapError(f"table {table.name}: rows {table.rows!r} is neither a path nor a row source")


def read_map(text: str) -> FieldMap:
    raw = yaml.safe_load(text)
    tables = tuple(_table(t) for t in raw.get("tables", []))
    a, b = raw["supplement_a"], raw["supplement_b"]
    children = next((t for t in tables if t.name == a["table"]), None)
    if children is None or children.overflow != "supplement_a":
        raise MapError("supplement_a names no table that overflows to it")
    field_map = FieldMap(
        form=str(raw["form"]),
        edition=str(raw["edition"]),
        footer=str(raw["footer"]),
        questions=tuple(_question(q) for q in raw["questions"]),
        tables=tables,
        supplement_a=SupplementA(
            table=children.name,
            name=a["header"]["name"],
            a_number=a["header"]["a_number"],
            slots=_slots(a["slots"], children, "supplement_a"),
        ),
        supplement_b=SupplementB(
            name=b["header"]["name"],
            a_number=b["header"]["a_number"],
            part=b["part"],
            question=b["question"],
            text=b["text"],
        ),
        not_filled={str(entry["field"]): str(entry["why"]) for entry in raw.get("not_filled", [])},
    )
    ids = [q.id for q in field_map.questions if q.id]
    if len(ids) != len(set(ids)):
        raise MapError("question ids must be unique")
    _check_references(field_map)
    return field_map


MAPS = resources.files("withhold.forms") / "maps"


@cache
def maps() -> dict[str, FieldMap]:
    """Every edition's map, by the edition date the form prints (``03/01/23``)."""
    found: dict[str, FieldMap] = {}
    for entry in sorted(MAPS.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            field_map = read_map(entry.read_text(encoding="utf-8"))
            found[field_map.edition] = field_map
    return found
