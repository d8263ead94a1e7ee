"""The stages of each kind of proceeding, as data: what happens, what to bring, the authority, and which
deadlines attach. Rules reference PROC-JUR-1, PROC-HEAR-1, PROC-BIO-1, PROC-FORM-1, PROC-APPEAL-1,
PROC-MTR-1, PROC-PFR-1, PROC-RF-1, PROC-CF-1, PROC-EAD-1, ASY-DERIV-1, BEN-TABLE-1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    happens: str
    bring: tuple[str, ...]
    authority: tuple[str, ...]
    deadlines: tuple[str, ...] = ()
    """Deadline ids (``withhold deadlines``) that belong to this stage."""


ARRIVAL = Stage(
    "arrival",
    "Arrival in the United States",
    "The most recent arrival starts the one-year period for filing for asylum.",
    ("proof of the date and place of arrival (I-94, passport stamp, border records, tickets)",),
    ("INA 208(a)(2)(B)", "Matter of F-P-R-, 24 I&N Dec. 681 (BIA 2008)"),
)
CREDIBLE_FEAR = Stage(
    "credible_fear",
    "Credible-fear interview",
    "An asylum officer asks whether there is a significant possibility of establishing asylum, "
    "withholding or CAT protection; a judge can review a negative finding.",
    ("any identity documents", "the names of family in the US", "an interpreter request in your language"),
    ("INA 235(b)(1)(B)(v)", "8 CFR 1208.30"),
)
REASONABLE_FEAR = Stage(
    "reasonable_fear",
    "Reasonable-fear interview",
    "After a reinstated or administrative removal order, an asylum officer asks whether there is a "
    "reasonable possibility of persecution or torture; a positive finding leads to withholding-only "
    "proceedings, a negative one can be reviewed by a judge.",
    ("any identity documents", "a short account of the harm feared", "an interpreter request"),
    ("8 CFR 1208.31(a)–(g)",),
)
AFFIRMATIVE_FILING = Stage(
    "affirmative_filing",
    "Asylum application filed with USCIS",
    "The I-589 is filed with USCIS; an asylum officer later interviews the applicant. If asylum is not "
    "granted, the case is referred to an immigration judge, who decides asylum, withholding and CAT.",
    (
        "Form I-589, signed, every question answered",
        "the asylum application fee, which cannot be waived (Pub. L. 119-21); later, the annual asylum fee "
        "each year while the application is pending",
        "a personal declaration and supporting evidence, with certified translations",
        "passport-style photos and identity documents",
    ),
    ("INA 208(a)", "8 CFR 208.3", "8 CFR 208.14(c)(1)", "8 U.S.C. 1802, 1808"),
    ("asylum.one_year", "ead.pending_asylum", "fee.annual_asylum"),
)
INTERVIEW = Stage(
    "asylum_interview",
    "Asylum interview with USCIS",
    "An asylum officer interviews the applicant and grants asylum or refers the case to court.",
    (
        "the interview notice",
        "identity documents",
        "originals of the evidence filed",
        "an interpreter if required",
    ),
    ("8 CFR 208.9",),
)
MASTER = Stage(
    "master_calendar",
    "Master calendar hearing",
    "Pleadings to the charges, designation of the country of removal, the forms of relief sought, and "
    "dates for filings and the individual hearing. At least 10 days after the Notice to Appear unless waived.",
    ("the Notice to Appear", "identity documents", "a completed I-589 if ready", "proof of current address"),
    ("INA 239(b)(1)", "Immigration Court Practice Manual ch. 4.15"),
    ("filing.master_hearing",),
)
APPLICATION = Stage(
    "application",
    "Application filed with the court (Form I-589)",
    "One I-589 asks for asylum, statutory withholding and CAT protection; if asylum is barred it is "
    "treated as a request for withholding. It must state a complete, legally sufficient claim when filed: "
    "the judge may deny it without a hearing if, taken as true, it does not show eligibility, and an "
    "incomplete one may be deemed abandoned (a missing declaration alone does not make it incomplete).",
    (
        "Form I-589 with every question answered and signed, stating each element of the claim: the harm, "
        "who did it, the protected ground (the social group spelled out), why they targeted you, and why "
        "the authorities could not or would not protect you",
        "the receipt for the asylum application fee, paid in advance through the EOIR payment portal "
        "(Pub. L. 119-21; it cannot be waived)",
        "copies for DHS and for each included family member",
        "proof of service on DHS",
    ),
    (
        "8 CFR 1208.3(a)–(c)",
        "8 CFR 1208.4(b)",
        "Matter of H-A-A-V-, 29 I&N Dec. 233 (BIA 2025)",
        "Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)",
        "8 U.S.C. 1802, 1808",
    ),
    ("asylum.one_year", "ead.pending_asylum", "fee.annual_asylum"),
)
BIOMETRICS = Stage(
    "biometrics",
    "Biometrics and background checks",
    "DHS takes fingerprints and photographs; relief cannot be granted until the checks are complete, and "
    "missing the appointment without good cause can lead to the application being deemed abandoned.",
    ("the biometrics appointment notice", "identity documents"),
    ("8 CFR 1003.47", "INA 208(d)(5)(A)(i)"),
)
INDIVIDUAL = Stage(
    "individual_hearing",
    "Individual (merits) hearing",
    "Testimony, witnesses and evidence on the applications; the judge decides each protection.",
    (
        "the declaration and all exhibits, filed in advance with certified translations",
        "witnesses, and a witness list filed in advance",
        "country-condition evidence and any expert, medical or police records",
        "originals of documents filed as copies",
    ),
    ("INA 240(b)", "Immigration Court Practice Manual ch. 3.1(b), 4.16"),
    ("filing.individual_hearing",),
)
WITHHOLDING_ONLY_HEARING = Stage(
    "withholding_only_hearing",
    "Withholding-only hearing",
    "A judge decides statutory withholding and CAT protection only; asylum cannot be granted in these "
    "proceedings.",
    (
        "Form I-589 (for withholding and CAT), every question answered",
        "the declaration, evidence and certified translations, filed by the judge's deadline",
    ),
    ("8 CFR 1208.31(e), (g)(2)", "INA 241(a)(5)"),
    ("filing.individual_hearing",),
)
DECISION = Stage(
    "decision",
    "The judge's decision",
    "The judge grants or denies each protection, orally or in writing; the appeal period starts with an "
    "oral decision or the service of a written one.",
    ("a copy of the decision or the date it was given orally",),
    ("8 CFR 1240.12", "8 CFR 1003.38(b)"),
)
APPEAL = Stage(
    "appeal",
    "Appeal to the Board of Immigration Appeals",
    "A notice of appeal (EOIR-26) must reach the Board within the appeal period; otherwise the decision "
    "becomes final.",
    (
        "Form EOIR-26 with the grounds of appeal stated",
        "the fee (Pub. L. 119-21 added a statutory appeal fee) or a fee waiver request (EOIR-26A) with "
        "evidence of inability to pay: a request showing no income at all is presumed invalid, and a "
        "person with a private lawyer who is not detained is presumed able to pay",
        "proof of service on DHS",
    ),
    (
        "8 CFR 1003.38",
        "8 CFR 1003.3",
        "8 U.S.C. 1812",
        "Matter of Garcia Martinez, 29 I&N Dec. 169 (BIA 2025)",
    ),
    ("appeal.bia",),
)
AFTER_FINAL_ORDER = Stage(
    "after_final_order",
    "After a final order",
    "A motion to reconsider or reopen, or a petition for review in the court of appeals; a petition does "
    "not stop removal without a stay.",
    ("the final order", "new evidence for a motion to reopen", "a stay request where removal is imminent"),
    ("INA 240(c)(6)–(7)", "INA 242(b)(1)", "8 CFR 1003.2", "8 CFR 1003.23"),
    ("motion.reconsider", "motion.reopen", "review.petition"),
)
AFTER_GRANT = Stage(
    "after_grant",
    "After a grant",
    "Asylum: work authorization incident to status, a refugee travel document, petitions for a spouse and "
    "children (I-730), and permanent residence after a year. Withholding or CAT: protection from removal to "
    "that country only, a work permit on application, no family petitions, no travel.",
    ("the grant order", "Form I-765 for a work permit", "Form I-730 for each relative (asylum only)"),
    ("INA 208(c)", "INA 209(b)", "8 CFR 1208.21", "8 CFR 1208.16(f)", "8 CFR 274a.12(a)(5), (a)(10)"),
    ("asylee.follow_to_join", "asylee.adjustment", "benefits.seven_year"),
)

# Before the judge, and after the decision: shared by every road that passes through court.
IN_COURT = (MASTER, APPLICATION, BIOMETRICS, INDIVIDUAL)
AFTER_DECISION = (DECISION, APPEAL, AFTER_FINAL_ORDER, AFTER_GRANT)
WITHHOLDING_ONLY = (REASONABLE_FEAR, WITHHOLDING_ONLY_HEARING, *AFTER_DECISION)

ROADS: dict[str, tuple[Stage, ...]] = {
    "removal": (ARRIVAL, *IN_COURT, *AFTER_DECISION),
    "asylum_only": (ARRIVAL, *IN_COURT, *AFTER_DECISION),
    "affirmative": (ARRIVAL, AFFIRMATIVE_FILING, BIOMETRICS, INTERVIEW, MASTER, INDIVIDUAL, *AFTER_DECISION),
    "credible_fear": (ARRIVAL, CREDIBLE_FEAR, *IN_COURT, *AFTER_DECISION),
    "withholding_only": WITHHOLDING_ONLY,
    "reasonable_fear": WITHHOLDING_ONLY,
}
"""The sequence for each proceeding kind (``proceedings.kind``)."""
