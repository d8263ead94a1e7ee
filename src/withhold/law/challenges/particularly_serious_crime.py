"""A particularly serious crime — rules reference WH-BAR-PSC-1..4, AF-PSC-1.

Any conviction must be analysed for the particularly serious crime bar to asylum and to withholding
(INA 208(b)(2)(A)(ii), 241(b)(3)(B)(ii)): case by case, on the elements, then all reliable information
(Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)). The challenge is live with any conviction, and while the
criminal history is unknown; it is graver (the serious sub-rule) where the record already makes the
crime particularly serious, or presumptively so: a conviction recorded as an aggravated felony (every
one is, for asylum: INA 208(b)(2)(B)(i)), aggravated-felony sentences of five years in aggregate (per se
for withholding: the screening's rule ``withholding.particularly_serious_crime.per_se``), a conviction
recorded as drug trafficking (presumptively so, Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G.
2002)), or a recorded finding that a conviction is one (``crimes.particularly_serious.finding``).
"""

from __future__ import annotations

from withhold.law.crimes.particularly_serious_crime import individual_finding, per_se
from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.logic import UNKNOWN, Context, V, any_, rule, unknown

PSC_CITES = (
    "INA 208(b)(2)(A)(ii), (B)(i), 8 U.S.C. 1158(b)(2)(A)(ii), (B)(i)",
    "INA 241(b)(3)(B)(ii), 8 U.S.C. 1231(b)(3)(B)(ii)",
    "Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)",
)


@rule(
    "challenge.crime.aggravated_felony_recorded",
    "The conviction is recorded as an aggravated felony",
    cites=("INA 101(a)(43), 8 U.S.C. 1101(a)(43)", "INA 208(b)(2)(B)(i), 8 U.S.C. 1158(b)(2)(B)(i)"),
    ref=("AF-PSC-1",),
    reads=("convictions[].aggravated_felony",),
    per="convictions",
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def aggravated_felony_recorded(ctx: Context) -> V[bool]:
    """Recorded under one of the subparagraphs of INA 101(a)(43); ``none`` records that it is not one."""
    return ctx.fact("convictions[].aggravated_felony").map(lambda category: category != "none")


@rule(
    "challenge.crime.drug_trafficking_recorded",
    "The conviction is recorded as drug trafficking",
    cites=("Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002)", "INA 241(b)(3)(B)(ii)"),
    ref=("WH-BAR-PSC-3",),
    reads=("convictions[].drug_trafficking",),
    per="convictions",
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def drug_trafficking_recorded(ctx: Context) -> V[bool]:
    """A drug-trafficking aggravated felony is presumptively particularly serious; only extraordinary
    and compelling circumstances overcome the presumption."""
    return ctx.fact("convictions[].drug_trafficking")


@rule(
    "challenge.crime.serious_on_the_record",
    "The record already makes a conviction particularly serious, or presumptively so",
    cites=(*PSC_CITES, "INA 241(b)(3)(B) (flush text), 8 U.S.C. 1231(b)(3)(B)"),
    ref=("WH-BAR-PSC-1", "WH-BAR-PSC-2", "WH-BAR-PSC-3"),
    reads=("convictions",),
    uses=(aggravated_felony_recorded, per_se, drug_trafficking_recorded, individual_finding),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def serious_on_the_record(ctx: Context) -> V[bool]:
    """A conviction recorded as an aggravated felony or as drug trafficking, sentences per se
    particularly serious, or a recorded finding: every part is evaluated, so the trace names each
    conviction that makes it so."""
    count = ctx.fact("convictions")
    if not count.known:
        return unknown(count.depends)
    parts = [ctx.rule(per_se)]
    for index in range(count.get()):
        parts += [
            ctx.rule(aggravated_felony_recorded, index),
            ctx.rule(drug_trafficking_recorded, index),
            ctx.rule(individual_finding, index),
        ]
    return any_(*parts)


@rule(
    "challenge.particularly_serious_crime",
    "A particularly serious crime is a live challenge: a conviction, or a criminal history not known",
    cites=PSC_CITES,
    ref=("WH-BAR-PSC-1", "WH-BAR-PSC-2", "WH-BAR-PSC-3", "WH-BAR-PSC-4"),
    reads=("convictions",),
    uses=(serious_on_the_record,),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def particularly_serious_crime(ctx: Context) -> V[bool]:
    """True with any conviction (each needs the case-by-case analysis), false with none, unknown while
    the criminal history is not known."""
    ctx.rule(serious_on_the_record)
    return ctx.fact("convictions").map(lambda count: count > 0)
