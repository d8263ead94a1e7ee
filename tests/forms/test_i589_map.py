"""The field map of each edition against its PDF and its field inventory, and against case/1."""

from __future__ import annotations

from typing import Any

import pytest

from withhold.facts.paths import catalogue
from withhold.forms.answers import PARTS
from withhold.forms.errors import MapError
from withhold.forms.field_map import FieldMap, maps, read_map
from withhold.forms.i589 import check_map
from withhold.forms.pdf_form import PdfForm
from withhold.forms.values import ROWS, VALUES
from withhold.logic.evaluate import generic


@pytest.fixture(scope="module")
def field_map() -> FieldMap:
    return maps()["03/01/23"]


def test_every_mapped_field_is_in_the_editions_inventory(
    field_map: FieldMap, inventory: list[dict[str, Any]]
) -> None:
    names = {field["name"] for field in inventory}
    assert sorted(set(field_map.fields()) - names) == []


def test_every_mapped_field_is_in_the_pdf_with_its_kind_and_one_on_state(
    field_map: FieldMap, blank_form: bytes
) -> None:
    assert check_map(field_map, PdfForm(blank_form)) == []


def test_every_field_of_the_form_is_filled_or_left_out_with_a_reason(
    field_map: FieldMap, inventory: list[dict[str, Any]]
) -> None:
    mapped, left = set(field_map.fields()), set(field_map.not_filled)
    assert mapped & left == set()
    assert {field["name"] for field in inventory} == mapped | left
    assert set(field_map.not_filled.values()) <= {
        "official use",
        "signed by hand",
        "dated when signed",
        "Part F: completed at the asylum interview",
        "Part G: completed at the removal hearing",
    }


def test_the_on_states_read_from_the_pdf_are_the_inventorys(
    blank_form: bytes, inventory: list[dict[str, Any]]
) -> None:
    widgets = PdfForm(blank_form).widgets
    for field in inventory:
        if field["type"] == "button":
            on = [state for state in field["states"] if state != "/Off"]
            assert [widgets[field["name"]].on_state] == on, field["name"]


def _paths(field_map: FieldMap) -> list[str]:
    """Every case/1 path the map reads, written generically (family.children[].sex)."""
    paths = []
    for question in field_map.questions:
        source = question.source
        if source.path:
            paths.append(source.path)
        elif source.of:
            paths += [f"{source.of}.{fact}" for fact in VALUES[source.value or ""].facts]
        else:
            paths += list(VALUES[source.value or ""].facts)
    for table in field_map.tables:
        rows = ROWS[table.rows].path if table.rows in ROWS else table.rows
        paths.append(rows)
        for column in table.columns:
            if column.source.path:
                paths.append(f"{rows}[].{column.source.path}")
            else:
                paths += [f"{rows}[].{fact}" for fact in VALUES[column.source.value or ""].facts]
    return [generic(path) for path in paths]


def test_every_case_path_the_map_reads_is_a_case_1_fact(field_map: FieldMap) -> None:
    facts = catalogue()
    unknown = [
        path
        for path in _paths(field_map)
        if path not in facts and not any(f.startswith(path + ".") for f in facts)
    ]
    assert unknown == []


def test_questions_name_a_part_of_the_form(field_map: FieldMap) -> None:
    assert {q.part for q in field_map.questions} | {t.part for t in field_map.tables} <= set(PARTS)


def test_the_map_reader_refuses_what_it_cannot_follow() -> None:
    base = """
form: I-589
edition: "99/99/99"
footer: x
questions:
  - {part: A.I, line: "1", ask: x, path: person.a_number, field: f, only_if: {nowhere: "yes"}}
tables:
  - {name: kids, part: A.II, line: x, ask: x, rows: family.children, item: Child, overflow: supplement_a,
     columns: [{key: first, ask: x, path: given_name}], slots: [{first: g}]}
supplement_a: {table: kids, header: {name: n, a_number: a}, slots: [{first: h}]}
supplement_b: {header: {name: n, a_number: a}, part: p, question: q, text: t}
"""
    with pytest.raises(MapError, match="condition on unknown 'nowhere'"):
        read_map(base)
    with pytest.raises(MapError, match="no value function"):
        read_map(
            base.replace("path: person.a_number", "value: guess").replace(', only_if: {nowhere: "yes"}', "")
        )
    with pytest.raises(MapError, match="slot names no column"):
        read_map(
            base.replace("slots: [{first: g}]", "slots: [{last: g}]").replace(
                ', only_if: {nowhere: "yes"}', ""
            )
        )
    with pytest.raises(
        MapError, match=r"questions\.0\.checkboxes: Input should be a valid dictionary \(line 6\)"
    ):
        read_map(base.replace("field: f", "checkboxes: f"))
    with pytest.raises(
        MapError, match=r"tables\.0\.rows: rows 'kids' is neither a path nor a row source \(line 8\)"
    ):
        read_map(
            base.replace("rows: family.children", "rows: kids").replace(', only_if: {nowhere: "yes"}', "")
        )


def test_the_map_reader_lists_every_problem_at_once() -> None:
    text = """
form: I-589
edition: "99/99/99"
footer: x
questions:
  - {part: A.I, line: "1", ask: x, path: person.a_number, field: f, colour: red}
  - {part: A.I, ask: y, value: guess, field: g}
supplement_a: {table: kids, header: {name: n, a_number: a}, slots: []}
supplement_b: {header: {name: n}, part: p, question: q, text: t}
"""
    with pytest.raises(MapError) as raised:
        read_map(text)
    assert str(raised.value).splitlines() == [
        "questions.0.colour: unknown field (line 6)",
        "questions.1.value: no value function 'guess' (line 7)",
        "questions.1.line: missing (line 7)",
        "supplement_a: supplement_a names no table that overflows to it (line 8)",
        "supplement_b.header.a_number: missing (line 9)",
    ]


def test_the_map_reader_refuses_a_key_given_twice() -> None:
    with pytest.raises(MapError, match="duplicate key 'edition'"):
        read_map('form: I-589\nedition: "03/01/23"\nedition: "01/20/25"\n')
