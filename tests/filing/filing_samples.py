"""Invented documents for filing tests: photos and blank PDFs (rotated or protected when asked)."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfWriter


def photo(
    size: tuple[int, int] = (1200, 900), colour: str = "gray", fmt: str = "JPEG", **save: object
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt, **save)
    return out.getvalue()


def blank_pdf(pages: int, *, password: str | None = None, rotate: int = 0) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        if rotate:
            page.rotate(rotate)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
