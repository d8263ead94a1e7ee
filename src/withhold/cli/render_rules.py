"""The law as declared: a table of every rule, and one rule explained.

Both read only what a rule declares (ids, titles, citations, dated versions, the facts it reads, the rules
it uses, its parameters); nothing is evaluated.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from withhold.cli.labels import period_json, period_text
from withhold.facts.describe import fact_info, value_text
from withhold.logic.rule import LAW_AS_OF, Rule
from withhold.parameters import Parameters

# --- the list of rules ---------------------------------------------------------------------------


def rules_json(rules: Sequence[Rule]) -> dict[str, Any]:
    return {
        "rules": [
            {
                "id": rule.id,
                "title": rule.title,
                "citations": list(rule.citations),
                "in_force": period_json(rule.in_force),
                "reference": list(rule.reference),
            }
            for rule in rules
        ]
    }


def rules_table(rules: Sequence[Rule]) -> Group:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Rule: id, title, citations", ratio=1, overflow="fold")
    table.add_column("In force", no_wrap=True)
    table.add_column("Reference", no_wrap=True)
    for rule in rules:
        name = Text(rule.id, style="bold cyan")
        name.append("\n" + rule.title)
        if rule.citations:
            name.append("\n" + "; ".join(rule.citations), style="dim")
        table.add_row(
            name, Text(period_text(rule.in_force)), Text("\n".join(rule.reference)), end_section=True
        )
    note = Text(f"{len(rules)} rules. `withhold explain RULE-ID` shows one in full.", style="dim")
    return Group(table, note)


# --- one rule ------------------------------------------------------------------------------------


def explain(rule: Rule, parameters: Parameters) -> Group:
    parts: list[RenderableType] = [
        Text(rule.id, style="bold cyan"),
        Text(rule.title, style="bold"),
        Text(),
    ]
    facts = _grid()
    facts.add_row(_label("Citations"), Text("\n".join(rule.citations)))
    facts.add_row(_label("Rules reference"), Text(", ".join(rule.reference) or "—"))
    facts.add_row(_label("In force"), Text(period_text(rule.in_force)))
    facts.add_row(_label("Version chosen by"), _selected_by(rule))
    if rule.per:
        facts.add_row(_label("Applies to"), Text(f"each item of {rule.per}, one at a time"))
    if rule.in_force.start or rule.in_force.end:
        facts.add_row(_label("Outside its periods"), Text(_when_not_in_force(rule)))
    parts.append(facts)
    parts.extend(_section("Versions", list(_versions(rule))))
    parts.extend(_section("Facts it reads", list(_reads(rule))))
    parts.extend(_section("Rules it uses", list(_rules(rule.uses))))
    parts.extend(_section("Exceptions", list(_rules(rule.exceptions))))
    parts.extend(_section("Parameters", list(_parameters(rule, parameters))))
    if rule.judgement:
        parts.extend(_section("Needs legal analysis when unknown", [Text(rule.judgement)]))
    if rule.caveat:
        parts.extend(_section("Contested or changed law", [Text(rule.caveat)]))
    if rule.explanation:
        parts.extend(_section("Explanation", [Text(_paragraphs(rule.explanation))]))
    return Group(*parts)


def _paragraphs(text: str) -> str:
    """Docstring-style text as paragraphs: lines joined, indentation dropped, blank lines kept."""
    paragraphs = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _selected_by(rule: Rule) -> Text:
    if rule.selected_by == LAW_AS_OF:
        return Text("the evaluation date (the law as of the screening date)")
    text = Text(rule.selected_by, style="cyan")
    description = (info.description if (info := fact_info(rule.selected_by)) else "").strip()
    if description:
        text.append(f" ({description})")
    text.append("; when it is unknown, every version it could select is applied and must agree")
    return text


def _when_not_in_force(rule: Rule) -> str:
    value = rule.when_not_in_force
    if value is False:
        return "false (the rule does not hold)"
    if value is True:
        return "true (the rule holds)"
    return value_text(value)


def _versions(rule: Rule) -> Iterator[RenderableType]:
    table = _grid()
    for version in rule.versions:
        body = Text(version.label or "—")
        if version.citations:
            body.append("\n" + "\n".join(version.citations), style="dim")
        if version.caveat:
            body.append("\nCaveat: " + version.caveat, style="italic")
        table.add_row(Text(period_text(version.in_force)), body)
    yield table


def _reads(rule: Rule) -> Iterator[RenderableType]:
    if not rule.all_reads:
        return
    table = _grid()
    for path in rule.all_reads:
        info = fact_info(path)
        text = Text(info.description if info else "(not in the case format)")
        if info and info.finding:
            text.append(" — a finding (judgement)", style="yellow")
        table.add_row(Text(path, style="cyan"), text)
    yield table


def _rules(rules: Sequence[Rule]) -> Iterator[RenderableType]:
    if not rules:
        return
    table = _grid()
    for used in rules:
        table.add_row(Text(used.id, style="cyan"), Text(used.title))
    yield table


def _parameters(rule: Rule, parameters: Parameters) -> Iterator[RenderableType]:
    for name in rule.parameters:
        yield Text(name, style="cyan")
        parameter = parameters.all.get(name)
        if parameter is None:
            yield Padding(Text("(no such parameter)", style="red"), (0, 0, 0, 2), expand=False)
            continue
        body = Text()
        if parameter.description:
            body.append(parameter.description + "\n")
        for entry in parameter.values:
            body.append(f"from {entry.start.isoformat()}: ")
            body.append(
                "none (not in force)" if entry.value is None else value_text(entry.value), style="bold"
            )
            if entry.reference != parameter.reference:
                body.append(f"  ({entry.reference})", style="dim")
            body.append(f"  checked {entry.verified_on.isoformat()}", style="dim")
            body.append("\n")
        body.append(parameter.reference, style="dim")
        yield Padding(body, (0, 0, 0, 2), expand=False)


def _section(title: str, body: list[RenderableType]) -> Iterator[RenderableType]:
    if body:
        yield Text()
        yield Text(title, style="bold")
        for part in body:
            yield Padding(part, (0, 0, 0, 2), expand=False)


def _label(text: str) -> Text:
    return Text(text, style="bold")


def _grid() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    return table
