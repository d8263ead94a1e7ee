"""What ``withhold package`` prints: the files written, each exhibit's tab, title and pages, what was left
out (with the person's consent) and what to do before filing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from withhold.filing.documents import DocumentError
from withhold.filing.model import Filing
from withhold.filing.texts import filing_texts


def _pages(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def render_package(
    filing: Filing,
    written: Sequence[str],
    left_out: Sequence[DocumentError],
    retitled: Sequence[tuple[str, str]],
) -> RenderableType:
    t = filing_texts()["terminal"]
    parts: list[RenderableType] = []
    if len(written) == 1:
        parts.append(Text(t["written"].format(files=written[0], pages=filing.pages), style="bold"))
    else:
        parts.append(Text(t["written_parts"].format(parts=len(written)), style="bold"))
        for name, volume in zip(written, filing.volumes, strict=True):
            parts.append(
                Padding(
                    Text(t["part_line"].format(file=name, first=volume.first_page, last=volume.last_page)),
                    (0, 0, 0, 2),
                )
            )
    table = Table(title=t["built"], title_justify="left", show_edge=False, pad_edge=False)
    table.add_column(t["tab"], no_wrap=True)
    table.add_column(t["document"], ratio=1)
    table.add_column(t["pages"], justify="right", no_wrap=True)
    table.add_column(t["own_pages"], justify="right", no_wrap=True)
    for entry in filing.index:
        table.add_row(
            entry.tab, entry.title, _pages(entry.first_page, entry.last_page), str(entry.pages_of_document)
        )
    parts += [Text(""), table]
    if left_out:
        parts += [Text(""), Text(t["left_out"], style="bold yellow")]
        parts += [Padding(Text(str(problem)), (0, 0, 0, 2)) for problem in left_out]
    if retitled:
        parts += [Text(""), Text(t["retitled"], style="bold yellow")]
        parts += [
            Padding(Text(t["retitled_line"].format(title=title, letters=" ".join(letters))), (0, 0, 0, 2))
            for title, letters in retitled
        ]
    parts += [Text(""), Text(t["before_filing"], style="bold")]
    parts += [Padding(Text("• " + note), (0, 0, 0, 2)) for note in (*filing.notes, t["sign"])]
    parts += [Text(""), Text(t["footer"], style="dim")]
    return Group(*parts)


def package_json(
    filing: Filing,
    written: Sequence[str],
    left_out: Sequence[DocumentError],
    retitled: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    return {
        "files": [
            {"path": name, "first_page": volume.first_page, "last_page": volume.last_page}
            for name, volume in zip(written, filing.volumes, strict=True)
        ],
        "pages": filing.pages,
        "index": [
            {
                "tab": entry.tab,
                "title": entry.title,
                "first_page": entry.first_page,
                "last_page": entry.last_page,
                "part": entry.volume,
                "pages_of_document": entry.pages_of_document,
            }
            for entry in filing.index
        ],
        "left_out": [{"file": problem.name, "problem": problem.problem} for problem in left_out],
        "titles_changed": [{"title": title, "letters_left_out": letters} for title, letters in retitled],
        "notes": list(filing.notes),
    }
