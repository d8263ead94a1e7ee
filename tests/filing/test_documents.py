"""Documents offered for a filing are read from what they are, not what they are called; each that cannot
go in is named with what is wrong."""

from __future__ import annotations

import io

import pytest
from filing_samples import blank_pdf, photo
from PIL import Image
from pypdf import PdfReader

from withhold.filing.documents import DocumentError, kind_of, read_document


def test_a_pdf_and_photos_of_each_kind_are_read_with_their_pages() -> None:
    assert read_document("a.pdf", blank_pdf(3)).pages == 3
    for fmt, kind in (("JPEG", "jpeg"), ("PNG", "png")):
        document = read_document(f"photo.{fmt.lower()}", photo(fmt=fmt))
        assert (document.kind, document.pages) == (kind, 1)
        page = PdfReader(io.BytesIO(document.pdf)).pages[0]
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)  # Letter


def test_a_heic_photo_is_read_with_the_maintained_heif_library() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (640, 480), "green").save(out, "HEIF")
    assert kind_of(out.getvalue()) == "heic"
    assert read_document("IMG_0001.HEIC", out.getvalue()).pages == 1


def test_a_sideways_photo_is_turned_upright_as_the_camera_recorded() -> None:
    image = Image.new("RGB", (1200, 600), "gray")
    exif = image.getexif()
    exif[0x0112] = 6  # the camera was turned: rotate 90 degrees to show it upright
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    page = PdfReader(io.BytesIO(read_document("p.jpg", out.getvalue()).pdf)).pages[0]
    images = list(page.images)
    assert images and images[0].image is not None
    assert images[0].image.height > images[0].image.width  # portrait once upright


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.pdf", b"", "the file is empty"),
        (
            "notes.pdf",
            b"just some text",
            "not a PDF or a photo (JPEG, PNG or HEIC) (its name ends in .pdf, but it is not one)",
        ),
        ("notes.docx", b"PK\x03\x04 a word file", "not a PDF or a photo (JPEG, PNG or HEIC)"),
        (
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
            "the PDF is damaged and cannot be read",
        ),
        (
            "locked.pdf",
            blank_pdf(1, password="secret"),
            "the PDF is protected by a password; save an unprotected copy and add that one",
        ),
        ("nothing.pdf", blank_pdf(0), "the PDF has no pages"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 truncated", "the photo is damaged or in a form that cannot be read"),
    ],
)
def test_each_document_that_cannot_go_in_is_named_with_what_is_wrong(
    name: str, data: bytes, problem: str
) -> None:
    with pytest.raises(DocumentError) as raised:
        read_document(name, data)
    assert (raised.value.name, raised.value.problem) == (name, problem)


def test_a_photo_named_pdf_is_read_as_the_photo_it_is() -> None:
    assert read_document("scan.pdf", photo()).kind == "jpeg"
