"""A form edition's field map (``maps/*.yaml``), read and checked into typed records.

The map is data: which case/1 fact or value function answers each question, and which PDF field holds
the answer. The file is declared as a model (:class:`MapFile`); reading it checks everything that does
not need the PDF (every reference resolves, every format and function exists), each problem named by its
path in the file and its line; :func:`withhold.forms.i589.check_map` checks it against the PDF.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationInfo, field_validator, model_validator

from withhold.forms.errors import MapError
from withhold.forms.formats import FORMATS
from withhold.forms.values import ROWS, VALUES
from withhold.package_data import DataFileError, validated

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


# --- the file, declared ---------------------------------------------------------------------------
# Every problem of a map is collected and raised together (MapError), so its author sees all at once.

_CONFIG = ConfigDict(extra="forbid", frozen=True)


def _as_text(value: Any) -> Any:
    """A number YAML read where the form's text is meant (``line: 1``, an answer ``1``) is that text."""
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _pairs_as_text(value: Any) -> Any:
    # `yes:` unquoted in an answer mapping reads as true: the answer is the text as written.
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else value


Text = Annotated[str, BeforeValidator(_as_text)]
Pairs = Annotated[dict[str, str], BeforeValidator(_pairs_as_text)]
"""A condition (reference -> answer) or checkboxes (answer -> checkbox field)."""
SlotEntry = dict[Text, Text | Pairs]
"""A row slot: each column's text field, or its answers' checkboxes."""


def _known_references(info: ValidationInfo) -> set[str]:
    """The question ids the map declares (gathered by :meth:`MapFile.gather_ids`) and the value
    functions: what a condition may refer to."""
    return set((info.context or {}).get("ids", ())) | set(VALUES)


def _unknown(condition: Mapping[str, str] | None, known: set[str]) -> list[str]:
    return [ref for ref in condition or {} if ref not in known]


class Answer(BaseModel):
    """What questions and table columns share: what they ask, where the answer comes from, when asked."""

    model_config = _CONFIG

    ask: Text
    path: Text | None = None
    value: Text | None = None
    arg: Text | None = None
    of: Text | None = None
    format: Text | None = None
    if_any: bool = False
    only_if: Pairs | None = None
    section_if: Pairs | None = None

    @field_validator("value")
    @classmethod
    def _a_value_function(cls, value: str | None) -> str | None:
        if value is not None and value not in VALUES:
            raise ValueError(f"no value function {value!r}")
        return value

    @field_validator("format")
    @classmethod
    def _a_format(cls, form: str | None) -> str | None:
        if form is not None and form not in FORMATS:
            raise ValueError(f"no format {form!r}")
        return form

    @model_validator(mode="after")
    def _one_source(self) -> Answer:
        if (self.path is None) == (self.value is None):
            raise ValueError("give exactly one of path and value")
        return self

    def source(self) -> Source:
        return Source(path=self.path, value=self.value, arg=self.arg, of=self.of, format=self.format)


class QuestionEntry(Answer):
    part: Text
    line: Text
    id: Text | None = None
    field: Text | None = None
    checkboxes: Pairs | None = None

    @field_validator("only_if", "section_if")
    @classmethod
    def _conditions_resolve(
        cls, condition: dict[str, str] | None, info: ValidationInfo
    ) -> dict[str, str] | None:
        for ref in _unknown(condition, _known_references(info)):
            raise ValueError(f"condition on unknown {ref!r}")
        return condition

    @model_validator(mode="after")
    def _one_target(self) -> QuestionEntry:
        if (self.field is None) == (self.checkboxes is None):
            raise ValueError("give exactly one of field and checkboxes")
        return self

    def question(self) -> Question:
        return Question(
            part=self.part,
            line=self.line,
            ask=self.ask,
            source=self.source(),
            field=self.field,
            checkboxes=self.checkboxes,
            if_any=self.if_any,
            only_if=_condition(self.only_if),
            section_if=_condition(self.section_if),
            id=self.id,
        )


class ColumnEntry(Answer):
    key: Text
    line: Text | None = None

    def column(self) -> Column:
        return Column(
            key=self.key,
            ask=self.ask,
            source=self.source(),
            line=self.line,
            if_any=self.if_any,
            only_if=_condition(self.only_if),
            section_if=_condition(self.section_if),
        )


