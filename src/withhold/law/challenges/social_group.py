"""The particular social group — rules reference WH-ELEM-2.

Where the claim rests on membership in a particular social group, the group must be cognizable: an
immutable or fundamental shared characteristic, defined with particularity, socially distinct in the
society in question (Matter of Acosta, 19 I&N Dec. 211 (BIA 1985); Matter of M-E-V-G-, 26 I&N Dec. 227
(BIA 2014)); and it must be delineated before the immigration judge (Matter of W-Y-C- & H-O-B-, 27 I&N
Dec. 189 (BIA 2018)). The challenge is live until the group is found cognizable; a finding that it is not
is the adverse one (the screening's own rule, ``persecution.particular_social_group.cognizable``).
Whether the group is stated is a sub-rule the case warnings read from the trace. It is dated, like the
challenge, from the ground itself: a claim of membership in a group cannot be decided without the group
named. The Board made the applicant's burden to state its exact delineation explicit in M-E-V-G- (2014),
and generally does not consider a group first stated on appeal (W-Y-C- & H-O-B-, 2018).
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.law.persecution.elements import particular_social_group_cognizable
from withhold.logic import UNKNOWN, Context, V, all_, not_, rule


@rule(
    "challenge.social_group.claimed",
    "The claim rests on membership in a particular social group",
    cites=("INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)", "INA 241(b)(3)(A), 8 U.S.C. 1231(b)(3)(A)"),
    ref=("WH-ELEM-2",),
    reads=("claim.grounds",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def group_claimed(ctx: Context) -> V[bool]:
    """Membership in a particular social group is among the grounds claimed."""
    return ctx.fact("claim.grounds").map(lambda grounds: "particular_social_group" in grounds)


@rule(
    "challenge.social_group.undelineated",
    "The particular social group claimed is not stated in the case",
    cites=(
        "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
        "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)",
        "Matter of W-Y-C- & H-O-B-, 27 I&N Dec. 189 (BIA 2018)",
    ),
    ref=("WH-ELEM-2",),
    reads=("claim.particular_social_group.definition",),
    uses=(group_claimed,),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def undelineated(ctx: Context) -> V[bool]:
    """Where a group is claimed: true while its definition is not written down (absent or blank: a
    definition not recorded is not stated, so the flag stays up), false once it is; false when no group is
    claimed; unknown while the grounds are not known and no definition is written down."""
    definition = ctx.fact("claim.particular_social_group.definition")
    stated = definition.known and bool(str(definition.value).strip())
    return all_(ctx.rule(group_claimed), V(not stated))


@rule(
    "challenge.social_group",
    "The particular social group is a live challenge: it is not found cognizable",
    cites=(
        "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
        "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)",
        "Matter of W-Y-C- & H-O-B-, 27 I&N Dec. 189 (BIA 2018)",
    ),
    ref=("WH-ELEM-2",),
    uses=(group_claimed, particular_social_group_cognizable, undelineated),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def social_group(ctx: Context) -> V[bool]:
    """Where a group is claimed: true when it is found not cognizable, unknown while cognizability is not
    assessed, false once it is found cognizable (or no group is claimed). Whether the group is stated (the
    sub-rule) does not change the value: the warning reads it from the trace."""
    ctx.rule(undelineated)
    return all_(ctx.rule(group_claimed), not_(ctx.rule(particular_social_group_cognizable)))
