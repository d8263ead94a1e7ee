"""Internal relocation and who bears its burden — rules reference WH-REL-1, WH-REL-2, WH-REL-3.

8 CFR 1208.13(b)(3) (asylum) and 1208.16(b)(3) (withholding) allocate the burden: where the persecutor
is the government or government-sponsored, or the person was persecuted in the past, relocation is
presumed unreasonable and DHS must prove by a preponderance that it would be reasonable; otherwise the
applicant must prove it would not be. The Dec. 2020 rule that would have reversed this for private
persecutors (85 FR 80274) was preliminarily enjoined (Pangea Legal Services v. DHS, 512 F. Supp. 3d 966
(N.D. Cal. 2021)); the pre-2020 text is encoded.
"""

from __future__ import annotations

from withhold.law.enactments import REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.logic import Context, V, known, not_, rule, unknown

BURDEN_ON_DHS = "DHS (relocation presumed unreasonable)"
BURDEN_ON_APPLICANT = "applicant"


@rule(
    "persecution.relocation.burden",
    "Who must prove whether internal relocation is reasonable",
    cites=("8 CFR 1208.13(b)(3)(i)–(ii)", "8 CFR 1208.16(b)(3)(i)–(ii)"),
    ref=("WH-REL-1", "WH-REL-2"),
    reads=("claim.persecutor", "claim.past_persecution"),
    caveat=(
        "The Dec. 2020 global asylum rule would presume relocation reasonable for private persecutors; it "
        "was preliminarily enjoined (Pangea II, N.D. Cal. Jan. 8, 2021), so the earlier allocation is applied."
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def relocation_burden(ctx: Context) -> V[str]:
    """DHS when the persecutor is the government or the person was persecuted in the past (a
    presumption that relocation is unreasonable); otherwise the applicant."""
    persecutor = ctx.fact("claim.persecutor")
    past = ctx.fact("claim.past_persecution")
    if persecutor.is_("government") or past.is_(True):
        return known(BURDEN_ON_DHS)
    if persecutor.is_("non_state") and past.is_(False):
        return known(BURDEN_ON_APPLICANT)
    return unknown(persecutor.depends, past.depends)


@rule(
    "persecution.relocation.unavailable",
    "The harm cannot reasonably be avoided by relocating within the country",
    cites=("8 CFR 1208.13(b)(2)(ii), (b)(3)", "8 CFR 1208.16(b)(2), (b)(3)"),
    ref=("ASY-WFF-1", "WH-FUT-1", "WH-REL-3"),
    reads=("claim.relocation_reasonable",),
    uses=(relocation_burden,),
    judgement=(
        "Whether relocation would be reasonable is a finding on all the circumstances (other serious harm "
        "there, civil strife, infrastructure, geography, age, gender, health, social and family ties: "
        "8 CFR 1208.13(b)(3), 1208.16(b)(3)); the trace says who bears the burden."
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def relocation_unavailable(ctx: Context) -> V[bool]:
    """A fear that could reasonably be escaped elsewhere in the country does not qualify."""
    burden = ctx.rule(relocation_burden)
    if burden.known:
        ctx.note(f"burden of proof on relocation: {burden.get()}")
    return not_(ctx.fact("claim.relocation_reasonable"))