class TableEntry(BaseModel):
    model_config = _CONFIG

    name: Text
    part: Text
    line: Text
    ask: Text
    rows: Text
    item: Text
    columns: list[ColumnEntry]
    slots: list[SlotEntry]
    overflow: Literal["supplement_a", "supplement_b"]
    section_if: Pairs | None = None

    @field_validator("rows")
    @classmethod
    def _a_list_or_a_row_source(cls, rows: str) -> str:
        if "." not in rows and rows not in ROWS:
            raise ValueError(f"rows {rows!r} is neither a path nor a row source")
        return rows

    @field_validator("columns")
    @classmethod
    def _column_conditions_resolve(
        cls, columns: list[ColumnEntry], info: ValidationInfo
    ) -> list[ColumnEntry]:
        known = _known_references(info) | {c.key for c in columns}
        problems = [
            f"column {column.key}: condition on unknown {ref!r}"
            for column in columns
            for ref in _unknown({**(column.only_if or {}), **(column.section_if or {})}, known)
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return columns

    @field_validator("slots")
    @classmethod
    def _slots_name_columns(cls, slots: list[SlotEntry], info: ValidationInfo) -> list[SlotEntry]:
        columns = info.data.get("columns")
        if columns is not None:
            _check_slots(slots, {c.key for c in columns})
        return slots

    @field_validator("section_if")
    @classmethod
    def _condition_resolves(
        cls, condition: dict[str, str] | None, info: ValidationInfo
    ) -> dict[str, str] | None:
        for ref in _unknown(condition, _known_references(info)):
            raise ValueError(f"condition on unknown {ref!r}")
        return condition

    def table(self) -> Table:
        return Table(
            name=self.name,
            part=self.part,
            line=self.line,
            ask=self.ask,
            rows=self.rows,
            item=self.item,
            columns=tuple(c.column() for c in self.columns),
            slots=tuple(self.slots),
            overflow=self.overflow,
            section_if=_condition(self.section_if),
        )


def _check_slots(slots: list[SlotEntry], keys: set[str]) -> None:
    unknown = [key for slot in slots for key in slot if key not in keys]
    if unknown:
        raise ValueError("slot names no column " + ", ".join(repr(key) for key in dict.fromkeys(unknown)))


class Header(BaseModel):
    model_config = _CONFIG

    name: Text
    a_number: Text


class SupplementAEntry(BaseModel):
    model_config = _CONFIG

    table: Text
    header: Header
    slots: list[SlotEntry]


class SupplementBEntry(BaseModel):
    model_config = _CONFIG

    header: Header
    part: Text
    question: Text
    text: Text


class NotFilled(BaseModel):
    model_config = _CONFIG

    field: Text
    why: Text


class MapFile(BaseModel):
    """A form edition's field map (``maps/*.yaml``)."""

    model_config = _CONFIG

    form: Text
    edition: Text
    footer: Text
    questions: list[QuestionEntry]
    tables: list[TableEntry] = []
    supplement_a: SupplementAEntry
    supplement_b: SupplementBEntry
    not_filled: list[NotFilled] | None = None

    @model_validator(mode="before")
    @classmethod
    def gather_ids(cls, raw: Any, info: ValidationInfo) -> Any:
        """The question ids, known before any condition that refers to one is read."""
        if isinstance(raw, dict) and isinstance(raw.get("questions"), list) and info.context is not None:
            found = (q.get("id") for q in raw["questions"] if isinstance(q, dict))
            info.context["ids"] = [str(i) for i in found if i is not None]
        return raw

    @field_validator("questions")
    @classmethod
    def _ids_once(cls, questions: list[QuestionEntry]) -> list[QuestionEntry]:
        ids = [q.id for q in questions if q.id]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError("question ids must be unique: " + ", ".join(twice))
        return questions

    @field_validator("supplement_a")
    @classmethod
    def _overflow_of_a_table(cls, supplement: SupplementAEntry, info: ValidationInfo) -> SupplementAEntry:
        tables = info.data.get("tables")
        if tables is None:
            return supplement
        children = next((t for t in tables if t.name == supplement.table), None)
        if children is None or children.overflow != "supplement_a":
            raise ValueError("supplement_a names no table that overflows to it")
        _check_slots(supplement.slots, {c.key for c in children.columns})
        return supplement

    def field_map(self) -> FieldMap:
        a, b = self.supplement_a, self.supplement_b
        return FieldMap(
            form=self.form,
            edition=self.edition,
            footer=self.footer,
            questions=tuple(q.question() for q in self.questions),
            tables=tuple(t.table() for t in self.tables),
            supplement_a=SupplementA(a.table, a.header.name, a.header.a_number, tuple(a.slots)),
            supplement_b=SupplementB(b.header.name, b.header.a_number, b.part, b.question, b.text),
            not_filled={entry.field: entry.why for entry in self.not_filled or ()},
        )


def _condition(pairs: Mapping[str, str] | None) -> Condition:
    return tuple((pairs or {}).items())


def read_map(text: str) -> FieldMap:
    """The map in ``text``; raises :class:`MapError` listing every problem it has, each with its line."""
    try:
        return validated(MapFile, text, "field map").field_map()
    except DataFileError as error:
        raise MapError("\n".join(error.problems)) from None


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
