"""Persecution on account of a protected ground — rules reference WH-ELEM-2, WH-ELEM-3, ASY-ELIG-1.

The refugee definition (INA 101(a)(42)(A)) and the withholding statute (INA 241(b)(3)(A)) both ask
whether the harm rises to persecution, whether the persecutor is the government or one it is unable
or unwilling to control, and whether the harm is because of race, religion, nationality, membership
in a particular social group or political opinion. Each of these is a finding; the code combines them.
"""

from __future__ import annotations

from withhold.law.enactments import AUDIT_2026_12_07, REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.law.persecution.past_persecution import presumption
from withhold.logic import FALSE, TRUE, Context, V, any_, equals, rule, unknown
from withhold.logic.rule import Development, day

GROUND_NAMES = {
    "race": "race",
    "religion": "religion",
    "nationality": "nationality",
    "political_opinion": "political opinion",
    "particular_social_group": "membership in a particular social group",
}


@rule(
    "persecution.particular_social_group.cognizable",
    "The particular social group is cognizable",
    cites=(
        "Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)",
        "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)",
        "Matter of W-G-R-, 26 I&N Dec. 208 (BIA 2014)",
        "Matter of K-E-S-G-, 29 I&N Dec. 145 (BIA 2025)",
        "Matter of L-A-L-T-, 29 I&N Dec. 269 (BIA 2025)",
        "Matter of O-A-R-G-, 29 I&N Dec. 30 (BIA 2025)",
    ),
    ref=("WH-ELEM-2",),
    reads=("claim.particular_social_group.cognizable",),
    judgement=(
        "Whether the group is cognizable — an immutable or fundamental shared characteristic, defined "
        "with particularity, socially distinct in the society in question — is a legal judgement "
        "(Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)); the group must be delineated before the judge "
        "(Matter of W-Y-C- & H-O-B-, 27 I&N Dec. 189 (BIA 2018)). Since 2025 the Board holds a group of sex, "
        "or sex and nationality, alone overbroad (Matter of K-E-S-G-); perceived membership counts only in a "
        "group cognizable on its own (Matter of L-A-L-T-); a group of 'former' members needs animus toward "
        "that former status (Matter of O-A-R-G-)."
    ),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    caveat=(
        "Changed in 2025: Matter of K-E-S-G- (July 18, 2025) holds a group defined by sex, or sex and "
        "nationality, standing alone not cognizable; claims based on female genital mutilation were left "
        "open, and circuit law (e.g. De Pena-Paniagua v. Barr, 1st Cir. 2020) may differ. Two later "
        "Attorney General decisions on gender-based groups were reported but not verified."
    ),
    developments=(
        Development(
            day("2025-07-18"),
            "The Board held that a particular social group defined by sex, or by sex and nationality, "
            "standing alone, is overbroad and insufficiently particular.",
            ("Matter of K-E-S-G-, 29 I&N Dec. 145 (BIA 2025)",),
            day(AUDIT_2026_12_07),
        ),
    ),
)
def particular_social_group_cognizable(ctx: Context) -> V[bool]:
    """A particular social group counts only if it is legally cognizable."""
    return ctx.fact("claim.particular_social_group.cognizable")


