"""The record of conviction — rules reference ASY-BAR-1, WH-BAR-PSC-1, ASY-DISC-1.

Whether a conviction bars asylum or withholding (an aggravated felony, a particularly serious crime:
INA 208(b)(2)(A)(ii), (B)(i); INA 241(b)(3)(B)) is decided from the record of conviction, and a
conviction is proved in immigration court by it (INA 240(c)(3)(B); 8 CFR 1003.41). A conviction that
bars nothing still weighs in asylum's discretion (Matter of Pula, 19 I&N Dec. 467 (BIA 1987)). The
conviction bar is as old as mandatory withholding: the Refugee Act's former INA 243(h)(2)(B) (a
particularly serious crime), which IIRIRA carried into INA 241(b)(3)(B).
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.logic import Context, V, rule


@rule(
    "corroboration.convictions",
    "Records of each conviction are needed: the person has been convicted, or may have been",
    cites=(
        "INA 208(b)(2)(A)(ii), 8 U.S.C. 1158(b)(2)(A)(ii)",
        "INA 241(b)(3)(B), 8 U.S.C. 1231(b)(3)(B)",
        "INA 240(c)(3)(B), 8 U.S.C. 1229a(c)(3)(B)",
        "8 CFR 1003.41",
        "former INA 243(h)(2)(B) (Refugee Act of 1980, Pub. L. 96-212, § 203(e))",
    ),
    ref=("ASY-BAR-1", "WH-BAR-PSC-1", "ASY-DISC-1"),
    reads=("convictions",),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
)
def convictions(ctx: Context) -> V[bool]:
    """At least one conviction listed; ``convictions: []`` means none (false), absent means unknown."""
    return ctx.fact("convictions").map(lambda count: count > 0)
