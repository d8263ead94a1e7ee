"""Seeded generator of complete invented cases for the interview benchmark.

Every choice of every fact the screening reads is drawn with some probability, dates fall around every
threshold the law uses (IIRIRA, REAL ID, the circuit decisions, the border windows, the 2019 agreement
rule, a Saturday Fourth of July, a February 29), countries around the asylum cooperative agreements,
sentences around one and five years, and about one fact in ten is left unknown (the
simulated person then answers "I don't know"). Answers lean toward the ones that keep a claim alive so
that statuses are decided in every way, not mostly closed at the first bar.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache
from typing import Any

from withhold.facts.case import Case
from withhold.facts.loading import validate_case
from withhold.facts.paths import catalogue
from withhold.law.protections import PROTECTIONS
from withhold.logic.evaluate import transitive_reads

D = dt.date
THRESHOLDS = (
    D(1997, 4, 1), D(2005, 5, 11), D(2017, 1, 18), D(2020, 5, 18), D(2023, 5, 11), D(2024, 6, 5),
    D(2025, 1, 20), D(2025, 5, 11), D(2024, 2, 29), D(2025, 7, 4), D(2026, 7, 4), D(2019, 11, 19),
)  # fmt: skip
OFFSETS = (-366, -365, -1, 0, 1, 364, 365, 366, 400, 900)
SENTENCES = (0, 6, 11, 12, 24, 36, 59, 60, 72)
AS_OF = D(2026, 11, 23)
COUNTRIES = ("HN", "GT", "SV", "EC", "MX", "VE")

# The answer that keeps a claim alive, drawn more often than the others.
FAVOURABLE: dict[str, Any] = {
    "proceedings.kind": "removal",
    "proceedings.reinstated_order": False,
    "entry.unaccompanied_child": False,
    "entry.southwest_border_from_mexico": False,
    "entry.with_entry_documents": True,
    "asylum.previously_denied": False,
    "asylum.safe_third_country_agreement": False,
    "proceedings.cooperative_agreement.invoked": False,
    "proceedings.cooperative_agreement.public_interest_notice": False,
    "asylum.firmly_resettled": False,
    "asylum.frivolous_finding": False,
    "asylum.discretion_favorable": True,
    "claim.harm_is_persecution": True,
    "claim.government_unable_or_unwilling": True,
    "claim.nexus": "one_central_reason",
    "claim.past_persecution": True,
    "claim.future_fear_unrelated_to_past": False,
    "claim.fundamental_change": False,
    "claim.relocation_reasonable": False,
    "claim.credible": True,
    "claim.particular_social_group.cognizable": True,
    "conduct.persecuted_others": False,
    "conduct.serious_nonpolitical_crime_abroad": False,
    "conduct.danger_to_security": False,
    "conduct.terrorist_activity": False,
    "torture.official_involvement": "acquiescence",
    "torture.severe_pain_or_suffering": True,
    "torture.specific_intent": True,
    "torture.in_custody_or_control": True,
    "torture.lawful_sanction": False,
    "convictions[].final": True,
    "convictions[].particularly_serious": False,
}


@cache
def protection_reads() -> dict[str, frozenset[str]]:
    """By protection name, the facts its elements and bars read, directly or through the rules they use."""
    return {
        protection.name: frozenset(
            path for rule in (*protection.elements, *protection.bars) for path in transitive_reads(rule)
        )
        for protection in PROTECTIONS
    }


def screening_facts() -> list[str]:
    """The facts the four protections read, in the order of the case format; free text (the court, read
    only to find its circuit) is left out: the circuit is drawn instead."""
    reads = frozenset().union(*protection_reads().values())
    return [path for path in catalogue() if path in reads and catalogue()[path].kind != "text"]


def _value(rng: random.Random, path: str) -> Any:
    info = catalogue()[path]
    if path in FAVOURABLE and rng.random() < 0.85:
        return FAVOURABLE[path]
    if info.kind == "bool":
        return rng.random() < 0.5
    if info.kind == "choice":
        return rng.choice(info.choices)
    if info.kind == "choices":
        return rng.sample(list(info.choices), rng.choice((0, 1, 1, 1, 2)))
    if info.kind == "date":
        # Every date a rule reads is of something that has happened: never after the evaluation date.
        day = rng.choice(THRESHOLDS) + dt.timedelta(days=rng.choice(OFFSETS))
        return min(day, AS_OF - dt.timedelta(days=rng.choice((1, 30, 200)))).isoformat()
    if info.kind == "number":
        return rng.choice(SENTENCES)
    if info.kind == "country":
        # Nationalities and agreement countries around the agreements: in force, unverified, none.
        return rng.choice(COUNTRIES)
    raise ValueError(path)


def generate(seed: int) -> Case:
    rng = random.Random(seed)
    document: dict[str, Any] = {"withhold": "case/1", "law_as_of": AS_OF.isoformat()}
    convictions = rng.choice((0, 0, 0, 1, 1, 2)) if rng.random() > 0.1 else None
    for path in screening_facts():
        if path == "convictions" or rng.random() < 0.1:
            continue  # left unknown: the person will answer "I don't know"
        if path.startswith("convictions[]."):
            for index in range(convictions or 0):
                _put(document, path.replace("[]", f"[{index}]"), _value(rng, path))
            continue
        _put(document, path, _value(rng, path))
    if convictions is not None:
        document.setdefault("convictions", [{} for _ in range(convictions)])
    return validate_case(document)


def _put(document: dict[str, Any], path: str, value: Any) -> None:
    node: Any = document
    steps = path.split(".")
    for step in steps[:-1]:
        if "[" in step:
            name, index = step[:-1].split("[")
            items = node.setdefault(name, [])
            while len(items) <= int(index):
                items.append({})
            node = items[int(index)]
        else:
            node = node.setdefault(step, {})
    node[steps[-1]] = value
