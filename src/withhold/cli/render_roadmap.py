"""Text of ``withhold roadmap``: the stages of the case's proceeding, where it stands, and the dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from withhold.cli.options import other_law_date
from withhold.cli.render_deadlines import day_text
from withhold.language import days_in_words
from withhold.law.deadlines.model import Standing
from withhold.roadmap import Roadmap, StageState, StageView

MARKS = {
    StageState.DONE: ("✓", "green"),
    StageState.CURRENT: ("▶", "bold yellow"),
    StageState.TO_CONFIRM: ("?", "cyan"),
    StageState.AHEAD: ("·", "dim"),
    StageState.NOT_APPLICABLE: ("–", "dim"),
}
WORDS = {
    StageState.DONE: "done",
    StageState.CURRENT: "you are here",
    StageState.TO_CONFIRM: "not recorded: confirm",
    StageState.AHEAD: "ahead",
    StageState.NOT_APPLICABLE: "only after a grant",
}


def render_roadmap(road: Roadmap, heading: str) -> RenderableType:
    return Group(*_lines(road, heading))


def _lines(road: Roadmap, heading: str) -> Iterator[RenderableType]:
    kind = (road.kind or "unknown").replace("_", " ")
    yield Text(heading, style="bold")
    yield Text(f"Proceeding: {kind}; as of {road.as_of.isoformat()}")
    banner = other_law_date(road.as_of, road.counted_from)
    if banner:
        yield Text(banner, style="bold yellow")
    if road.note:
        yield Text(f"Note: {road.note}", style="yellow")
    yield Text("")
    for number, view in enumerate(road.stages, start=1):
        yield from _stage(number, view, road.counted_from)
    yield Text(
        "Decision support, not legal advice: verify each date against the court's notices.", style="dim"
    )


def _detail(text: Text | str, indent: int = 5) -> Padding:
    """An indented line whose wrapped continuation keeps the indent."""
    return Padding(text if isinstance(text, Text) else Text(text), (0, 0, 0, indent))


def _stage(number: int, view: StageView, as_of: dt.date) -> Iterator[RenderableType]:
    mark, style = MARKS[view.state]
    title = Text(f"{mark} {number}. ", style=style)
    title.append(view.stage.title, style="bold" if view.state is StageState.CURRENT else "")
    title.append(f"  ({WORDS[view.state]})", style=style)
    yield title
    detailed = view.state in (StageState.CURRENT, StageState.TO_CONFIRM, StageState.AHEAD)
    if detailed:
        yield _detail(view.stage.happens)
    for label, day in view.events:
        yield _detail(f"{label}: {day_text(day)}")
    for entry in view.deadlines:
        if entry.date is None:
            needs = ", ".join(entry.depends) or "more facts"
            yield _detail(Text(f"{entry.title}: cannot be computed yet (needs {needs})", style="dim"))
            continue
        when = days_in_words((entry.date - as_of).days, "en")
        line = Text(f"{entry.title}: {day_text(entry.date)} ({when}, {entry.status.value})")
        if entry.status is Standing.MISSED:
            line.stylize("red")
        elif entry.soon(as_of):
            line.stylize("bold yellow")
        yield _detail(line)
    if view.state is StageState.CURRENT:
        yield _detail(Text("Bring:", style="bold"))
        for item in view.stage.bring:
            yield _detail(f"• {item}", 7)
    if detailed:
        yield _detail(Text("Authority: " + "; ".join(view.stage.authority), style="dim"))
    yield Text("")
