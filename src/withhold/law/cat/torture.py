"""Torture more likely than not — rules reference CAT-DEF-1, CAT-DEF-2, CAT-STD-1, CAT-STD-2, CAT-GRANT-1.

CAT protection needs a finding that the person is more likely than not to be tortured in the country of
removal (8 CFR 1208.16(c)(2)), by or with the consent or acquiescence — willful blindness included —
of a public official (8 CFR 1208.18(a)(1), (a)(7); Zheng v. Ashcroft, 332 F.3d 1186 (9th Cir. 2003)).
No protected ground is needed. The likelihood is the aggregate of all sources (Rodriguez-Arias v.
Whitaker, 915 F.3d 968 (4th Cir. 2019)): the code takes the adjudicator's aggregate finding and never
multiplies per-source probabilities. The refining elements of the definition defeat the claim only when
answered against it (case format).
"""

from __future__ import annotations

from withhold.law.enactments import CAT_REGULATIONS, RESEARCH_2026_11_23
from withhold.logic import Context, V, all_, equals, one_of, rule

OFFICIAL_ROLES = ("direct", "instigation", "consent", "acquiescence", "willful_blindness")


@rule(
    "cat.likelihood",
    "Torture is more likely than not in the country of removal",
    cites=("8 CFR 1208.16(c)(2)–(3)", "Rodriguez-Arias v. Whitaker, 915 F.3d 968 (4th Cir. 2019)"),
    ref=("CAT-STD-1", "CAT-STD-2"),
    reads=("torture.likelihood",),
    judgement=(
        "The aggregate likelihood of torture from all sources, on all the evidence (past torture, "
        "relocation, country conditions), is a finding (8 CFR 1208.16(c)(3))."
    ),
    in_force=CAT_REGULATIONS,
    verified=RESEARCH_2026_11_23,
)
def likelihood(ctx: Context) -> V[bool]:
    """More likely than not; a reasonable possibility is not enough."""
    return equals(ctx.fact("torture.likelihood"), "more_likely_than_not")


@rule(
    "cat.official_involvement",
    "By, at the instigation of, or with the consent or acquiescence of a public official",
    cites=(
        "8 CFR 1208.18(a)(1), (a)(7)",
        "Zheng v. Ashcroft, 332 F.3d 1186 (9th Cir. 2003)",
        "Matter of O-F-A-S-, 28 I&N Dec. 35 (A.G. 2020)",
    ),
    ref=("CAT-DEF-1", "CAT-DEF-2"),
    reads=("torture.official_involvement",),
    judgement=(
        "Acquiescence requires prior awareness (actual knowledge or willful blindness) and a breach of the "
        "legal duty to intervene; whether an official acted in an official capacity is a legal judgement."
    ),
    caveat=(
        "The Dec. 2020 global rule's amendments to 8 CFR 1208.18(a) ('under color of law', a narrower "
        "willful blindness) were preliminarily enjoined (Pangea II, N.D. Cal. 2021); the earlier reading applies."
    ),
    in_force=CAT_REGULATIONS,
    verified=RESEARCH_2026_11_23,
)
def official_involvement(ctx: Context) -> V[bool]:
    """Any official role suffices, willful blindness included; 'none' defeats CAT."""
    return one_of(ctx.fact("torture.official_involvement"), OFFICIAL_ROLES)


@rule(
    "cat.definition",
    "The harm feared is torture as defined (severe, intended, in custody, not a lawful sanction)",
    cites=("8 CFR 1208.18(a)(1)–(6)", "Matter of J-E-, 23 I&N Dec. 291 (BIA 2002)"),
    ref=("CAT-DEF-1",),
    reads=(
        "torture.severe_pain_or_suffering",
        "torture.specific_intent",
        "torture.in_custody_or_control",
        "torture.lawful_sanction",
    ),
    in_force=CAT_REGULATIONS,
    verified=RESEARCH_2026_11_23,
)
def definition(ctx: Context) -> V[bool]:
    """Each element refines the likelihood finding: answered against the claim it defeats it; left
    unanswered it does not hold the status open (case format)."""
    return all_(
        ctx.unless(
            "torture.severe_pain_or_suffering", False, "severity taken as part of the likelihood finding"
        ),
        ctx.unless(
            "torture.specific_intent", False, "specific intent taken as part of the likelihood finding"
        ),
        ctx.unless(
            "torture.in_custody_or_control",
            False,
            "custody or control taken as part of the likelihood finding",
        ),
        ctx.unless(
            "torture.lawful_sanction", True, "not a lawful sanction, taken as part of the likelihood finding"
        ),
    )


@rule(
    "cat.standard",
    "Entitled to CAT protection: torture more likely than not",
    cites=("8 CFR 1208.16(c)(2), (c)(4)", "8 CFR 1208.17(a)"),
    ref=("CAT-GRANT-1",),
    uses=(likelihood, official_involvement, definition),
    in_force=CAT_REGULATIONS,
    verified=RESEARCH_2026_11_23,
)
def standard(ctx: Context) -> V[bool]:
    """No nexus to a protected ground and no discretion: the judge decides the likelihood first, then
    whether it is withholding or, where a bar stands, deferral (8 CFR 1208.16(c)(4))."""
    return all_(ctx.rule(likelihood), ctx.rule(official_involvement), ctx.rule(definition))
