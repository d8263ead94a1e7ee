"""The days the statutes and regulations behind the rules began to apply.

A rule's first version starts on one of these days, so that it never applies before it existed: before
it, the rule has no effect (its ``when_not_in_force``). Where sources disagree on a day, the later one is
taken, so the rule is never applied early.
"""

from __future__ import annotations

import datetime as dt

from withhold.logic import Period, since

REFUGEE_ACT_BEGAN = dt.date(1980, 4, 1)
REFUGEE_ACT = Period(REFUGEE_ACT_BEGAN)
"""Refugee Act of 1980, Pub. L. 96-212 (signed Mar. 17, 1980; in effect Apr. 1, 1980): the refugee
definition (INA 101(a)(42)), asylum (INA 208) and mandatory withholding (former INA 243(h))."""

ANTI_DRUG_ABUSE_ACT = since(1988, 11, 18)
"""Anti-Drug Abuse Act of 1988, Pub. L. 100-690, § 7342: the term "aggravated felony" (INA 101(a)(43))."""

AEDPA = since(1996, 4, 24)
"""Antiterrorism and Effective Death Penalty Act of 1996, Pub. L. 104-132, § 421: no asylum for a person
described in the terrorism grounds."""

IIRIRA = since(1997, 4, 1)
"""Illegal Immigration Reform and Immigrant Responsibility Act of 1996, Pub. L. 104-208, div. C,
§§ 309(a), 604: INA 208 as rewritten (the one-year deadline, prior denials, safe third countries,
frivolous applications), INA 240 and 242 (motions, review) and INA 241(b)(3)."""

CAT_REGULATIONS = since(1999, 3, 22)
"""Regulations Concerning the Convention Against Torture, 64 FR 8478 (Feb. 19, 1999), in effect
Mar. 22, 1999 (64 FR 13881), under FARRA § 2242, Pub. L. 105-277 (Oct. 21, 1998): CAT withholding and
deferral, and withholding-only proceedings (8 CFR 1208.31)."""

EOIR_RULES_REDESIGNATED = since(2003, 2, 28)
"""Aliens and Nationality; Homeland Security; Reorganization of Regulations, 68 FR 9824 (Feb. 28, 2003),
in effect that day: the immigration courts' rules of procedure moved from 8 CFR part 3 to part 1003 (the
certified translation of a foreign-language document, 8 CFR 1003.33, among them). The rule is older
(8 CFR 3.33, 59 FR 1896, 1900 (Jan. 13, 1994)), but the day it first took effect is not verified, so a
rule dated from here answers unknown, never no, before it."""

REAL_ID_ACT_BEGAN = dt.date(2005, 5, 11)
REAL_ID_ACT = Period(REAL_ID_ACT_BEGAN)
"""REAL ID Act of 2005, Pub. L. 109-13, div. B, § 101(a)(3), (c), (d), (h)(2), enacted May 11, 2005: the
credibility and corroboration standards of INA 208(b)(1)(B)(ii)–(iii), 240(c)(4)(B)–(C) and 241(b)(3)(C),
and "one central reason" (INA 208(b)(1)(B)(i)), for applications made on or after that day."""

RESEARCH_2026_11_23 = "2026-11-23"
"""The day the rules reference's research notes were written and the rules first checked against them."""

AUDIT_2026_12_07 = "2026-12-07"
"""The day of the December 2026 audit of the encoded law against public sources (issue 13)."""
