"""Past harm to corroborate — rules reference GEN-CRED-1, ASY-PP-1, WH-PP-1, CAT-STD-1.

Records of past harm (medical records, a psychological evaluation) corroborate past persecution, which
raises the presumption of future persecution (8 CFR 1208.13(b)(1), 1208.16(b)(1)), and past torture,
which the judge weighs in deciding whether torture is more likely than not (8 CFR 1208.16(c)(3)(i)).

Whether the client's story tells of harm is law here, not presentation: it decides whether records of
that harm are evidence the judge may expect. Where the applicant testifies to harm, the trier of fact
may require corroboration of it that is reasonably available (INA 208(b)(1)(B)(ii)); testimony of an
injury or of harm is therefore past harm to corroborate, whatever the finding of past persecution will
say of it. The story's answers are plain facts the client tells (``story.events[]``), each with its
question in the interview.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, CAT_REGULATIONS, REAL_ID_ACT, REFUGEE_ACT
from withhold.logic import TRUE, UNKNOWN, Context, V, any_, rule, unknown

_CORROBORATION = (
    "INA 208(b)(1)(B)(ii), 8 U.S.C. 1158(b)(1)(B)(ii)",
    "INA 241(b)(3)(C), 8 U.S.C. 1231(b)(3)(C)",
    "INA 240(c)(4)(B), 8 U.S.C. 1229a(c)(4)(B)",
)


@rule(
    "corroboration.testimony_of_harm",
    "The client's story tells of harm or an injury, which the judge may expect to be corroborated",
    cites=_CORROBORATION,
    ref=("GEN-CRED-1",),
    reads=(
        "story.events",
        "story.events[].injuries",
        "story.events[].medical_care",
        "story.events[].harm",
    ),
    in_force=REAL_ID_ACT,
    verified=AUDIT_2026_12_07,
    # Before the REAL ID Act, Matter of S-M-J-, 21 I&N Dec. 722 (BIA 1997) expected reasonably available
    # corroboration; that earlier law is not encoded, so the rule says nothing (unknown) before it.
    when_not_in_force=UNKNOWN,
)
def testimony_of_harm(ctx: Context) -> V[bool]:
    """Some event the client tells of harmed or injured someone, or someone received medical care for it;
    false only when every event is known to tell of none."""
    events = ctx.fact("story.events")
    if not events.known:
        return unknown(events.depends)
    told: list[V[bool]] = []
    for item in range(events.get()):
        harm = ctx.fact("story.events[].harm", item)
        told += [
            ctx.fact("story.events[].injuries", item),
            ctx.fact("story.events[].medical_care", item),
            harm.map(bool),
        ]
    return any_(*told)


@rule(
    "corroboration.past_harm.persecution",
    "Records of past harm are needed for asylum and withholding: past persecution is, or may be, claimed",
    cites=("8 CFR 1208.13(b)(1)", "8 CFR 1208.16(b)(1)", *_CORROBORATION),
    ref=("GEN-CRED-1", "ASY-PP-1", "WH-PP-1"),
    reads=("claim.past_persecution",),
    uses=(testimony_of_harm,),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
)
def past_persecution_harm(ctx: Context) -> V[bool]:
    """Past persecution found or claimed (true) or found not to be (false); while it is unknown, true
    when the story tells of harm, else unknown."""
    past = ctx.fact("claim.past_persecution")
    if past.known:
        return past
    told = ctx.rule(testimony_of_harm)
    return TRUE if told.is_(True) else unknown(past.depends, told.depends)


@rule(
    "corroboration.past_harm.torture",
    "Records of past harm are needed for protection under the Convention Against Torture: past torture "
    "may have occurred",
    cites=("8 CFR 1208.16(c)(3)(i)", *_CORROBORATION),
    ref=("GEN-CRED-1", "CAT-STD-1"),
    reads=("claim.past_persecution",),
    uses=(testimony_of_harm,),
    in_force=CAT_REGULATIONS,
    verified=AUDIT_2026_12_07,
)
def past_torture_harm(ctx: Context) -> V[bool]:
    """Past persecution, or (while it is unknown) a story of harm, is past harm to corroborate. No fact
    records past torture itself, and it needs no protected ground, so a finding of no past persecution
    leaves it unknown, never false."""
    past = ctx.fact("claim.past_persecution")
    if past.is_(True):
        return TRUE
    if past.known:
        return unknown(past.depends)
    told = ctx.rule(testimony_of_harm)
    return TRUE if told.is_(True) else unknown(past.depends, told.depends)
