"""Every rule of the law, found by walking from the four protections (INA 208, INA 241(b)(3),
8 CFR 1208.16(c)–1208.17), the deadlines, the findings' suggestions and other relief; an index with no
law of its own."""

from __future__ import annotations

import difflib
from functools import cache

from withhold.law.challenges.catalogue import CHALLENGES
from withhold.law.corroboration.catalogue import CORROBORATION
from withhold.law.deadlines.catalogue import DEADLINES
from withhold.law.findings.suggestions import SUGGESTIONS
from withhold.law.other_relief.catalogue import OTHER_RELIEF
from withhold.law.protections import PROTECTIONS
from withhold.logic.rule import Rule, walk


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule reachable from a protection, a deadline, a finding's suggestion or other relief, sorted
    by id."""
    roots = tuple(rule for p in PROTECTIONS for rule in (*p.elements, *p.bars))
    roots += tuple(rule for _, rule in DEADLINES)
    roots += tuple(rule for rules in SUGGESTIONS.values() for rule in rules)
    roots += tuple(rule for _, rule in OTHER_RELIEF)
    roots += tuple(rule for _, _, rule in CORROBORATION)  # what the evidence checklist asks for
    roots += tuple(rule for _, rule in CHALLENGES)  # the challenges the case warnings name
    return tuple(sorted(walk(roots), key=lambda r: r.id))


def rule_by_id(rule_id: str) -> Rule:
    """The rule with this id; ``KeyError`` with the nearest id suggested."""
    for found in all_rules():
        if found.id == rule_id:
            return found
    close = difflib.get_close_matches(rule_id, [r.id for r in all_rules()], n=1, cutoff=0.5)
    raise KeyError(f"no rule {rule_id!r}" + (f"; did you mean {close[0]}?" if close else ""))
