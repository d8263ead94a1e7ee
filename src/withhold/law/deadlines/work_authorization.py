"""Work authorization while the asylum application is pending — rules reference PROC-EAD-1.

The (c)(8) request may be filed 150 days after a complete application is received, and no permit may be
granted before 180 days (INA 208(d)(2); 8 CFR 208.7(a)(1)); delays the applicant causes stop the clock,
and an aggravated felon is not eligible (8 CFR 208.7(a)(1)).
"""

from __future__ import annotations

from withhold.deadlines.counting import Roll, days_after
from withhold.deadlines.model import Due, Kind, due
from withhold.facts.source import NOT_FILED
from withhold.law.crimes.aggravated_felony import aggravated_felony
from withhold.law.crimes.particularly_serious_crime import any_conviction
from withhold.law.enactments import IIRIRA, RESEARCH_2026_11_23
from withhold.logic import UNKNOWN, Context, V, rule, unknown


@rule(
    "deadline.ead.pending_asylum",
    "Earliest date to request a work permit while the asylum application is pending",
    cites=("INA 208(d)(2), 8 U.S.C. 1158(d)(2)", "8 CFR 208.7(a)(1)", "8 CFR 274a.12(c)(8)"),
    ref=("PROC-EAD-1",),
    reads=("asylum.filed_on", "convictions"),
    uses=(aggravated_felony,),
    params=("ead.pending_asylum.request_after_days", "ead.pending_asylum.grant_after_days"),
    caveat=(
        "Proposed change: DHS proposed in Feb. 2026 (91 FR 8616, 'Employment Authorization Reform for Asylum "
        "Applicants') a 365-day wait and a pause on new applications; not final when this was written. The "
        "2020 365-day rule was vacated (AsylumWorks v. Mayorkas, D.D.C. 2022)."
    ),
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=RESEARCH_2026_11_23,
)
def pending_asylum(ctx: Context) -> V[Due | None]:
    """150 days to request, 180 days to grant, counted from the complete application."""
    filed = ctx.fact("asylum.filed_on")
    if filed.value is NOT_FILED:
        return V(None)  # nothing pending yet
    if not filed.known:
        return unknown(filed.depends)
    request = days_after(filed.get(), ctx.param("ead.pending_asylum.request_after_days"), Roll.NONE)
    grant = days_after(filed.get(), ctx.param("ead.pending_asylum.grant_after_days"), Roll.NONE)
    notes = [
        f"no permit can be granted before {grant.date.isoformat()} (180 days)",
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
