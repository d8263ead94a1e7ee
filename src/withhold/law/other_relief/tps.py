"""Temporary Protected Status: whether the facts point to it on the evaluation date.

INA 244(a)(1), 8 U.S.C. 1254a(a)(1): TPS may be granted to a national of a designated country, or a person
with no nationality who last habitually resided there (Immigration Act of 1990, Pub. L. 101-649, § 302,
enacted Nov. 29, 1990; in force from that day: sure of the enactment, read on a page of § 302 in the
Statutes at Large, 104 Stat. 5035; no later effective date was found, and none was looked for further). The rules reference has no rule for it (REL-TPS-1 is the project's
addition, ``docs/law/additions.md``).

The designations are dated data (``tps.yaml``, :mod:`.designations`), read for the evaluation date. They
changed many times in 2025–2026 and kept changing in court; since Mullin v. Doe, No. 25-1083 (U.S. June
25, 2026), most terminations can no longer be reviewed. A day past the last period known here is unknown,
never a guess; a terminated designation is unknown too (whether the person held or applied for TPS before
it ended is the question); a country never designated, or a day before its first designation, is false.
"""

from __future__ import annotations

import datetime as dt

from withhold.law.enactments import RESEARCH_2026_11_23
from withhold.law.other_relief import designations as data
from withhold.logic import FALSE, TRUE, UNKNOWN, Context, V, rule, since, unknown

IMMIGRATION_ACT_1990 = since(1990, 11, 29)
"""Immigration Act of 1990, Pub. L. 101-649 (Nov. 29, 1990): TPS (§ 302) and special immigrant juveniles
(§ 153)."""

NOT_DESIGNATED = "not_designated"
"""The status of a country never designated, or on a day before its first designation."""

_REF = ("REL-TPS-1",)
_CITES = ("INA 244(a)(1), 8 U.S.C. 1254a(a)(1)", "INA 244(b), 8 U.S.C. 1254a(b)")
_VOLATILE = (
    "TPS designations changed many times in 2025–2026, and since Mullin v. Doe, No. 25-1083 (U.S. June 25, "
    "2026), courts can review a termination only on constitutional grounds: confirm at uscis.gov/tps."
)


@rule(
    "other_relief.tps.country",
    "The country whose designation counts: the nationality, or for a stateless person the country of last "
    "habitual residence",
    cites=("INA 244(a)(1), 8 U.S.C. 1254a(a)(1)",),
    ref=_REF,
    reads=("person.stateless", "person.nationality", "person.last_habitual_residence"),
    in_force=IMMIGRATION_ACT_1990,
    verified=RESEARCH_2026_11_23,
    when_not_in_force=UNKNOWN,
)
def country(ctx: Context) -> V[str]:
    """A national of a designated country, or a person having no nationality who last habitually resided
    there. Unless the case records that the person is stateless, the nationality is read."""
    if ctx.fact("person.stateless").is_(True):
        return ctx.fact("person.last_habitual_residence")
    return ctx.fact("person.nationality")


def _reading(code: str, day: dt.date) -> data.Reading | None:
    return data.reading(data.designations(), code, day)


@rule(
    "other_relief.tps.status",
    "The country's TPS designation on the evaluation date, as the data known here has it",
    cites=(*_CITES, "INA 244(b)(3), 8 U.S.C. 1254a(b)(3)"),
    ref=_REF,
    uses=(country,),
    in_force=IMMIGRATION_ACT_1990,
    verified=RESEARCH_2026_11_23,
    when_not_in_force=UNKNOWN,
    caveat=_VOLATILE,
)
def status(ctx: Context) -> V[str]:
    """``designated``, ``termination_blocked``, ``terminated`` or ``not_designated``; unknown while the
    country is, or when the day falls past the periods known here (the last one is noted)."""
    code = ctx.rule(country)
    if not code.known:
        return unknown(code.depends)
    found = _reading(str(code.get()), ctx.as_of)
    if found is None:
        return V(NOT_DESIGNATED)
    period = found.period
    if not found.current:
        ctx.note(
            f"the data known here ends on {period.until.isoformat()} ({period.status}; {period.reference})"
        )
        return unknown()
    ctx.note(
        f"{period.status} from {period.start.isoformat()} to {period.until.isoformat()}: {period.reference}"
    )
    return V(period.status)


@rule(
    "other_relief.temporary_protected_status",
    "The facts point to Temporary Protected Status",
    cites=(*_CITES, "8 CFR 244", "8 CFR 1244"),
    ref=_REF,
    uses=(status,),
    in_force=IMMIGRATION_ACT_1990,
    verified=RESEARCH_2026_11_23,
    caveat=_VOLATILE,
)
def temporary_protected_status(ctx: Context) -> V[bool]:
    """In effect (designated, or a termination blocked by a court) points to it. A terminated designation
    leaves it open: a person who held or applied for TPS before the end may still have it, or a new
    designation may come. A country never designated (or not yet) gives no pointer."""
    found = ctx.rule(status)
    if not found.known:
        return unknown(found.depends)
    if found.get() in data.IN_EFFECT:
        return TRUE
    if found.get() == NOT_DESIGNATED:
        return FALSE
    return unknown()
