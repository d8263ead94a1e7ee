"""After a grant — rules reference ASY-DERIV-1, BEN-TABLE-1.

An asylee may petition (Form I-730) for a spouse or child within two years of the grant (8 CFR
1208.21(d)); may apply to adjust status after one year of physical presence following the grant (INA
209(b)(2)); and asylees and people granted statutory withholding keep SSI eligibility for seven years from
the grant (8 U.S.C. 1612(a)(2)(A)(ii)–(iii)). Pub. L. 119-21 (July 4, 2025) ended SNAP eligibility for
asylees and withholding grantees who are not permanent residents, so the seven years now matter for SSI;
the output says so. These dates appear only when the case records a grant
(``proceedings.decision.granted``, a Withhold extension) or a decision that may include one.
"""

from __future__ import annotations

import datetime as dt

from withhold.law.deadlines.model import Due, Kind, due
from withhold.law.enactments import IIRIRA, RESEARCH_2026_11_23
from withhold.law.time.counting import Roll, years_after
from withhold.logic import UNKNOWN, Context, V, rule, unknown

READS = ("proceedings.decision.date", "proceedings.decision.outcome", "proceedings.decision.granted")


def _grant_date(ctx: Context, protections: tuple[str, ...]) -> V[dt.date | None]:
    """The date one of ``protections`` was granted; None when no such grant is recorded or possible."""
    granted = ctx.fact("proceedings.decision.granted")
    outcome = ctx.fact("proceedings.decision.outcome")
    decided = ctx.fact("proceedings.decision.date")
    if granted.known:
        return decided if set(granted.get()) & set(protections) else V(None)
    if outcome.value in ("granted", "mixed"):
        return unknown(granted.depends, decided.depends)
    if decided.known and not outcome.known:
        return unknown(outcome.depends, granted.depends)  # a decision whose outcome is not recorded
    return V(None)  # no decision, or one that granted nothing


def _after_grant(
    ctx: Context, protections: tuple[str, ...], years_parameter: str, kind: Kind, notes: tuple[str, ...]
) -> V[Due | None]:
    grant = _grant_date(ctx, protections)
    if not grant.known:
        return unknown(grant.depends)
    start = grant.get()
    if start is None:
        return V(None)
    counted = years_after(start, ctx.param(years_parameter), Roll.NONE, earliest=kind is Kind.EARLIEST)
    return due("proceedings.decision.date", start, counted, kind=kind, notes=notes)


@rule(
    "deadline.asylee.follow_to_join",
    "Petition for a spouse or child to follow to join (Form I-730)",
    cites=("INA 208(b)(3), 8 U.S.C. 1158(b)(3)", "8 CFR 1208.21(d)", "8 CFR 208.21(d)"),
    ref=("ASY-DERIV-1",),
    reads=READS,
    params=("asylee.follow_to_join.years",),
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=RESEARCH_2026_11_23,
)
def follow_to_join(ctx: Context) -> V[Due | None]:
    """One I-730 per relative, within two years of the grant; the relationship must have existed at the
    grant. The period can be extended for humanitarian reasons."""
    return _after_grant(
        ctx,
        ("asylum",),
        "asylee.follow_to_join.years",
        Kind.DEADLINE,
        ("extendable for humanitarian reasons; withholding and CAT give no derivative benefits",),
    )


@rule(
    "deadline.asylee.adjustment",
    "Earliest date to apply for permanent residence as an asylee",
    cites=("INA 209(b)(2), 8 U.S.C. 1159(b)(2)", "8 CFR 1209.2"),
    ref=("BEN-TABLE-1",),
    reads=READS,
    params=("asylee.adjustment.years",),
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=RESEARCH_2026_11_23,
)
def adjustment(ctx: Context) -> V[Due | None]:
    """After one year of physical presence following the grant; permanent residence is then dated one
    year before approval."""
    return _after_grant(
        ctx,
        ("asylum",),
        "asylee.adjustment.years",
        Kind.EARLIEST,
        ("one year of physical presence after the grant; trips abroad may push it later",),
    )


@rule(
    "deadline.benefits.seven_year",
    "End of the seven-year window for SSI after a grant of asylum or withholding",
    cites=("8 U.S.C. 1612(a)(2)(A)(ii)–(iii)", "Pub. L. 119-21 (July 4, 2025)"),
    ref=("BEN-TABLE-1",),
    reads=READS,
    params=("benefits.seven_year.years",),
    caveat=(
        "Changed law: Pub. L. 119-21 (2025) ended SNAP for asylees and withholding grantees who are not "
        "permanent residents, and restricted Medicaid and Medicare; check current eligibility."
    ),
    in_force=IIRIRA,
    when_not_in_force=UNKNOWN,
    verified=RESEARCH_2026_11_23,
)
def seven_year(ctx: Context) -> V[Due | None]:
    """Asylees and people granted statutory withholding are eligible for SSI for seven years from the
    grant; CAT protection does not count."""
    return _after_grant(
        ctx,
        ("asylum", "statutory_withholding"),
        "benefits.seven_year.years",
        Kind.WINDOW_END,
        ("adjusting to permanent residence before it ends preserves eligibility on other terms",),
    )
