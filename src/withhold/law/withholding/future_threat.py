"""A threat to life or freedom more likely than not — rules reference WH-ELEM-1, WH-PP-1..3,
WH-FUT-1, WH-FUT-2.

Withholding needs a clear probability — more likely than not — of persecution on a protected ground
(INS v. Stevic, 467 U.S. 407 (1984)). It is shown through the past-persecution presumption unless DHS
rebuts it (8 CFR 1208.16(b)(1)), or directly, including through a pattern or practice of persecution
of a group the person belongs to (8 CFR 1208.16(b)(2)), and not if the person could reasonably relocate.
There is no humanitarian withholding: if the presumption is rebutted, only an independent showing helps.
"""

from __future__ import annotations

from withhold.law.asylum.refugee import likelihood_at_least
from withhold.law.enactments import REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.law.persecution.past_persecution import presumption, rebutted
from withhold.law.persecution.relocation import relocation_unavailable
from withhold.logic import Context, V, all_, any_, rule


@rule(
    "withholding.future_threat.presumed",
    "Past persecution presumes the threat, and DHS has not rebutted it",
    cites=("8 CFR 1208.16(b)(1)(i)–(ii)",),
    ref=("WH-PP-1", "WH-PP-2"),
    uses=(presumption, rebutted),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def presumed(ctx: Context) -> V[bool]:
    """The presumption carries the standard on the original claim unless rebutted."""
    return all_(ctx.rule(presumption), ctx.rule_not(rebutted))


@rule(
    "withholding.future_threat.shown",
    "A threat more likely than not shown directly or by a pattern or practice, without reasonable relocation",
    cites=("8 CFR 1208.16(b)(2)", "8 CFR 1208.16(b)(2)(i)–(ii)", "INS v. Stevic, 467 U.S. 407 (1984)"),
    ref=("WH-FUT-1", "WH-FUT-2"),
    reads=("claim.future_persecution", "claim.pattern_or_practice"),
    uses=(relocation_unavailable,),
    judgement="The likelihood of future persecution is a finding on the whole record.",
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def shown(ctx: Context) -> V[bool]:
    """More likely than not (about a 50 % chance or more), not a mere reasonable possibility."""
    return all_(likelihood_at_least(ctx, ("more_likely_than_not",)), ctx.rule(relocation_unavailable))


@rule(
    "withholding.future_threat",
    "Life or freedom more likely than not threatened in the country of removal",
    cites=("INA 241(b)(3)(A), 8 U.S.C. 1231(b)(3)(A)", "8 CFR 1208.16(b)"),
    ref=("WH-ELEM-1",),
    uses=(presumed, shown),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def future_threat(ctx: Context) -> V[bool]:
    """Either route establishes the threat."""
    return any_(ctx.rule(presumed), ctx.rule(shown))
