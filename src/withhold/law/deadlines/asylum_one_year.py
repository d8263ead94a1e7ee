"""The one-year asylum deadline as a dated entry — rules reference ASY-1YR-1..4.

The date is the one the screening uses (``asylum.one_year.deadline``); this entry adds whether the case's
filing met it and whether an exception excuses a late one (``asylum.bar.one_year``).
"""

from __future__ import annotations

import datetime as dt

from withhold.facts.source import NOT_FILED
from withhold.law.asylum.one_year import counted_deadline, deadline, one_year, unaccompanied_child
from withhold.law.deadlines.model import Due, Exempt
from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA
from withhold.logic import Context, V, rule, unknown


@rule(
    "deadline.asylum.one_year",
    "File the asylum application (Form I-589) within one year of the last arrival",
    cites=(
        "INA 208(a)(2)(B), (D), (E), 8 U.S.C. 1158(a)(2)(B), (D), (E)",
        "8 CFR 1208.4(a)(2), (a)(4), (a)(5)",
        "Pub. L. 119-21, 8 U.S.C. 1802",
    ),
    ref=("ASY-1YR-1", "ASY-1YR-2", "ASY-FEE-1"),
    reads=("asylum.filed_on", "entry.last_arrival_date"),
    uses=(deadline, one_year, unaccompanied_child),
    params=("asylum.one_year.period_years", "asylum.one_year.earliest_start", "fees.asylum_application"),
    in_force=IIRIRA,
    when_not_in_force=None,  # no one-year deadline before IIRIRA
    verified=AUDIT_2026_12_07,
)
def asylum_one_year(ctx: Context) -> V[Due | Exempt]:
    """Met if filed on or before the deadline; a late filing may be excused by changed or extraordinary
    circumstances (filed within a reasonable period). An unaccompanied child has no deadline at all."""
    if ctx.rule(unaccompanied_child).value is True:
        reason = (
            "no one-year deadline: the applicant is recorded as an unaccompanied child, and the deadline "
            "does not apply to unaccompanied children (INA 208(a)(2)(E)); check that the child is still "
            "unaccompanied and under 18 when the application is filed"
        )
        ctx.note(reason)
        return V(Exempt(reason))
    last_day = ctx.rule(deadline)
    barred = ctx.rule(one_year)
    arrival = ctx.fact("entry.last_arrival_date")
    if not last_day.known:
        return unknown(last_day.depends)
    # The account of how the date was counted, from the same computation as the deadline rule's date.
    counted = counted_deadline(
        arrival.get(), ctx.param("asylum.one_year.earliest_start"), ctx.param("asylum.one_year.period_years")
    )
    filed = ctx.fact("asylum.filed_on")
    notes = []
    done_on = filed.value if isinstance(filed.value, dt.date) else None
    if done_on is not None and done_on > last_day.get():
        if barred.value is False:
            notes.append("filed late, but an exception applies (see the screening)")
        elif barred.value is True:
            notes.append("filed late and no exception applies: asylum is barred; withholding and CAT are not")
        else:
            notes.append("filed late: whether an exception excuses it is still open (see the screening)")
    if done_on is None:
        notes.append(
            "exceptions: changed or extraordinary circumstances with filing within a reasonable period; "
            "unaccompanied children are exempt"
        )
        fee = ctx.param("fees.asylum_application")
        if fee is not None:
            notes.append(
                f"the application is filed with the ${fee} asylum fee (Pub. L. 119-21, 8 U.S.C. 1802), which "
                "cannot be waived: in immigration court, pay it first through the EOIR payment portal and "
                "file the receipt with the I-589"
            )
    return V(
        Due(
            date=last_day.get(),
            starts_from="entry.last_arrival_date",
            start=arrival.get(),
            counting=counted.how,
            done_on=done_on,
            not_done=filed.value is NOT_FILED,
            notes=tuple(notes),
        )
    )
