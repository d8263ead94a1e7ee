"""An asylum cooperative agreement — rules reference ASY-STC-1, WH-NOTBAR-STC.

Under INA 208(a)(2)(A) a person may be removed to a third country under a bilateral or multilateral
agreement to seek protection there. Once DHS invokes an agreement (or the person is found subject to
one), the judge decides it before any merits, and every claim about the home country is at stake: the
challenge is live. Whether the agreement applies, or an exception does, is the screening's rule
(``procedure.cooperative_agreement``): the trace carries it, and the country named.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA
from withhold.law.procedure.cooperative_agreement import AGREEMENT, cooperative_agreement
from withhold.logic import Context, V, any_, rule


@rule(
    "challenge.cooperative_agreement",
    "An asylum cooperative agreement is a live challenge: DHS invoked one, or the person is found subject "
    "to one",
    cites=(
        "INA 208(a)(2)(A), (E), 8 U.S.C. 1158(a)(2)(A), (E)",
        "8 CFR 1240.11(h)",
        "Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)",
    ),
    ref=("ASY-STC-1", "WH-NOTBAR-STC"),
    reads=(f"{AGREEMENT}.invoked", f"{AGREEMENT}.country", "asylum.safe_third_country_agreement"),
    uses=(cooperative_agreement,),
    in_force=IIRIRA,
    verified=AUDIT_2026_12_07,
)
def agreement_invoked(ctx: Context) -> V[bool]:
    """Invoked by DHS, or found to apply: the showing about the agreement country comes first. The
    country is read for the trace (the warning names it)."""
    ctx.fact(f"{AGREEMENT}.country")
    ctx.rule(cooperative_agreement)
    return any_(ctx.fact(f"{AGREEMENT}.invoked"), ctx.fact("asylum.safe_third_country_agreement"))
