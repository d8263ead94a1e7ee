"""The one-year filing deadline — rules reference ASY-1YR-1..4, WH-NOTBAR-1YR.

An asylum application must be filed within one year after the last arrival in the United States
(INA 208(a)(2)(B)), counted from the arrival or April 1, 1997, whichever is later, and extended past a
Saturday, Sunday or legal holiday to the next day that is not one (8 CFR 1208.4(a)(2)(ii)). The day
of arrival is day zero, so the last day is the anniversary (Minasyan v. Mukasey, 553 F.3d 1224 (9th
Cir. 2009)); after a February 29 arrival we take February 28, the earlier of the two readings.
"Last arrival" is the most recent arrival from a trip abroad (Matter of F-P-R-, 24 I&N Dec. 681 (BIA
2008)). Late filing is excused by changed circumstances or extraordinary circumstances with filing
within a reasonable period (INA 208(a)(2)(D)), and the deadline does not apply to an unaccompanied
child (INA 208(a)(2)(E)). The deadline bars asylum only, never withholding or CAT (8 CFR 1208.4(a)).
"""

from __future__ import annotations

import datetime as dt

from withhold.deadlines.calendar import add_years, roll_forward, why_closed
from withhold.facts.source import NOT_FILED
from withhold.logic import FALSE, TRUE, Context, V, all_, known, rule, since, unknown


@rule(
    "asylum.one_year.deadline",
    "Last day to file for asylum: one year after the last arrival",
    cites=(
        "INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B)",
        "8 CFR 1208.4(a)(2)(ii)",
        "Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009)",
        "Matter of F-P-R-, 24 I&N Dec. 681 (BIA 2008)",
    ),
    ref=("ASY-1YR-2",),
    reads=("entry.last_arrival_date",),
    params=("asylum.one_year.period_years", "asylum.one_year.earliest_start"),
)
def deadline(ctx: Context) -> V[dt.date]:
    """From the later of the last arrival and April 1, 1997; the anniversary, moved past weekends and
    federal holidays."""
    arrival = ctx.fact("entry.last_arrival_date")
    if not arrival.known:
        return unknown(arrival.depends)
    start = max(arrival.get(), ctx.param("asylum.one_year.earliest_start"))
    anniversary = add_years(start, ctx.param("asylum.one_year.period_years"))
    last_day = roll_forward(anniversary)
    if last_day != anniversary:
        ctx.note(
            f"{anniversary.isoformat()} is {why_closed(anniversary)}; the deadline moves to {last_day.isoformat()}"
        )
    return known(last_day)


def earliest_possible_deadline(ctx: Context) -> dt.date:
    """No deadline can fall before one year after April 1, 1997 (rolled forward)."""
    return roll_forward(add_years(ctx.param("asylum.one_year.earliest_start"), 1))


@rule(
    "asylum.exception.changed_circumstances",
    "Changed circumstances, and filing within a reasonable period after them",
    cites=("INA 208(a)(2)(D), 8 U.S.C. 1158(a)(2)(D)", "8 CFR 1208.4(a)(4)(i)–(ii)"),
    ref=("ASY-1YR-3",),
    reads=("asylum.changed_circumstances", "asylum.filed_within_reasonable_period"),
    judgement=(
        "Changed circumstances materially affecting eligibility (country conditions, the applicant's own "
        "circumstances, loss of derivative status), and whether the filing came within a reasonable period "
        "after them, are findings (Matter of T-M-H- & S-W-C-, 25 I&N Dec. 193 (BIA 2010))."
    ),
)
def changed_circumstances(ctx: Context) -> V[bool]:
    """Excuses a late filing (and a prior denial) when filed within a reasonable period."""
    return all_(ctx.fact("asylum.changed_circumstances"), ctx.fact("asylum.filed_within_reasonable_period"))


@rule(
    "asylum.exception.extraordinary_circumstances",
    "Extraordinary circumstances related to the delay, and filing within a reasonable period",
    cites=("INA 208(a)(2)(D), 8 U.S.C. 1158(a)(2)(D)", "8 CFR 1208.4(a)(5)(i)–(vi)"),
    ref=("ASY-1YR-4",),
    reads=("asylum.extraordinary_circumstances", "asylum.filed_within_reasonable_period"),
    judgement=(
        "Extraordinary circumstances — serious illness, legal disability, ineffective assistance of counsel, "
        "lawful status until shortly before filing, among others (8 CFR 1208.4(a)(5)) — not created by the "
        "applicant and directly related to the delay, and a reasonable period, are findings."
    ),
)
def extraordinary_circumstances(ctx: Context) -> V[bool]:
    """Excuses a late filing when filed within a reasonable period."""
    return all_(
        ctx.fact("asylum.extraordinary_circumstances"), ctx.fact("asylum.filed_within_reasonable_period")
    )


@rule(
    "asylum.exception.unaccompanied_child",
    "Unaccompanied child when the application is filed",
    cites=("INA 208(a)(2)(E), 8 U.S.C. 1158(a)(2)(E)", "6 U.S.C. 279(g)(2)"),
    ref=("ASY-1YR-1", "ASY-STC-1"),
    reads=("entry.unaccompanied_child",),
)
def unaccompanied_child(ctx: Context) -> V[bool]:
    """The one-year deadline and safe-third-country agreements do not apply to an unaccompanied child."""
    return ctx.fact("entry.unaccompanied_child")


@rule(
    "asylum.bar.one_year",
    "Asylum application not filed within one year of the last arrival",
    cites=("INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B)", "8 CFR 1208.4(a)(2)"),
    ref=("ASY-1YR-1",),
    reads=("asylum.filed_on",),
    uses=(deadline,),
    exceptions=(unaccompanied_child, changed_circumstances, extraordinary_circumstances),
    params=("asylum.one_year.earliest_start",),
    in_force=since(1997, 4, 1),
    selected_by="asylum.filed_on",
    explanation=(
        "Enacted by IIRIRA for applications filed on or after April 1, 1997. The applicant must show timely "
        "filing by clear and convincing evidence."
    ),
)
def one_year(ctx: Context) -> V[bool]:
    """Filed after the deadline — or, not yet filed, the deadline has already passed."""
    filed = ctx.fact("asylum.filed_on")
    last_day = ctx.rule(deadline)
    if filed.value is NOT_FILED:
        if not last_day.known:
            return unknown(last_day.depends)
        if ctx.as_of > last_day.get():
            ctx.note(f"not filed, and the deadline {last_day.get().isoformat()} has passed")
            return TRUE
        ctx.note(f"not filed yet: file by {last_day.get().isoformat()}")
        return FALSE
    if filed.known:
        if filed.get() <= earliest_possible_deadline(ctx):
            return FALSE
        if not last_day.known:
            return unknown(last_day.depends)
        late = filed.get() > last_day.get()
        ctx.note(f"filed {filed.get().isoformat()}; deadline {last_day.get().isoformat()}")
        return TRUE if late else FALSE
    # Filing date unknown: anything filed by now was timely while the deadline has not passed.
    if last_day.known and ctx.as_of <= last_day.get():
        ctx.note(f"deadline {last_day.get().isoformat()} has not passed")
        return FALSE
    return unknown(filed.depends, last_day.depends)
