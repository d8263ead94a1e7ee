"""Who is a refugee — rules reference ASY-ELIG-1, ASY-WFF-1, ASY-PP-1, ASY-PP-2, ASY-HUM-1.

A refugee is someone unable or unwilling to return because of past persecution or a well-founded fear
of persecution on account of a protected ground (INA 101(a)(42)(A)). Past persecution raises a
presumption of a well-founded fear (8 CFR 1208.13(b)(1)); if DHS rebuts it, asylum may still be granted
on humanitarian grounds for severe past persecution or a reasonable possibility of other serious harm
(8 CFR 1208.13(b)(1)(iii)). A well-founded fear needs only a reasonable possibility of persecution
(INS v. Cardoza-Fonseca, 480 U.S. 421 (1987); Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)).
"""

from __future__ import annotations

from withhold.law.persecution.elements import harm, protected_ground, state_protection_failure
from withhold.law.persecution.nexus import asylum_nexus
from withhold.law.persecution.past_persecution import presumption, rebutted
from withhold.law.persecution.relocation import relocation_unavailable
from withhold.logic import Context, V, all_, any_, not_, one_of, rule, unknown


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
)
def past_persecution(ctx: Context) -> V[bool]:
    """The presumption stands unless DHS shows fundamental change or reasonable relocation."""
    return all_(ctx.rule(presumption), not_(ctx.rule(rebutted)))


@rule(
    "asylum.humanitarian",
    "Humanitarian asylum: severe past persecution or other serious harm",
    cites=(
        "8 CFR 1208.13(b)(1)(iii)(A)–(B)",
        "Matter of Chen, 20 I&N Dec. 16 (BIA 1989)",
        "Matter of L-S-, 25 I&N Dec. 705 (BIA 2012)",
    ),
    ref=("ASY-HUM-1",),
    reads=("claim.past_persecution", "claim.severe_past_persecution", "claim.other_serious_harm"),
    uses=(rebutted,),
    judgement=(
        "Whether past persecution was so severe that return is compelling, or there is a reasonable "
        "possibility of other serious harm, is a finding."
    ),
)
def humanitarian(ctx: Context) -> V[bool]:
    """When the presumption is rebutted, asylum may still be granted for compelling severity or other
    serious harm. There is no humanitarian withholding."""
    reasons = any_(ctx.fact("claim.severe_past_persecution"), ctx.fact("claim.other_serious_harm"))
    return all_(ctx.fact("claim.past_persecution"), ctx.rule(rebutted), reasons)


@rule(
    "asylum.fear",
    "Past persecution or a well-founded fear of persecution",
    cites=("INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)", "8 CFR 1208.13(b)"),
    ref=("ASY-ELIG-1",),
    uses=(past_persecution, humanitarian, well_founded_fear),
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
)
def discretion(ctx: Context) -> V[bool]:
    """Asylum is discretionary: only an unfavourable exercise of discretion closes it; unassessed, the
    status may be eligible with the grant still discretionary (screening format)."""
    return ctx.unless(
        "asylum.discretion_favorable",
        False,
        "discretion not yet assessed; the danger of persecution outweighs all but the most egregious adverse factors (Matter of Pula)",
    )
