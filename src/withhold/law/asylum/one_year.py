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

from withhold.facts.source import NOT_FILED
from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA, RESEARCH_2026_11_23
from withhold.law.time.calendar import add_years, roll_forward, why_closed
from withhold.law.time.counting import Counted, Roll, years_after
from withhold.logic import (
    FALSE,
    TRUE,
    UNKNOWN,
    Context,
    Rule,
    V,
    Version,
    all_,
    between,
    known,
    rule,
    since,
    unknown,
)
from withhold.logic.rule import day


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
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
    when_not_in_force=UNKNOWN,
)
def deadline(ctx: Context) -> V[dt.date]:
    """From the later of the last arrival and April 1, 1997; the anniversary, moved past weekends and
    federal holidays."""
    arrival = ctx.fact("entry.last_arrival_date")
    if not arrival.known:
        return unknown(arrival.depends)
    counted = counted_deadline(
        arrival.get(), ctx.param("asylum.one_year.earliest_start"), ctx.param("asylum.one_year.period_years")
    )
    if counted.date != counted.unadjusted:
        ctx.note(
            f"{counted.unadjusted.isoformat()} is {why_closed(counted.unadjusted)}; the deadline moves to "
            f"{counted.date.isoformat()}"
        )
    return known(counted.date)


def counted_deadline(arrival: dt.date, earliest_start: dt.date, years: int) -> Counted:
    """The one-year deadline and how it is counted, in one place: the deadline rule takes its date, the
    dated entry (``deadline.asylum.one_year``) its account. From the later of the last arrival and April 1,
    1997; the anniversary (February 29 → February 28), moved past weekends and federal holidays."""
    start = max(arrival, earliest_start)
    counted = years_after(start, years, Roll.NEXT_BUSINESS_DAY)
    return Counted(
        counted.date,
        counted.unadjusted,
        f"{counted.how} (the later of the last arrival and {earliest_start.isoformat()})",
    )


def earliest_possible_deadline(ctx: Context) -> dt.date:
    """No deadline can fall before one year after April 1, 1997 (rolled forward)."""
    return roll_forward(
        add_years(ctx.param("asylum.one_year.earliest_start"), ctx.param("asylum.one_year.period_years"))
    )


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
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
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
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def extraordinary_circumstances(ctx: Context) -> V[bool]:
    """Excuses a late filing when filed within a reasonable period."""
    return all_(
        ctx.fact("asylum.extraordinary_circumstances"), ctx.fact("asylum.filed_within_reasonable_period")
    )


def _unaccompanied_child(ctx: Context) -> V[bool]:
    """The one-year deadline and safe-third-country agreements do not apply to an unaccompanied child."""
    return ctx.fact("entry.unaccompanied_child")


def _unaccompanied_child_not_yet_certain(ctx: Context) -> V[bool]:
    """Enacted, but whether already in effect is not verified: a child's exemption is an open question,
    never a no."""
    child = ctx.fact("entry.unaccompanied_child")
    if child.value is True:
        ctx.note(
            "the TVPRA was enacted on 2008-12-23; whether its exemption for unaccompanied children applied "
            "before 2009-03-23, 90 days after enactment, is not verified"
        )
        return unknown()
    return child


TVPRA_ENACTED = dt.date(2008, 12, 23)
TVPRA_IN_EFFECT = dt.date(2009, 3, 23)

unaccompanied_child = Rule(
    id="asylum.exception.unaccompanied_child",
    title="Unaccompanied child when the application is filed",
    citations=("INA 208(a)(2)(E), 8 U.S.C. 1158(a)(2)(E)", "6 U.S.C. 279(g)(2)"),
    versions=(
        Version(
            between(TVPRA_ENACTED, TVPRA_IN_EFFECT - dt.timedelta(days=1)),
            _unaccompanied_child_not_yet_certain,
            label="TVPRA enacted; its effective date for this exemption is not verified",
            citations=("TVPRA of 2008, Pub. L. 110-457, § 235(d)(7)(A) (Dec. 23, 2008)",),
            judgement=(
                "Whether the TVPRA's exemption for unaccompanied children was already in effect needs legal "
                "analysis: the Act was enacted on Dec. 23, 2008, and its provisions for children are "
                "reported to have taken effect 90 days later."
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
        Version(
            since(2009, 3, 23),
            _unaccompanied_child,
            label="TVPRA: unaccompanied children are exempt",
            citations=(
                "TVPRA of 2008, Pub. L. 110-457, § 235(d)(7)(A)",
                "Harmon v. Holder, 758 F.3d 728 (6th Cir. 2014)",
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
    ),
    reads=("entry.unaccompanied_child",),
    reference=("ASY-1YR-1", "ASY-STC-1"),
    explanation=(
        "Added by the TVPRA of 2008 (INA 208(a)(2)(E)): the one-year deadline and safe-third-country "
        "agreements do not apply to a person who is an unaccompanied child when the application is filed. "
        "Before the Act there was no such exemption."
    ),
)


@rule(
    "asylum.bar.one_year",
    "Asylum application not filed within one year of the last arrival",
    cites=("INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B)", "8 CFR 1208.4(a)(2)"),
    ref=("ASY-1YR-1",),
    reads=("asylum.filed_on",),
    uses=(deadline,),
    exceptions=(unaccompanied_child, changed_circumstances, extraordinary_circumstances),
    params=("asylum.one_year.earliest_start", "asylum.one_year.period_years"),
    in_force=since(1997, 4, 1),
    selected_by="asylum.filed_on",
    explanation=(
        "Enacted by IIRIRA for applications filed on or after April 1, 1997. The applicant must show timely "
        "filing by clear and convincing evidence."
    ),
    verified=RESEARCH_2026_11_23,
)
def one_year(ctx: Context) -> V[bool]:
    """Filed after the deadline — or, not yet filed, the deadline has already passed."""
    return filed_late(ctx)


def filed_late(ctx: Context) -> V[bool]:
    """Filed after the deadline — or, not yet filed, the deadline has already passed — before any
    exception: the bar's general rule, and what the evidence of an exception answers
    (``corroboration.one_year_exception``). A rule calling it reads ``asylum.filed_on``, uses
    :data:`deadline` and the parameter ``asylum.one_year.earliest_start``."""
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
