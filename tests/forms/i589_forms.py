"""Shared by the form tests: where Form I-589 is, the example case, filling and reading back."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from withhold.facts.loading import parse_case
from withhold.forms import FilledForm, fill_i589

FORMS = Path(__file__).resolve().parents[2] / "forms"
FORM_2023 = FORMS / "i-589-edition-2023-03-01.pdf"
INVENTORY_2023 = FORMS / "i-589-edition-2023-03-01.fields.json"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = EXAMPLES / "i589-complete.yaml"
AS_OF = dt.date(2026, 11, 23)


def fill(text: str, form: bytes, as_of: dt.date = AS_OF) -> FilledForm:
    return fill_i589(parse_case(text), form, as_of)


def values(pdf: bytes) -> dict[str, str]:
    """Every field's value as a reader sees it (checkboxes: their state name, such as /Y or /Off)."""
    fields = PdfReader(io.BytesIO(pdf)).get_fields() or {}
    return {name: str(field.get("/V")) for name, field in fields.items() if field.get("/V") is not None}


def with_edition(form: bytes, edition: str, rename: tuple[str, str] | None = None) -> bytes:
    """A copy of ``form`` whose pages print another edition date (and with one field renamed), as USCIS's
    next edition would."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(form)))
    for page in writer.pages:
        contents = page.get_contents()
        assert contents is not None
        contents.set_data(contents.get_data().replace(b"03/01/23", edition.encode()))
        page.replace_contents(contents)
        if rename:
            for reference in page.get("/Annots", []) or []:
                widget = reference.get_object()
                if widget.get("/T") == rename[0]:
                    widget[NameObject("/T")] = TextStringObject(rename[1])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted(form: bytes) -> bytes:
    """``form`` as USCIS publishes it: encrypted, opening without a password (an owner password only)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(form)))
    writer.encrypt(user_password="", owner_password="uscis-owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