@rule(
    "persecution.protected_ground",
    "A protected ground is at stake",
    cites=("INA 101(a)(42)(A), 8 U.S.C. 1101(a)(42)(A)", "INA 241(b)(3)(A), 8 U.S.C. 1231(b)(3)(A)"),
    ref=("WH-ELEM-2", "ASY-ELIG-1"),
    reads=("claim.grounds",),
    uses=(particular_social_group_cognizable,),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def protected_ground(ctx: Context) -> V[bool]:
    """The harm must be because of race, religion, nationality, membership in a particular social group
    or political opinion. Coercive population control counts as political opinion by statute."""
    grounds = ctx.fact("claim.grounds")
    if not grounds.known:
        return unknown(grounds.depends)
    named = set(grounds.get())
    if named - {"particular_social_group"}:
        return TRUE
    if "particular_social_group" in named:
        return ctx.rule(particular_social_group_cognizable)
    return FALSE


def _found_or_entailed(ctx: Context, found: V[bool], note: str) -> V[bool]:
    """The element as recorded; while it is unrecorded, a finding of past persecution on the claim now
    made already includes it — listed as an assumption, so a contrary finding can still defeat it."""
    if found.known:
        return found
    past = ctx.rule(presumption)
    if past.value is True:
        for open_fact in sorted(found.depends):  # the facts actually still open, not the one named
            ctx.assume(open_fact, note)
        return TRUE
    return unknown(found.depends, past.depends)


@rule(
    "persecution.harm",
    "The harm rises to persecution",
    cites=(
        "8 CFR 1208.13(b); 8 CFR 1208.16(b) (threat to life or freedom)",
        "Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)",
        "Urias-Orellana v. Bondi, No. 24-777 (U.S. Mar. 4, 2026)",
    ),
    ref=("WH-ELEM-3",),
    reads=("claim.harm_is_persecution",),
    uses=(presumption,),
    judgement=(
        "Whether the harm suffered or feared rises to persecution is a legal judgement on the facts, and "
        "the court of appeals reviews it deferentially (Urias-Orellana v. Bondi, No. 24-777 (U.S. Mar. 4, "
        "2026)): the record before the immigration judge must carry it."
    ),
    in_force=REFUGEE_ACT,
    verified=AUDIT_2026_12_07,
    developments=(
        Development(
            day("2026-03-04"),
            "The Supreme Court held that courts of appeals review the whole persecution determination, "
            "including whether found facts amount to persecution, under the deferential substantial-evidence "
            "standard.",
            ("Urias-Orellana v. Bondi, No. 24-777 (U.S. Mar. 4, 2026)",),
            day(AUDIT_2026_12_07),
        ),
    ),
)
def harm(ctx: Context) -> V[bool]:
    """Persecution is a threat to life or freedom, or serious harm; not every mistreatment is. A finding
    of past persecution, on the claim now made, already finds that the harm was persecution."""
    return _found_or_entailed(
        ctx,
        ctx.fact("claim.harm_is_persecution"),
        "taken as found by the past-persecution finding on this claim",
    )


@rule(
    "persecution.state_protection_failure",
    "The persecutor is the government, or one the government is unable or unwilling to control",
    cites=("Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)", "Matter of A-B-, 28 I&N Dec. 307 (A.G. 2021)"),
    ref=("WH-ELEM-3",),
    reads=("claim.persecutor", "claim.government_unable_or_unwilling"),
    uses=(presumption,),
    judgement=(
        "Whether the government is unable or unwilling to control a non-state persecutor is a finding "
        "on the country evidence and any reports to the authorities."
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def state_protection_failure(ctx: Context) -> V[bool]:
    """Harm by private actors is persecution only when the state cannot or will not control them;
    harm by the state itself needs no such showing. A finding of past persecution (on the claim now
    made) already includes it."""
    by_government = equals(ctx.fact("claim.persecutor"), "government")
    return _found_or_entailed(
        ctx,
        any_(by_government, ctx.fact("claim.government_unable_or_unwilling")),
        "taken as found by the past-persecution finding on this claim (persecution implies the state "
        "failed to protect)",
    )


@rule(
    "persecution.credibility",
    "The testimony is not found incredible",
    cites=(
        "INA 208(b)(1)(B)(ii)–(iii), 8 U.S.C. 1158(b)(1)(B)(ii)–(iii)",
        "INA 241(b)(3)(C), 8 U.S.C. 1231(b)(3)(C)",
        "8 CFR 1208.13(a), 1208.16(b)",
    ),
    ref=("GEN-CRED-1",),
    reads=("claim.credible",),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
)
def credibility(ctx: Context) -> V[bool]:
    """An adverse credibility finding defeats the claim. An unassessed credibility does not hold a
    status open: the other findings are already the assessment of credible evidence (case format)."""
    return ctx.unless(
        "claim.credible",
        False,
        "credibility not yet assessed; an adverse credibility finding would defeat the claim",
    )
