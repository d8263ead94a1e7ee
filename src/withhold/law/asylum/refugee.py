"""Who is a refugee — rules reference ASY-ELIG-1, ASY-WFF-1, ASY-PP-1, ASY-PP-2, ASY-HUM-1.

A refugee is someone unable or unwilling to return because of past persecution or a well-founded fear
of persecution on account of a protected ground (INA 101(a)(42)(A)). Past persecution raises a
presumption of a well-founded fear (8 CFR 1208.13(b)(1)); if DHS rebuts it, asylum may still be granted
on humanitarian grounds for severe past persecution or a reasonable possibility of other serious harm
(8 CFR 1208.13(b)(1)(iii)). A well-founded fear needs only a reasonable possibility of persecution
(INS v. Cardoza-Fonseca, 480 U.S. 421 (1987); Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)).
"""

from __future__ import annotations

import datetime as dt

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT, REFUGEE_ACT_BEGAN, RESEARCH_2026_11_23
from withhold.law.persecution.elements import harm, protected_ground, state_protection_failure
from withhold.law.persecution.nexus import asylum_nexus
from withhold.law.persecution.past_persecution import presumption, rebutted
from withhold.law.persecution.relocation import relocation_unavailable
from withhold.logic import Context, Rule, V, Version, all_, any_, between, one_of, rule, since, unknown
from withhold.logic.rule import day


def likelihood_at_least(ctx: Context, levels: tuple[str, ...]) -> V[bool]:
    """The likelihood finding, which is the aggregate assessment. While it is unrecorded, a pattern or
    practice of persecution of a group the person belongs to establishes it without singling out
    (8 CFR 1208.13(b)(2)(iii), 1208.16(b)(2)); the output lists that as an assumption."""
    likelihood = ctx.fact("claim.future_persecution")
    if likelihood.known:
        return one_of(likelihood, levels)
    pattern = ctx.fact("claim.pattern_or_practice")
    if pattern.value is True:
        ctx.assume(
            "claim.future_persecution",
            "the likelihood is taken as established by the pattern-or-practice finding; a contrary "
            "likelihood finding would defeat it",
        )
        return pattern
    return any_(unknown(likelihood.depends), pattern)


