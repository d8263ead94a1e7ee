"""The annual asylum fee — rules reference ASY-FEE-1.

For each year an asylum application is pending a fee is owed, which cannot be waived (Pub. L. 119-21,
8 U.S.C. 1808); when it is due is the deadline rule's (``deadline.fee.annual_asylum``): the date the USCIS
notice or the judge's order gives, or, until one is known, a year after filing. The challenge is live
while an application is pending and this year's fee is not recorded as paid by its date; the deadline's
value in the trace says which date the warning gives.
"""

from __future__ import annotations

from withhold.law.deadlines.fees import annual_asylum
from withhold.law.enactments import AUDIT_2026_12_07
from withhold.logic import FALSE, TRUE, Context, V, rule, since, unknown


@rule(
    "challenge.annual_fee",
    "The annual asylum fee is a live challenge: an application pending, and this year's fee not paid",
    cites=("Pub. L. 119-21, 8 U.S.C. 1808", "EOIR Policy Memorandum 26-01 (Jan. 2, 2026)"),
    ref=("ASY-FEE-1",),
    uses=(annual_asylum,),
    in_force=since(2025, 7, 4),
    verified=AUDIT_2026_12_07,
)
def annual_fee(ctx: Context) -> V[bool]:
    """True while the fee is owed and not recorded as paid by its date; false with no application pending
    (or none filed, or decided), once paid, and before the fee existed; unknown while the filing date is."""
    due = ctx.rule(annual_asylum)
    if not due.known:
        return unknown(due.depends)
    found = due.get()
    if found is None:
        return FALSE
    if found.done_on is not None and found.done_on <= found.date:
        return FALSE
    return TRUE
