"""Special immigrant juvenile status: whether the facts point to it.

INA 101(a)(27)(J), 8 U.S.C. 1101(a)(27)(J); 8 CFR 204.11(b)(1): under 21 when the petition is filed, and a
juvenile court's finding that reunification with one or both parents is not viable because of abuse,
neglect, abandonment or a similar basis under state law. The classification came with the Immigration Act of
1990 (§ 153); abuse, neglect or abandonment became its basis with the 1998 Appropriations Act, Pub. L.
105-119, § 113 (enacted Nov. 26, 1997), the day these rules begin (sure of the enactment; the effective day
is taken as the day of enactment, from secondary sources: the USCIS Policy Manual, vol. 6, part J, ch. 1).
The 'one or both parents' reading is the TVPRA of 2008's (Pub. L. 110-457, § 235(d), in effect Mar. 23,
2009), which also protects a person who files before 21 from aging out (§ 235(d)(6)). The rules reference
has no rule for it (REL-SIJ-1 is the project's addition, ``docs/law/additions.md``).

From the 21st birthday there is no pointer, unless a petition was already filed, which the case does not
record: the lawyer checks.
"""

from __future__ import annotations

import datetime as dt

from withhold.law.enactments import RESEARCH_2026_11_23
from withhold.law.time.anniversaries import anniversary
from withhold.logic import UNKNOWN, Context, V, all_, rule, since, unknown

APPROPRIATIONS_ACT_1998 = since(1997, 11, 26)
"""Pub. L. 105-119, § 113 (Nov. 26, 1997): abuse, neglect or abandonment as the basis of the juvenile
court's finding."""

_REF = ("REL-SIJ-1",)
_CITES = ("INA 101(a)(27)(J), 8 U.S.C. 1101(a)(27)(J)", "8 CFR 204.11(b)(1)")


@rule(
    "other_relief.sij.turns_21",
    "The day the person turns 21",
    cites=_CITES,
    ref=_REF,
    reads=("person.date_of_birth",),
    params=("other_relief.sij.age_years",),
    in_force=APPROPRIATIONS_ACT_1998,
    verified=RESEARCH_2026_11_23,
    when_not_in_force=UNKNOWN,
)
def turns_21(ctx: Context) -> V[dt.date]:
    """The birthday from which the person is no longer under the age limit (February 29 counts from March 1
    in a common year)."""
    birth = ctx.fact("person.date_of_birth")
    if not birth.known:
        return unknown(birth.depends)
    return V(anniversary(birth.get(), ctx.param("other_relief.sij.age_years")))


@rule(
    "other_relief.sij.under_21",
    "Under 21 on the evaluation date",
    cites=_CITES,
    ref=_REF,
    uses=(turns_21,),
    in_force=APPROPRIATIONS_ACT_1998,
    verified=RESEARCH_2026_11_23,
)
def under_21(ctx: Context) -> V[bool]:
    """Under 21 until the day before the 21st birthday."""
    return ctx.rule(turns_21).map(lambda day: ctx.as_of < day)


@rule(
    "other_relief.special_immigrant_juvenile",
    "The facts point to special immigrant juvenile status",
    cites=(*_CITES, "TVPRA 2008, Pub. L. 110-457, § 235(d)"),
    ref=_REF,
    reads=("other_relief.abused_abandoned_or_neglected",),
    uses=(under_21,),
    in_force=APPROPRIATIONS_ACT_1998,
    verified=RESEARCH_2026_11_23,
)
def special_immigrant_juvenile(ctx: Context) -> V[bool]:
    """Under 21, and abused, abandoned or neglected by one or both parents. The juvenile court order, its
    age limit under state law, and marriage are for the lawyer."""
    abused = ctx.fact("other_relief.abused_abandoned_or_neglected")
    return all_(ctx.rule(under_21), abused.map(bool))
