"""Tab pages: the page before each exhibit that stands for a paper tab ("Tab C" and the exhibit's title).

A filing has one per exhibit, often forty or more, and each is the same simple page: drawn directly as PDF
text in Times (one of the fonts every PDF reader carries), lines broken with the font's own metrics (the
Adobe core-font metrics pypdf ships), instead of laid out by the HTML engine at tens of milliseconds a page.
Titles are in the Windows-1252 letters those fonts have; :func:`missing_letters` names any other (the
package refuses such a title unless the person filing agrees to leave the letters out).
"""

from __future__ import annotations

from pypdf import PageObject, PdfWriter
from pypdf._codecs.core_font_metrics import (
    CORE_FONT_METRICS,
)  # Adobe's core-font metrics, as pypdf ships them
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from withhold.filing.documents import LETTER

TAB_SIZE = 40.0
TITLE_SIZE = 14.0
TITLE_WIDTH = 432.0
"""Six inches: the text width inside one-inch side margins on Letter paper, less a quarter inch each side."""


def missing_letters(text: str) -> str:
    """The letters of ``text`` the core fonts cannot show (outside Windows-1252), each once, in order."""
    found: list[str] = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            if char not in found:
                found.append(char)
    return "".join(found)


def without_missing_letters(text: str) -> str:
    """``text`` with the letters the fonts cannot show left out (spaces tidied)."""
    missing = set(missing_letters(text))
    kept = " ".join("".join(char for char in text if char not in missing).split())
    return kept.rstrip(" -–—:;,") or kept


def _width(text: str, font: str, size: float) -> float:
    widths = CORE_FONT_METRICS[font].character_widths
    default = widths.get("default", 500)
    return sum(widths.get(char, default) for char in text) * size / 1000


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and _width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (Windows-1252) with ``( ) \\`` escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _font(name: str) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/" + name),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


class TabPages:
    """Makes tab pages in one writer, sharing its two font objects."""

    def __init__(self, writer: PdfWriter) -> None:
        self._writer = writer
        self._resources = DictionaryObject(
            {
                NameObject("/Font"): DictionaryObject(
                    {
                        NameObject("/TabBold"): writer._add_object(_font("Times-Bold")),
                        NameObject("/TabRoman"): writer._add_object(_font("Times-Roman")),
                    }
                )
            }
        )

    def page(self, label: str, title: str) -> PageObject:
        """A Letter page: ``label`` ("Tab C") large in the middle, ``title`` under it, centred."""
        width, height = LETTER
        parts: list[bytes] = [b"BT 0 g"]
        y = height / 2 + 40
        parts.append(self._centred(label, "Times-Bold", "/TabBold", TAB_SIZE, width, y))
        y -= TAB_SIZE
        for line in _lines(title, "Times-Roman", TITLE_SIZE, TITLE_WIDTH):
            parts.append(self._centred(line, "Times-Roman", "/TabRoman", TITLE_SIZE, width, y))
            y -= TITLE_SIZE * 1.35
        parts.append(b"ET")
        stream = DecodedStreamObject()
        stream.set_data(b"\n".join(parts))
        page = PageObject.create_blank_page(width=width, height=height)
        page[NameObject("/Resources")] = self._resources
        page[NameObject("/Contents")] = self._writer._add_object(stream)
        return page

    @staticmethod
    def _centred(text: str, font: str, resource: str, size: float, page_width: float, y: float) -> bytes:
        x = (page_width - _width(text, font, size)) / 2
        return f"{resource} {size:g} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm ".encode("ascii") + _string(text) + b" Tj"
