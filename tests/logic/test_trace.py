"""Traces, the record of an evaluation."""

from __future__ import annotations

import dataclasses

from withhold.logic.trace import Assumption, Trace


def test_a_node_in_another_role_keeps_everything_else() -> None:
    """``Trace.with_role`` (built directly, for speed) is ``dataclasses.replace`` with the role: a field
    added to Trace and forgotten there would fail here."""
    values: dict[str, object] = {}
    for number, field in enumerate(dataclasses.fields(Trace)):
        values[field.name] = {
            "depends": frozenset({"a.b"}),
            "children": (Trace("child", "Child", (), True, frozenset()),),
            "assumptions": (Assumption("a.b", "note"),),
            "item": number,
        }.get(field.name, f"value {number}")
    full = Trace(**values)  # type: ignore[arg-type]
    assert full.with_role("exception") == dataclasses.replace(full, role="exception")
