"""A document offered for a filing, read and checked: a PDF, or a photo made into a page.

What a file is is read from its first bytes, never from its name: a file named ``.pdf`` that is a photo, or
one that is neither, is named as what it is. A PDF that cannot be read, is protected by a password, or has
no pages, and a photo that cannot be decoded, each give a :class:`DocumentError` saying so in words the
person filing can act on; the package leaves such a document out only when asked to (the person's consent).
Photos (JPEG, PNG, HEIC) become Letter pages, turned upright as the camera recorded, fitted inside the
margins with their own resolution kept (img2pdf embeds a JPEG as it is, without re-compressing it).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from pypdf import PdfReader
from pypdf.errors import PdfReadError

Kind = Literal["pdf", "jpeg", "png", "heic"]

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
"""Larger than any court limit on one document: a file this size is refused before it is read (memory)."""

LETTER = (612.0, 792.0)
"""US Letter in PDF points (8.5 by 11 inches), the court's paper size (ICPM ch. 3.3(c)(ii))."""
MARGIN = 54.0
"""Three quarters of an inch around a photo, leaving the bottom margin free for the page number."""


class DocumentError(ValueError):
    """Why a document cannot go into a filing, in words for the person filing it."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


@dataclass(frozen=True)
class Document:
    """A readable document: its pages as one PDF."""

    name: str
    """The file's name as given (for messages and the index, never trusted for its type)."""
    kind: Kind
    pdf: bytes
    pages: int


def kind_of(data: bytes) -> Kind | None:
    """What ``data`` is, from its first bytes (its "magic number")."""
    head = data[:32]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc"}:
        return "heic"
    return None


def read_document(name: str, data: bytes) -> Document:
    """``data`` as a filing document, or :class:`DocumentError` naming what is wrong with it."""
    if not data:
        raise DocumentError(name, "the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        megabytes = len(data) / (1024 * 1024)
        raise DocumentError(
            name, f"the file is {megabytes:.0f} MB; the largest accepted is {MAX_DOCUMENT_BYTES // 2**20} MB"
        )
    kind = kind_of(data)
    if kind is None:
        claimed = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        said = f" (its name ends in .{claimed}, but it is not one)" if claimed in _NAMED else ""
        raise DocumentError(name, f"not a PDF or a photo (JPEG, PNG or HEIC){said}")
    if kind == "pdf":
        pages = _pdf_pages(name, data)
        return Document(name, kind, _flattened(data), pages)
    pdf = photo_page(name, data, kind)
    return Document(name, kind, pdf, 1)


_NAMED = {"pdf", "jpg", "jpeg", "png", "heic", "heif"}
_ORIENTATION = 0x0112
"""The EXIF tag saying how the camera was held (1: upright)."""


def _pdf_pages(name: str, data: bytes) -> int:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # A PDF with only an owner password opens with the empty one; the court refuses any protection.
            raise DocumentError(
                name, "the PDF is protected by a password; save an unprotected copy and add that one"
            )
        pages = len(reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise DocumentError(name, "the PDF is damaged and cannot be read") from None
    if pages == 0:
        raise DocumentError(name, "the PDF has no pages")
    return pages


def _flattened(data: bytes) -> bytes:
    """A PDF with form fields (a filled I-589) with their values drawn into its pages: a filing's pages
    are merged without the form's field dictionary, and a court's viewer must show the answers as printed.
    qpdf (through pikepdf) draws each field's appearance and flattens it; a PDF without fields is kept as
    it is."""
    import pikepdf  # a filing with a filled form needs it (installed with img2pdf)

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if "/AcroForm" not in pdf.Root or not pdf.Root.AcroForm.get("/Fields"):
                return data
            pdf.generate_appearance_streams()
            pdf.flatten_annotations("print")
            if "/AcroForm" in pdf.Root:
                del pdf.Root["/AcroForm"]
            out = io.BytesIO()
            pdf.save(out)
            return out.getvalue()
    except pikepdf.PdfError:
        return data  # pypdf read it; a document qpdf cannot rewrite goes in as it is


def photo_page(name: str, data: bytes, kind: Kind) -> bytes:
    """A photo as one Letter page (PDF), upright, fitted inside the margins."""
    import img2pdf  # type: ignore[import-untyped]  # imported here: only a filing with photos needs it
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        if kind == "heic":
            from pillow_heif import register_heif_opener

            register_heif_opener()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            orientation = image.getexif().get(_ORIENTATION, 1)
            if kind == "jpeg" and orientation == 1 and image.mode in {"RGB", "L", "CMYK"}:
                source = data  # upright already: embedded as it is, not re-compressed
            else:
                source = _as_jpeg_or_png(ImageOps.exif_transpose(image))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise DocumentError(name, "the photo is damaged or in a form that cannot be read") from None
    width, height = LETTER
    box = ((img2pdf.ImgSize.abs, width - 2 * MARGIN), (img2pdf.ImgSize.abs, height - 2 * MARGIN))
    layout = img2pdf.get_layout_fun(pagesize=LETTER, imgsize=box, fit=img2pdf.FitMode.into)
    try:
        return bytes(img2pdf.convert(source, layout_fun=layout, rotation=img2pdf.Rotation.ifvalid))
    except (img2pdf.ImageOpenError, img2pdf.PdfTooLargeError, ValueError, OSError):
        raise DocumentError(name, "the photo is damaged or in a form that cannot be read") from None


def _as_jpeg_or_png(image: object) -> bytes:
    """A decoded photo re-encoded for embedding: PNG keeps line drawings and text sharp; transparency is
    laid on white (a PDF page has no transparent paper)."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    if image.mode in {"RGBA", "LA", "P"}:
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    elif image.mode not in {"RGB", "L"}:
        image = image.convert("RGB")
    out = io.BytesIO()
    if image.width * image.height > 1_000_000:  # a photograph: JPEG, as a camera would save it
        image.save(out, format="JPEG", quality=90)
    else:  # a small image, a screenshot: PNG keeps its text sharp
        image.save(out, format="PNG", compress_level=3)
    return out.getvalue()
