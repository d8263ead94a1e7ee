"""Appeal to the Board of Immigration Appeals — rules reference PROC-APPEAL-1.

The notice of appeal must be received by the Board within 30 days of an oral decision or of the mailing
or electronic service of a written one; a last day on a weekend or legal holiday moves to the next
business day (8 CFR 1003.38(b), (c)); for an oral decision the period runs from the oral decision even if
a memorandum is mailed later (Matter of Iskandarani, 29 I&N Dec. 26 (BIA 2025)). An interim final rule
published Feb. 6, 2026 would have cut the period to 10 days for decisions issued on or after March 9,
2026, keeping 30 days where asylum was denied on the merits (INA 208(d)(5)(A)(iv)). The District Court
for the District of Columbia vacated those provisions on March 8, 2026, before they took effect (Amica
Center v. EOIR; secondary sources, no appeal or stay found). So 8 CFR 1003.38(b)'s 30 days govern; but
while the vacatur could be reversed the law is contested, and a deadline a practitioner relies on must be
the earliest defensible one: the 10-day date is shown and goes to calendars, with the 30-day date and the
litigation beside it.
"""

from __future__ import annotations

import datetime as dt

from withhold.law.deadlines.model import Due, due
from withhold.law.enactments import AUDIT_2026_12_07
from withhold.law.time.counting import Roll, days_after
from withhold.logic import UNKNOWN, Context, Rule, V, Version, between, since, unknown
from withhold.logic.rule import Development, day

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
    """Contested law: the earliest defensible date is shown (and goes to calendars), the later one beside
    it. Filing early costs nothing; filing late costs the case."""
    start, path, notes = _start(ctx)
    if not start.known:
        return unknown(start.depends)
    merits = ctx.fact("proceedings.decision.asylum_denied_on_merits")
    if merits.is_(True):
        statutory = ctx.param("appeal.asylum_decision.statutory_days")
        notes.append(
            f"asylum was denied on the merits: {statutory} days by statute (INA 208(d)(5)(A)(iv)), under the "
            "2026 interim rule too"
        )
        notes.append("the Board must receive the notice of appeal (EOIR-26) by this date; no mailbox rule")
        counted = days_after(start.get(), statutory, Roll.NEXT_BUSINESS_DAY)
        return due(path, start.get(), counted, notes=tuple(notes))
    regulation, interim = ctx.param("appeal.bia.days"), ctx.param("appeal.bia.interim_rule_days")
    thirty = days_after(start.get(), regulation, Roll.NEXT_BUSINESS_DAY)
    ten = days_after(start.get(), interim, Roll.NEXT_BUSINESS_DAY)
    notes.append(
        f"shown: the {interim}-day date of the 2026 interim rule, the earliest defensible one. That rule was "
        f"vacated on 2026-03-08 (Amica Center v. EOIR, D.D.C.), so 8 CFR 1003.38(b) gives {regulation} days, "
        f"to {thirty.date.isoformat()}; if the vacatur is reversed, the {interim}-day date applies"
        + ("" if merits.known else ", unless asylum was denied on the merits")
        + ". Filing early costs nothing; filing late costs the appeal."
    )
    notes.append("the Board must receive the notice of appeal (EOIR-26) by this date; no mailbox rule")
    return due(path, start.get(), ten, notes=tuple(notes), later=thirty.date)


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
            verified_on=day(AUDIT_2026_12_07),
        ),
        Version(
            since(2026, 3, 9),
            _after_interim_rule,
            label=(
                "contested: the 2026 interim rule's 10 days (vacated before it took effect) shown first, "
                "the 30 days of 8 CFR 1003.38(b) beside it"
            ),
            citations=(
                "Appellate Procedures for the Board of Immigration Appeals, interim final rule, FR Doc. "
                "2026-02326, RIN 1125-AB37 (Feb. 6, 2026)",
                "Amica Center for Immigrant Rights v. EOIR (D.D.C. Mar. 8, 2026)",
            ),
            caveat=(
                "Contested: the 2026 interim rule cutting most appeals to 10 days was vacated by the District "
                "Court for the District of Columbia on Mar. 8, 2026 (Amica Center v. EOIR), before it took "
                "effect; no appeal or stay of the vacatur was found as of Sept. 2026. The earlier, 10-day "
                "date is shown; the 30-day date is beside it."
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
    ),
    reads=READS,
    parameters=("appeal.bia.days", "appeal.bia.interim_rule_days", "appeal.asylum_decision.statutory_days"),
    reference=("PROC-APPEAL-1",),
    selected_by="proceedings.decision.date",
    # Before the dated parameters begin (appeal.bia.days), Withhold does not know the period: unknown.
    when_not_in_force=UNKNOWN,
    explanation="Counted forward from the oral decision or the service of a written one; weekends and holidays roll forward.",
    developments=(
        Development(
            day("2026-02-06"),
            "EOIR published an interim final rule cutting most appeals to the Board to 10 days for decisions "
            "on or after Mar. 9, 2026 (30 days kept where asylum was denied on the merits).",
            ("FR Doc. 2026-02326, RIN 1125-AB37 (Feb. 6, 2026)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2026-03-08"),
            "The District Court for the District of Columbia vacated the rule's core provisions the day "
            "before they took effect (no notice and comment).",
            ("Amica Center for Immigrant Rights v. EOIR (D.D.C. Mar. 8, 2026)",),
            day(AUDIT_2026_12_07),
        ),
    ),
)
