"""A screening as text a lawyer can read in a minute.

Everything shown comes from the :class:`~withhold.screening.Screening` the core returned: statuses,
summaries, reasons, missing facts, points of legal analysis, assumptions, caveats, questions. Long lists
are cut to their first entries (the rest are still named, by path or rule id); ``FULL`` shows them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from withhold.cli.labels import (
    STATUS_LABELS,
    STATUS_STYLES,
    value_style,
)
from withhold.cli.render_trace import trace_tree
from withhold.facts.describe import fact_description, is_finding, value_text
from withhold.logic.protection import Determination, LegalPoint
from withhold.logic.trace import Trace, json_value
from withhold.screening import Screening

T = TypeVar("T")

DISCLAIMER = "Decision support, not legal advice: verify each point against the record."


@dataclass(frozen=True)
class Limits:
    """How many entries of each list to show; ``None`` shows all."""

    reasons: int | None = 8
    missing: int | None = 6
    legal: int | None = 3
    caveats: int | None = 3
    questions: int | None = 8


FULL = Limits(None, None, None, None, None)


@dataclass(frozen=True)
class Heading:
    """What the header says: whose case (display only) and which date the law is taken as of."""

    name: str
    law_as_of: dt.date
    date_source: str
    other_law_date: str | None = None
    """Said first when the law is taken as of another day than today."""


def render_screening(
    screening: Screening, heading: Heading, *, limits: Limits = Limits(), trace: bool = False
) -> Group:
    parts: list[RenderableType] = [_header(heading), Text()]
    shown_points: set[tuple[str, str]] = set()
    rank = {path: index for index, path in enumerate(screening.questions)}
    for determination in screening.determinations:
        parts.extend(_protection(determination, limits, shown_points, rank))
        if trace:
            parts.append(_indent(Text("Trace", style="bold"), 2))
            parts.append(_indent(trace_tree(determination.trace), 4))
        parts.append(Text())
    parts.append(_best(screening))
    parts.append(Text())
    parts.extend(_questions(screening.questions, limits.questions))
    parts.append(Text(DISCLAIMER, style="dim italic"))
    return Group(*parts)


# --- header and footer ---------------------------------------------------------------------------


def _header(heading: Heading) -> Text:
    text = Text()
    text.append("Withhold screening", style="bold")
    if heading.name:
        text.append(f" — {heading.name}", style="bold")
    text.append(f"\nLaw as of {heading.law_as_of.isoformat()}")
    text.append(f" ({heading.date_source})", style="dim")
    if heading.other_law_date:
        text.append(f"\n{heading.other_law_date}", style="bold yellow")
    return text


def _best(screening: Screening) -> Text:
    best = screening.best_protection
    text = Text("Best protection available: ", style="bold")
    if best == "none":
        text.append("none", style="bold red")
        text.append(" — every protection is barred or not available on these facts", style="dim")
    elif best == "undetermined":
        text.append("not yet known", style="bold yellow")
        text.append(
            " — a stronger protection is still undetermined and no weaker one is eligible", style="dim"
        )
    else:
        text.append(screening[best].protection.title, style="bold green")
    return text


def _questions(questions: Sequence[str], limit: int | None) -> Iterator[RenderableType]:
    if not questions:
        yield Text("Questions to ask next: none", style="bold")
        yield Text()
        return
    yield Text("Questions to ask next", style="bold")
    shown, rest = _cut(questions, limit)
    table = _grid(3)
    for number, path in enumerate(shown, start=1):
        table.add_row(Text(f"{number}."), _fact_path(path), _fact_text(path))
    yield _indent(table, 2)
    if rest:
        yield _indent(_more(len(rest), "more", rest), 2)
    yield Text()


# --- one protection ------------------------------------------------------------------------------


def _protection(
    determination: Determination, limits: Limits, shown_points: set[tuple[str, str]], rank: dict[str, int]
) -> Iterator[RenderableType]:
    status = determination.status.value
    title = Text(determination.protection.title, style="bold")
    title.append("  ")
    title.append(STATUS_LABELS[status], style=STATUS_STYLES[status])
    yield title
    yield _indent(Text(determination.summary), 2)
    yield from _section("Why", list(_reasons(determination.reasons, limits.reasons)))
    # The facts the interview would ask first come first (the order of the screening's questions).
    missing = sorted(determination.missing, key=lambda path: rank.get(path, len(rank)))
    yield from _section("Missing facts", list(_missing(missing, limits.missing)))
    yield from _section(
        "Needs legal analysis",
        list(_points(determination.needs_legal_analysis, limits.legal, shown_points)),
    )
    yield from _section("Assumed", list(_assumed(determination)))
    yield from _section(
        "Contested or changed law", list(_points(determination.caveats, limits.caveats, shown_points))
    )


def _section(title: str, body: list[RenderableType]) -> Iterator[RenderableType]:
    if body:
        yield _indent(Text(title, style="bold"), 2)
        for part in body:
            yield _indent(part, 4)


def _reasons(reasons: Sequence[Trace], limit: int | None) -> Iterator[RenderableType]:
    # Bars ruled out (an eligible protection lists them all) are one entry, not one entry each.
    ruled_out: list[Trace] = []
    listed: list[Trace] = []
    for reason in reasons:
        (ruled_out if reason.role == "bar" and json_value(reason.value) is False else listed).append(reason)
    shown, rest = _cut(listed, limit)
    table = _grid(2)
    for reason in shown:
        table.add_row(Text("•"), _reason(reason))
    if ruled_out:
        text = Text("No bar applies", style="bold")
        text.append(" — ruled out: " + "; ".join(t.title for t in ruled_out) + ".")
        table.add_row(Text("•"), text)
    if shown or ruled_out:
        yield table
    if rest:
        yield _more(len(rest), "more", [t.label for t in rest])


def _reason(reason: Trace) -> Text:
    text = Text(f"{reason.title} — ")
    text.append(value_text(reason.value), style=value_style(reason.value))
    details = "  ·  ".join(
        [reason.label, "; ".join(reason.citations)] if reason.citations else [reason.label]
    )
    text.append("\n" + details, style="dim")
    if reason.note:
        text.append("\n" + reason.note, style="italic")
    return text


def _missing(missing: Sequence[str], limit: int | None) -> Iterator[RenderableType]:
    shown, rest = _cut(missing, limit)
    if shown:
        table = _grid(2)
        for path in shown:
            table.add_row(_fact_path(path), _fact_text(path))
        yield table
    if rest:
        yield _more(len(rest), "more", rest)


def _points(
    points: Sequence[LegalPoint], limit: int | None, shown_points: set[tuple[str, str]]
) -> Iterator[RenderableType]:
    """Legal points and caveats; one already shown under a stronger protection is named, not repeated."""
    fresh = [p for p in points if (p.rule, p.why) not in shown_points]
    repeated = [p for p in points if (p.rule, p.why) in shown_points]
    shown, rest = _cut(fresh, limit)
    if shown:
        table = _grid(2)
        for point in shown:
            table.add_row(Text(point.rule, style="cyan"), Text(point.why))
            shown_points.add((point.rule, point.why))
        yield table
    if rest:
        yield _more(len(rest), "more", [p.rule for p in rest])
    if repeated:
        yield Text("Also, as above: " + ", ".join(p.rule for p in repeated), style="dim")


def _assumed(determination: Determination) -> Iterator[RenderableType]:
    if determination.assumptions:
        table = _grid(2)
        for assumption in determination.assumptions:
            table.add_row(_fact_path(assumption.fact), Text(assumption.note))
        yield table


# --- helpers -------------------------------------------------------------------------------------


def _fact_path(path: str) -> Text:
    return Text(path, style="cyan")


def _fact_text(path: str) -> Text:
    text = Text(fact_description(path))
    if is_finding(path):
        text.append(" (finding)", style="dim")
    return text


def _more(count: int, what: str, names: Sequence[str]) -> Text:
    return Text(f"… {count} {what}: " + ", ".join(names), style="dim")


def _cut(items: Sequence[T], limit: int | None) -> tuple[Sequence[T], Sequence[T]]:
    """The first ``limit`` items and the rest (cutting only when it saves at least two entries)."""
    if limit is None or len(items) <= limit + 1:
        return items, ()
    return items[:limit], items[limit:]


def _grid(columns: int) -> Table:
    """A borderless table whose last column wraps under itself (a hanging indent)."""
    table = Table.grid(padding=(0, 2))
    for index in range(columns):
        last = index == columns - 1
        table.add_column(no_wrap=not last, overflow="fold", ratio=1 if last else None)
    return table


def _indent(renderable: RenderableType, columns: int) -> Padding:
    return Padding(renderable, (0, 0, 0, columns), expand=False)
