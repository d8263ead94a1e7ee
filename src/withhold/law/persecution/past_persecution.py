"""Past persecution and the presumption it raises — rules reference ASY-PP-1, ASY-PP-2, WH-PP-1..3.

A person persecuted in the past on a protected ground is presumed to face future persecution (asylum:
a well-founded fear, 8 CFR 1208.13(b)(1); withholding: a threat more likely than not, 8 CFR
1208.16(b)(1)(i)) on the basis of the original claim. DHS may rebut it by a preponderance: a
fundamental change in circumstances, or reasonable internal relocation (8 CFR 1208.13(b)(1)(i)–(ii),
1208.16(b)(1)(i)–(ii)). A fear unrelated to the past harm gets no presumption (8 CFR 1208.16(b)(1)(iii)).
"""

from __future__ import annotations

from withhold.law.enactments import REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.logic import Context, V, all_, any_, rule


@rule(
    "persecution.past.same_claim",
    "The fear rests on the original claim, not on a new ground unrelated to the past harm",
    cites=("8 CFR 1208.13(b)(1)", "8 CFR 1208.16(b)(1)(iii)"),
    ref=("WH-PP-3",),
    reads=("claim.future_fear_unrelated_to_past",),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def same_claim(ctx: Context) -> V[bool]:
    """The presumption covers the original claim. Only a recorded new, unrelated fear takes it away;
    unanswered, the claim is the original one (as the case format's own example reads)."""
    return ctx.unless(
        "claim.future_fear_unrelated_to_past",
        True,
        "the fear is taken to be the original one; a new, unrelated fear gets no presumption",
    )


@rule(
    "persecution.past.presumption",
    "Past persecution raises the presumption of future persecution",
    cites=("8 CFR 1208.13(b)(1)", "8 CFR 1208.16(b)(1)(i)"),
    ref=("ASY-PP-1", "WH-PP-1"),
    reads=("claim.past_persecution",),
    uses=(same_claim,),
    judgement="Whether the past harm was persecution on a protected ground is a finding.",
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def presumption(ctx: Context) -> V[bool]:
    """Past persecution on a protected ground, and a fear that rests on the same claim."""
    return all_(ctx.fact("claim.past_persecution"), ctx.rule(same_claim))


@rule(
    "persecution.past.rebutted",
    "DHS rebuts the presumption: fundamental change or reasonable relocation",
    cites=("8 CFR 1208.13(b)(1)(i)–(ii)", "8 CFR 1208.16(b)(1)(i)–(ii)"),
    ref=("ASY-PP-2", "WH-PP-2"),
    reads=("claim.fundamental_change", "claim.relocation_reasonable"),
    judgement=(
        "Whether DHS has shown, by a preponderance, a fundamental change in circumstances or that "
        "relocation within the country would be reasonable is a finding (DHS bears this burden)."
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def rebutted(ctx: Context) -> V[bool]:
    """DHS bears the burden; either ground suffices."""
    return any_(ctx.fact("claim.fundamental_change"), ctx.fact("claim.relocation_reasonable"))
