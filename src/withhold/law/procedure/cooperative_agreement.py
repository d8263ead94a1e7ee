"""Asylum cooperative agreements — rules reference ASY-STC-1, WH-NOTBAR-STC.

Under INA 208(a)(2)(A) a person may be removed, under a bilateral or multilateral agreement, to a third
country (never the country of nationality) to seek protection there. In INA 240 proceedings the
immigration judge decides first whether the person is subject to the agreement DHS invokes (Matter of
C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)); if so, and no exception of 8 CFR 1240.11(h)(2) is shown
by a preponderance, the person is ineligible to apply for asylum, statutory withholding or CAT protection
here and is ordered removed to the agreement country (8 CFR 1240.11(h)(2), (h)(4)). None of the claims
about the home country is decided on its merits. So this is not a bar to one protection: it closes the
forum for all of them (``procedure.asylum_forum``, ``procedure.withholding_forum``).

The exceptions are declared as the regulation writes them: the agreement's own exceptions, a fear of
persecution or torture in the agreement country more likely than not, a DHS public-interest notice, and
the statute's exemption of unaccompanied children (INA 208(a)(2)(E)). An unanswered exception keeps the
forum open to question: the result is undetermined, never "eligible".

The 2019 rule applies only to people who arrived on or after its effective date (84 FR 63994, Nov. 19,
2019); which agreements are in force on a date is dated data (``asylum.cooperative_agreements``).
"""

from __future__ import annotations

import datetime as dt

from withhold.law.asylum.one_year import unaccompanied_child
from withhold.law.enactments import AUDIT_2026_12_07
from withhold.logic import FALSE, TRUE, Context, V, all_, case_split, not_, one_of, rule, since, unknown
from withhold.logic.rule import Development, day

RULE_IN_EFFECT = dt.date(2019, 11, 19)
"""84 FR 63994: in effect Nov. 19, 2019, for people who arrive or enter on or after that day."""

# Proceedings in which an agreement is applied: INA 240 removal proceedings (8 CFR 1240.11(h)(1)), the
# asylum officer's threshold screening before a credible-fear interview (8 CFR 208.30(e)(7)), and an
# affirmative case, which a denial sends to removal proceedings.
POSTURES = ("removal", "credible_fear", "affirmative")
OTHER_COUNTRY = "another country"
"""For a country Withhold has no agreement with (a placeholder in the case split, never a real code)."""

AGREEMENT = "proceedings.cooperative_agreement"


@rule(
    "procedure.cooperative_agreement.exception",
    "An exception written in the agreement applies",
    cites=("8 CFR 1240.11(h)(2)(ii), (h)(3)",),
    ref=("ASY-STC-1",),
    reads=(f"{AGREEMENT}.exception",),
    in_force=since(2019, 11, 19),
    verified=AUDIT_2026_12_07,
    judgement=(
        "Whether the person qualifies for an exception set out in the agreement's Federal Register notice "
        "is decided by the judge (8 CFR 1240.11(h)(3))."
    ),
)
def agreement_exception(ctx: Context) -> V[bool]:
    """Each agreement's exceptions are in its own Federal Register notice."""
    return ctx.fact(f"{AGREEMENT}.exception")


@rule(
    "procedure.cooperative_agreement.fear_in_agreement_country",
    "Persecution on a protected ground or torture in the agreement country is more likely than not",
    cites=(
        "8 CFR 1240.11(h)(2)(iii), (h)(4)",
        "Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)",
    ),
    ref=("ASY-STC-1",),
    reads=(f"{AGREEMENT}.fear_in_country",),
    in_force=since(2019, 11, 19),
    verified=AUDIT_2026_12_07,
    judgement=(
        "Whether the person would more likely than not be persecuted on a protected ground, or tortured, in "
        "the agreement country is a finding on the evidence about that country; the person must show it by "
        "a preponderance."
    ),
)
def fear_in_agreement_country(ctx: Context) -> V[bool]:
    """The only fear the judge hears under an agreement is the fear of the agreement country."""
    return ctx.fact(f"{AGREEMENT}.fear_in_country")


@rule(
    "procedure.cooperative_agreement.public_interest",
    "DHS decided, in the public interest, that the person may pursue asylum here",
    cites=("INA 208(a)(2)(A), 8 U.S.C. 1158(a)(2)(A)", "8 CFR 1240.11(h)(3)"),
    ref=("ASY-STC-1",),
    reads=(f"{AGREEMENT}.public_interest_notice",),
    in_force=since(2019, 11, 19),
    verified=AUDIT_2026_12_07,
)
def public_interest(ctx: Context) -> V[bool]:
    """A written DHS notice in the proceedings; the judge cannot decide the public interest."""
    return ctx.fact(f"{AGREEMENT}.public_interest_notice")


def _in_force(ctx: Context, country: str) -> V[bool]:
    agreements: dict[str, bool | None] = dict(ctx.param("asylum.cooperative_agreements"))
    if country not in agreements:
        return FALSE
    status = agreements[country]
    return unknown() if status is None else V(status)


