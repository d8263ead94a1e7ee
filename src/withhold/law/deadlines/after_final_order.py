"""After a final order: motions and the petition for review — rules reference PROC-MTR-1, PROC-MTR-2,
PROC-PFR-1.

A motion to reconsider is due within 30 days and a motion to reopen within 90 days of the final
administrative order (INA 240(c)(6)(B), (c)(7)(C)(i); 8 CFR 1003.23(b)(1), 1003.2(b)(2), (c)(2)); a motion
to reopen for asylum, withholding or CAT based on changed country conditions has no time limit
(INA 240(c)(7)(C)(ii); 8 CFR 1003.23(b)(4)(i)). A petition for review is due in the court of appeals
within 30 days of the final order of removal (INA 242(b)(1)); the limit is a claim-processing rule, and in
withholding-only cases it runs from the reinstated or administrative order (Riley v. Bondi, 606 U.S. ___
(2025)). A last day on a Saturday, Sunday or legal holiday runs to the next day that is not one: for
motions under the general definition of a period of days (8 CFR 1001.1(h); Monsalvo Velázquez v. Bondi
(U.S. 2025)), for the petition under Fed. R. App. P. 26(a)(1)(C).

In withholding-only proceedings the reinstated or administrative order is not reopened: it "is not
subject to being reopened or reviewed" (INA 241(a)(5)). A motion there asks the judge (8 CFR 1003.23) or
the Board (8 CFR 1003.2) to revisit their own decision on withholding and CAT, so it runs from that
decision; the judge's is taken, the earlier and so the safer day (a Board decision on appeal is later).
"""

from __future__ import annotations

import datetime as dt

from withhold.law.deadlines.model import Due, due
from withhold.law.enactments import AUDIT_2026_12_07, IIRIRA
from withhold.law.procedure.circuit import CIRCUIT_NAMES, proceeding_circuit
from withhold.law.time.counting import Roll, days_after
from withhold.logic import UNKNOWN, Context, V, rule, unknown

FINAL = "proceedings.final_order_date"
DECIDED = "proceedings.decision.date"
MOTION_READS = (FINAL, "proceedings.kind", DECIDED)
WITHHOLDING_ONLY_NOTE = (
    "withholding-only case: counted from the judge's decision on withholding and CAT (8 CFR 1003.23), or "
    "from the Board's if it decided an appeal (8 CFR 1003.2), a later day; the reinstated or administrative "
    "order itself cannot be reopened (INA 241(a)(5))"
)


def _motion_start(ctx: Context) -> tuple[V[dt.date], str, tuple[str, ...]]:
    """The day a motion's period runs from: the final administrative order, or in withholding-only
    proceedings the decision in them."""
    if ctx.fact("proceedings.kind").is_("withholding_only"):
        return ctx.fact(DECIDED), DECIDED, (WITHHOLDING_ONLY_NOTE,)
    return ctx.fact(FINAL), FINAL, ()


@rule(
    "deadline.motion.reconsider",
    "Motion to reconsider",
    cites=(
        "INA 240(c)(6)(B), 8 U.S.C. 1229a(c)(6)(B)",
        "8 CFR 1003.23(b)(1)",
        "8 CFR 1003.2(b)(2)",
        "8 CFR 1001.1(h)",
        "INA 241(a)(5), 8 U.S.C. 1231(a)(5)",
    ),
    ref=("PROC-MTR-1",),
    reads=MOTION_READS,
    params=("motion.reconsider.days",),
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=AUDIT_2026_12_07,
)
def reconsider(ctx: Context) -> V[Due]:
    """One motion, within 30 days of the final administrative order, identifying errors of law or fact."""
    start, path, notes = _motion_start(ctx)
    if not start.known:
        return unknown(start.depends)
    counted = days_after(start.get(), ctx.param("motion.reconsider.days"), Roll.NEXT_BUSINESS_DAY)
    return due(path, start.get(), counted, notes=notes)


@rule(
    "deadline.motion.reopen",
    "Motion to reopen",
    cites=(
        "INA 240(c)(7)(C)(i)–(ii), 8 U.S.C. 1229a(c)(7)(C)",
        "8 CFR 1003.23(b)(1), (b)(4)(i)",
        "8 CFR 1003.2(c)(2), (c)(3)(ii)",
        "8 CFR 1001.1(h)",
        "INA 241(a)(5), 8 U.S.C. 1231(a)(5)",
    ),
    ref=("PROC-MTR-1", "PROC-MTR-2"),
    reads=MOTION_READS,
    params=("motion.reopen.days",),
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=AUDIT_2026_12_07,
)
def reopen(ctx: Context) -> V[Due]:
    """One motion, within 90 days, with new, material, previously unavailable evidence and the
    application for relief."""
    start, path, notes = _motion_start(ctx)
    if not start.known:
        return unknown(start.depends)
    counted = days_after(start.get(), ctx.param("motion.reopen.days"), Roll.NEXT_BUSINESS_DAY)
    return due(
        path,
        start.get(),
        counted,
        notes=(
            *notes,
            "no time or number limit for a motion to apply for asylum, withholding or CAT based on changed "
            "country conditions with material evidence not available before (INA 240(c)(7)(C)(ii))",
        ),
    )


@rule(
    "deadline.review.petition",
    "Petition for review in the court of appeals",
    cites=(
        "INA 242(b)(1), 8 U.S.C. 1252(b)(1)",
        "Fed. R. App. P. 26(a)",
        "Riley v. Bondi, No. 23-1270 (U.S. June 26, 2025)",
    ),
    ref=("PROC-PFR-1", "CAT-JR-1"),
    reads=(FINAL, "proceedings.kind"),
    uses=(proceeding_circuit,),
    params=("review.petition.days",),
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=AUDIT_2026_12_07,
)
def petition_for_review(ctx: Context) -> V[Due]:
    """30 days after the final order of removal, in the circuit where the judge completed proceedings;
    filing does not stay removal unless the court orders it."""
    final = ctx.fact(FINAL)
    if not final.known:
        return unknown(final.depends)
    days = ctx.param("review.petition.days")
    counted = days_after(final.get(), days, Roll.NEXT_BUSINESS_DAY)
    notes = ["filing does not stop removal; ask the court for a stay"]
    circuit = ctx.rule(proceeding_circuit)
    if circuit.known:
        notes.append(f"file in the Court of Appeals for the {CIRCUIT_NAMES[circuit.get()]}")
    if ctx.fact("proceedings.kind").is_("withholding_only"):
        notes.append(
            f"withholding-only case: the {days} days run from the reinstated or administrative removal order, "
            "not from the Board's decision, which is not a final order of removal (Riley v. Bondi, 2025); the "
            "limit is a claim-processing rule, which the government can waive or forfeit, so a late petition "
            "may still be worth filing"
        )
    return due(FINAL, final.get(), counted, notes=tuple(notes))
