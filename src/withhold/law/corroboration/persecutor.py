"""A persecutor who is not the government — rules reference GEN-CRED-1, WH-ELEM-3.

Harm by private actors is persecution only if the government is unable or unwilling to control them
(Matter of Acosta, 19 I&N Dec. 211, 222 (BIA 1985)); the applicant must show it, so the record needs
evidence of what the authorities can and will do.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.logic import Context, V, equals, rule


@rule(
    "corroboration.unable_or_unwilling",
    "Evidence that the government cannot or will not protect is needed: the persecutor is not the state",
    cites=(
        "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
        "Matter of Acosta, 19 I&N Dec. 211, 222 (BIA 1985)",
        "INA 208(b)(1)(B)(ii), 8 U.S.C. 1158(b)(1)(B)(ii)",
    ),
    ref=("GEN-CRED-1", "WH-ELEM-3"),
    reads=("claim.persecutor",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
)
def unable_or_unwilling(ctx: Context) -> V[bool]:
    """A non-state persecutor; unknown while who the persecutor is, is."""
    return equals(ctx.fact("claim.persecutor"), "non_state")