@rule(
    "procedure.cooperative_agreement",
    "Removable to a third country under an asylum cooperative agreement: the claims are not heard here",
    cites=(
        "INA 208(a)(2)(A), (E), 8 U.S.C. 1158(a)(2)(A), (E)",
        "8 CFR 1240.11(h)",
        "8 CFR 1208.4(a)(6)",
        "Implementing Bilateral and Multilateral Asylum Cooperative Agreements, 84 FR 63994 (Nov. 19, 2019)",
        "Ratification of Department Action, 90 FR 42309 (Sept. 2, 2025)",
        "Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)",
    ),
    ref=("ASY-STC-1", "WH-NOTBAR-STC"),
    reads=(
        "proceedings.kind",
        f"{AGREEMENT}.invoked",
        f"{AGREEMENT}.country",
        "asylum.safe_third_country_agreement",
        "entry.last_arrival_date",
        "person.nationality",
    ),
    params=("asylum.cooperative_agreements",),
    exceptions=(unaccompanied_child, agreement_exception, fear_in_agreement_country, public_interest),
    in_force=since(2019, 11, 19),
    verified=AUDIT_2026_12_07,
    judgement=(
        "Whether an agreement with the named country was in force, whether the person is subject to it, and "
        "whether an exception of 8 CFR 1240.11(h)(2) applies are decided by the judge before the merits "
        "(Matter of C-I-G-M- & L-V-S-G-); the entry into force of most 2025 agreements is not verified."
    ),
    caveat=(
        "Contested and changing: the 2019 rule, ratified by DHS on Aug. 20, 2025, and the 2025 agreements are "
        "challenged in U.T. v. Bondi, No. 20-cv-116 (D.D.C.); the dates most 2025 agreements entered into "
        "force are not verified. The 2002 U.S.-Canada agreement (8 CFR 1240.11(g)) is not encoded: for a "
        "person who came from Canada, check it."
    ),
    developments=(
        Development(
            day("2021-02-06"),
            "The State Department suspended the agreements with El Salvador, Guatemala and Honduras and gave "
            "notice of their termination.",
            ("U.S. Department of State, statement of Feb. 6, 2021",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2025-09-02"),
            "DHS ratified the 2019 interim rule (signed Aug. 20, 2025), relating back to its original date.",
            ("Ratification of Department Action, 90 FR 42309 (Sept. 2, 2025)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2025-10-31"),
            "The Board held that the judge decides first whether an agreement bars the claims; the judge may "
            "not review whether the third country's procedure is full and fair, nor require DHS to show the "
            "country will accept the person.",
            ("Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)",),
            day(AUDIT_2026_12_07),
        ),
    ),
)
def cooperative_agreement(ctx: Context) -> V[bool]:
    """DHS invoked an agreement in force with a country other than the person's own, the person arrived
    after the 2019 rule took effect and is subject to the agreement's terms: the person is removed there to
    seek protection, unless an exception applies."""
    kind = ctx.fact("proceedings.kind")
    if kind.known and kind.get() not in POSTURES:
        ctx.note(f"not applied in {kind.get().replace('_', '-')} proceedings (8 CFR 1240.11(h)(1))")
        return FALSE
    posture = one_of(kind, POSTURES)
    invoked = ctx.fact(f"{AGREEMENT}.invoked")
    subject = ctx.fact("asylum.safe_third_country_agreement")
    if invoked.value is False or subject.value is False:
        return FALSE
    country = ctx.fact(f"{AGREEMENT}.country")
    nationality = ctx.fact("person.nationality")

    def applies_with(code: str) -> V[bool]:
        if nationality.known and nationality.get() == code:
            return FALSE  # never to the country of nationality (INA 208(a)(2)(A))
        if code == OTHER_COUNTRY:
            return FALSE
        return all_(_in_force(ctx, code), not_(nationality.map(lambda n: n == code)))

    if country.known:
        agreements = dict(ctx.param("asylum.cooperative_agreements"))
        in_force = applies_with(country.get())
        if country.get() not in agreements and (invoked.value is True or subject.value is True):
            ctx.note(f"Withhold has no record of an agreement with {country.get()} on this date")
            in_force = unknown()
    else:
        known_countries = (*dict(ctx.param("asylum.cooperative_agreements")), OTHER_COUNTRY)
        in_force = case_split(country, known_countries, applies_with)
    arrival = ctx.fact("entry.last_arrival_date")
    arrived_after_rule = arrival.map(lambda on: on >= RULE_IN_EFFECT)
    if arrived_after_rule.value is False:
        ctx.note("arrived before Nov. 19, 2019: the 2019 rule applies only to later arrivals")
    # A finding that the person is subject to the agreement implies that DHS invoked it.
    invocation = TRUE if subject.value is True else invoked
    return all_(posture, invocation, subject, in_force, arrived_after_rule)
