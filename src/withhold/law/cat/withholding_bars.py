"""The withholding bars, applied to CAT withholding — 8 CFR 1208.16(d)(2); rules reference WH-BAR-OUT-1.

The same findings that bar statutory withholding bar CAT withholding; they never bar CAT deferral
(8 CFR 1208.17(a)), which is granted instead when torture is more likely than not.
"""

from __future__ import annotations

from withhold.law.enactments import CAT_REGULATIONS, RESEARCH_2026_11_23
from withhold.law.withholding import bars as withholding_bars
from withhold.logic import Context, Rule, V, Version
from withhold.logic.rule import day


def _applied_to_cat(bar: Rule) -> Rule:
    def body(ctx: Context) -> V[bool]:
        return ctx.rule(bar)

    return Rule(
        id=bar.id.replace("withholding.bar.", "cat.withholding.bar."),
        title=bar.title,
        citations=("8 CFR 1208.16(d)(2)", "8 CFR 1208.16(c)(4)"),
        versions=(Version(CAT_REGULATIONS, body, verified_on=day(RESEARCH_2026_11_23)),),
        uses=(bar,),
        reference=("WH-BAR-OUT-1", *bar.reference),
        explanation=f"{bar.title}: bars CAT withholding as it bars statutory withholding (8 CFR 1208.16(d)(2)).",
    )


ALL = tuple(_applied_to_cat(bar) for bar in withholding_bars.ALL)
