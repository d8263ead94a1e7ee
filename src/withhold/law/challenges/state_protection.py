"""A persecutor who is not the government — rules reference WH-ELEM-3.

Harm by private actors is persecution only if the government is unable or unwilling to control them
(Matter of Acosta, 19 I&N Dec. 211 (BIA 1985); Matter of A-B-, 28 I&N Dec. 307 (A.G. 2021)). The
challenge arises where the persecutor is a private actor, and is settled by a finding that the government
is unable or unwilling; a finding that it can and will protect is the adverse one. While that finding is
not made, the screening's rule (``persecution.state_protection_failure``) takes it as entailed by a
finding of past persecution on the same claim: the trace shows it, and the point stays one DHS can
contest.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.law.persecution.elements import state_protection_failure
from withhold.logic import UNKNOWN, Context, V, all_, equals, not_, rule

STATE_CITES = (
    "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
    "Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)",
    "Matter of A-B-, 28 I&N Dec. 307 (A.G. 2021)",
)


@rule(
    "challenge.state_protection.private_persecutor",
    "The persecutor is not the government",
    cites=STATE_CITES,
    ref=("WH-ELEM-3",),
    reads=("claim.persecutor",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def private_persecutor(ctx: Context) -> V[bool]:
    """A gang, a family member, a militia: anyone other than the government or its agents."""
    return equals(ctx.fact("claim.persecutor"), "non_state")


@rule(
    "challenge.state_protection",
    "State protection is a live challenge: a private persecutor, and no finding that the government is "
    "unable or unwilling to control it",
    cites=STATE_CITES,
    ref=("WH-ELEM-3",),
    reads=("claim.government_unable_or_unwilling",),
    uses=(private_persecutor, state_protection_failure),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    when_not_in_force=UNKNOWN,
)
def state_protection(ctx: Context) -> V[bool]:
    """True when the government is found able and willing to protect, unknown while that is not found,
    false when it is found unable or unwilling (or the persecutor is the government)."""
    ctx.rule(state_protection_failure)
    return all_(ctx.rule(private_persecutor), not_(ctx.fact("claim.government_unable_or_unwilling")))
