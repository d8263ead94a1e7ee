"""A bar that turns on one recorded finding (persecutor, security, terrorism, firm resettlement...).

Many bars in INA 208(b)(2)(A) and 241(b)(3)(B) are a single finding applied to a single fact; they
differ in their text and authority, which each caller gives. Once the record indicates a bar may apply,
the applicant must prove by a preponderance that it does not (8 CFR 1240.8(d); 8 CFR 1208.16(d)(2);
Matter of M-B-C-, 27 I&N Dec. 31 (BIA 2017)) — the recorded finding is the outcome of that burden.
"""

from __future__ import annotations

import datetime as dt

from withhold.logic import Context, Period, Rule, V, Version
from withhold.logic.rule import Development, day


def finding_bar(
    id: str,
    title: str,
    fact: str,
    *,
    cites: tuple[str, ...],
    ref: tuple[str, ...],
    in_force: Period,
    verified: dt.date | str,
    judgement: str | None,
    caveat: str | None = None,
    explanation: str = "",
    developments: tuple[Development, ...] = (),
) -> Rule:
    def body(ctx: Context) -> V[bool]:
        return ctx.fact(fact)

    return Rule(
        id=id,
        title=title,
        citations=cites,
        versions=(Version(in_force, body, verified_on=day(verified)),),
        reads=(fact,),
        reference=ref,
        judgement=judgement,
        caveat=caveat,
        explanation=explanation or f"Applies when {fact} is true.",
        developments=developments,
    )
