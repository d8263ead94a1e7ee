"""Internal relocation — rules reference WH-REL-1, WH-REL-2, WH-REL-3.

A fear the person could reasonably avoid by moving elsewhere in the country does not qualify for asylum
or withholding (8 CFR 1208.13(b)(1)(i)(B), (b)(2)(ii); 1208.16(b)(1)(i)(B), (b)(2)). Who must prove
whether relocation is reasonable is the screening's rule (``persecution.relocation.burden``): DHS, where
the persecutor is the government or the person was persecuted in the past (relocation presumed
unreasonable), otherwise the applicant. The challenge is live when relocation is found reasonable (the
adverse sub-rule) or, while it is not decided, when the burden is the applicant's; with the burden on
DHS, the presumption answers it for now.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.law.persecution.relocation import BURDEN_ON_APPLICANT, BURDEN_ON_DHS, relocation_burden
from withhold.logic import FALSE, TRUE, UNKNOWN, Context, V, rule

RELOCATION_CITES = (
    "8 CFR 1208.13(b)(1)(i)(B), (b)(2)(ii), (b)(3)",
    "8 CFR 1208.16(b)(1)(i)(B), (b)(2), (b)(3)",
)


@rule(
    "challenge.relocation.found_reasonable",
    "Relocation within the country is found reasonable",
    cites=RELOCATION_CITES,
    ref=("WH-REL-3",),
    reads=("claim.relocation_reasonable",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def found_reasonable(ctx: Context) -> V[bool]:
    """The finding as recorded: on it, the fear does not qualify for asylum or withholding."""
    return ctx.fact("claim.relocation_reasonable")


@rule(
    "challenge.relocation",
    "Internal relocation is a live challenge: found reasonable, or open with the burden on the applicant",
    cites=RELOCATION_CITES,
    ref=("WH-REL-1", "WH-REL-2", "WH-REL-3"),
    uses=(found_reasonable, relocation_burden),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
    caveat=(
        "The Dec. 2020 rule that would presume relocation reasonable for private persecutors (85 FR 80274) "
        "was preliminarily enjoined (Pangea Legal Services v. DHS, 512 F. Supp. 3d 966 (N.D. Cal. 2021))."
    ),
)
def relocation(ctx: Context) -> V[bool]:
    """True when relocation is found reasonable, false when found unreasonable; undecided, true with the
    burden on the applicant, false with it on DHS (presumed unreasonable), unknown while not allocated."""
    found = ctx.rule(found_reasonable)
    burden = ctx.rule(relocation_burden)
    if found.known:
        return found
    if burden.is_(BURDEN_ON_DHS):
        return FALSE
    if burden.is_(BURDEN_ON_APPLICANT):
        return TRUE
    return V(UNKNOWN, found.depends | burden.depends)
