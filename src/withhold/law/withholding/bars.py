"""Mandatory bars to withholding — INA 241(b)(3)(B); rules reference section 3 (WH-BAR-*).

They bar statutory withholding and CAT withholding alike (8 CFR 1208.16(d)(2)), never CAT deferral
(8 CFR 1208.17(a)). The one-year deadline, a prior denial, firm resettlement and discretion are not
withholding bars (rules reference 3.1); any aggravated felony is not one either unless the aggregate
sentence reaches five years or the crime is found particularly serious.
"""

from __future__ import annotations

from withhold.law.asylum.bars import PERSECUTOR_DEVELOPMENTS, PERSECUTOR_DURESS
from withhold.law.crimes.particularly_serious_crime import withholding_particularly_serious_crime
from withhold.law.enactments import IIRIRA, REFUGEE_ACT, RESEARCH_2026_11_23
from withhold.law.finding_bar import finding_bar

persecutor = finding_bar(
    "withholding.bar.persecutor",
    "Persecutor of others (no duress exception)",
    "conduct.persecuted_others",
    cites=(
        "INA 241(b)(3)(B)(i), 8 U.S.C. 1231(b)(3)(B)(i)",
        "Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020)",
        "Matter of Negusie, 29 I&N Dec. 285 (A.G. 2025)",
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
    ref=("WH-BAR-PERS-1", "WH-BAR-0"),
    judgement=(
        "Whether the person ordered, incited, assisted or otherwise participated in persecution is a finding; "
        "once the record indicates it, the applicant must disprove it by a preponderance."
    ),
    caveat=PERSECUTOR_DURESS,
    developments=PERSECUTOR_DEVELOPMENTS,
)

serious_nonpolitical_crime = finding_bar(
    "withholding.bar.serious_nonpolitical_crime",
    "Serious nonpolitical crime outside the United States before arrival",
    "conduct.serious_nonpolitical_crime_abroad",
    cites=(
        "INA 241(b)(3)(B)(iii), 8 U.S.C. 1231(b)(3)(B)(iii)",
        "INS v. Aguirre-Aguirre, 526 U.S. 415 (1999)",
        "Matter of E-A-, 26 I&N Dec. 1 (BIA 2012)",
        "Matter of McMullen, 19 I&N Dec. 90 (BIA 1984)",
    ),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
    ref=("WH-BAR-SNPC-1",),
    judgement=(
        "Serious reasons to believe (probable cause) that a serious nonpolitical crime was committed abroad: "
        "the criminal character is weighed against the political aspect (Matter of E-A-)."
    ),
)

danger_to_security = finding_bar(
    "withholding.bar.danger_to_security",
    "Danger to the security of the United States",
    "conduct.danger_to_security",
    cites=("INA 241(b)(3)(B)(iv), 8 U.S.C. 1231(b)(3)(B)(iv)", "Matter of A-H-, 23 I&N Dec. 774 (A.G. 2005)"),
    in_force=REFUGEE_ACT,
    verified=RESEARCH_2026_11_23,
    ref=("WH-BAR-SEC-1",),
    judgement="Reasonable grounds to believe the person is a danger to US security (Matter of A-H-).",
    caveat=(
        "In the Third Circuit, Yusupov v. Att'y Gen., 518 F.3d 185 (3d Cir. 2008) rejected part of Matter of "
        "A-H-'s 'may pose a danger' reading."
    ),
)

terrorism = finding_bar(
    "withholding.bar.terrorism",
    "Terrorist activity (deemed a danger to security)",
    "conduct.terrorist_activity",
    cites=(
        "INA 241(b)(3)(B) (flush text, last sentence), 8 U.S.C. 1231(b)(3)(B)",
        "INA 237(a)(4)(B), 8 U.S.C. 1227(a)(4)(B)",
        "Matter of M-H-Z-, 26 I&N Dec. 757 (BIA 2016)",
    ),
    in_force=IIRIRA,
    verified=RESEARCH_2026_11_23,
    ref=("WH-BAR-TERR-1",),
    judgement="Whether the person is described in INA 237(a)(4)(B) is a legal judgement.",
)

particularly_serious_crime = withholding_particularly_serious_crime

ALL = (persecutor, particularly_serious_crime, serious_nonpolitical_crime, danger_to_security, terrorism)
