"""Work authorization while the asylum application is pending — rules reference PROC-EAD-1.

The (c)(8) request may be filed 150 days after a complete application is received, and no permit may be
granted before 180 days (INA 208(d)(2); 8 CFR 208.7(a)(1)); delays the applicant causes stop the clock,
and an aggravated felon is not eligible (8 CFR 208.7(a)(1)). Since Pub. L. 119-21 (July 4, 2025) the
permit has fees that cannot be waived, and since Oct. 30, 2025 a renewal no longer extends the old card
automatically (90 FR 48799): both change what to tell a client, so each is a dated version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from withhold.facts.source import NOT_FILED
from withhold.law.crimes.aggravated_felony import aggravated_felony
from withhold.law.crimes.particularly_serious_crime import any_conviction
from withhold.law.deadlines.model import Due, Kind, due
from withhold.law.enactments import AUDIT_2026_12_07, RESEARCH_2026_11_23
from withhold.law.time.counting import Roll, days_after
from withhold.logic import UNKNOWN, Context, Rule, V, Version, between, since, unknown
from withhold.logic.rule import Development, day


def _pending_asylum(fees: bool, no_automatic_extension: bool) -> Callable[[Context], V[Due | None]]:
    def body(ctx: Context) -> V[Due | None]:
        """150 days to request, 180 days to grant, counted from the complete application."""
        found = _clock(ctx)
        if not isinstance(found.value, Due):
            return found
        notes = list(found.value.notes)
        if fees:
            notes.append(
                f"fees since July 4, 2025 (Pub. L. 119-21; they cannot be waived): "
                f"${ctx.param('fees.work_permit.initial')} for the first (c)(8) permit, "
                f"${ctx.param('fees.work_permit.renewal')} to renew it"
            )
        if no_automatic_extension:
            notes.append(
                "a renewal filed on or after Oct. 30, 2025 no longer extends the old card automatically: file "
                "the renewal early, so that the permit does not lapse (90 FR 48799)"
            )
        return V(replace(found.value, notes=tuple(notes)))

    return body


def _clock(ctx: Context) -> V[Due | None]:
    """150 days to request, 180 days to grant, counted from the complete application."""
    filed = ctx.fact("asylum.filed_on")
    if filed.value is NOT_FILED:
        return V(None)  # nothing pending yet
    if not filed.known:
        return unknown(filed.depends)
    request = days_after(filed.get(), ctx.param("ead.pending_asylum.request_after_days"), Roll.NONE)
    grant_days = ctx.param("ead.pending_asylum.grant_after_days")
    grant = days_after(filed.get(), grant_days, Roll.NONE)
    notes = [
        f"no permit can be granted before {grant.date.isoformat()} ({grant_days} days)",
        "delays caused by the applicant (a missed biometrics appointment, a continuance requested) stop the clock",
    ]
    felon = any_conviction(ctx, lambda index: ctx.rule(aggravated_felony, index))
    if felon.value is True:
        notes.insert(
            0, "not available: an aggravated felon cannot get a (c)(8) work permit (8 CFR 208.7(a)(1))"
        )
    elif not felon.known:
        notes.insert(0, "not available to an aggravated felon (8 CFR 208.7(a)(1)); check the criminal record")
    return due("asylum.filed_on", filed.get(), request, kind=Kind.EARLIEST, notes=tuple(notes))


PARAMETERS = ("ead.pending_asylum.request_after_days", "ead.pending_asylum.grant_after_days")
FEES = ("fees.work_permit.initial", "fees.work_permit.renewal")

pending_asylum = Rule(
    id="deadline.ead.pending_asylum",
    title="Earliest date to request a work permit while the asylum application is pending",
    citations=("INA 208(d)(2), 8 U.S.C. 1158(d)(2)", "8 CFR 208.7(a)(1)", "8 CFR 274a.12(c)(8)"),
    versions=(
        Version(
            between(dt.date(1997, 4, 1), dt.date(2025, 7, 3)),
            _pending_asylum(fees=False, no_automatic_extension=False),
            verified_on=day(RESEARCH_2026_11_23),
        ),
        Version(
            between(dt.date(2025, 7, 4), dt.date(2025, 10, 29)),
            _pending_asylum(fees=True, no_automatic_extension=False),
            label="Pub. L. 119-21: fees for the (c)(8) permit",
            citations=("Pub. L. 119-21, 8 U.S.C. 1803, 1810",),
            verified_on=day(AUDIT_2026_12_07),
        ),
        Version(
            since(2025, 10, 30),
            _pending_asylum(fees=True, no_automatic_extension=True),
            label="fees; and no automatic extension for renewals filed from Oct. 30, 2025",
            citations=(
                "Pub. L. 119-21, 8 U.S.C. 1803, 1810",
                "Removal of the Automatic Extension of Employment Authorization Documents, 90 FR 48799 "
                "(Oct. 30, 2025)",
                "8 CFR 274a.13(d)",
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
    ),
    reads=("asylum.filed_on", "convictions"),
    uses=(aggravated_felony,),
    parameters=PARAMETERS + FEES,
    reference=("PROC-EAD-1", "ASY-FEE-1"),
    when_not_in_force=UNKNOWN,
    caveat=(
        "Proposed change: DHS proposed in Feb. 2026 (91 FR 8616, 'Employment Authorization Reform for Asylum "
        "Applicants') a 365-day wait and a pause on new applications; no final rule was found as of Dec. "
        "2026. The 2020 365-day rule was vacated (AsylumWorks v. Mayorkas, D.D.C. 2022)."
    ),
    explanation="150 days to request, 180 days to grant, counted from the complete application.",
    developments=(
        Development(
            day("2025-10-30"),
            "DHS ended the automatic extension of work permits for renewals filed on or after this day.",
            ("90 FR 48799 (Oct. 30, 2025)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2026-02-23"),
            "DHS proposed a 365-day wait for the (c)(8) work permit and a pause on new applications.",
            ("Employment Authorization Reform for Asylum Applicants, 91 FR 8616 (Feb. 23, 2026)",),
            day(AUDIT_2026_12_07),
        ),
    ),
)
