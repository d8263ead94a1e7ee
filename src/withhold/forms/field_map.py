"""A form edition's field map (``maps/*.yaml``), read and checked into typed records.

The map is data: which case/1 fact or value function answers each question, and which PDF field holds
the answer. Reading it checks everything that does not need the PDF (every reference resolves, every
format and function exists); :func:`withhold.forms.i589.check_map` checks it against the PDF.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from withhold.forms.errors import MapError
from withhold.forms.formats import FORMATS
from withhold.forms.values import ROWS, VALUES
from withhold.package_data import check_fields, parse_yaml

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

    def question(self, identifier: str) -> Question | None:
        return next((q for q in self.questions if q.id == identifier), None)

    def slots(self) -> Iterator[Slot]:
        """Every row slot: the tables' on the form, then Supplement A's."""
        for table in self.tables:
            yield from table.slots
        yield from self.supplement_a.slots

    def fields(self) -> Iterator[str]:
        """Every PDF field the map writes."""
        for question in self.questions:
            yield from question.fields
        for slot in self.slots():
            yield from slot_fields(slot)
        yield self.supplement_a.name
        yield self.supplement_a.a_number
        b = self.supplement_b
        yield from (b.name, b.a_number, b.part, b.question, b.text)

    def checkboxes(self) -> Iterator[str]:
        """Every PDF field the map checks (rather than writes text in)."""
        for question in self.questions:
            yield from (question.checkboxes or {}).values()
        for slot in self.slots():
            for target in slot.values():
                if not isinstance(target, str):
                    yield from target.values()


def slot_fields(slot: Slot) -> Iterator[str]:
    """The PDF fields of one row slot: a column's text field, or its answers' checkboxes."""
    for target in slot.values():
        if isinstance(target, str):
            yield target
        else:
            yield from target.values()


# --- reading ---------------------------------------------------------------------------------------
# Every problem of a map is collected and raised together (MapError), so its author sees all at once.

_SOURCE_KEYS = ("path", "value", "arg", "of", "format")
_ANSWER_KEYS = ("ask", *_SOURCE_KEYS, "if_any", "only_if", "section_if")
"""What questions and table columns share: what they ask, where the answer comes from, when asked."""
_QUESTION_KEYS = ("part", "line", "id", *_ANSWER_KEYS, "field", "checkboxes")
_COLUMN_KEYS = ("key", "line", *_ANSWER_KEYS)
_TABLE_REQUIRED = ("name", "part", "line", "ask", "rows", "item", "columns", "slots", "overflow")
_TABLE_KEYS = (*_TABLE_REQUIRED, "section_if")
_MAP_REQUIRED = ("form", "edition", "footer", "questions", "supplement_a", "supplement_b")
_MAP_KEYS = (*_MAP_REQUIRED, "tables", "not_filled")
_HEADER_KEYS = ("name", "a_number")


def _condition(raw: Any, where: str, problems: list[str]) -> Condition:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        problems.append(f"{where}: a condition is a mapping of reference to answer")
        return ()
    return tuple((str(k), str(v)) for k, v in raw.items())


def _source(raw: dict[str, Any], where: str, problems: list[str]) -> Source:
    path, value = raw.get("path"), raw.get("value")
    if (path is None) == (value is None):
        problems.append(f"{where}: give exactly one of path and value")
    if value is not None and value not in VALUES:
        problems.append(f"{where}: no value function {value!r}")
    form = raw.get("format")
    if form is not None and form not in FORMATS:
        problems.append(f"{where}: no format {form!r}")
    return Source(path=path, value=value, arg=raw.get("arg"), of=raw.get("of"), format=form)


def _question(raw: Any, problems: list[str]) -> Question | None:
    where = (
        f"question {raw.get('part')} {raw.get('line')} {raw.get('ask')!r}"
        if isinstance(raw, dict)
        else "question"
    )
    if not check_fields(
        where, raw, allowed=_QUESTION_KEYS, required=("part", "line", "ask"), problems=problems
    ):
        return None
    if ("field" in raw) == ("checkboxes" in raw):
        problems.append(f"{where}: give exactly one of field and checkboxes")
    return Question(
        part=str(raw.get("part")),
        line=str(raw.get("line")),
        ask=str(raw.get("ask")),
        source=_source(raw, where, problems),
        field=raw.get("field"),
        checkboxes=_checkboxes(raw.get("checkboxes"), where, problems),
        if_any=bool(raw.get("if_any", False)),
        only_if=_condition(raw.get("only_if"), where, problems),
        section_if=_condition(raw.get("section_if"), where, problems),
        id=raw.get("id"),
    )


def _checkboxes(raw: Any, where: str, problems: list[str]) -> dict[str, str] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(f"{where}: checkboxes is a mapping of answer to checkbox field")
        return None
    return {str(k): str(v) for k, v in raw.items()}


def _column(raw: Any, table: str, problems: list[str]) -> Column | None:
    where = f"table {table} column {raw.get('key') if isinstance(raw, dict) else '?'}"
    if not check_fields(where, raw, allowed=_COLUMN_KEYS, required=("key", "ask"), problems=problems):
        return None
    return Column(
        key=str(raw.get("key")),
        ask=str(raw.get("ask")),
        source=_source(raw, where, problems),
        line=str(raw["line"]) if "line" in raw else None,
        if_any=bool(raw.get("if_any", False)),
        only_if=_condition(raw.get("only_if"), where, problems),
        section_if=_condition(raw.get("section_if"), where, problems),
    )


def _slots(raw: Any, columns: tuple[Column, ...], where: str, problems: list[str]) -> tuple[Slot, ...]:
    if not isinstance(raw, list):
        problems.append(f"{where}: slots is a list of mappings of column to field")
        return ()
    keys = {c.key for c in columns}
    slots: list[Slot] = []
    for slot in raw:
        if not isinstance(slot, dict):
            problems.append(f"{where}: a slot is a mapping of column to field")
            continue
        checked: dict[str, str | Mapping[str, str]] = {}
        for key, target in slot.items():
            if key not in keys:
                problems.append(f"{where}: slot names no column {key!r}")
            if isinstance(target, dict):
                checked[str(key)] = {str(k): str(v) for k, v in target.items()}
            elif isinstance(target, str):
                checked[str(key)] = target
            else:
                problems.append(f"{where}: slot {key!r}: a field, or a mapping of answer to checkbox field")
        slots.append(checked)
    return tuple(slots)


def _table(raw: Any, problems: list[str]) -> Table | None:
    name = str(raw.get("name")) if isinstance(raw, dict) else "?"
    where = f"table {name}"
    if not check_fields(where, raw, allowed=_TABLE_KEYS, required=_TABLE_REQUIRED, problems=problems):
        return None
    overflow = raw.get("overflow")
    if overflow not in ("supplement_a", "supplement_b"):
        problems.append(f"{where}: overflow is supplement_a or supplement_b")
    columns = tuple(
        c for raw_column in raw.get("columns") or () if (c := _column(raw_column, name, problems))
    )
    return Table(
        name=name,
        part=str(raw.get("part")),
        line=str(raw.get("line")),
        ask=str(raw.get("ask")),
        rows=str(raw.get("rows")),
        item=str(raw.get("item")),
        columns=columns,
        slots=_slots(raw.get("slots"), columns, where, problems),
        overflow=overflow,
        section_if=_condition(raw.get("section_if"), where, problems),
    )


def _check_references(field_map: FieldMap, problems: list[str]) -> None:
    ids = [q.id for q in field_map.questions if q.id]
    if len(ids) != len(set(ids)):
        problems.append("question ids must be unique")
    known = set(ids) | set(VALUES)
    for question in field_map.questions:
        for ref, _ in (*question.only_if, *question.section_if):
            if ref not in known:
                problems.append(f"question {question.part} {question.line}: condition on unknown {ref!r}")
    for table in field_map.tables:
        for ref, _ in table.section_if:
            if ref not in known:
                problems.append(f"table {table.name}: condition on unknown {ref!r}")
        keys = {c.key for c in table.columns}
        for column in table.columns:
            for ref, _ in (*column.only_if, *column.section_if):
                if ref not in keys and ref not in known:
                    problems.append(f"table {table.name} column {column.key}: condition on unknown {ref!r}")
        if "." not in table.rows and table.rows not in ROWS:
            problems.append(f"table {table.name}: rows {table.rows!r} is neither a path nor a row source")


def _header(raw: Any, where: str, problems: list[str]) -> dict[str, str]:
    if not check_fields(
        f"{where}.header", raw, allowed=_HEADER_KEYS, required=_HEADER_KEYS, problems=problems
    ):
        return dict.fromkeys(_HEADER_KEYS, "")
    return {key: str(raw.get(key)) for key in _HEADER_KEYS}


def _supplement_a(raw: Any, tables: tuple[Table, ...], problems: list[str]) -> SupplementA:
    allowed = ("table", "header", "slots")
    if not check_fields("supplement_a", raw, allowed=allowed, required=allowed, problems=problems):
        raw = {}
    children = next((t for t in tables if t.name == raw.get("table")), None)
    if children is None or children.overflow != "supplement_a":
        problems.append("supplement_a names no table that overflows to it")
    header = _header(raw.get("header"), "supplement_a", problems)
    return SupplementA(
        table=str(raw.get("table")),
        name=header["name"],
        a_number=header["a_number"],
        slots=_slots(raw.get("slots"), children.columns if children else (), "supplement_a", problems),
    )


def _supplement_b(raw: Any, problems: list[str]) -> SupplementB:
    allowed = ("header", "part", "question", "text")
    if not check_fields("supplement_b", raw, allowed=allowed, required=allowed, problems=problems):
        raw = {}
    header = _header(raw.get("header"), "supplement_b", problems)
    return SupplementB(
        name=header["name"],
        a_number=header["a_number"],
        part=str(raw.get("part")),
        question=str(raw.get("question")),
        text=str(raw.get("text")),
    )


def _not_filled(raw: Any, problems: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in raw or ():
        if check_fields(
            "not_filled", entry, allowed=("field", "why"), required=("field", "why"), problems=problems
        ):
            found[str(entry.get("field"))] = str(entry.get("why"))
    return found


def read_map(text: str) -> FieldMap:
    """The map in ``text``; raises :class:`MapError` listing every problem it has."""
    try:
        raw = parse_yaml(text)
    except yaml.YAMLError as error:
        raise MapError(f"the map is not valid YAML: {error}") from None
    problems: list[str] = []
    if not check_fields("map", raw, allowed=_MAP_KEYS, required=_MAP_REQUIRED, problems=problems):
        raise MapError("\n".join(problems))
    questions = tuple(q for item in raw.get("questions") or () if (q := _question(item, problems)))
    tables = tuple(t for item in raw.get("tables") or () if (t := _table(item, problems)))
    field_map = FieldMap(
        form=str(raw.get("form")),
        edition=str(raw.get("edition")),
        footer=str(raw.get("footer")),
        questions=questions,
        tables=tables,
        supplement_a=_supplement_a(raw.get("supplement_a"), tables, problems),
        supplement_b=_supplement_b(raw.get("supplement_b"), problems),
        not_filled=_not_filled(raw.get("not_filled"), problems),
    )
    _check_references(field_map, problems)
    if problems:
        raise MapError("\n".join(problems))
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
