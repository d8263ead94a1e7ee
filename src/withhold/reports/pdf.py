"""A report as PDF: its HTML laid out by WeasyPrint for print (Letter pages, a running header and
footer on every page), as a tagged PDF (PDF/UA-1) so a screen reader can follow its headings and tables.
"""

from __future__ import annotations

from weasyprint import HTML  # type: ignore[import-untyped]  # WeasyPrint ships no type information

from withhold.reports.model import Report
from withhold.reports.render import render_html

PDF_VARIANT = "pdf/ua-1"


def render_pdf(report: Report) -> bytes:
    document = HTML(string=render_html(report))
    data = document.write_pdf(pdf_variant=PDF_VARIANT)
    assert data is not None  # without a target, write_pdf returns the bytes
    return bytes(data)
