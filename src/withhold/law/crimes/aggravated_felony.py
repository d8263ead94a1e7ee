"""Aggravated felony — INA 101(a)(43); rules reference AF-GEN-1, AF-LIST-1.

Classification under the categorical approach is counsel's finding (``aggravated_felony``: the
subparagraph letter, or ``none``); this module does not re-classify offences. It checks only the
arithmetic the statute attaches to some letters: a crime of violence (F), theft or burglary (G),
document fraud (P), commercial bribery or forgery (R) and obstruction of justice (S) are aggravated
felonies only with a term of imprisonment of at least one year (12 months for P), counting suspended
time (INA 101(a)(48)(B)). A recorded shorter sentence contradicts the classification, and the statute wins.
"""

from __future__ import annotations

from withhold.law.enactments import ANTI_DRUG_ABUSE_ACT, RESEARCH_2026_11_23
from withhold.logic import FALSE, TRUE, Context, V, all_, any_, equals, rule, unknown

LETTERS_WITH_ONE_YEAR_TERM = ("F", "G", "P", "R", "S")


@rule(
    "crimes.aggravated_felony",
    "The conviction is for an aggravated felony",
    cites=("INA 101(a)(43), 8 U.S.C. 1101(a)(43)", "INA 101(a)(48)(B), 8 U.S.C. 1101(a)(48)(B)"),
    ref=("AF-GEN-1", "AF-LIST-1"),
    reads=("convictions[].aggravated_felony", "convictions[].sentence_months", "convictions[].jurisdiction"),
    params=("crimes.aggravated_felony.minimum_term_months",),
    per="convictions",
    judgement=(
        "Whether an offence is an aggravated felony is decided under the categorical approach (Moncrieffe v. "
        "Holder, 569 U.S. 184 (2013); Mathis v. United States, 579 U.S. 500 (2016)): counsel's classification."
    ),
    in_force=ANTI_DRUG_ABUSE_ACT,
    verified=RESEARCH_2026_11_23,
)
def aggravated_felony(ctx: Context) -> V[bool]:
    """Counsel's classification, checked against the sentence thresholds of (F), (G), (P), (R), (S):
    for those letters the term of imprisonment is part of the definition, so it must be known."""
    letter = ctx.fact("convictions[].aggravated_felony")
    if not letter.known:
        return unknown(letter.depends)
    if letter.get() == "none":
        return FALSE
    if ctx.fact("convictions[].jurisdiction").is_("foreign"):
        ctx.note(
            "a foreign conviction is an aggravated felony only if the term of imprisonment was completed "
            "within the previous 15 years (INA 101(a)(43), flush text)"
        )
    if letter.get() in LETTERS_WITH_ONE_YEAR_TERM:
        minimum = ctx.param("crimes.aggravated_felony.minimum_term_months")
        sentence = ctx.fact("convictions[].sentence_months")
        if not sentence.known:
            # The statute makes the term part of the definition: without it the classification is open.
            return unknown(sentence.depends)
        if sentence.get() < minimum:
            ctx.note(
                f"subparagraph ({letter.get()}) needs a term of imprisonment of at least {minimum} months; "
                f"the sentence recorded is {sentence.get():g}, so the statute does not make it an aggravated felony"
            )
            return FALSE
    return TRUE


@rule(
    "crimes.drug_trafficking_aggravated_felony",
    "The conviction is an aggravated felony involving illicit trafficking in a controlled substance",
    cites=("INA 101(a)(43)(B), 8 U.S.C. 1101(a)(43)(B)",),
    ref=("AF-LIST-1", "WH-BAR-PSC-3"),
    reads=("convictions[].aggravated_felony", "convictions[].drug_trafficking"),
    uses=(aggravated_felony,),
    per="convictions",
    in_force=ANTI_DRUG_ABUSE_ACT,
    verified=RESEARCH_2026_11_23,
)
def drug_trafficking_aggravated_felony(ctx: Context) -> V[bool]:
    """Subparagraph (B), or another aggravated felony recorded as drug trafficking."""
    trafficking = any_(
        equals(ctx.fact("convictions[].aggravated_felony"), "B"), ctx.fact("convictions[].drug_trafficking")
    )
    return all_(ctx.rule(aggravated_felony), trafficking)
