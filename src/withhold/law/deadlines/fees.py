"""The annual asylum fee — Pub. L. 119-21 (July 4, 2025), 8 U.S.C. 1808.

For each calendar year an asylum application remains pending, a fee is owed (it cannot be waived): to
USCIS for an application pending with it, to the immigration court for one before it. USCIS sends a
notice; under the DHS interim final rule in effect May 29, 2026, a fee not paid within 30 days of the
notice gets the pending I-589 rejected, any pending (c)(8) work-permit application denied, an existing
(c)(8) work permit ended, and removal begun for a person with no other status. In immigration court
nothing is owed until the judge orders it and sets the deadline (EOIR Policy Memorandum 26-01, Jan. 2,
2026). The date to pay is the one the notice or the order gives (``asylum.annual_fee_due_on``); until it
is known, the entry says from when the fee can be charged: one year after filing.
"""

from __future__ import annotations

import datetime as dt

from withhold.facts.source import NOT_FILED
from withhold.law.deadlines.model import Due, Kind
from withhold.law.enactments import AUDIT_2026_12_07
from withhold.law.time.calendar import add_years
from withhold.logic import Context, V, rule, since, unknown
from withhold.logic.rule import Development, day

NON_PAYMENT = (
    "if the annual asylum fee is not paid within 30 days of a USCIS notice, USCIS rejects the pending "
    "asylum application, denies a pending (c)(8) work-permit application and ends an existing one (DHS "
    "interim final rule in effect May 29, 2026, 91 FR 22952); in immigration court the judge's order sets "
    "the deadline and its consequences (EOIR Policy Memorandum 26-01)"
)


@rule(
    "deadline.fee.annual_asylum",
    "Pay the annual asylum fee while the asylum application is pending",
    cites=(
        "Pub. L. 119-21, 8 U.S.C. 1808",
        "USCIS Immigration Fees and Related Procedures Required by H.R.1 Reconciliation Bill, interim final "
        "rule, 91 FR 22952 (Apr. 29, 2026)",
        "EOIR Policy Memorandum 26-01 (Jan. 2, 2026)",
    ),
    ref=("ASY-FEE-1",),
    reads=(
        "asylum.filed_on",
        "asylum.annual_fee_due_on",
        "asylum.annual_fee_paid_on",
        "proceedings.decision.outcome",
    ),
    params=("fees.annual_asylum", "fees.annual_asylum.first_charged_after_years"),
    in_force=since(2025, 7, 4),
    verified=AUDIT_2026_12_07,
    when_not_in_force=None,  # no annual fee before Pub. L. 119-21
    caveat=(
        "Changing: collection was stayed from Oct. 30, 2025 to Feb. 2, 2026 (Asylum Seeker Advocacy Project v. "
        "USCIS, D. Md.), and the litigation continues; the DHS rule of Apr. 29, 2026 is interim and its text "
        "was not seen (secondary sources)."
    ),
    developments=(
        Development(
            day("2025-10-30"),
            "A federal court stayed the collection of the annual asylum fee by USCIS and the immigration "
            "courts.",
            ("Asylum Seeker Advocacy Project v. USCIS, No. 8:25-cv-03299 (D. Md. Oct. 30, 2025)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2026-01-02"),
            "EOIR: nothing is owed in immigration court until a judge orders payment and sets a deadline.",
            ("EOIR Policy Memorandum 26-01 (Jan. 2, 2026)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2026-02-02"),
            "The court lifted its stay: USCIS and the immigration courts may collect the fee again.",
            ("Asylum Seeker Advocacy Project v. USCIS, No. 8:25-cv-03299 (D. Md. Feb. 2, 2026)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2026-05-29"),
            "A DHS interim final rule took effect: an unpaid annual fee gets the pending asylum application "
            "rejected and the (c)(8) work permit ended.",
            ("91 FR 22952 (Apr. 29, 2026)",),
            day(AUDIT_2026_12_07),
        ),
    ),
)
def annual_asylum(ctx: Context) -> V[Due | None]:
    """The date the notice or the judge's order gives; before it is known, the day the fee can first be
    charged (a year after filing). Nothing while no application is pending."""
    filed = ctx.fact("asylum.filed_on")
    if filed.value is NOT_FILED:
        return V(None)
    outcome = ctx.fact("proceedings.decision.outcome")
    if outcome.known:
        return V(None)  # decided: the application is no longer pending before the judge
    amount = f"the fee is ${ctx.param('fees.annual_asylum')}; it cannot be waived"
    paid = ctx.fact("asylum.annual_fee_paid_on")
    due_on = ctx.fact("asylum.annual_fee_due_on")
    if due_on.known:
        return V(
            Due(
                date=due_on.get(),
                starts_from="asylum.annual_fee_due_on",
                start=due_on.get(),
                counting="the date the USCIS notice or the judge's order gives",
                done_on=paid.value if isinstance(paid.value, dt.date) else None,
                notes=(amount, NON_PAYMENT),
            )
        )
    if not filed.known:
        return unknown(filed.depends, due_on.depends)
    first = add_years(filed.get(), ctx.param("fees.annual_asylum.first_charged_after_years"))
    return V(
        Due(
            date=first,
            starts_from="asylum.filed_on",
            start=filed.get(),
            counting="one year after the application was filed, and each year while it is pending",
            kind=Kind.EARLIEST,
            notes=(
                f"{amount}; pay by the date on the USCIS notice or in the judge's order, and record that "
                "date in the case",
                NON_PAYMENT,
            ),
        )
    )
