"""Cancellation of removal for nonpermanent residents: whether the facts point to it.

INA 240A(b)(1), 8 U.S.C. 1229b(b)(1) (IIRIRA, Pub. L. 104-208, div. C, § 304(a), in effect Apr. 1, 1997
(§ 309(a)); the same day as :data:`~withhold.law.enactments.IIRIRA`, sure: the statute's own effective-date
section): ten years of continuous physical presence (b)(1)(A) and a spouse, parent or child who is a US
citizen or lawful permanent resident (b)(1)(D). The rules reference has no rule for it (REL-CANCEL-1 is the
project's addition, ``docs/law/additions.md``).

Presence is counted to the evaluation date. What can end it earlier is left to the lawyer, who the flag
sends to check it: the stop-time rule (INA 240A(d)(1); Niz-Chavez v. Garland, 593 U.S. 155 (2021)) and
breaks by absences over 90 days or 180 in all (INA 240A(d)(2)). The last arrival is a lower bound on
presence: ten years since it point to the relief; fewer leave presence open (earlier years count if the
trips abroad were short). Good moral character, the criminal bars and the hardship are the lawyer's too.
"""

from __future__ import annotations

import datetime as dt

from withhold.law.enactments import IIRIRA, RESEARCH_2026_11_23
from withhold.law.time.anniversaries import anniversary, full_years
from withhold.logic import FALSE, TRUE, UNKNOWN, Context, V, all_, equals, rule, unknown

US = "US"
"""A relative whose nationality is the United States is a US citizen."""

_REF = ("REL-CANCEL-1",)
_PRESENCE = "INA 240A(b)(1)(A), 8 U.S.C. 1229b(b)(1)(A)"
_RELATIVE = "INA 240A(b)(1)(D), 8 U.S.C. 1229b(b)(1)(D)"
_CHILD = "INA 101(b)(1), 8 U.S.C. 1101(b)(1)"


def _years_since(ctx: Context, path: str) -> V[int]:
    start = ctx.fact(path)
    if not start.known or not isinstance(start.get(), dt.date):
        return unknown(start.depends)
    return V(full_years(start.get(), ctx.as_of))


@rule(
    "other_relief.cancellation.years_present",
    "Whole years of continuous physical presence, from the start the case records",
    cites=(_PRESENCE, "INA 240A(d), 8 U.S.C. 1229b(d)"),
    ref=_REF,
    reads=("other_relief.continuous_presence_since",),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
    when_not_in_force=UNKNOWN,
)
def years_present(ctx: Context) -> V[int]:
    """Whole years from the recorded start of continuous physical presence to the evaluation date, before
    the stop-time rule."""
    return _years_since(ctx, "other_relief.continuous_presence_since")


@rule(
    "other_relief.cancellation.years_since_last_arrival",
    "Whole years since the last arrival in the United States",
    cites=(_PRESENCE,),
    ref=_REF,
    reads=("entry.last_arrival_date",),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
    when_not_in_force=UNKNOWN,
)
def years_since_last_arrival(ctx: Context) -> V[int]:
    """Whole years from the last arrival to the evaluation date: presence has lasted at least this long if
    the stay since has been unbroken."""
    return _years_since(ctx, "entry.last_arrival_date")


@rule(
    "other_relief.cancellation.ten_years",
    "Ten years of continuous physical presence, counted to the evaluation date",
    cites=(_PRESENCE, "INA 240A(d), 8 U.S.C. 1229b(d)"),
    ref=_REF,
    uses=(years_present, years_since_last_arrival),
    params=("other_relief.cancellation.presence_years",),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
    caveat=(
        "Counted to the evaluation date, before the stop-time rule (INA 240A(d)(1)) and any absence that "
        "breaks presence (INA 240A(d)(2)): the lawyer counts those."
    ),
)
def ten_years(ctx: Context) -> V[bool]:
    """The recorded start decides; without one, ten years since the last arrival show presence at least
    that long. Fewer years since the last arrival leave it open: earlier years count if the trips abroad
    were short (INA 240A(d)(2))."""
    required = ctx.param("other_relief.cancellation.presence_years")
    recorded = ctx.rule(years_present)
    since_arrival = ctx.rule(years_since_last_arrival)
    if recorded.known:
        return V(recorded.get() >= required)
    if since_arrival.known and since_arrival.get() >= required:
        ctx.note("a lower bound: the years since the last arrival")
        return TRUE
    return unknown(recorded.depends, since_arrival.depends)


