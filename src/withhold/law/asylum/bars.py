"""Bars to asylum — rules reference ASY-BAR-1, ASY-PRIOR-1, ASY-BAR-FRIV-1.

Mandatory bars to a grant (INA 208(b)(2)(A)(i)–(vi)) and the bar to applying again after a denial
(INA 208(a)(2)(C)); the one-year deadline is in ``one_year.py``, the particularly serious crime bar in
``crimes/particularly_serious_crime.py``. Safe-third-country and asylum cooperative agreements
(INA 208(a)(2)(A)) close the forum for every claim, not asylum alone: ``procedure/cooperative_agreement.py``.
"""

from __future__ import annotations

from withhold.law.asylum.one_year import changed_circumstances
from withhold.law.enactments import AEDPA, AUDIT_2026_12_07, IIRIRA, REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.law.finding_bar import finding_bar
from withhold.logic import Context, V, rule
from withhold.logic.rule import Development, day

PERSECUTOR_DURESS = (
    "No duress or coercion exception: Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020), stayed for review in "
    "Oct. 2021 and made controlling again by Matter of Negusie, 29 I&N Dec. 285 (A.G. 2025) on Oct. 22, "
    "2025; between those dates the point was contested."
)
PERSECUTOR_DEVELOPMENTS = (
    Development(
        day("2021-10-12"),
        "The Attorney General referred Matter of Negusie to himself and stayed the 2020 decision (no duress "
        "exception) pending review.",
        ("Matter of Negusie, 28 I&N Dec. 399 (A.G. 2021)",),
        day(AUDIT_2026_12_07),
    ),
    Development(
        day("2025-10-22"),
        "The Attorney General lifted the stay: no duress or coercion exception to the persecutor bar, and "
        "the applicant must disprove the bar once the evidence indicates it.",
        ("Matter of Negusie, 29 I&N Dec. 285 (A.G. 2025)",),
        day(AUDIT_2026_12_07),
    ),
)

persecutor = finding_bar(
    "asylum.bar.persecutor",
    "Persecutor of others",
    "conduct.persecuted_others",
    cites=(
        "INA 208(b)(2)(A)(i), 8 U.S.C. 1158(b)(2)(A)(i)",
        "INA 101(a)(42) (persecutors excluded from 'refugee')",
        "Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020)",
        "Matter of Negusie, 29 I&N Dec. 285 (A.G. 2025)",
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
    ref=("ASY-BAR-1", "WH-BAR-PERS-1"),
    judgement="Whether the person assisted or participated in persecution of others is a finding.",
    caveat=PERSECUTOR_DURESS,
    developments=PERSECUTOR_DEVELOPMENTS,
)

serious_nonpolitical_crime = finding_bar(
    "asylum.bar.serious_nonpolitical_crime",
    "Serious nonpolitical crime outside the United States",
    "conduct.serious_nonpolitical_crime_abroad",
    cites=(
        "INA 208(b)(2)(A)(iii), 8 U.S.C. 1158(b)(2)(A)(iii)",
        "INS v. Aguirre-Aguirre, 526 U.S. 415 (1999)",
        "Matter of E-A-, 26 I&N Dec. 1 (BIA 2012)",
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
    ref=("ASY-BAR-1", "WH-BAR-SNPC-1"),
    judgement=(
        "Serious reasons to believe a serious nonpolitical crime was committed abroad before arrival: the "
        "criminal character is weighed against the political aspect (Matter of E-A-; Matter of McMullen)."
    ),
)

danger_to_security = finding_bar(
    "asylum.bar.danger_to_security",
    "Danger to the security of the United States",
    "conduct.danger_to_security",
    cites=("INA 208(b)(2)(A)(iv), 8 U.S.C. 1158(b)(2)(A)(iv)", "Matter of A-H-, 23 I&N Dec. 774 (A.G. 2005)"),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
    ref=("ASY-BAR-1", "WH-BAR-SEC-1"),
    judgement="Reasonable grounds to regard the person as a danger to US security (Matter of A-H-).",
)

terrorism = finding_bar(
    "asylum.bar.terrorism",
    "Terrorist activity",
    "conduct.terrorist_activity",
    cites=(
        "INA 208(b)(2)(A)(v), 8 U.S.C. 1158(b)(2)(A)(v)",
        "INA 212(a)(3)(B)",
        "INA 237(a)(4)(B)",
        "Matter of M-H-Z-, 26 I&N Dec. 757 (BIA 2016)",
    ),
    in_force=AEDPA,
    verified=RESEARCH_2026_11_23,
    ref=("ASY-BAR-1",),
    judgement=(
        "Whether the person is described in the terrorism grounds (including material support, with no "
        "implied duress exception: Matter of M-H-Z-) is a legal judgement."
    ),
)

firm_resettlement = finding_bar(
    "asylum.bar.firm_resettlement",
    "Firmly resettled in another country before arriving",
    "asylum.firmly_resettled",
    cites=(
        "INA 208(b)(2)(A)(vi), 8 U.S.C. 1158(b)(2)(A)(vi)",
        "8 CFR 1208.15",
        "Matter of A-G-G-, 25 I&N Dec. 486 (BIA 2011)",
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
    ref=("ASY-BAR-1",),
    judgement=(
        "Firm resettlement — an offer of permanent status in a third country, subject to the exceptions of "
        "8 CFR 1208.15 — is decided in the four steps of Matter of A-G-G-."
    ),
    caveat=(
        "The Dec. 2020 rewrite of 8 CFR 1208.15 was preliminarily enjoined (Pangea II, N.D. Cal. 2021); the "
        "earlier text applies."
    ),
)

frivolous = finding_bar(
    "asylum.bar.frivolous",
    "Final finding of a knowingly frivolous application",
    "asylum.frivolous_finding",
    cites=("INA 208(d)(6), 8 U.S.C. 1158(d)(6)", "8 CFR 1208.20"),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
    ref=("ASY-BAR-FRIV-1",),
    judgement=None,  # a matter of record: the finding was made, after the INA 208(d)(4)(A) warning, or not
    explanation="A knowingly frivolous application, after warning, bars every benefit under the Act for good.",
)


@rule(
    "asylum.bar.prior_denial",
    "An earlier asylum application was denied by an immigration judge or the BIA",
    cites=("INA 208(a)(2)(C), 8 U.S.C. 1158(a)(2)(C)", "8 CFR 1208.4(a)(3)"),
    ref=("ASY-PRIOR-1",),
    reads=("asylum.previously_denied",),
    exceptions=(changed_circumstances,),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
)
def prior_denial(ctx: Context) -> V[bool]:
    """A second application is barred unless changed circumstances materially affect eligibility."""
    return ctx.fact("asylum.previously_denied")
