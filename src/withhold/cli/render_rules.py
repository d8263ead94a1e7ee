"""The law as declared: a table of every rule, and one rule explained.

Both read only what a rule declares (ids, titles, citations, dated versions, the facts it reads, the rules
it uses, its parameters); nothing is evaluated.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
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


def matching(rules: Sequence[Rule], grep: str | None = None, cites: str | None = None) -> list[Rule]:
    """The rules whose id or title contains ``grep`` and one of whose citations contains ``cites`` (each
    ignoring case and spacing; an option not given matches every rule)."""

    def has(texts: Sequence[str], wanted: str | None) -> bool:
        return wanted is None or any(_plain(wanted) in _plain(text) for text in texts)

    return [rule for rule in rules if has((rule.id, rule.title), grep) and has(_citations(rule), cites)]


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def _citations(rule: Rule) -> list[str]:
    return [*rule.citations, *(cite for version in rule.versions for cite in version.citations)]


def rules_table(rules: Sequence[Rule]) -> Group:
    count = "No rule matches." if not rules else f"{len(rules)} rule{'s' if len(rules) > 1 else ''}."
    note = Text(f"{count} `withhold explain RULE-ID` shows one in full.", style="dim")
    return Group(RulesTable(rules), note)


class RulesTable:
    """The table of rules, laid out for the width it is printed in: a rule id is never wrapped or cut
    (at 80 columns too). Where the three columns do not fit beside the longest id, the dates in force wrap
    first; then the dates and the references share one column, one under the other. The title and the
    citations wrap under the id."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = rules

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        longest_id = max((len(rule.id) for rule in self.rules), default=0)
        periods = [period_text(rule.in_force) for rule in self.rules]
        period_width = max((len(text) for text in periods), default=0)
        word_width = max((len(word) for text in periods for word in text.split()), default=0)
        reference_width = max((len(ref) for rule in self.rules for ref in rule.reference), default=0)
        reference_width = max(reference_width, len("Reference"))
        if longest_id + period_width + reference_width + 4 > options.max_width:
            period_width = word_width
        apart = longest_id + max(period_width, len("In force")) + reference_width + 4 <= options.max_width
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        table.add_column("Rule: id, title, citations", ratio=1, overflow="fold")
        if apart:
            table.add_column("In force", width=max(period_width, len("In force")))
            table.add_column("Reference", width=reference_width, no_wrap=True)
        else:
            table.add_column("In force\nReference", width=max(word_width, reference_width), no_wrap=True)
        for rule, period in zip(self.rules, periods, strict=True):
            name = Text(rule.id, style="bold cyan")
            name.append("\n" + rule.title)
            if rule.citations:
                name.append("\n" + "; ".join(rule.citations), style="dim")
            references = Text("\n".join(rule.reference))
            if apart:
                table.add_row(name, Text(period), references, end_section=True)
            else:
                table.add_row(
                    name, Text("\n".join([*period.split(" ", 1), *rule.reference])), end_section=True
                )
        yield table


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
    facts.add_row(_label("Defined in"), Text("\n".join(defined_in(rule)) or "—"))
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


PACKAGE_PARENT = Path(__file__).resolve().parents[2]
"""The folder that holds the ``withhold`` package: places are shown from the package's name on."""


def defined_in(rule: Rule) -> list[str]:
    """Where each version's body is written, as ``withhold/law/asylum/one_year.py:42`` (each place once)."""
    places: list[str] = []
    for version in rule.versions:
        body = inspect.unwrap(version.body)
        try:
            path = Path(inspect.getsourcefile(body) or "")
            line = inspect.getsourcelines(body)[1]
        except (TypeError, OSError):  # not Python source (a builtin, a compiled module)
            continue
        shown = path.relative_to(PACKAGE_PARENT) if path.is_relative_to(PACKAGE_PARENT) else path
        place = f"{shown.as_posix()}:{line}"
        if place not in places:
            places.append(place)
    return places


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
