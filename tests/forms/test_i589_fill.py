"""Filling Form I-589 from a case, read back from the PDF: the answers, the real checkbox states, the
unknowns left empty and listed, the CAT boxes as the screening says. Invented people throughout."""

from __future__ import annotations

import io

import pytest
from i589_forms import EXAMPLES, fill, values
from pypdf import PdfReader

from withhold.forms import FilledForm
from withhold.forms.i589 import CONTINUED

P0 = "form1[0].#subform[0]."
P1 = "form1[0].#subform[1]."
PB = "form1[0].#subform[5].#subform[6]."
PC = "form1[0].#subform[8]."
PC2 = "form1[0].#subform[9]."

SPARSE = """\
withhold: case/1
person: {family_name: Inventada, given_name: Rosa, a_number: "A12345678", marital_status: married}
proceedings: {kind: removal}
entry: {last_arrival_date: 2026-01-15}
asylum: {filed_on: null}
claim: {country: HN, grounds: [political_opinion]}
conduct: {persecuted_others: false}
convictions: []
"""


def checked(pdf: bytes) -> dict[str, str]:
    """Each checkbox widget's appearance state (/AS): what a viewer shows."""
    states = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for reference in page.get("/Annots", []) or []:
            widget = reference.get_object()
            if "/AS" in widget:
                states[_name(widget)] = str(widget["/AS"])
    return states


def _name(widget: dict) -> str:  # type: ignore[type-arg]
    parts = []
    node = widget
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node["/Parent"].get_object() if "/Parent" in node else None
    return ".".join(reversed(parts))


@pytest.fixture(scope="module")
def sparse(blank_form: bytes) -> FilledForm:
    return fill(SPARSE, blank_form)


def unanswered_lines(result: FilledForm) -> set[tuple[str, str]]:
    return {(u.part, u.line) for u in result.unanswered}


# --- the example case: every answer written, read back -----------------------------------------------


def test_every_written_answer_reads_back_from_the_pdf(example: FilledForm) -> None:
    found = values(example.pdf)
    assert example.written, "the example fills the form"
    assert {name: found.get(name) for name in example.written} == dict(example.written)


def test_the_example_answers_the_form_in_the_forms_formats(example: FilledForm) -> None:
    found = values(example.pdf)
    assert found[P0 + "PtAILine1_ANumber[0]"] == "012345678"  # nine digits, no A
    assert found[P0 + "PtAILine4_LastName[0]"] == "Ficticia Ejemplo"
    assert found[P0 + "DateTimeField1[0]"] == "04/12/1990"  # mm/dd/yyyy
    assert found[P0 + "TextField1[4]"] == "Quetzaltenango, Guatemala"
    assert found[P0 + "TextField1[3]"] == "Guatemala"  # the country's name, not GT
    assert found[P0 + "PtAILine8_AreaCode[0]"] == "213"
    assert found[P0 + "PtAILine8_TelephoneNumber[0]"] == "555-0142"
    assert found[P0 + "TextField1[0]"] == "N/A"  # person.ssn is listed as not applicable
    assert found[P0 + "DateTimeField2[0]"] == "01/15/2026"  # most recent entry
    assert found[P0 + "TextField4[2]"] == "Houston, TX"  # the earlier entry, second row
    assert found[P1 + "TotalChild[0]"] == "2"
    assert found["form1[0].#subform[4].DateTimeField24[0]"] == "01/2026"  # residences: mm/yyyy
    assert found["form1[0].#subform[4].DateTimeField26[0]"] == "Present"


def test_checkboxes_carry_their_own_on_state(example: FilledForm) -> None:
    shown = checked(example.pdf)
    found = values(example.pdf)
    assert shown[P0 + "PartALine9Gender[1]"] == found[P0 + "PartALine9Gender[1]"] == "/F"
    assert (
        shown[P0 + "PartALine9Gender[0]"] in ("/Off", None) and found.get(P0 + "PartALine9Gender[0]") != "/M"
    )
    assert shown[P0 + "Marital[1]"] == "/M"
    assert shown[P0 + "CheckBox3[2]"] == "/B"  # now in immigration court proceedings
    assert shown[P1 + "ChildrenCheckbox[0]"] == "/N"  # "I have children" is /N on this edition
    assert shown[PB + "ckboxyn1a[0]"] == "/Y" and shown[PB + "ckboxyn1a[1]"] == "/Off"
    for name, state in example.written.items():
        if name in shown:
            assert shown[name] == state, name


