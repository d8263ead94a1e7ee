"""What the screening already computed, read from its trace rather than computed again.

The preparation (checklist, warnings) needs some of the engine's intermediate values: the one-year
deadline (weekends, holidays, the April 1, 1997 start: INA 208(a)(2)(B), 8 CFR 1208.4(a)(2)), whether
the one-year bar applies, whether the aggravated-felony sentences reach the per se threshold (INA
241(b)(3)(B)), who bears the burden on internal relocation (8 CFR 1208.13(b)(3), 1208.16(b)(3)). Each
is a rule of the law package; its value for this case is in the determination's trace.
Computing it again here would be a second copy of the law that could drift from the first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from withhold.law.asylum.one_year import deadline
from withhold.law.persecution.relocation import relocation_burden as burden_rule
from withhold.logic.protection import Determination
from withhold.logic.rule import Rule
from withhold.screening.screen import Screening


def rule_value(determination: Determination, rule: Rule) -> Any:
    """The value the screening gave ``rule`` for this protection; ``None`` when the rule was not evaluated
    (an UNKNOWN value is returned as is)."""
    for node in determination.trace.walk():
        if node.rule == rule.id:
            return node.value
    return None


def one_year_deadline(screening: Screening) -> dt.date | None:
    """The last day to file for asylum as the screening computed it; ``None`` when it is unknown."""
    value = rule_value(screening["asylum"], deadline)
    return value if isinstance(value, dt.date) else None


def relocation_burden(screening: Screening) -> str | None:
    """Who must prove whether relocation is reasonable, as the law's rule allocates it for this case
    (``BURDEN_ON_DHS`` or ``BURDEN_ON_APPLICANT`` of :mod:`withhold.law.persecution.relocation`); ``None``
    while the facts that allocate it are unknown."""
    value = screening.value_of(burden_rule)
    return value.get() if value.known else None
