"""Pretermission: a complete application, or no hearing — rules reference GEN-BURDEN-1, PROC-FORM-1.

The applicant bears the burden of showing eligibility (INA 240(c)(4)(A)); the I-589 is the one
application for asylum, withholding and CAT protection. Since the Board's 2025 decisions, a judge may
deem an incomplete application abandoned, above all after a chance to complete it (Matter of C-A-R-R-,
29 I&N Dec. 13 (BIA Mar. 17, 2025); 8 CFR 1208.3(c)(3)), and may deny one without a hearing when no
material fact is in dispute and the application, taken as true, does not show eligibility (Matter of
H-A-A-V-, 29 I&N Dec. 233 (BIA Sept. 11, 2025)). So in a court case not yet decided the application must
state every element when filed: the challenge is live, and graver while an element is not recorded, or
a particular social group is claimed without its exact definition (the sub-rules).
"""

from __future__ import annotations

from withhold.law.challenges.social_group import undelineated
from withhold.law.enactments import AUDIT_2026_12_07
from withhold.logic import Context, V, all_, known, one_of, rule, since

BOARD_2025 = since(2025, 3, 17)
"""Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA Mar. 17, 2025), the first of the two decisions."""
COURT = ("removal", "asylum_only", "withholding_only")
"""Proceedings before an immigration judge in which the application is adjudicated."""

PRETERMISSION_CITES = (
    "8 CFR 1208.3(c)(3)",
    "INA 240(c)(4)(A), 8 U.S.C. 1229a(c)(4)(A)",
    "Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)",
    "Matter of H-A-A-V-, 29 I&N Dec. 233 (BIA 2025)",
)


@rule(
    "challenge.pretermission.elements_unrecorded",
    "An element of the claim is not recorded yet",
    cites=PRETERMISSION_CITES,
    ref=("GEN-BURDEN-1", "PROC-FORM-1"),
    reads=("claim.grounds", "claim.persecutor", "claim.nexus", "claim.harm_is_persecution"),
    in_force=BOARD_2025,
    verified=AUDIT_2026_12_07,
)
def elements_unrecorded(ctx: Context) -> V[bool]:
    """The grounds, the persecutor, why they targeted the person, or whether the harm is persecution: an
    application that does not state them may be pretermitted. Known in every case (a recorded answer or
    its absence), so never unknown."""
    paths = ("claim.grounds", "claim.persecutor", "claim.nexus", "claim.harm_is_persecution")
    return V(any(not ctx.fact(path).known for path in paths))


@rule(
    "challenge.pretermission.group_undelineated",
    "A particular social group is claimed without its exact definition",
    cites=(
        *PRETERMISSION_CITES,
        "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)",
        "Matter of W-Y-C- & H-O-B-, 27 I&N Dec. 189 (BIA 2018)",
    ),
    ref=("GEN-BURDEN-1", "PROC-FORM-1", "WH-ELEM-2"),
    uses=(undelineated,),
    in_force=BOARD_2025,
    verified=AUDIT_2026_12_07,
)
def group_undelineated(ctx: Context) -> V[bool]:
    """An application that claims a group must state it: a group not written down leaves the claim, taken
    as true, short of a cognizable ground. The social group challenge's own sub-rule decides it (true,
    false, or unknown while the grounds are not known)."""
    return ctx.rule(undelineated)


@rule(
    "challenge.pretermission",
    "Pretermission is a live challenge: a court case not yet decided",
    cites=PRETERMISSION_CITES,
    ref=("GEN-BURDEN-1", "PROC-FORM-1"),
    reads=("proceedings.kind", "proceedings.decision.outcome"),
    uses=(elements_unrecorded, group_undelineated),
    in_force=BOARD_2025,
    verified=AUDIT_2026_12_07,
    caveat=(
        "The 2020 rule's pretermission text (8 CFR 1208.13(e)) was preliminarily enjoined (Pangea II); the "
        "Board's 2025 decisions rest on other authority, and the headnotes of H-A-A-V- were not verified."
    ),
)
def pretermission(ctx: Context) -> V[bool]:
    """True in immigration court until the judge decides; false in other proceedings, once decided, and
    before the Board's 2025 decisions; unknown while the kind of proceeding is not known."""
    ctx.rule(elements_unrecorded)
    ctx.rule(group_undelineated)
    decided = ctx.fact("proceedings.decision.outcome").known
    in_court = one_of(ctx.fact("proceedings.kind"), COURT)
    return all_(in_court, known(not decided))
