"""What counts as a conviction — rules reference WH-BAR-PSC-4, AF-GEN-1.

The criminal bars need a conviction "by a final judgment" (INA 208(b)(2)(A)(ii), 241(b)(3)(B)(ii)); a
conviction is defined in INA 101(a)(48)(A), and a "term of imprisonment" is the confinement ordered,
suspended time included (INA 101(a)(48)(B)).
"""

from __future__ import annotations

from withhold.law.enactments import REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.logic import Context, V, rule


@rule(
    "crimes.conviction.final",
    "Conviction by final judgment",
    cites=("INA 101(a)(48)(A), 8 U.S.C. 1101(a)(48)(A)", "INA 241(b)(3)(B)(ii)", "INA 208(b)(2)(A)(ii)"),
    ref=("WH-BAR-PSC-4",),
    reads=("convictions[].final",),
    per="convictions",
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def final(ctx: Context) -> V[bool]:
    """Only a conviction by final judgment can trigger a criminal bar."""
    return ctx.fact("convictions[].final")
