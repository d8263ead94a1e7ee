"""Appeal to the Board of Immigration Appeals — rules reference PROC-APPEAL-1.

The notice of appeal must be received by the Board within 30 days of an oral decision or of the mailing
or electronic service of a written one; a last day on a weekend or legal holiday moves to the next
business day (8 CFR 1003.38(b), (c)); for an oral decision the period runs from the oral decision even if
a memorandum is mailed later (Matter of Iskandarani, 29 I&N Dec. 26 (BIA 2025)). An interim final rule
published Feb. 6, 2026 would have cut the period to 10 days for decisions issued on or after March 9,
2026, keeping 30 days where asylum was denied on the merits (INA 208(d)(5)(A)(iv)). The District Court
for the District of Columbia vacated those provisions on March 8, 2026, before they took effect (reported
by secondary sources; the rules reference had the litigation as pending). So appeals remain due in 30
days; the 2026 version is kept as a dated version marked contested, and its output gives the 10-day
date the rule would set if the vacatur were reversed.
"""

from __future__ import annotations

import datetime as dt

from withhold.deadlines.counting import Roll, days_after
from withhold.deadlines.model import Due, due
from withhold.logic import UNKNOWN, Context, Rule, V, Version, between, since, unknown

READS = (
    "proceedings.decision.date",
    "proceedings.decision.served",
    "proceedings.decision.served_on",
    "proceedings.decision.asylum_denied_on_merits",
)


def _start(ctx: Context) -> tuple[V[dt.date], str, list[str]]:
    """Oral decisions start the clock on the day; written ones on service. Without a service date, the
    decision date is used: the earlier, safer day."""
    served = ctx.fact("proceedings.decision.served")
    decided = ctx.fact("proceedings.decision.date")
    served_on = ctx.fact("proceedings.decision.served_on")
    if served.value in ("mail", "electronic") and served_on.known:
        return served_on, "proceedings.decision.served_on", []
    notes = []
    if not served.is_("oral"):
        notes.append(
            "counted from the decision date; a written decision's period runs from its mailing or "
            "electronic service, which may make the deadline later"
        )
    return decided, "proceedings.decision.date", notes


def _thirty_days(ctx: Context) -> V[Due]:
    start, path, notes = _start(ctx)
    if not start.known:
        return unknown(start.depends)
    counted = days_after(start.get(), ctx.param("appeal.bia.days"), Roll.NEXT_BUSINESS_DAY)
    notes.append("the Board must receive the notice of appeal (EOIR-26) by this date; no mailbox rule")
    return due(path, start.get(), counted, notes=tuple(notes))


def _after_interim_rule(ctx: Context) -> V[Due]:
    start, path, notes = _start(ctx)
    if not start.known:
        return unknown(start.depends)
    merits = ctx.fact("proceedings.decision.asylum_denied_on_merits")
    counted = days_after(start.get(), ctx.param("appeal.bia.days"), Roll.NEXT_BUSINESS_DAY)
    if not merits.is_(True):
        short = days_after(start.get(), ctx.param("appeal.bia.interim_rule_days"), Roll.NEXT_BUSINESS_DAY)
        notes.append(
            f"the 2026 interim rule's 10-day period ({short.date.isoformat()}) was vacated before it took "
            "effect; if the vacatur is reversed, that earlier date would apply unless asylum was denied on the merits"
        )
    notes.append("the Board must receive the notice of appeal (EOIR-26) by this date; no mailbox rule")
    return due(path, start.get(), counted, notes=tuple(notes))


bia = Rule(
    id="deadline.appeal.bia",
    title="Appeal to the Board of Immigration Appeals (notice of appeal received)",
    citations=(
        "8 CFR 1003.38(b)–(c)",
        "INA 208(d)(5)(A)(iv), 8 U.S.C. 1158(d)(5)(A)(iv)",
        "Matter of Iskandarani, 29 I&N Dec. 26 (BIA 2025)",
    ),
    versions=(
        Version(
            between(dt.date(1997, 4, 1), dt.date(2026, 3, 8)),
            _thirty_days,
            label="30 days (8 CFR 1003.38(b))",
        ),
        Version(
            since(2026, 3, 9),
            _after_interim_rule,
            label="30 days; the 2026 interim rule's 10-day period was vacated before it took effect",
            citations=(
                "Appellate Procedures for the Board of Immigration Appeals, interim final rule, FR Doc. "
                "2026-02326, RIN 1125-AB37 (Feb. 6, 2026)",
            ),
            caveat=(
                "Contested: the 2026 interim rule cutting most appeals to 10 days was vacated by the District "
                "Court for the District of Columbia on Mar. 8, 2026 (suit filed Feb. 26, 2026); check whether "
                "that ruling still stands, and file early where possible."
            ),
        ),
    ),
    reads=READS,
    parameters=("appeal.bia.days", "appeal.bia.interim_rule_days"),
    reference=("PROC-APPEAL-1",),
    selected_by="proceedings.decision.date",
    # Before the dated parameters begin (appeal.bia.days), Withhold does not know the period: unknown.
    when_not_in_force=UNKNOWN,
    explanation="Counted forward from the oral decision or the service of a written one; weekends and holidays roll forward.",
)
