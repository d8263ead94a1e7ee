"""Small wordings of the terminal's renderers: status labels and styles, value styles, periods.

What the faces share (a value in words, a fact's description, the person's name) is
:mod:`withhold.facts.describe`."""

from __future__ import annotations

from typing import Any

from withhold.logic.period import Period
from withhold.logic.trace import json_value

STATUS_LABELS = {
    "eligible": "ELIGIBLE",
    "not_eligible": "NOT ELIGIBLE",
    "barred": "BARRED",
    "undetermined": "UNDETERMINED",
}
STATUS_STYLES = {
    "eligible": "bold green",
    "not_eligible": "bold red",
    "barred": "bold red",
    "undetermined": "bold yellow",
}


def value_style(value: Any) -> str:
    return "yellow" if json_value(value) == "unknown" else "bold"


def period_text(period: Period) -> str:
    if period.start is None and period.end is None:
        return "always"
    if period.end is None:
        return f"from {period.start.isoformat() if period.start else '…'}"
    if period.start is None:
        return f"until {period.end.isoformat()}"
    return f"{period.start.isoformat()} – {period.end.isoformat()}"


def period_json(period: Period) -> dict[str, str | None]:
    return {
        "from": period.start.isoformat() if period.start else None,
        "to": period.end.isoformat() if period.end else None,
    }
