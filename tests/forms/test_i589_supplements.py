"""Supplement A (children after the fourth) and Supplement B (answers continued), read back from the PDF.

The case: an invented applicant with six children and a 5,000-character declaration, the size of a real
one. Then nine children (Supplement A copied) and seven residences (rows continued on Supplement B).
"""

from __future__ import annotations

import io
import re

import pytest
from i589_forms import fill, values
from pypdf import PdfReader

from withhold.forms import FilledForm
from withhold.forms.i589 import CONTINUED

PB = "form1[0].#subform[5].#subform[6]."
SUPP_A = "form1[0].#subform[12]."
SUPP_B = "form1[0].#subform[13]."
NAMES = ("Ana", "Beto", "Carla", "Dario", "Elena", "Fabio", "Gala", "Hugo", "Iris")


def declaration(length: int = 5000) -> str:
    sentences = []
    number = 1
    while len(" ".join(sentences)) < length:
        sentences.append(f"Sentence {number} tells what happened to me and to my family in the village.")
        number += 1
    return " ".join(sentences)[:length].rstrip()


def case_with(children: int, text: str = "", residences: int = 0) -> str:
    lines = [
        "withhold: case/1",
        "person: {family_name: Inventada, given_name: Rosa, middle_name: Luz, a_number: A12345678,",
        "         marital_status: single}",
        "proceedings: {kind: removal}",
        "family:",
        "  children:",
    ]
    for index in range(children):
        lines.append(
            f"    - {{family_name: Inventada, given_name: {NAMES[index]}, date_of_birth: 20{10 + index}-03-0{1 + index % 9},"
            f" sex: {'female' if index % 2 == 0 else 'male'}, in_us: {'true' if index % 3 else 'false'}}}"
        )
    if text:
        lines += ["application:", "  past_harm:", "    answer: true", f"    explanation: {text!r}"]
    if residences:
        lines += ["background:", "  residences:"]
        lines += [
            f"    - {{street: Calle {n}, city: Ciudad {n}, province: Provincia, country: HN, since: 20{10 + n}-01, until: 20{11 + n}-01}}"
            for n in range(1, residences + 1)
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def six_children(blank_form: bytes) -> FilledForm:
    return fill(case_with(6, declaration()), blank_form)


def test_six_children_put_the_fifth_and_sixth_on_supplement_a(six_children: FilledForm) -> None:
    found = values(six_children.pdf)
    assert six_children.supplement_a_pages == 1
    assert found["form1[0].#subform[1].TotalChild[0]"] == "6"
    assert found["form1[0].#subform[1].ChildFirst1[0]"] == "Ana"
    assert found["form1[0].#subform[3].ChildFirst4[0]"] == "Dario"
    assert found[SUPP_A + "TextField12[2]"] == "Elena"  # Supplement A, first child: the fifth
    assert found[SUPP_A + "DateTimeField14[0]"] == "03/05/2014"
    assert found[SUPP_A + "TextField12[12]"] == "Fabio"  # second child: the sixth
    assert found[SUPP_A + "SuppAL12_CheckBox[0]"] == "/M"  # Fabio's box, with its own on-state
    assert found[SUPP_A + "ApplicantName[0]"] == "Rosa Luz Inventada"
    assert found[SUPP_A + "PtAILine1_ANumber[1]"] == "012345678"


def test_unknowns_of_the_children_on_supplement_a_are_listed_by_child(six_children: FilledForm) -> None:
    asked = [u.ask for u in six_children.unanswered if u.part == "A.II"]
    assert any(a.startswith("Child 6 (Supplement A), line 10") for a in asked)


def test_a_5000_character_declaration_continues_on_supplement_b(six_children: FilledForm) -> None:
    found = values(six_children.pdf)
    text = declaration()
    head = found[PB + "TextField14[0]"]
    assert head.endswith(CONTINUED) and text.startswith(head.removesuffix(CONTINUED).strip())
    pages = supplement_b_pages(found)
    assert len(pages) == six_children.supplement_b_pages >= 2
    for page in pages:
        assert page["name"] == "Rosa Luz Inventada"
        assert page["a_number"] == "012345678"
        assert (page["part"], page["question"]) == ("B", "1.A")
    continued = " ".join(page["text"] for page in pages).removeprefix("(continued) ")
    rebuilt = head.removesuffix(CONTINUED).strip() + " " + continued
    assert " ".join(rebuilt.split()) == " ".join(text.split()), "no word lost or repeated"


def supplement_b_pages(found: dict[str, str]) -> list[dict[str, str]]:
    """The Supplement B pages in order: the form's own (#subform[13]) and its copies."""
    copies = {m.group(0) for name in found if (m := re.match(r"form1\[0\]\.SupplementB_\d+\[0\]\.", name))}
    prefixes = [SUPP_B, *sorted(copies, key=lambda p: int(re.findall(r"\d+", p)[1]))]
    return [
        {
            "name": found.get(p + "SupBApplicantName[0]", ""),
            "a_number": found.get(p + "PtAILine1_ANumber[2]", ""),
            "part": found.get(p + "TextField31[0]", ""),
            "question": found.get(p + "TextField31[1]", ""),
            "text": found.get(p + "TextField32[0]", ""),
        }
        for p in prefixes
        if p + "TextField32[0]" in found
    ]


def test_nine_children_copy_supplement_a_with_fields_of_their_own(blank_form: bytes) -> None:
    result = fill(case_with(9), blank_form)
    found = values(result.pdf)
    assert result.supplement_a_pages == 3
    assert found[SUPP_A + "TextField12[2]"] == "Elena"
    assert found["form1[0].SupplementA_2[0].TextField12[2]"] == "Gala"
    assert found["form1[0].SupplementA_2[0].TextField12[12]"] == "Hugo"
    assert found["form1[0].SupplementA_3[0].TextField12[2]"] == "Iris"
    assert found["form1[0].SupplementA_3[0].ApplicantName[0]"] == "Rosa Luz Inventada"
    assert "form1[0].SupplementA_3[0].TextField12[12]" not in found  # no tenth child
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == 12 + 2
    footers = [page.extract_text() for page in reader.pages[10:13]]
    assert all("Supplement A" in text for text in footers), "the copies follow Supplement A"


def test_rows_beyond_the_table_continue_on_supplement_b(blank_form: bytes) -> None:
    result = fill(case_with(0, residences=7), blank_form)
    found = values(result.pdf)
    assert found["form1[0].#subform[4].TextField13[10]"] == "Ciudad 1"
    assert found["form1[0].#subform[4].TextField13[25]"] == "Ciudad 5"
    (page,) = [p for p in supplement_b_pages(found) if p["part"] == "A.III"]
    assert page["question"] == "2"
    assert "Residence 6: Number and street: Calle 6; City or town: Ciudad 6" in page["text"]
    assert "Residence 7:" in page["text"] and "From (mm/yyyy): 01/2017" in page["text"]
