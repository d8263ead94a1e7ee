"""Evidence of an exception to the one-year deadline — rules reference ASY-1YR-1, ASY-1YR-3, ASY-1YR-4.

The exceptions matter only for an application filed, or to be filed, after the deadline (INA
208(a)(2)(B), (D)): changed or extraordinary circumstances, and filing within a reasonable period after
them, must then be proved. The deadline does not apply to an unaccompanied child (INA 208(a)(2)(E)).
Whether the filing is late is the one-year bar's own general rule (``asylum.bar.one_year``, before its
exceptions), with the deadline the screening computed: the same law, not a second copy of it.
"""

from __future__ import annotations

from withhold.law.asylum.one_year import deadline, filed_late, unaccompanied_child
from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA
from withhold.logic import FALSE, Context, V, rule


@rule(
    "corroboration.one_year_exception",
    "Evidence of an exception to the one-year deadline is needed: the filing is, or may be, late",
    cites=(
        "INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B)",
        "INA 208(a)(2)(D), 8 U.S.C. 1158(a)(2)(D)",
        "INA 208(a)(2)(E), 8 U.S.C. 1158(a)(2)(E)",
        "8 CFR 1208.4(a)(4)–(5)",
    ),
    ref=("ASY-1YR-1", "ASY-1YR-3", "ASY-1YR-4"),
    reads=("asylum.filed_on",),
    uses=(deadline, unaccompanied_child),
    params=(
        "asylum.one_year.earliest_start",
        "asylum.one_year.period_years",
    ),  # as the bar: filed_late reads both
    in_force=IIRIRA,
    verified=AUDIT_2026_12_07,
)
def one_year_exception(ctx: Context) -> V[bool]:
    """Late, or possibly late, and not an unaccompanied child. An exemption not yet known to apply
    leaves the evidence needed: the exception is proved unless the exemption surely applies."""
    if ctx.rule(unaccompanied_child).is_(True):
        return FALSE
    return filed_late(ctx)
