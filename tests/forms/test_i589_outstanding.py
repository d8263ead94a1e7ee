"""The questions Form I-589 will leave unanswered, known before any PDF is at hand (from the edition's field
map), and the check a blank form passes before it is kept to fill later. Invented people throughout."""

from __future__ import annotations

import pytest
from i589_forms import AS_OF, EXAMPLE, EXAMPLES, fill, with_edition
from test_i589_fill import SPARSE
from test_i589_supplements import case_with, declaration

from withhold.facts.loading import parse_case
from withhold.forms import (
    FormError,
    UnknownEditionError,
    check_i589,
    known_editions,
    latest_edition,
    outstanding_i589,
)

CASES = {
    "sparse": SPARSE,
    "complete": EXAMPLE.read_text(encoding="utf-8"),
    "clean asylum": (EXAMPLES / "clean-asylum.yaml").read_text(encoding="utf-8"),
    "six children": case_with(6, declaration()),
    "seven residences": case_with(0, residences=7),
}


@pytest.mark.parametrize("name", CASES)
def test_the_list_before_filling_is_the_list_the_filled_form_gives(name: str, blank_form: bytes) -> None:
    text = CASES[name]
    before = outstanding_i589(parse_case(text), AS_OF)
    after = fill(text, blank_form)
    assert before.edition == after.edition == "03/01/23"
    assert before.unanswered == after.unanswered
    assert before.notes == after.notes


def test_unknown_answers_are_listed_by_part_and_line_without_a_pdf() -> None:
    found = outstanding_i589(parse_case(SPARSE), AS_OF)
    lines = [(item.part, item.line) for item in found.unanswered]
    assert {("C", "1"), ("C", "2.A"), ("C", "2.B"), ("C", "3"), ("C", "4"), ("C", "6")} <= set(lines)
    # In the form's order: Part A.I before Part C, and line 8 before line 19.a before line 20.
    parts = [part for part, _ in lines]
    assert parts.index("A.I") < parts.index("C")
    a_i = [line for part, line in lines if part == "A.I"]
    assert a_i.index("8") < a_i.index("19.a") < a_i.index("20")
    listed = {item.line: item.facts for item in found.unanswered if item.part == "C"}
    assert listed["6"] == ("application.us_crimes.answer",)


def test_the_complete_example_leaves_nothing_unanswered_and_says_when_c5_holds() -> None:
    found = outstanding_i589(parse_case(EXAMPLE.read_text(encoding="utf-8")), AS_OF)
    assert found.unanswered == ()
    assert any("Part C.5 is answered no" in note for note in found.notes)


def test_the_edition_is_the_newest_with_a_map_unless_one_is_named() -> None:
    case = parse_case(SPARSE)
    assert latest_edition() == known_editions()[-1] == "03/01/23"
    assert outstanding_i589(case, AS_OF).edition == "03/01/23"
    assert outstanding_i589(case, AS_OF, "03/01/23").edition == "03/01/23"
    with pytest.raises(UnknownEditionError) as raised:
        outstanding_i589(case, AS_OF, "01/20/25")
    assert raised.value.known == ("03/01/23",)


def test_a_blank_form_is_checked_before_it_is_kept(blank_form: bytes) -> None:
    assert check_i589(blank_form) == "03/01/23"
    with pytest.raises(UnknownEditionError):
        check_i589(with_edition(blank_form, "01/20/25"))
    renamed = with_edition(blank_form, "03/01/23", rename=("PartALine9Gender[0]", "PartALine9Sex[0]"))
    with pytest.raises(FormError, match="does not have the fields"):
        check_i589(renamed)
    with pytest.raises(FormError, match="not a readable PDF"):
        check_i589(b"%PDF-1.7 this is not a PDF")


def test_a_line_is_numbered_or_named() -> None:
    from withhold.forms.answers import Unanswered

    def line(text: str) -> int | None:
        return Unanswered("A.I", text, "a question", ()).number

    assert (line("19.a"), line("20"), line("Spouse"), line("Children")) == (19, 20, None, None)