@rule(
    "asylum.well_founded_fear",
    "Well-founded fear of persecution (a reasonable possibility), not avoidable by relocation",
    cites=(
        "8 CFR 1208.13(b)(2)",
        "INS v. Cardoza-Fonseca, 480 U.S. 421 (1987)",
        "Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)",
    ),
    ref=("ASY-WFF-1",),
    reads=("claim.future_persecution", "claim.pattern_or_practice"),
    uses=(relocation_unavailable,),
    judgement="The likelihood of future persecution is a finding on the whole record.",
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def well_founded_fear(ctx: Context) -> V[bool]:
    """A reasonable possibility (about one in ten can suffice) of persecution on return."""
    fear = likelihood_at_least(ctx, ("reasonable_possibility", "more_likely_than_not"))
    return all_(fear, ctx.rule(relocation_unavailable))


@rule(
    "asylum.past_persecution",
    "Past persecution, with the presumption of a well-founded fear not rebutted",
    cites=("8 CFR 1208.13(b)(1)", "8 CFR 1208.13(b)(1)(i)–(ii)"),
    ref=("ASY-PP-1", "ASY-PP-2"),
    uses=(presumption, rebutted),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def past_persecution(ctx: Context) -> V[bool]:
    """The presumption stands unless DHS shows fundamental change or reasonable relocation."""
    return all_(ctx.rule(presumption), ctx.rule_not(rebutted))


def _humanitarian_severity(ctx: Context) -> V[bool]:
    """Matter of Chen: past persecution so severe that return is compelling, though the presumption of a
    well-founded fear is rebutted."""
    return all_(
        ctx.fact("claim.past_persecution"), ctx.rule(rebutted), ctx.fact("claim.severe_past_persecution")
    )


def _humanitarian_severity_or_other_harm(ctx: Context) -> V[bool]:
    """Since the 2000 rule, also a reasonable possibility of other serious harm on return."""
    reasons = any_(ctx.fact("claim.severe_past_persecution"), ctx.fact("claim.other_serious_harm"))
    return all_(ctx.fact("claim.past_persecution"), ctx.rule(rebutted), reasons)


humanitarian = Rule(
    id="asylum.humanitarian",
    title="Humanitarian asylum: severe past persecution or other serious harm",
    citations=("8 CFR 1208.13(b)(1)(iii)", "Matter of Chen, 20 I&N Dec. 16 (BIA 1989)"),
    versions=(
        Version(
            between(REFUGEE_ACT_BEGAN, dt.date(2001, 1, 4)),
            _humanitarian_severity,
            label="severe past persecution only (Matter of Chen)",
            citations=("Matter of N-M-A-, 22 I&N Dec. 312 (BIA 1998)",),
            verified_on=day(AUDIT_2026_12_07),
        ),
        Version(
            since(2001, 1, 5),
            _humanitarian_severity_or_other_harm,
            label="severe past persecution, or a reasonable possibility of other serious harm",
            citations=(
                "8 CFR 1208.13(b)(1)(iii)(A)–(B)",
                "Asylum Procedures, 65 FR 76121 (Dec. 6, 2000)",
                "Matter of L-S-, 25 I&N Dec. 705 (BIA 2012)",
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
    ),
    reads=("claim.past_persecution", "claim.severe_past_persecution", "claim.other_serious_harm"),
    uses=(rebutted,),
    reference=("ASY-HUM-1",),
    judgement=(
        "Whether past persecution was so severe that return is compelling, or there is a reasonable "
        "possibility of other serious harm, is a finding."
    ),
    explanation=(
        "When the presumption is rebutted, asylum may still be granted for compelling severity of the past "
        "persecution and, from January 5, 2001, for a reasonable possibility of other serious harm. There "
        "is no humanitarian withholding."
    ),
)


@rule(
    "asylum.fear",
    "Past persecution or a well-founded fear of persecution",
    cites=("INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)", "8 CFR 1208.13(b)"),
    ref=("ASY-ELIG-1",),
    uses=(past_persecution, humanitarian, well_founded_fear),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def fear(ctx: Context) -> V[bool]:
    """Any one route suffices: the presumption from past persecution, humanitarian asylum, or an
    independently shown well-founded fear."""
    return any_(ctx.rule(past_persecution), ctx.rule(humanitarian), ctx.rule(well_founded_fear))


@rule(
    "asylum.refugee",
    "Refugee: persecution on account of a protected ground",
    cites=("INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)", "INA 208(b)(1)(B)(i)", "8 CFR 1208.13(a)–(b)"),
    ref=("ASY-ELIG-1",),
    uses=(harm, state_protection_failure, protected_ground, asylum_nexus, fear),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def refugee(ctx: Context) -> V[bool]:
    """Harm rising to persecution, by the state or one it cannot or will not control, on account of a
    protected ground that is at least one central reason, shown by past persecution or a well-founded
    fear."""
    return all_(
        ctx.rule(harm),
        ctx.rule(state_protection_failure),
        ctx.rule(protected_ground),
        ctx.rule(asylum_nexus),
        ctx.rule(fear),
    )


@rule(
    "asylum.discretion",
    "Discretion: the equities do not weigh against a grant",
    cites=(
        "INA 208(b)(1)(A), 8 U.S.C. 1158(b)(1)(A) ('may grant')",
        "Matter of Pula, 19 I&N Dec. 467 (BIA 1987)",
        "INS v. Cardoza-Fonseca, 480 U.S. 421 (1987)",
    ),
    ref=("ASY-DISC-1",),
    reads=("asylum.discretion_favorable",),
    caveat=(
        "The Dec. 2020 rule's adverse discretionary factors (8 CFR 1208.13(d)) appear in the eCFR but were "
        "preliminarily enjoined (Pangea II); they are not applied."
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def discretion(ctx: Context) -> V[bool]:
    """Asylum is discretionary: only an unfavourable exercise of discretion closes it; unassessed, the
    status may be eligible with the grant still discretionary (screening format)."""
    return ctx.unless(
        "asylum.discretion_favorable",
        False,
        "discretion not yet assessed; the danger of persecution outweighs all but the most egregious adverse factors (Matter of Pula)",
    )
