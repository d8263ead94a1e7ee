"""Officials who consent or acquiesce — rules reference GEN-CRED-1, CAT-DEF-1, CAT-DEF-2.

Torture by people other than officials counts only if a public official consents or acquiesces, willful
blindness included (8 CFR 1208.18(a)(1), (a)(7)); the record then needs evidence of the officials' role.
Officials who act themselves need no such proof.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, CAT_REGULATIONS
from withhold.logic import Context, V, one_of, rule

ACQUIESCING = frozenset({"consent", "acquiescence", "willful_blindness"})
"""The roles of an official that the torture of others rests on (``torture.official_involvement``)."""


@rule(
    "corroboration.official_acquiescence",
    "Evidence of officials' consent or acquiescence is needed: others would inflict the torture",
    cites=("8 CFR 1208.18(a)(1)", "8 CFR 1208.18(a)(7)", "8 CFR 1208.16(c)(2)"),
    ref=("GEN-CRED-1", "CAT-DEF-1", "CAT-DEF-2"),
    reads=("torture.official_involvement",),
    in_force=CAT_REGULATIONS,
    verified=AUDIT_2026_12_07,
)
def official_acquiescence(ctx: Context) -> V[bool]:
    """Consent, acquiescence or willful blindness claimed; unknown while the officials' role is."""
    return one_of(ctx.fact("torture.official_involvement"), ACQUIESCING)
