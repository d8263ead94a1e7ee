"""An earlier asylum application denied — rules reference ASY-PRIOR-1.

A person whose earlier asylum application was denied by an immigration judge or the Board may not apply
again (INA 208(a)(2)(C), 8 CFR 1208.4(a)(3)) unless changed circumstances materially affect eligibility
(INA 208(a)(2)(D)); the screening's bar (``asylum.bar.prior_denial``) weighs that exception. The
challenge is live whatever the exception: the changed circumstances must be shown, and the earlier record
will be compared with the new claim.
"""

from __future__ import annotations

from withhold.law.enactments import IIRIRA, RESEARCH_2026_11_23
from withhold.logic import Context, V, rule


@rule(
    "challenge.prior_denial",
    "An earlier asylum application was denied by an immigration judge or the Board",
    cites=("INA 208(a)(2)(C)–(D), 8 U.S.C. 1158(a)(2)(C)–(D)", "8 CFR 1208.4(a)(3), (a)(4)"),
    ref=("ASY-PRIOR-1",),
    reads=("asylum.previously_denied",),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def prior_denial(ctx: Context) -> V[bool]:
    """The denial as recorded; before IIRIRA a denial did not bar a new application (false)."""
    return ctx.fact("asylum.previously_denied")
