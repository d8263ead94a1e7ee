"""Whether text fits a form's box, and where to cut it when it does not.

The measures are the PDF's own: the box, the font size of its default appearance and the font's glyph
widths and bounding box, laid out the way pypdf draws an appearance (2 points of padding, lines spaced by
the font's bounding-box height). What does not fit goes to Supplement B rather than being shrunk or cut
off, so every word stays legible.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

PADDING = 2.0
"""pypdf leaves twice the 1-point border on each side of the text."""
SMALLEST = 6.0
"""The smallest font size a one-line answer is shrunk to; below it, the answer goes to Supplement B."""


@dataclass(frozen=True)
class TextBox:
    width: float
    height: float
    font_size: float
    leading: float
    """Line spacing as a multiple of the font size (the font's bounding-box height)."""
    ascent: float
    """Top of the font's bounding box, as a multiple of the font size."""
    widths: Mapping[int, float]
    """Glyph widths in thousandths of the font size, by WinAnsi code."""
    default_width: float
    multiline: bool
    max_len: int | None = None

    def char_width(self, char: str) -> float:
        try:
            code = char.encode("cp1252")[0]
        except UnicodeEncodeError:
            code = -1
        return self.widths.get(code, self.default_width) * self.font_size / 1000

    def text_width(self, text: str) -> float:
        return sum(self.char_width(char) for char in text)

    @property
    def usable_width(self) -> float:
        return self.width - 2 * PADDING

    @property
    def line_count(self) -> int:
        """How many lines show: the first baseline sits one ascent below the top, the next ones one
        line apart, down to the bottom of the box."""
        if not self.multiline:
            return 1
        first = self.height - 1 - self.ascent * self.font_size
        return max(1, math.floor(first / (self.font_size * self.leading)) + 1)

    def fits_line(self, text: str) -> bool:
        if self.max_len is not None and len(text) > self.max_len:
            return False
        return self.text_width(text) <= self.usable_width

    def size_to_fit(self, text: str, smallest: float = SMALLEST) -> float | None:
        """The font size at which ``text`` fits on the line: the box's own, else the largest half point
        down to ``smallest``; None if even that is too big (or the box takes fewer characters)."""
        if self.max_len is not None and len(text) > self.max_len:
            return None
        width = self.text_width(text)
        if width <= self.usable_width:
            return self.font_size
        size = math.floor(self.font_size * self.usable_width / width * 2) / 2
        return size if size >= smallest else None


def wrap(text: str, box: TextBox) -> list[tuple[int, int]]:
    """Lines as (start, end) offsets into ``text``: words kept whole where they fit a line, paragraphs
    (newlines) kept."""
    spans: list[tuple[int, int]] = []
    limit = box.usable_width
    offset = 0
    for paragraph in text.split("\n"):
        start = offset
        offset += len(paragraph) + 1
        if not paragraph.strip():
            spans.append((start, start + len(paragraph)))
            continue
        line_start: int | None = None
        line_end = start
        position = start
        for word in paragraph.split(" "):
            word_start, word_end = position, position + len(word)
            position = word_end + 1
            if not word:
                continue
            if line_start is not None and box.text_width(text[line_start:word_end]) <= limit:
                line_end = word_end
                continue
            if line_start is not None:
                spans.append((line_start, line_end))
            line_start, line_end = word_start, word_end
            while box.text_width(text[line_start:line_end]) > limit:  # a word longer than a line
                cut = line_start + 1
                while cut < line_end and box.text_width(text[line_start : cut + 1]) <= limit:
                    cut += 1
                spans.append((line_start, cut))
                line_start = cut
        if line_start is not None:
            spans.append((line_start, line_end))
    return spans


def wrapped(text: str, box: TextBox) -> str:
    return "\n".join(text[start:end] for start, end in wrap(text, box))


def fits(text: str, box: TextBox) -> bool:
    if not box.multiline:
        return box.fits_line(text)
    return len(wrap(text, box)) <= box.line_count


def split(text: str, box: TextBox, marker: str) -> tuple[str, str]:
    """The part of ``text`` that fits ``box`` with ``marker`` on its last line, and the rest."""
    spans = wrap(text, box)
    if len(spans) <= box.line_count:
        return text, ""
    keep = box.line_count - 1
    head = text[: spans[keep - 1][1]].rstrip() if keep else ""
    rest = text[spans[keep][0] :].lstrip()
    return (f"{head}\n{marker}" if head else marker), rest


def pages(text: str, box: TextBox) -> list[str]:
    """``text`` cut into pieces that each fill one box (Supplement B pages), at line boundaries."""
    spans = wrap(text, box)
    per_page = box.line_count
    pieces = []
    for first in range(0, len(spans), per_page):
        chunk = spans[first : first + per_page]
        pieces.append(text[chunk[0][0] : chunk[-1][1]].strip("\n"))
    return pieces or [""]
