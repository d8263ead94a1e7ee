"""Small wordings shared by the renderers: values, periods, people, fact descriptions."""

from __future__ import annotations

from typing import Any

from withhold.facts.case import Person
from withhold.facts.paths import FactInfo, catalogue
from withhold.logic.evaluate import generic
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


def value_text(value: Any) -> str:
    """A rule's value in words: yes, no, unknown, or the value itself (a date, a number)."""
    shown = json_value(value)
    if shown is True:
        return "yes"
    if shown is False:
        return "no"
    if isinstance(shown, list):
        return ", ".join(str(v) for v in shown) or "none"
    return "not set" if shown is None else str(shown)


def value_style(value: Any) -> str:
    return "yellow" if json_value(value) == "unknown" else "bold"


def fact_info(path: str) -> FactInfo | None:
    """The catalogue entry for a concrete or generic path (``convictions[0].x`` → ``convictions[].x``)."""
    return catalogue().get(generic(path))


def fact_description(path: str) -> str:
    info = fact_info(path)
    return info.description if info else ""


def is_finding(path: str) -> bool:
    info = fact_info(path)
    return bool(info and info.finding)


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


def person_name(person: Person) -> str:
    """The person's name for a header (display only; no rule reads it)."""
    parts = [person.given_name, person.middle_name, person.family_name]
    return " ".join(part.strip() for part in parts if part and part.strip())
