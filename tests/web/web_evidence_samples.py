"""Invented evidence files for the web tests: a PDF, photos of each kind, and files that cannot be kept."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfWriter


def pdf(pages: int = 2, *, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def photo(fmt: str = "JPEG", size: tuple[int, int] = (640, 480)) -> bytes:
    if fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, fmt)
    return out.getvalue()


DAMAGED_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"
NOT_A_PDF = b"Invented notes about nothing in particular, saved as text."
