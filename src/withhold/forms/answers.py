"""From a case to the form's answers: what goes in which field, and which questions are still open.

Never turning an unknown into a no is the rule this module keeps: an unknown leaves its box empty and is
listed (8 CFR 1208.3(c)(3): an incomplete application can be returned, and a returned application does
not stop the one-year clock). ``N/A`` is written only where the case says a question does not apply: a
question asked only "if in the U.S." of someone who is not, or a path listed in
``application.not_applicable``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from withhold.forms.errors import MapError
from withhold.forms.field_map import Column, Condition, FieldMap, Question, Slot, Source, Table
from withhold.forms.formats import DoesNotFitError, render
from withhold.forms.values import ROWS, VALUES, Context, NotAsked, Resolved
from withhold.logic.evaluate import generic

NOT_APPLICABLE = "N/A"
State = Literal["ask", "maybe", "not_applicable", "skip"]


@dataclass(frozen=True)
class Unanswered:
    """A question of the form the case does not answer yet, and the case/1 facts that would."""

    part: str
    line: str
    ask: str
    facts: tuple[str, ...]
    if_any: bool = False
    """The form asks "if any": write the value, or N/A (``application.not_applicable``)."""
    reason: str | None = None
    """Why a known answer was not written (it does not fit the form's boxes)."""

    @property
    def number(self) -> int | None:
        """The line's number (``19`` of ``19.a``), or None for a line the form names instead (Spouse,
        Children, Help)."""
        number = self.line.partition(".")[0]
        return int(number) if number.isdigit() else None


@dataclass(frozen=True)
class Placed:
    """One answer in one field: text, or a checked box (``text`` None)."""

    field: str
    text: str | None
    part: str
    line: str
    ask: str
    copy: int = 0
    """For Supplement A: which page of it (0 is the form's own; more are copies)."""


@dataclass(frozen=True)
class Continuation:
    """Text for Supplement B, continuing a part and line of the form."""

    part: str
    line: str
    text: str


@dataclass
class Plan:
    placed: list[Placed] = field(default_factory=list)
    continuations: list[Continuation] = field(default_factory=list)
    unanswered: list[Unanswered] = field(default_factory=list)
    supplement_a_pages: int = 0


@dataclass(frozen=True)
class Row:
    table: Table
    index: int
    item: Any
    path: str


def read_path(root: Any, path: str) -> Any:
    """The value at a dotted path (``person.address.city``, ``entries[0].date``); None when any step is
    unknown."""
    current = root
    for step in path.replace("[", ".[").split("."):
        if current is None:
            return None
        if step.startswith("["):
            position = int(step[1:-1])
            current = current[position] if position < len(current) else None
        else:
            current = getattr(current, step) if isinstance(current, BaseModel) else None
    return current


def _covers(entry: str, path: str) -> bool:
    for candidate in (path, generic(path)):
        if candidate == entry or candidate.startswith((entry + ".", entry + "[")):
            return True
    return False


class Resolver:
    def __init__(self, field_map: FieldMap, ctx: Context) -> None:
        self.map = field_map
        self.ctx = ctx
        self.plan = Plan()
        self.not_applicable = tuple(ctx.case.application.not_applicable or ())
        self._memo: dict[tuple[str, int | None], Resolved] = {}

    # --- values ---------------------------------------------------------------------------------

    def _is_not_applicable(self, facts: Sequence[str]) -> bool:
        return bool(facts) and all(any(_covers(e, f) for e in self.not_applicable) for f in facts)

    def _facts(self, source: Source, row: Row | None) -> tuple[str, ...]:
        if source.path is not None:
            return (f"{row.path}.{source.path}" if row else source.path,)
        function = VALUES[source.value or ""]
        base = source.of or (row.path if row else None)
        return tuple(f"{base}.{fact}" if base else fact for fact in function.facts)

    def _raw(self, source: Source, row: Row | None) -> Resolved:
        """The answer, rendered as the form writes it; raises :class:`DoesNotFitError`."""
        if source.path is not None:
            raw = read_path(row.item if row else self.ctx.case, source.path)
            return None if raw is None else render(raw, source.format)
        function = VALUES[source.value or ""]
        of = read_path(self.ctx.case, source.of) if source.of else (row.item if row else None)
        return function.compute(self.ctx, of, source.arg)

    def _reference(self, ref: str, row: Row | None) -> Resolved:
        """The answer a condition refers to: a column of the same row, a question, a value function."""
        key = (ref, row.index if row and ref in {c.key for c in row.table.columns} else None)
        if key not in self._memo:
            source: Source
            if row is not None and ref in {c.key for c in row.table.columns}:
                source, at = row.table.column(ref).source, row
            elif (question := self.map.question(ref)) is not None:
                source, at = question.source, None
            else:
                source, at = Source(value=ref), None
            try:
                self._memo[key] = self._raw(source, at)
            except DoesNotFitError:
                self._memo[key] = None
        return self._memo[key]

    def _state(self, section_if: Condition, only_if: Condition, row: Row | None) -> State:
        unknown = False
        closes: tuple[tuple[Condition, State], ...] = ((section_if, "skip"), (only_if, "not_applicable"))
        for conditions, closed in closes:
            for ref, wanted in conditions:
                answer = self._reference(ref, row)
                if isinstance(answer, NotAsked) or answer is None:
                    unknown = True
                elif answer != wanted:
                    return closed
        return "maybe" if unknown else "ask"

    # --- placing ----------------------------------------------------------------------------------

    def _place(
        self,
        *,
        part: str,
        line: str,
        ask: str,
        source: Source,
        target: str | Mapping[str, str] | None,
        if_any: bool,
        state: State,
        row: Row | None,
        copy: int = 0,
    ) -> str | None:
        """Place one answer in its field (a text field, or one of a question's boxes) and return it; with
        no ``target``, only return it (a row written out on Supplement B). None: nothing to write."""
        if state == "skip":
            return None
        is_text = not isinstance(target, Mapping)

        def write(text: str | None, field: str | None = target if isinstance(target, str) else None) -> None:
            if field is not None:
                self.plan.placed.append(Placed(field, text, part, line, ask, copy))

        if state == "not_applicable":
            if is_text:
                write(NOT_APPLICABLE)
            return NOT_APPLICABLE
        facts = self._facts(source, row)
        try:
            answer = self._raw(source, row)
        except DoesNotFitError as problem:
            self.plan.unanswered.append(
                Unanswered(part, line, ask, facts, if_any, f"write it by hand: {problem}")
            )
            return None
        if isinstance(answer, NotAsked):
            return None
        if answer is None:
            if is_text and self._is_not_applicable(facts):
                write(NOT_APPLICABLE)
                return NOT_APPLICABLE
            if state == "ask":
                self.plan.unanswered.append(Unanswered(part, line, ask, facts, if_any))
            return None
        if not isinstance(target, Mapping):
            write(answer)
        elif (box := target.get(answer)) is not None:
            write(None, box)
        elif answer != "no":  # one box for yes: a no checks nothing
            raise MapError(f"{part} {line} {ask!r}: the answer {answer!r} has no box")
        return answer

    def question(self, question: Question) -> None:
        target: str | Mapping[str, str] = question.field or question.checkboxes or {}
        self._place(
            part=question.part,
            line=question.line,
            ask=question.ask,
            source=question.source,
            target=target,
            if_any=question.if_any,
            state=self._state(question.section_if, question.only_if, None),
            row=None,
        )

    def _column_label(self, table: Table, column: Column, number: int, where: str = "") -> str:
        line = f", line {column.line}" if column.line else ""
        return f"{table.item} {number}{where}{line}: {column.ask}"

    def table(self, table: Table) -> None:
        state = self._state(table.section_if, (), None)
        if state == "skip":
            return
        if table.rows in ROWS:
            source = ROWS[table.rows]
            rows, complete = source.rows(self.ctx)
            path = source.path
        else:
            found = read_path(self.ctx.case, table.rows)
            rows, complete, path = found, True, table.rows
        if rows is None or not complete:
            if state == "ask":
                self.plan.unanswered.append(Unanswered(table.part, table.line, table.ask, (path,)))
            if rows is None:
                return
        per_page = len(self.map.supplement_a.slots)
        for index, item in enumerate(rows):
            row = Row(table, index, item, f"{path}[{index}]")
            if index < len(table.slots):
                self._row(table, row, table.slots[index])
            elif table.overflow == "supplement_a":
                extra = index - len(table.slots)
                self.plan.supplement_a_pages = max(self.plan.supplement_a_pages, extra // per_page + 1)
                self._row(table, row, self.map.supplement_a.slots[extra % per_page], copy=extra // per_page)
            else:
                self._continued_row(table, row)

    def _row(self, table: Table, row: Row, slot: Slot, copy: int = 0) -> None:
        where = (
            " (Supplement A)" if table.overflow == "supplement_a" and row.index >= len(table.slots) else ""
        )
        for column in table.columns:
            target = slot.get(column.key)
            if target is None:
                continue  # the form has no box for this column in this row
            self._place(
                part=table.part,
                line=table.line,
                ask=self._column_label(table, column, row.index + 1, where),
                source=column.source,
                target=target,
                if_any=column.if_any,
                state=self._state(column.section_if, column.only_if, row),
                row=row,
                copy=copy,
            )

    def _continued_row(self, table: Table, row: Row) -> None:
        """A row the form has no room for, written out on Supplement B."""
        cells = []
        for column in table.columns:
            state = self._state(column.section_if, column.only_if, row)
            answer = self._place(
                part=table.part,
                line=table.line,
                ask=self._column_label(table, column, row.index + 1, " (Supplement B)"),
                source=column.source,
                target=None,
                if_any=column.if_any,
                state=state,
                row=row,
            )
            if answer is not None:
                cells.append(f"{column.ask}: {answer}")
            elif state != "skip":
                cells.append(f"{column.ask}: ________")
        text = f"{table.item} {row.index + 1}: " + "; ".join(cells)
        self.plan.continuations.append(Continuation(table.part, table.line, text))


def resolve(field_map: FieldMap, ctx: Context) -> Plan:
    resolver = Resolver(field_map, ctx)
    for question in field_map.questions:
        resolver.question(question)
    for table in field_map.tables:
        resolver.table(table)
    resolver.plan.unanswered.sort(key=_form_order(resolver.plan.unanswered))
    return resolver.plan


PARTS = ("A.I", "A.II", "A.III", "B", "C", "D", "E")


def _form_order(items: Sequence[Unanswered]) -> Callable[[Unanswered], tuple[int, int, int, str, int]]:
    """In the form's order: by part, then numbered lines by number (19.a before 19.c before 20), then
    the other lines (Spouse, Children) as the map lists them."""
    first_seen: dict[tuple[str, str], int] = {}
    for index, item in enumerate(items):
        first_seen.setdefault((item.part, item.line), index)

    def key(item: Unanswered) -> tuple[int, int, int, str, int]:
        part = PARTS.index(item.part) if item.part in PARTS else len(PARTS)
        if item.number is not None:
            return part, 0, item.number, item.line.partition(".")[2], first_seen[(item.part, item.line)]
        return part, 1, 0, "", first_seen[(item.part, item.line)]

    return key
