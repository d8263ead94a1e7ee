"""Family members asylum can include — rules reference ASY-DERIV-1.

Asylum extends to a spouse and to unmarried children under 21 (INA 208(b)(3)(A); 8 CFR 1208.21), who
can be included in the application or follow to join; the relationship must be proved. Withholding and
CAT have no derivatives.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA
from withhold.logic import TRUE, UNKNOWN, Context, V, rule, unknown

SPOUSE = ("family.spouse.given_name", "family.spouse.family_name", "family.spouse.in_us")
"""What the case records of a spouse that has a question in the interview: any one known is a spouse
recorded."""


@rule(
    "corroboration.derivatives",
    "Proof of family relationships is needed: a spouse or children asylum could include",
    cites=("INA 208(b)(3)(A), 8 U.S.C. 1158(b)(3)(A)", "8 CFR 1208.21", "8 CFR 1208.3(a)"),
    ref=("ASY-DERIV-1",),
    reads=("family.children", *SPOUSE),
    in_force=IIRIRA,
    verified=AUDIT_2026_12_07,
    # Derivative asylum before INA 208(b)(3) (by regulation) is not encoded: unknown before, never no.
    when_not_in_force=UNKNOWN,
)
def derivatives(ctx: Context) -> V[bool]:
    """A spouse or a child recorded. The case format cannot say "no spouse" (absent is unknown), so with
    none recorded the answer stays unknown, never false."""
    children = ctx.fact("family.children")
    spouse = [ctx.fact(path) for path in SPOUSE]
    if (children.known and children.get() > 0) or any(fact.known for fact in spouse):
        return TRUE
    return unknown(children.depends, *(fact.depends for fact in spouse))
