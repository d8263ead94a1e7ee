"""Evidence that conditions have not fundamentally changed — rules reference ASY-PP-2, WH-PP-2.

Only past persecution raises the presumption of future persecution, and DHS may rebut it by showing a
fundamental change in circumstances (8 CFR 1208.13(b)(1)(i)(A), 1208.16(b)(1)(i)(A)); current evidence of
the country's conditions answers that showing.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT
from withhold.logic import Context, V, rule


@rule(
    "corroboration.changed_conditions",
    "Evidence answering a claimed fundamental change is needed: past persecution raises the presumption",
    cites=("8 CFR 1208.13(b)(1)(i)(A)", "8 CFR 1208.16(b)(1)(i)(A)"),
    ref=("ASY-PP-2", "WH-PP-2"),
    reads=("claim.past_persecution",),
    in_force=REFUGEE_ACT,  # as the presumption itself (persecution.past.presumption)
    verified=AUDIT_2026_12_07,
)
def changed_conditions(ctx: Context) -> V[bool]:
    """Past persecution found or claimed; unknown while it is."""
    return ctx.fact("claim.past_persecution")