def test_the_claimed_grounds_are_checked_and_the_others_left_empty(example: FilledForm) -> None:
    shown = checked(example.pdf)
    assert shown[PB + "CheckBoxpolitics[0]"] == "/Y"
    assert shown[PB + "CheckBoxsocial[0]"] == "/Y"
    assert shown[PB + "CheckBoxrace[0]"] == "/Off"
    assert shown[PB + "CheckBoxreligion[0]"] == "/Off"


def test_the_example_is_complete_and_filed_in_time(example: FilledForm) -> None:
    assert example.unanswered == ()
    assert checked(example.pdf)[PC2 + "ckboxync5[1]"] == "/N"  # not more than one year after arrival
    assert any("01/15/2027" in note for note in example.notes)


def test_the_pdf_is_an_acroform_without_xfa_that_viewers_redraw(example: FilledForm) -> None:
    reader = PdfReader(io.BytesIO(example.pdf))
    form = reader.trailer["/Root"]["/AcroForm"]
    assert "/XFA" not in form
    assert form["/NeedAppearances"] is True or str(form["/NeedAppearances"]) == "True"


def test_answers_in_boxes_the_xfa_kept_read_only_stay_editable(example: FilledForm) -> None:
    reader = PdfReader(io.BytesIO(example.pdf))
    narrative = reader.get_fields()[PB + "TextField14[0]"]  # type: ignore[index]
    assert int(narrative.get("/Ff", 0)) & 1 == 0


# --- unknowns: empty and listed ----------------------------------------------------------------------


def test_unknown_part_c_answers_stay_empty_and_are_listed(sparse: FilledForm) -> None:
    result = sparse
    shown = checked(result.pdf)
    for box in ("ckboxync1", "ckboxync2a", "ckboxync2b", "ckboxync3"):
        assert shown[PC + f"{box}[0]"] == shown[PC + f"{box}[1]"] == "/Off", box
    for box in ("PCckboxyn4", "ckboxync6"):
        assert shown[PC2 + f"{box}[0]"] == shown[PC2 + f"{box}[1]"] == "/Off", box
    assert {("C", "1"), ("C", "2.A"), ("C", "2.B"), ("C", "3"), ("C", "4"), ("C", "6")} <= unanswered_lines(
        result
    )
    listed = {u.line: u.facts for u in result.unanswered if u.part == "C"}
    assert listed["6"] == ("application.us_crimes.answer",)


def test_no_conviction_alone_does_not_answer_the_question_about_crimes(sparse: FilledForm) -> None:
    # convictions: [] proves no conviction; Part C.6 also asks about arrests, charges and family members.
    assert ("C", "6") in unanswered_lines(sparse)


def test_persecution_finding_answers_part_c3_only_for_someone_without_spouse_or_children(
    sparse: FilledForm, blank_form: bytes
) -> None:
    assert ("C", "3") in unanswered_lines(sparse)  # married: the spouse is asked about too
    alone = SPARSE.replace("marital_status: married", "marital_status: single") + "family: {children: []}\n"
    result = fill(alone, blank_form)
    assert ("C", "3") not in unanswered_lines(result)
    assert checked(result.pdf)[PC + "ckboxync3[1]"] == "/N"


def test_facts_that_prove_a_yes_answer_part_c(blank_form: bytes) -> None:
    case = """\
withhold: case/1
person: {family_name: Inventado, given_name: Luis}
proceedings: {kind: removal}
entry: {last_arrival_date: 2020-01-10, southwest_border_from_mexico: true}
asylum: {filed_on: null, previously_denied: true}
claim: {country: HN}
conduct: {persecuted_others: true}
convictions:
  - {offense: Driving under the influence, date: 2021-05-02, jurisdiction: state, sentence_months: 0.5}
"""
    result = fill(case, blank_form)
    shown, found = checked(result.pdf), values(result.pdf)
    assert shown[PC + "ckboxync1[0]"] == "/Y"  # an earlier application, denied
    assert shown[PC + "ckboxync2a[0]"] == "/Y"  # came through Mexico from Honduras
    assert shown[PC + "ckboxync3[0]"] == "/Y"  # participated in persecution
    assert shown[PC2 + "ckboxync5[0]"] == "/Y"  # more than a year after the 2020 arrival
    assert shown[PC2 + "ckboxync6[0]"] == "/Y"  # a state conviction
    assert found[PC2 + "PCL6_TextField[0]"] == (
        "Convicted of Driving under the influence on 05/02/2021 (state); sentence ordered: 0.5 months."
    )
    # The explanations the case does not have are listed.
    assert {("C", "1"), ("C", "2"), ("C", "3"), ("C", "5")} <= unanswered_lines(result)