@rule(
    "other_relief.cancellation.citizen_spouse",
    "The spouse is a US citizen",
    cites=(_RELATIVE,),
    ref=_REF,
    reads=("family.spouse.nationality",),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def citizen_spouse(ctx: Context) -> V[bool]:
    """A spouse whose nationality is the United States is a US-citizen spouse."""
    return equals(ctx.fact("family.spouse.nationality"), US)


@rule(
    "other_relief.cancellation.citizen_child",
    "A child is a US citizen, as far as the case shows",
    cites=(_RELATIVE, _CHILD),
    ref=_REF,
    reads=(
        "family.children[].nationality",
        "family.children[].married",
        "family.children[].date_of_birth",
    ),
    params=("other_relief.child.age_years",),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
    per="family.children",
    caveat="A 'child' is unmarried and under 21 (INA 101(b)(1)); a son or daughter is counted unless the case "
    "shows them married or 21 or older.",
)
def citizen_child(ctx: Context) -> V[bool]:
    """A US-citizen son or daughter points to a qualifying child unless the case records that they are
    married or 21 or older (the case often does not say: the lawyer checks)."""
    nationality = ctx.fact("family.children[].nationality")
    if not nationality.known:
        return unknown(nationality.depends)
    if nationality.get() != US:
        return FALSE
    if ctx.fact("family.children[].married").is_(True):
        return FALSE
    birth = ctx.fact("family.children[].date_of_birth")
    if birth.known and ctx.as_of >= anniversary(birth.get(), ctx.param("other_relief.child.age_years")):
        return FALSE
    return TRUE


@rule(
    "other_relief.cancellation.citizen_children",
    "One of the children is a US-citizen child",
    cites=(_RELATIVE, _CHILD),
    ref=_REF,
    reads=("family.children",),
    uses=(citizen_child,),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def citizen_children(ctx: Context) -> V[bool]:
    """Any child the case lists who is a US-citizen child."""
    children = ctx.fact("family.children")
    if not children.known or not isinstance(children.get(), int):
        return unknown(children.depends)
    found = [ctx.rule(citizen_child, item) for item in range(children.get())]
    if any(value.is_(True) for value in found):
        return TRUE
    if all(value.is_(False) for value in found):
        return FALSE
    return unknown(*(value.depends for value in found))


@rule(
    "other_relief.cancellation.qualifying_relative",
    "A spouse, parent or child who is a US citizen or permanent resident",
    cites=(_RELATIVE, _CHILD),
    ref=_REF,
    reads=("other_relief.qualifying_relative",),
    uses=(citizen_spouse, citizen_children),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def qualifying_relative(ctx: Context) -> V[bool]:
    """The recorded answer covers every qualifying relative (spouse, parent or child; citizen or permanent
    resident); a spouse's or a child's US nationality can only show one. So one shown is enough, and
    otherwise the recorded answer decides (unknown while it is unknown)."""
    spouse = ctx.rule(citizen_spouse)
    children = ctx.rule(citizen_children)
    reported = ctx.fact("other_relief.qualifying_relative")
    if spouse.is_(True) or children.is_(True) or reported.is_(True):
        return TRUE
    return V(reported.get()) if reported.known else unknown(reported.depends)


@rule(
    "other_relief.cancellation_of_removal",
    "The facts point to cancellation of removal for nonpermanent residents",
    cites=("INA 240A(b)(1), 8 U.S.C. 1229b(b)(1)", "8 CFR 1240.20"),
    ref=_REF,
    uses=(ten_years, qualifying_relative),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def cancellation_of_removal(ctx: Context) -> V[bool]:
    """Ten years of presence and a qualifying relative. Good moral character, the criminal bars and the
    exceptional and extremely unusual hardship are for the lawyer (INA 240A(b)(1)(B)–(D))."""
    return all_(ctx.rule(ten_years), ctx.rule(qualifying_relative))
