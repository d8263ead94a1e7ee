"""Reading and writing a case document (a nested mapping) by a dotted path without list items
(``person.address.city``). Empty sections left behind by a removal are removed too."""

from __future__ import annotations

from typing import Any

MISSING: Any = object()
"""Not in the document: unknown (distinct from an explicit null)."""


def get(document: dict[str, Any], path: str) -> Any:
    node: Any = document
    for step in path.split("."):
        if not isinstance(node, dict) or step not in node:
            return MISSING
        node = node[step]
    return node


def put(document: dict[str, Any], path: str, value: Any) -> None:
    steps = path.split(".")
    node = document
    for step in steps[:-1]:
        if not isinstance(node.get(step), dict):
            node[step] = {}
        node = node[step]
    node[steps[-1]] = value


def remove(document: dict[str, Any], path: str) -> None:
    steps = path.split(".")
    trail: list[tuple[dict[str, Any], str]] = []
    node: Any = document
    for step in steps[:-1]:
        if not isinstance(node, dict) or not isinstance(node.get(step), dict):
            return
        trail.append((node, step))
        node = node[step]
    if isinstance(node, dict):
        node.pop(steps[-1], None)
    for parent, step in reversed(trail):
        if parent[step] == {}:
            del parent[step]
