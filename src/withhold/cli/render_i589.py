"""What ``withhold i589`` prints: where the filled form went, the supplements it needed, and the form's
questions still unanswered, by part and line, with the case/1 facts that would answer each.

An application with an unanswered question can be returned as incomplete (8 CFR 1208.3(c)(3)), and a
returned application does not stop the one-year clock: the list comes first, before the notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from withhold.forms import FilledForm, Unanswered

PART_TITLES = {
    "A.I": "Part A.I  Information about you",
    "A.II": "Part A.II  Your spouse and children",
    "A.III": "Part A.III  Your background",
    "B": "Part B  Your application",
    "C": "Part C  Additional information",
    "D": "Part D  Your signature",
    "E": "Part E  The preparer",
}
COMPLETE = (
    "Every question the form map covers is answered. Check the filled form against the case before it is "
    "signed."
)
INCOMPLETE = (
    "An application with an unanswered question can be returned as incomplete (8 CFR 1208.3(c)(3)), and a "
    "returned application does not stop the one-year clock. Answer these in the case file and fill the form "
    "again, or answer them on the form by hand."
)
IF_ANY = (
    'Questions marked "if any" still need an answer: the value, or N/A (list the fact under '
    "application.not_applicable)."
)
SIGN = (
    "Not filled on purpose: signatures and their dates (Part D, Part E, each supplement used) and Parts F "
    "and G, completed at the interview or hearing."
)
FOOTER = "Decision support, not legal advice: check every answer against the record before filing."


def _line(item: Unanswered) -> str:
    return item.line if item.number is None else f"line {item.line}"


def _unanswered_table(items: Sequence[Unanswered]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(ratio=3)
    table.add_column(ratio=2)
    for line, group in groupby(items, key=_line):
        for index, item in enumerate(group):
            ask = Text(item.ask)
            if item.if_any:
                ask.append("  (if any)", style="dim")
            if item.reason:
                ask.append(f"  — {item.reason}", style="yellow")
            table.add_row(Text(line if index == 0 else "", style="bold"), ask, Text(", ".join(item.facts)))
    return table


def render_filled(result: FilledForm, written_to: str) -> RenderableType:
    parts: list[RenderableType] = [
        # One line, whatever the width: the path stays whole, to copy and to grep.
        Text(
            f"Form I-589 (edition {result.edition}) filled: {written_to}",
            style="bold",
            no_wrap=True,
            overflow="ignore",
        ),
    ]
    supplements = []
    if result.supplement_a_pages:
        supplements.append(f"Supplement A: {result.supplement_a_pages} page(s), children after the fourth")
    if result.supplement_b_pages:
        supplements.append(f"Supplement B: {result.supplement_b_pages} page(s), answers continued")
    parts.extend(Text(f"  {line}") for line in supplements)
    parts.append(Text(""))
    if not result.unanswered:
        parts.append(Text(COMPLETE, style="green"))
    else:
        parts.append(Text(f"Unanswered questions: {len(result.unanswered)}", style="bold yellow"))
        parts.append(Text(INCOMPLETE))
        for part, group in groupby(result.unanswered, key=lambda u: u.part):
            parts.append(Text(""))
            parts.append(Text(PART_TITLES.get(part, f"Part {part}"), style="bold"))
            parts.append(Padding(_unanswered_table(list(group)), (0, 0, 0, 2)))
        if any(item.if_any for item in result.unanswered):
            parts.extend([Text(""), Text(IF_ANY)])
    if result.notes:
        parts.extend([Text(""), Text("Notes", style="bold")])
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True)
        notes.add_column()
        for note in result.notes:
            notes.add_row("•", Text(note))
        parts.append(Padding(notes, (0, 0, 0, 2)))
    parts.extend([Text(""), Text(SIGN), Text(""), Text(FOOTER, style="dim")])
    return Group(*parts)


def filled_json(result: FilledForm, written_to: str) -> dict[str, Any]:
    return {
        "form": "I-589",
        "edition": result.edition,
        "output": written_to,
        "supplement_a_pages": result.supplement_a_pages,
        "supplement_b_pages": result.supplement_b_pages,
        "unanswered": [
            {
                "part": item.part,
                "line": item.line,
                "question": item.ask,
                "facts": list(item.facts),
                "if_any": item.if_any,
                "reason": item.reason,
            }
            for item in result.unanswered
        ],
        "notes": list(result.notes),
    }
