"""A case's deadlines as text: what has passed, what is due soon, what comes later, and what cannot be
computed yet and which facts would fix it.

Everything shown comes from the :class:`~withhold.deadlines.schedule.Schedule` the core returned: dates,
statuses, how each date was counted, the rule and its citations, the notes. Each entry is a date column
and a text column that wraps under itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from withhold.deadlines.schedule import SOON_DAYS, Entry, Schedule
from withhold.deadlines.sections import PARTS, Part, sections
from withhold.facts.describe import fact_description
from withhold.facts.loading import CaseIssue
from withhold.language import days_in_words
from withhold.law.deadlines.model import Kind, Standing

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # not strftime: no locale

TITLES: dict[Part, str] = {
    "past": "Past",
    "soon": f"Due soon (within {SOON_DAYS} days)",
    "later": "Later",
    "unknown": "Cannot be computed yet",
    "exempt": "Does not apply to this person",
}

STATUS_STYLES = {
    Standing.MISSED: "bold red",
    Standing.MET: "bold green",
    Standing.PAST: "bold",
    Standing.UPCOMING: "bold",
    Standing.UNKNOWN: "bold yellow",
    Standing.EXEMPT: "bold green",
}
SOON_STYLE = "bold yellow"
KIND_WORDS = {
    Kind.DEADLINE: "deadline",
    Kind.EARLIEST: "earliest date",
    Kind.WINDOW_END: "end of the window",
}
SOON_WORDS = {Kind.DEADLINE: "DUE", Kind.EARLIEST: "OPENS", Kind.WINDOW_END: "ENDS"}

DISCLAIMER = "Decision support, not legal advice: verify each date against the record and the judge's orders."


@dataclass(frozen=True)
class DeadlinesHeading:
    """What the header says: the case's label (never a name unless the user chose it), and the date."""

    label: str
    as_of: dt.date
    date_source: str
    warnings: tuple[CaseIssue, ...] = ()
    other_law_date: str | None = None
    """Said first when the law is taken as of another day than today."""


def day_text(day: dt.date) -> str:
    """``Mon 2027-02-01``."""
    return f"{WEEKDAYS[day.weekday()]} {day.isoformat()}"


def render_deadlines(schedule: Schedule, heading: DeadlinesHeading) -> Group:
    parts: list[RenderableType] = [_header(heading), Text()]
    found = sections(schedule)
    for part in PARTS:
        if part != "unknown" or found[part]:  # an empty "cannot be computed" part is left out
            parts.extend(_group(part, found[part], schedule.today))
    parts.append(Text(DISCLAIMER, style="dim italic"))
    return Group(*parts)


# --- header --------------------------------------------------------------------------------------


def _header(heading: DeadlinesHeading) -> Text:
    text = Text()
    text.append("Withhold deadlines", style="bold")
    if heading.label:
        text.append(f" — {heading.label}", style="bold")
    text.append(f"\nAs of {day_text(heading.as_of)}")
    text.append(f" ({heading.date_source})", style="dim")
    if heading.other_law_date:
        text.append(f"\n{heading.other_law_date}", style="bold yellow")
    if heading.warnings:
        paths = ", ".join(dict.fromkeys(issue.path for issue in heading.warnings))
        count = len(heading.warnings)
        text.append(
            f"\nCheck these dates first ({count} warning{'s' if count > 1 else ''} on standard error): "
            f"{paths}",
            style="bold red",
        )
    return text


# --- groups and entries --------------------------------------------------------------------------


def _group(part: Part, entries: Sequence[Entry], as_of: dt.date) -> Iterator[RenderableType]:
    yield Text(TITLES[part], style=SOON_STYLE if part == "soon" else "bold")
    if not entries:
        yield _indent(Text("none", style="dim"), 2)
        yield Text()
        return
    table = _grid()
    for index, entry in enumerate(entries):
        if index:
            table.add_row(Text(), Text())
        if entry.status is Standing.EXEMPT:
            table.add_row(Text("no date", style="green"), _unknown(entry))
        elif entry.due is None:
            table.add_row(Text("no date yet", style="yellow"), _unknown(entry))
        else:
            table.add_row(*_dated(entry, as_of))
    yield _indent(table, 2)
    yield Text()


def _dated(entry: Entry, as_of: dt.date) -> tuple[Text, Text]:
    due = entry.due
    assert due is not None
    soon = entry.soon(as_of)
    date_style = (
        SOON_STYLE if soon else STATUS_STYLES[entry.status] if entry.status is Standing.MISSED else ""
    )
    body = _title_line(entry, as_of)
    left = entry.days_left(as_of)
    when = Text()
    if soon and left is not None:
        phrase = days_in_words(left, "en")
        when.append(f"{SOON_WORDS[due.kind]} {phrase.upper()}", style=SOON_STYLE)
    elif left is not None:
        when.append(days_in_words(left, "en"))
    when.append(f"  ·  {KIND_WORDS[due.kind]}")
    if due.done_on is not None:
        on_time = due.done_on <= due.date
        when.append(f"  ·  done on {day_text(due.done_on)}" + ("" if on_time else " (late)"))
    elif due.not_done:
        when.append("  ·  not done yet")
    body.append("\n")
    body.append_text(when)
    body.append(f"\ncounted: {due.counting}")
    _cited(body, entry)
    _notes(body, entry.notes)
    return Text(day_text(due.date), style=date_style), body


def _unknown(entry: Entry) -> Group:
    parts: list[RenderableType] = [_title_line(entry, None)]
    if entry.depends:
        parts.append(Text("needs:"))
        needs = Table.grid(padding=(0, 2))
        needs.add_column(no_wrap=True)
        needs.add_column(overflow="fold", ratio=1)
        for path in entry.depends:
            needs.add_row(Text(path, style="cyan"), Text(fact_description(path)))
        parts.append(_indent(needs, 2))
    details = Text()
    _cited(details, entry)
    _notes(details, entry.notes)
    parts.append(details[1:])  # without the newline _cited starts with
    return Group(*parts)


def _title_line(entry: Entry, as_of: dt.date | None) -> Text:
    text = Text()
    text.append(entry.status.value.upper(), style=STATUS_STYLES[entry.status])
    text.append("  ")
    text.append(entry.title, style=SOON_STYLE if as_of is not None and entry.soon(as_of) else "bold")
    if entry.item is not None:
        hearing = (
            f"hearing on {day_text(entry.due.start)}"
            if entry.due is not None and entry.due.starts_from != "proceedings.filing_deadline"
            else f"proceedings.hearings[{entry.item}]"
        )
        text.append(f" ({hearing})")
    return text


def _cited(body: Text, entry: Entry) -> None:
    details = "  ·  ".join([entry.rule, "; ".join(entry.citations)] if entry.citations else [entry.rule])
    body.append("\n" + details, style="dim")


def _notes(body: Text, notes: Sequence[str]) -> None:
    for note in notes:
        body.append(f"\nnote: {note}", style="italic")


# --- helpers -------------------------------------------------------------------------------------


def _grid() -> Table:
    """A borderless table: the date, then the entry, which wraps under itself (a hanging indent)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, min_width=len("Mon 2027-02-01"))
    table.add_column(overflow="fold", ratio=1)
    return table


def _indent(renderable: RenderableType, columns: int) -> Padding:
    return Padding(renderable, (0, 0, 0, columns), expand=False)
