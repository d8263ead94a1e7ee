"""The one-year asylum deadline — rules reference ASY-1YR-1..4.

The challenge is the screening's own one-year bar (``asylum.bar.one_year``, with its deadline, weekends,
holidays, the April 1, 1997 start, and the exceptions): live when the bar applies on the facts (true) or
may (unknown), settled when it is ruled out (timely, not yet due, excused, or an unaccompanied child).
Its trace carries the deadline and the filing date the case warnings say. The deadline bars asylum only,
never withholding or CAT protection (8 CFR 1208.4(a)).
"""

from __future__ import annotations

from withhold.law.asylum.one_year import one_year
from withhold.law.enactments import IIRIRA, RESEARCH_2026_11_23
from withhold.logic import Context, V, rule


@rule(
    "challenge.one_year_deadline",
    "The one-year deadline is a live challenge: asylum was (or will be) filed after it, with no exception "
    "shown",
    cites=(
        "INA 208(a)(2)(B), (D), (E), 8 U.S.C. 1158(a)(2)(B), (D), (E)",
        "8 CFR 1208.4(a)(2), (a)(4), (a)(5)",
    ),
    ref=("ASY-1YR-1", "ASY-1YR-2", "ASY-1YR-3", "ASY-1YR-4"),
    uses=(one_year,),
    in_force=IIRIRA,
    # As the bar itself: the deadline applies to applications filed on or after April 1, 1997.
    selected_by="asylum.filed_on",
    verified=RESEARCH_2026_11_23,
)
def one_year_deadline(ctx: Context) -> V[bool]:
    """The bar's own value: before IIRIRA there was no deadline (false)."""
    return ctx.rule(one_year)
