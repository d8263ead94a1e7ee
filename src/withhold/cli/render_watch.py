"""The law watch in the terminal: what changed between two dates, and what has not been checked for a
while. Both render what the core's watch returns; nothing is evaluated here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from withhold.watch import LawChange, Unchecked

KIND_WORDS = {
    "rule_begins": "rule begins",
    "rule_version": "new version",
    "rule_ends": "rule ends",
    "parameter": "new value",
    "comparison": "comparison",
    "development": "litigation or precedent",
}


def changes_table(found: Sequence[LawChange], since: dt.date, until: dt.date) -> Group:
    heading = Text(f"Changes in the law from {since.isoformat()} to {until.isoformat()}", style="bold")
    if not found:
        return Group(heading, Text("No change recorded in that window.", style="dim"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("What", ratio=1, overflow="fold")
    for change in found:
        body = Text(KIND_WORDS[change.kind.value], style="bold")
        body.append("  ")
        body.append(change.subject, style="cyan")
        body.append(f"\n{change.title}\n{change.text}")
        body.append("\n" + "; ".join(change.citations), style="dim")
        if change.verified_on:
            body.append(f"\nsource checked {change.verified_on.isoformat()}", style="dim")
        table.add_row(Text(change.on.isoformat()), body, end_section=True)
    note = Text(
        f"{len(found)} changes. Decision support, not legal advice: check each against its source.",
        style="dim",
    )
    return Group(heading, table, note)


def stale_table(found: Sequence[Unchecked], today: dt.date, days: int) -> Group:
    heading = Text(
        f"Not checked against its source in the {days} days before {today.isoformat()}", style="bold"
    )
    if not found:
        return Group(heading, Text("Everything was checked within that time.", style="dim"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Checked", no_wrap=True)
    table.add_column("What", ratio=1, overflow="fold")
    for item in found:
        body = Text(item.kind.replace("_", " "), style="bold")
        body.append("  ")
        body.append(item.subject, style="cyan")
        body.append(f"  {item.what}")
        body.append("\n" + "; ".join(item.citations), style="dim")
        table.add_row(Text(item.verified_on.isoformat()), body)
    return Group(heading, table, Text(f"{len(found)} items to check.", style="dim"))
