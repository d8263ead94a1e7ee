"""Telling the edition of Form I-589 from its PDF, and refusing what is not a fillable I-589."""

from __future__ import annotations

import io

import pytest
from i589_forms import AS_OF, encrypted, fill, values, with_edition
from pypdf import PdfWriter

from withhold.facts.loading import parse_case
from withhold.forms import FormError, UnknownEditionError, fill_i589, known_editions
from withhold.forms.edition import edition_of
from withhold.forms.pdf_form import PdfForm

CASE = "withhold: case/1\nperson: {family_name: Inventado, given_name: Tomas}\n"


def test_the_edition_is_read_from_the_footer(blank_form: bytes) -> None:
    assert edition_of(PdfForm(blank_form).page_text()) == "03/01/23"
    assert known_editions() == ["03/01/23"]


def test_an_edition_without_a_map_names_the_editions_that_have_one(blank_form: bytes) -> None:
    newer = with_edition(blank_form, "01/20/25", rename=("PartALine9Gender[0]", "PartALine9Sex[0]"))
    with pytest.raises(UnknownEditionError) as raised:
        fill(CASE, newer)
    assert raised.value.edition == "01/20/25"
    assert raised.value.known == ("03/01/23",)


def test_a_pdf_whose_fields_differ_from_its_editions_map_is_refused(blank_form: bytes) -> None:
    altered = with_edition(blank_form, "03/01/23", rename=("PartALine9Gender[0]", "PartALine9Sex[0]"))
    with pytest.raises(
        FormError, match=r"does not have the fields of the I-589 edition 03/01/23.*PartALine9Gender"
    ):
        fill(CASE, altered)


def test_what_is_not_a_fillable_i589_is_refused() -> None:
    with pytest.raises(FormError, match="not a readable PDF"):
        fill_i589(parse_case(CASE), b"%PDF-1.7 this is not a PDF", AS_OF)
    blank = PdfWriter()
    blank.add_blank_page(612, 792)
    buffer = io.BytesIO()
    blank.write(buffer)
    with pytest.raises(FormError, match="no form fields"):
        fill_i589(parse_case(CASE), buffer.getvalue(), AS_OF)
    with pytest.raises(FormError, match="not Form I-589"):
        edition_of(["Application for Employment Authorization"])


def test_an_encrypted_form_as_uscis_publishes_it_is_decrypted_and_filled(blank_form: bytes) -> None:
    result = fill(CASE, encrypted(blank_form))
    assert values(result.pdf)["form1[0].#subform[0].PtAILine4_LastName[0]"] == "Inventado"
