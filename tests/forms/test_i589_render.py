"""The filled form as a viewer draws it: the answers show in their boxes (pdfium, the engine of Chrome's
PDF viewer, draws the pages with their form fields)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from withhold.forms import FilledForm

pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (a dev dependency) draws the pages")

SCALE = 2


def ink(pdf: bytes, page: int, rect: tuple[float, float, float, float]) -> int:
    """Dark pixels inside ``rect`` (PDF points) of ``page`` as drawn with its form fields."""
    document = pdfium.PdfDocument(pdf)
    document.init_forms()
    image = document[page].render(scale=SCALE, may_draw_forms=True).to_pil().convert("L")
    height = float(document[page].get_height())
    x1, y1, x2, y2 = rect
    box = image.crop(
        (int(x1 * SCALE), int((height - y2) * SCALE), int(x2 * SCALE), int((height - y1) * SCALE))
    )
    return sum(box.histogram()[:100])


def rect_of(pdf: bytes, name: str) -> tuple[int, tuple[float, float, float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    for number, page in enumerate(reader.pages):
        for reference in page.get("/Annots", []) or []:
            widget = reference.get_object()
            parent = widget.get("/Parent")
            full = f"{parent.get_object().get('/T')}.{widget.get('/T')}" if parent else str(widget.get("/T"))
            if name.endswith(full):
                x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
                return number, (x1 + 1, y1 + 1, x2 - 1, y2 - 1)
    raise KeyError(name)


@pytest.mark.parametrize(
    "field",
    [
        "form1[0].#subform[0].PtAILine4_LastName[0]",  # text
        "form1[0].#subform[0].PartALine9Gender[1]",  # a checked box
        "form1[0].#subform[0].TextField1[7]",  # a long answer drawn smaller to fit
        "form1[0].#subform[5].#subform[6].TextField14[0]",  # a narrative, wrapped
        "form1[0].#subform[13].TextField32[0]",  # Supplement B
    ],
)
def test_answers_show_where_they_were_written(example: FilledForm, blank_form: bytes, field: str) -> None:
    page, rect = rect_of(example.pdf, field)
    assert ink(blank_form, page, rect) == 0, "the blank form's box is empty"
    assert ink(example.pdf, page, rect) > 20, f"{field} shows its answer"
