"""Particularly serious crime — rules reference ASY-BAR-1(2), AF-PSC-1, WH-BAR-PSC-1..4.

Asylum: every aggravated felony is a particularly serious crime (INA 208(b)(2)(B)(i)); any other
conviction is one only on an individual finding (Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)).

Withholding (statutory and CAT, 8 CFR 1208.16(d)(2)): aggravated felonies with an aggregate term of
imprisonment of at least five years are particularly serious per se (INA 241(b)(3)(B), flush text);
sentences for other offences do not count toward the five years. An aggravated felony for drug
trafficking is presumptively particularly serious (Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G.
2002)); everything else is decided case by case (N-A-M-). Those are judgements: unless the case records
one (``convictions[].particularly_serious``), the output says the point needs legal analysis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from withhold.law.crimes.aggravated_felony import aggravated_felony, drug_trafficking_aggravated_felony
from withhold.law.crimes.conviction import final
from withhold.law.enactments import REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.logic import FALSE, TRUE, Context, Rule, V, Version, all_, any_, between, rule, since, unknown
from withhold.logic.rule import day


def any_conviction(ctx: Context, test: Callable[[int], V[bool]]) -> V[bool]:
    """Whether any conviction passes ``test``; unknown when the list of convictions is unknown."""
    count = ctx.fact("convictions")
    if not count.known:
        return unknown(count.depends)
    return any_(*(test(index) for index in range(count.get())))


@rule(
    "crimes.particularly_serious.finding",
    "Individual finding that the conviction is for a particularly serious crime",
    cites=(
        "Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)",
        "Matter of B-Z-R-, 28 I&N Dec. 563 (A.G. 2022)",
    ),
    ref=("WH-BAR-PSC-2",),
    reads=("convictions[].particularly_serious",),
    uses=(drug_trafficking_aggravated_felony,),
    per="convictions",
    judgement=(
        "Whether this conviction is a particularly serious crime is decided case by case: the elements of "
        "the offence, then all reliable information about the conviction, the sentence and the "
        "circumstances (Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007); mental health may be weighed, Matter "
        "of B-Z-R-, 28 I&N Dec. 563 (A.G. 2022))."
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def individual_finding(ctx: Context) -> V[bool]:
    """The finding, when the case records one. Unrecorded, it needs legal analysis — and for a
    drug-trafficking aggravated felony the analysis starts from the Y-L- presumption."""
    recorded = ctx.fact("convictions[].particularly_serious")
    if recorded.known:
        return recorded
    if ctx.rule(drug_trafficking_aggravated_felony).value is True:
        ctx.note(
            "drug-trafficking aggravated felony: presumptively a particularly serious crime; only "
            "extraordinary and compelling circumstances overcome the presumption (Matter of Y-L-, A-G- & "
            "R-S-R-, 23 I&N Dec. 270 (A.G. 2002))"
        )
    return recorded


# --- asylum ---------------------------------------------------------------------------------------


@rule(
    "asylum.bar.particularly_serious_crime",
    "Conviction of a particularly serious crime (any aggravated felony is one)",
    cites=(
        "INA 208(b)(2)(A)(ii), 8 U.S.C. 1158(b)(2)(A)(ii)",
        "INA 208(b)(2)(B)(i), 8 U.S.C. 1158(b)(2)(B)(i)",
        "8 CFR 1208.13(c)(1)",
    ),
    ref=("ASY-BAR-1", "AF-PSC-1"),
    reads=("convictions",),
    uses=(final, aggravated_felony, individual_finding),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def asylum_particularly_serious_crime(ctx: Context) -> V[bool]:
    """A final conviction that is an aggravated felony, or found particularly serious. No separate
    finding of danger to the community is needed (Matter of N-A-M-)."""

    def test(index: int) -> V[bool]:
        serious = any_(ctx.rule(aggravated_felony, index), ctx.rule(individual_finding, index))
        return all_(ctx.rule(final, index), serious)

    return any_conviction(ctx, test)


# --- withholding ----------------------------------------------------------------------------------


def _per_se_any_aggravated_felony(ctx: Context) -> V[bool]:
    """Immigration Act of 1990: every aggravated felony was a particularly serious crime."""

    def test(index: int) -> V[bool]:
        return all_(ctx.rule(final, index), ctx.rule(aggravated_felony, index))

    return any_conviction(ctx, test)


def _per_se_five_years(ctx: Context) -> V[bool]:
    """IIRIRA: adds the sentences of the final aggravated-felony convictions, suspended time included;
    only aggravated felonies count toward the five years."""
    threshold = ctx.param("withholding.particularly_serious_crime.per_se_aggregate_months")
    count = ctx.fact("convictions")
    if not count.known:
        return unknown(count.depends)
    certain = 0.0  # months that surely count
    possible = 0.0  # months that might count
    open_facts: set[str] = set()
    unbounded = False
    for index in range(count.get()):
        counts = all_(ctx.rule(final, index), ctx.rule(aggravated_felony, index))
        if counts.value is False:
            continue
        sentence = ctx.fact("convictions[].sentence_months", index)
        if not sentence.known:
            unbounded = True
            open_facts |= sentence.depends | counts.depends
            continue
        possible += sentence.get()
        if counts.value is True:
            certain += sentence.get()
        else:
            open_facts |= counts.depends
    ctx.note(f"aggregate of the aggravated-felony sentences known to count: {certain:g} months")
    if certain >= threshold:
        return TRUE
    if not unbounded and possible < threshold:
        return FALSE
    return unknown(open_facts)


per_se = Rule(
    id="withholding.particularly_serious_crime.per_se",
    title="Particularly serious crime as a matter of law (aggravated felonies, five years in aggregate)",
    citations=("INA 241(b)(3)(B) (flush text), 8 U.S.C. 1231(b)(3)(B)", "INA 101(a)(48)(B)"),
    versions=(
        Version(
            between(dt.date(1990, 11, 29), dt.date(1997, 3, 31)),
            _per_se_any_aggravated_felony,
            label="Immigration Act of 1990: any aggravated felony",
            citations=("Immigration Act of 1990, Pub. L. 101-649, § 515(a)(2) (former INA 243(h)(2))",),
            verified_on=day(RESEARCH_2026_11_23),
        ),
        Version(
            since(1997, 4, 1),
            _per_se_five_years,
            label="IIRIRA: aggravated felonies with an aggregate term of imprisonment of at least five years",
            citations=("IIRIRA, Pub. L. 104-208, div. C, § 305(a)",),
            verified_on=day(RESEARCH_2026_11_23),
        ),
    ),
    reads=("convictions", "convictions[].sentence_months"),
    uses=(final, aggravated_felony),
    parameters=("withholding.particularly_serious_crime.per_se_aggregate_months",),
    reference=("WH-BAR-PSC-1", "AF-PSC-1"),
    explanation=(
        "The terms of imprisonment ordered for the final aggravated-felony convictions are added up "
        "(suspended time included); five years or more is a particularly serious crime as a matter of law."
    ),
)


@rule(
    "withholding.bar.particularly_serious_crime",
    "Conviction of a particularly serious crime",
    cites=("INA 241(b)(3)(B)(ii), 8 U.S.C. 1231(b)(3)(B)(ii)", "8 CFR 1208.16(d)(2)"),
    ref=("WH-BAR-PSC-1", "WH-BAR-PSC-2", "WH-BAR-PSC-3"),
    reads=("convictions",),
    uses=(per_se, final, individual_finding),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def withholding_particularly_serious_crime(ctx: Context) -> V[bool]:
    """Per se by aggregate sentence, or by an individual finding on a final conviction; a PSC
    conviction establishes danger to the community without more (8 CFR 1208.16(d)(2))."""
    by_sentence = ctx.rule(per_se)

    def test(index: int) -> V[bool]:
        return all_(ctx.rule(final, index), ctx.rule(individual_finding, index))

    return any_(by_sentence, any_conviction(ctx, test))