def test_a_conviction_answers_the_question_of_its_place_only(blank_form: bytes) -> None:
    """A conviction abroad answers Part B.2 (and explains it), not Part C.6: that stays unknown."""
    case = SPARSE.replace(
        "convictions: []",
        "convictions:\n  - {offense: Theft, date: 2015-03-04, jurisdiction: foreign, sentence_months: 6}",
    )
    result = fill(case, blank_form)
    shown, found = checked(result.pdf), values(result.pdf)
    b2 = "form1[0].#subform[7]."
    assert shown[b2 + "ckboxyn2[0]"] == "/Y" and shown[b2 + "ckboxyn2[1]"] == "/Off"
    assert (
        found[b2 + "PBL2_TextField[0]"]
        == "Convicted of Theft on 03/04/2015 (foreign); sentence ordered: 6 months."
    )
    assert shown[PC2 + "ckboxync6[0]"] == shown[PC2 + "ckboxync6[1]"] == "/Off"
    assert ("C", "6") in unanswered_lines(result)


def test_a_recorded_no_that_a_fact_contradicts_is_left_for_a_person(blank_form: bytes) -> None:
    case = SPARSE.replace("asylum: {filed_on: null}", "asylum: {filed_on: null, previously_denied: true}")
    result = fill(case + "application: {prior_applications: {answer: false}}\n", blank_form)
    shown = checked(result.pdf)
    assert shown[PC + "ckboxync1[0]"] == shown[PC + "ckboxync1[1]"] == "/Off"
    assert ("C", "1") in unanswered_lines(result)
    assert any(note.startswith("Part C.1") for note in result.notes)


# --- the CAT boxes follow the screening ---------------------------------------------------------------


def test_cat_boxes_are_checked_while_the_screening_keeps_cat_open(
    example: FilledForm, blank_form: bytes
) -> None:
    shown = checked(example.pdf)
    assert shown[P0 + "CheckBox31[0]"] == "/1"
    assert shown[PB + "CheckBoxtorture[0]"] == "/Y"
    unknown = checked(fill("withhold: case/1\n", blank_form).pdf)  # undetermined: not a reason to give it up
    assert unknown[P0 + "CheckBox31[0]"] == "/1"


def test_cat_boxes_stay_empty_when_the_screening_closes_cat(blank_form: bytes) -> None:
    demo = (EXAMPLES / "missed-deadline-withholding-open.yaml").read_text(encoding="utf-8")
    result = fill(demo, blank_form)
    shown = checked(result.pdf)
    assert shown[P0 + "CheckBox31[0]"] == "/Off"
    assert shown[PB + "CheckBoxtorture[0]"] == "/Off"
    assert any("CAT" in note for note in result.notes)


# --- N/A only where the case says so ------------------------------------------------------------------


def test_questions_asked_only_of_a_child_in_the_us_read_n_a_for_a_child_abroad(example: FilledForm) -> None:
    found = values(example.pdf)
    child_two = "form1[0].#subform[3]."
    assert found[child_two + "PtAIILine13_Specify2[0]"] == "Quetzaltenango, Guatemala"
    assert found[child_two + "PtAIILine14_PlaceofLastEntry2[0]"] == "N/A"
    assert found.get(child_two + "PtAIILine20_Yes2[0]") in (None, "/Off")


def test_the_spouse_section_is_skipped_for_someone_not_married(blank_form: bytes) -> None:
    case = SPARSE.replace("marital_status: married", "marital_status: divorced")
    result = fill(case, blank_form)
    assert checked(result.pdf)[P1 + "CheckBox5[0]"] == "/1"  # I am not married
    assert not any(u.line.startswith("Spouse ") for u in result.unanswered)


def test_the_marker_of_a_continued_answer_is_the_last_line(example: FilledForm) -> None:
    head = values(example.pdf)[PB + "TextField14[0]"]
    assert head.endswith(CONTINUED)
