"""Page numbers stamped on every page of a filing.

Each number is written into the page itself as a few PDF drawing operators appended to its content (in
Helvetica, one of the fonts every PDF reader has), after the page's own drawing is closed off, so nothing
the page set (a scale, a colour, a clip) moves or hides the number. The page's own content is never
parsed or rewritten: stamping costs the same for a scanned page as for a blank one. The number sits at
the bottom of the visible page as the reader sees it, whatever the page's rotation or origin.
"""

from __future__ import annotations

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    RectangleObject,
)

FONT = NameObject("/WithholdPageNumber")
FONT_SIZE = 10.0
BOTTOM = 24.0
"""The number's baseline: a third of an inch above the bottom edge."""
_HELVETICA_DIGIT_WIDTH = 0.556
"""Helvetica's advance width for a digit, per point of size (its AFM metrics); a space is 0.278."""


def stamp_number(writer: PdfWriter, page: PageObject, text: str, font: IndirectObject) -> None:
    """Write ``text`` (a page number: digits, spaces and hyphens) centred at the bottom of ``page``, a page
    of ``writer``; ``font`` is :func:`helvetica`, added to the writer once."""
    if not all(char.isdigit() or char in " -" for char in text):
        raise ValueError("a page number is digits")
    box = page.cropbox if "/CropBox" in page else page.mediabox
    rotation = page.rotation % 360
    width = len(text) * _HELVETICA_DIGIT_WIDTH * FONT_SIZE
    matrix = _placement(box, rotation, width)
    _add_font(page, font)
    operators = f"q 0 g BT {FONT} {FONT_SIZE:g} Tf {matrix} Tm ({text}) Tj ET Q".encode("ascii")
    opening = DecodedStreamObject()
    opening.set_data(b"q\n")
    closing = DecodedStreamObject()
    closing.set_data(b"\nQ\n" + operators + b"\n")
    contents = page.get("/Contents")
    # Streams must be indirect objects; pypdf adds them through its writer's (private) _add_object, as its
    # own replace_contents does.
    streams = ArrayObject()
    streams.append(writer._add_object(opening))
    if contents is not None:
        resolved = contents.get_object()
        if isinstance(resolved, ArrayObject):
            streams.extend(resolved)
        else:
            streams.append(contents)
    streams.append(writer._add_object(closing))
    page[NameObject("/Contents")] = streams


def _placement(box: RectangleObject, rotation: int, width: float) -> str:
    """The text matrix putting a line ``width`` long, upright for the reader, centred at the bottom of
    the page as displayed (a page shown rotated has its displayed bottom on another side of the box)."""
    left, bottom = float(box.left), float(box.bottom)
    right, top = float(box.right), float(box.top)
    if rotation == 90:  # displayed bottom is the box's left side; text runs up the page
        x, y = left + BOTTOM, (bottom + top) / 2 - width / 2
        return f"0 1 -1 0 {x:.2f} {y:.2f}"
    if rotation == 180:
        x, y = (left + right) / 2 + width / 2, top - BOTTOM
        return f"-1 0 0 -1 {x:.2f} {y:.2f}"
    if rotation == 270:
        x, y = right - BOTTOM, (bottom + top) / 2 + width / 2
        return f"0 -1 1 0 {x:.2f} {y:.2f}"
    x, y = (left + right) / 2 - width / 2, bottom + BOTTOM
    return f"1 0 0 1 {x:.2f} {y:.2f}"


def _add_font(page: PageObject, font: IndirectObject) -> None:
    resources = page.get("/Resources")
    if resources is None:
        resources = DictionaryObject()
        page[NameObject("/Resources")] = resources
    resolved = resources.get_object()
    assert isinstance(resolved, DictionaryObject)
    fonts = resolved.get("/Font")
    if fonts is None:
        fonts = DictionaryObject()
        resolved[NameObject("/Font")] = fonts
    font_table = fonts.get_object()
    assert isinstance(font_table, DictionaryObject)
    font_table[FONT] = font


def helvetica() -> DictionaryObject:
    """The standard Helvetica font, for a writer to add once and every page to share."""
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
