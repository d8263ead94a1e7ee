"""What changed in the law between two dates, each change with its date, its citation and the day its
source was last checked: a rule's new version (or its beginning, or the end of its last one), a
parameter's new value, a comparison cell's new version, and the dated developments (litigation, new
precedents) the rules record.

A change on ``since`` or on ``until`` is included: the two dates bound the window both ways.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from withhold.law.registry import all_rules
from withhold.logic.rule import Rule
from withhold.parameters import Parameter
from withhold.parameters import load as load_parameters
from withhold.preparation.comparison import Cell, table


class Kind(StrEnum):
    RULE_BEGINS = "rule_begins"
    """A rule's first version: before it the rule had no effect."""
    RULE_VERSION = "rule_version"
    """A rule's later version: the law it encodes changed."""
    RULE_ENDS = "rule_ends"
    """A rule's last version ended, with nothing after it."""
    PARAMETER = "parameter"
    """A dated value: a fee, a period, the list of agreements in force."""
    COMPARISON = "comparison"
    """What a protection gives or requires changed (a row of the comparison)."""
    DEVELOPMENT = "development"
    """Litigation or a new reading that changes how far a rule can be relied on."""


@dataclass(frozen=True)
class LawChange:
    on: dt.date
    kind: Kind
    subject: str
    """The rule id, the parameter's name, or ``row/protection`` of the comparison."""
    title: str
    text: str
    citations: tuple[str, ...]
    verified_on: dt.date | None

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "kind": self.kind.value,
            "subject": self.subject,
            "title": self.title,
            "text": self.text,
            "citations": list(self.citations),
            "verified_on": self.verified_on.isoformat() if self.verified_on else None,
        }


def changes(since: dt.date, until: dt.date) -> tuple[LawChange, ...]:
    """Every change in the law from ``since`` to ``until``, both included, oldest first."""
    if until < since:
        raise ValueError(f"--since {since.isoformat()} is after --until {until.isoformat()}")
    found = [*_rules(), *_parameters(), *_comparison()]
    within = [change for change in found if since <= change.on <= until]
    return tuple(sorted(within, key=lambda c: (c.on, list(Kind).index(c.kind), c.subject)))


def _rules() -> Iterator[LawChange]:
    for rule in all_rules():
        yield from _versions(rule)
        for development in rule.developments:
            yield LawChange(
                development.on,
                Kind.DEVELOPMENT,
                rule.id,
                rule.title,
                development.text,
                development.citations,
                development.verified_on,
            )


def _versions(rule: Rule) -> Iterator[LawChange]:
    starts = {version.in_force.start for version in rule.versions}
    for index, version in enumerate(rule.versions):
        start, end = version.in_force.start, version.in_force.end
        citations = (*rule.citations, *version.citations)
        if start is not None:
            kind = Kind.RULE_BEGINS if index == 0 else Kind.RULE_VERSION
            text = version.label or ("the rule begins to apply" if index == 0 else "a new version applies")
            yield LawChange(start, kind, rule.id, rule.title, text, citations, version.verified_on)
        if end is not None and end + dt.timedelta(days=1) not in starts:
            yield LawChange(
                end + dt.timedelta(days=1),
                Kind.RULE_ENDS,
                rule.id,
                rule.title,
                f"no longer applies after {end.isoformat()}",
                citations,
                version.verified_on,
            )


def _parameters() -> Iterator[LawChange]:
    for parameter in load_parameters().all.values():
        previous: Any = None
        for index, entry in enumerate(parameter.values):
            if index and parameter.unit == "countries":
                text = _countries_changed(dict(previous or ()), dict(entry.value or ()))
            elif index:
                text = f"{_value(parameter, previous)} → {_value(parameter, entry.value)}"
            else:
                text = f"from {_value(parameter, entry.value)}"
            if entry.note:
                text += f" ({entry.note})"
            yield LawChange(
                entry.start,
                Kind.PARAMETER,
                parameter.name,
                parameter.description,
                text,
                (entry.reference,),
                entry.verified_on,
            )
            previous = entry.value


AGREEMENT_STATUS = {True: "in force", False: "not in force", None: "entry into force not verified"}


def _countries_changed(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Only the countries whose status changed: ``HN: not in force → in force``."""
    parts = []
    for code in sorted(set(before) | set(after)):
        old = AGREEMENT_STATUS[before[code]] if code in before else "no agreement"
        new = AGREEMENT_STATUS[after[code]] if code in after else "no agreement"
        if old != new:
            parts.append(f"{code}: {old} → {new}")
    return "; ".join(parts) or "no change"


def _value(parameter: Parameter, value: Any) -> str:
    if value is None:
        return "none"
    if parameter.unit == "usd":
        return f"${value:,}"
    if parameter.unit == "countries":
        listed = dict(value)
        return (
            "; ".join(f"{code}: {AGREEMENT_STATUS[status]}" for code, status in sorted(listed.items()))
            or "none"
        )
    if parameter.unit in ("day", "month", "year"):
        return f"{value} {parameter.unit}{'' if value == 1 else 's'}"
    return str(value)


def _comparison() -> Iterator[LawChange]:
    for row in table().rows:
        seen: set[int] = set()
        for protection, versions in row.cells.items():
            for version in versions[1:]:
                if id(version) in seen:
                    continue  # one version shared by several protections (a YAML anchor)
                seen.add(id(version))
                yield _cell_change(row.id, row.label.en, protection, version)


def _cell_change(row: str, label: str, protection: str, cell: Cell) -> LawChange:
    assert cell.start is not None  # every version after the first starts on a day
    return LawChange(
        cell.start,
        Kind.COMPARISON,
        f"{row}/{protection}",
        label,
        cell.text.en,
        (cell.reference,),
        cell.verified_on,
    )
