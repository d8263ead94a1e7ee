"""How the faces (terminal, reports, web) describe a case's facts: a fact path's description from the
case model and whether it is a finding for the judge, the person's name, and a fact's or a rule's value
in words. Shared here, below the faces, so that each says the same thing without importing another face."""

from __future__ import annotations

from typing import Any

from withhold.facts.case import Person
from withhold.facts.paths import FactInfo, catalogue
from withhold.logic.evaluate import generic
from withhold.logic.trace import json_value


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


def fact_info(path: str) -> FactInfo | None:
    """The catalogue entry for a concrete or generic path (``convictions[0].x`` → ``convictions[].x``)."""
    return catalogue().get(generic(path))


def fact_description(path: str) -> str:
    info = fact_info(path)
    return info.description if info else ""


def is_finding(path: str) -> bool:
    info = fact_info(path)
    return bool(info and info.finding)


def person_name(person: Person) -> str:
    """The person's name for a header (display only; no rule reads it)."""
    parts = [person.given_name, person.middle_name, person.family_name]
    return " ".join(part.strip() for part in parts if part and part.strip())
