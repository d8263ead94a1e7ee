"""The protected ground to corroborate — rules reference GEN-CRED-1, WH-ELEM-2.

Asylum and withholding need harm on account of race, religion, nationality, membership in a particular
social group or political opinion (INA 101(a)(42)(A), 241(b)(3)(A)). A social group must be shown to be
immutable, particular and socially distinct (Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)), so a
social-group claim needs evidence of each; a group found not cognizable cannot carry the claim.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.logic import FALSE, TRUE, Context, V, rule, unknown


@rule(
    "corroboration.protected_ground",
    "Evidence of the protected ground is needed: a ground is, or may be, claimed",
    cites=(
        "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
        "INA 241(b)(3)(A), 8 U.S.C. 1231(b)(3)(A)",
        "INA 208(b)(1)(B)(ii), 8 U.S.C. 1158(b)(1)(B)(ii)",
    ),
    ref=("GEN-CRED-1", "WH-ELEM-2"),
    reads=("claim.grounds",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
)
def protected_ground(ctx: Context) -> V[bool]:
    """Grounds not yet recorded still need evidence of whichever it turns out to be (true); only an
    explicit ``grounds: []`` — no protected ground — leaves nothing to corroborate."""
    grounds = ctx.fact("claim.grounds")
    return FALSE if grounds.is_(()) else TRUE


@rule(
    "corroboration.particular_social_group",
    "Evidence of a cognizable social group is needed: the claim rests on membership in one",
    cites=(
        "INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)",
        "INA 241(b)(3)(A), 8 U.S.C. 1231(b)(3)(A)",
        "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)",
        "Matter of W-G-R-, 26 I&N Dec. 208 (BIA 2014)",
    ),
    ref=("GEN-CRED-1", "WH-ELEM-2"),
    reads=("claim.grounds", "claim.particular_social_group.cognizable"),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
)
def particular_social_group(ctx: Context) -> V[bool]:
    """A social group among the grounds, not found not cognizable; unknown while the grounds are."""
    grounds = ctx.fact("claim.grounds")
    if not grounds.known:
        return unknown(grounds.depends)
    if "particular_social_group" not in (grounds.get() or ()):
        return FALSE
    cognizable = ctx.fact("claim.particular_social_group.cognizable")
    return FALSE if cognizable.is_(False) else TRUE
