"""What has not been checked against its source for a while: rule versions, parameter values, comparison
cells and developments, each with the day it was last checked, oldest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from withhold.law.other_relief.designations import designations
from withhold.law.registry import all_rules
from withhold.logic.dated import Dated
from withhold.parameters import load as load_parameters
from withhold.preparation.comparison import table


@dataclass(frozen=True)
class Unchecked:
    kind: str
    """``rule_version``, ``parameter``, ``comparison``, ``development`` or ``tps`` (a TPS period)."""
    subject: str
    what: str
    """Which version or value: its period or its date."""
    verified_on: dt.date
    citations: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "what": self.what,
            "verified_on": self.verified_on.isoformat(),
            "citations": list(self.citations),
        }


def stale(today: dt.date, older_than_days: int) -> tuple[Unchecked, ...]:
    """Everything last checked more than ``older_than_days`` days before ``today``."""
    if older_than_days < 0:
        raise ValueError("--older-than must be zero or more days")
    limit = today - dt.timedelta(days=older_than_days)
    found = [item for item in _everything() if item.verified_on < limit]
    return tuple(sorted(found, key=lambda item: (item.verified_on, item.kind, item.subject, item.what)))


def _everything() -> Iterator[Unchecked]:
    for rule in all_rules():
        for version in rule.versions:
            if version.verified_on is not None:
                citations = (*rule.citations, *version.citations)
                yield Unchecked(
                    "rule_version", rule.id, str(version.in_force), version.verified_on, citations
                )
        for development in rule.developments:
            what = f"development of {development.on.isoformat()}"
            yield Unchecked("development", rule.id, what, development.verified_on, development.citations)
    for kind, subject, what, entry in _dated():
        yield Unchecked(kind, subject, what, entry.verified_on, (entry.reference,))


def _dated() -> Iterator[tuple[str, str, str, Dated]]:
    """Every entry of the dated data (parameter values, comparison cells, TPS periods): its kind, its
    subject, which entry it is."""
    for parameter in load_parameters().all.values():
        for value in parameter.values:
            yield "parameter", parameter.name, f"value from {value.start.isoformat()}", value
    for row in table().rows:
        for protection, versions in row.cells.items():
            for cell in versions:
                yield "comparison", f"{row.id}/{protection}", str(cell.period), cell
    # The TPS designations (law/other_relief/tps.yaml) change often: each period is checked on its own.
    for code, country in designations().countries.items():
        for period in country.periods:
            yield "tps", code, f"{period.period} ({period.status})", period
