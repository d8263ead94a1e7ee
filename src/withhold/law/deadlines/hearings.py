"""Filings due before a hearing — rules reference PROC-DEADLINE-1, PROC-DEADLINE-2, PROC-HEAR-1.

A deadline the judge sets always wins (8 CFR 1003.31(c): a filing not made by it is deemed waived).
Otherwise, in non-detained cases the Immigration Court Practice Manual sets the default, counted back
from the hearing (ch. 3.1(b)): 15 days before a merits hearing (30 days between the Dec. 23, 2020 edition
and the Aug. 26, 2022 revision), and 15 days before a master calendar hearing when a ruling is sought. The
hearing day is day 0, and a deadline that falls on a Saturday, Sunday or legal holiday is construed to
fall on the next business day (ch. 3.1(c)) — toward the hearing, unlike the federal court rules. In
detained cases the judge sets the deadlines, so without one the date is unknown.
"""

from __future__ import annotations

from collections.abc import Callable

from withhold.law.deadlines.model import Due, due
from withhold.law.enactments import AUDIT_2026_12_07
from withhold.law.time.calendar import roll_forward, why_closed
from withhold.law.time.counting import Roll, days_before
from withhold.logic import UNKNOWN, Context, Rule, V, Version, since, unknown
from withhold.logic.rule import day

READS = (
    "proceedings.hearings[].kind",
    "proceedings.hearings[].date",
    "proceedings.detained",
    "proceedings.filing_deadline",
)


def _before(hearing_kind: str, parameter: str) -> Callable[[Context], V[Due | None]]:
    def body(ctx: Context) -> V[Due | None]:
        kind = ctx.fact("proceedings.hearings[].kind")
        if kind.known and kind.get() != hearing_kind:
            return V(None)  # another kind of hearing: this deadline does not attach to it
        hearing = ctx.fact("proceedings.hearings[].date")
        judge = ctx.fact("proceedings.filing_deadline")
        if judge.known and hearing_kind == "master" and hearing.known and judge.get() > hearing.get():
            ctx.note(
                "the judge's filing deadline falls after this master hearing, so it is not for this hearing"
            )
            judge = unknown()
        if judge.known:
            start = hearing.get() if hearing.known else judge.get()
            counting = "set by the immigration judge; it displaces the Practice Manual's default"
            last_day = roll_forward(judge.get())
            if last_day != judge.get():
                # Practice Manual ch. 3.1(c): a deadline on a weekend or holiday falls on the next business day.
                counting += (
                    f"; {judge.get().isoformat()} is {why_closed(judge.get())}, so the next business day "
                    "(Practice Manual ch. 3.1(c))"
                )
            return V(
                Due(
                    date=last_day,
                    starts_from="proceedings.filing_deadline",
                    start=start,
                    counting=counting,
                    notes=("a filing not made by the judge's deadline is deemed waived (8 CFR 1003.31(c))",),
                )
            )
        if not kind.known:
            return unknown(kind.depends, judge.depends)
        if not hearing.known:
            return unknown(hearing.depends, judge.depends)
        detained = ctx.fact("proceedings.detained")
        if detained.value is True:
            ctx.note("detained docket: the judge sets filing deadlines")
            return unknown(judge.depends)
        if not detained.known:
            return unknown(detained.depends, judge.depends)
        days = ctx.param(parameter)
        counted = days_before(hearing.get(), days, Roll.NEXT_BUSINESS_DAY)
        return due("proceedings.hearings[].date", hearing.get(), counted)

    return body


def _hearing_rule(id: str, title: str, hearing_kind: str, parameter: str, citations: tuple[str, ...]) -> Rule:
    return Rule(
        id=id,
        title=title,
        citations=citations,
        versions=(
            Version(since(2008, 1, 1), _before(hearing_kind, parameter), verified_on=day(AUDIT_2026_12_07)),
        ),
        reads=READS,
        parameters=(parameter,),
        reference=("PROC-DEADLINE-1", "PROC-DEADLINE-2"),
        per="proceedings.hearings",
        selected_by="proceedings.hearings[].date",
        # Before the Practice Manual's default (the dated parameter's first value), the judge or local
        # rules set the deadline, and Withhold does not know it: unknown, never a crash or "none".
        when_not_in_force=UNKNOWN,
        explanation=(
            "Counted back from the hearing date; a judge's deadline wins; detained cases have no default."
        ),
    )


individual_hearing = _hearing_rule(
    "deadline.filing.individual_hearing",
    "Filings due before the individual (merits) hearing",
    "individual",
    "filing.individual_hearing.days_before",
    ("Immigration Court Practice Manual ch. 3.1(b)(1)(B), 3.1(c)", "8 CFR 1003.31(c)"),
)

master_hearing = _hearing_rule(
    "deadline.filing.master_hearing",
    "Filings due before the master calendar hearing (when a ruling is sought there)",
    "master",
    "filing.master_hearing.days_before",
    ("Immigration Court Practice Manual ch. 3.1(b)(1)(A), 3.1(c)", "8 CFR 1003.31(c)"),
)
