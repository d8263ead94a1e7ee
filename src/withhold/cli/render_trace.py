"""The evaluation trace of a protection as a tree: each rule, its value, the facts it read, its note."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from withhold.cli.labels import value_style
from withhold.facts.describe import value_text
from withhold.logic.trace import Trace, json_value


def trace_tree(trace: Trace) -> Tree:
    tree = Tree(_node_text(trace), guide_style="dim")
    _add_children(tree, trace)
    return tree


def _add_children(branch: Tree, trace: Trace) -> None:
    for child in trace.children:
        _add_children(branch.add(_node_text(child)), child)


def _node_text(trace: Trace) -> Text:
    text = Text()
    if trace.role:
        text.append(f"{trace.role}: ", style="dim")
    text.append(trace.title)
    text.append(": ")
    text.append(value_text(trace.value), style=value_style(trace.value))
    text.append(f"  [{trace.label}]", style="dim")
    if trace.facts:
        shown = ", ".join(f"{path} = {_fact_value(value)}" for path, value in trace.facts)
        text.append(f"\nfacts: {shown}", style="dim")
    for name, value, _reference in trace.parameters:
        text.append(f"\nparameter: {name} = {_fact_value(value)}", style="dim")
    if trace.note:
        text.append(f"\n{trace.note}", style="italic")
    return text


def _fact_value(value: object) -> str:
    shown = json_value(value)
    if isinstance(shown, bool):
        return "true" if shown else "false"
    if isinstance(shown, list):
        return "[" + ", ".join(str(v) for v in shown) + "]"
    return "null" if shown is None else str(shown)
