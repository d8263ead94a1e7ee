"""Credibility and corroboration — rules reference GEN-CRED-1.

The applicant's testimony may carry the claim without corroboration only if it is credible, persuasive
and specific; the trier of fact weighs credibility on the totality of the circumstances, and may require
corroboration of otherwise credible testimony unless the applicant does not have it and cannot reasonably
obtain it (INA 208(b)(1)(B)(ii)–(iii), 240(c)(4)(B)–(C), 241(b)(3)(C), added by the REAL ID Act for
applications made on or after May 11, 2005, § 101(h)(2)). Before it, the Board's own rules said the
same in substance: testimony alone may suffice where believable, consistent and detailed (Matter of
Mogharrabi, 19 I&N Dec. 439 (BIA 1987)), and corroboration is expected where it is reasonable to expect
it (Matter of S-M-J-, 21 I&N Dec. 722 (BIA 1997)). So each rule has two versions, selected by the
filing date, with the same reading: both challenges are live under either.

Whether corroborating evidence is on file is a fact of the evidence record, which the interview does not
ask yet: the case warnings read it (see :mod:`withhold.preparation.warnings`).
"""

from __future__ import annotations

import datetime as dt

from withhold.law.enactments import AUDIT_2026_12_07, REAL_ID_ACT, REAL_ID_ACT_BEGAN, REFUGEE_ACT_BEGAN
from withhold.logic import TRUE, UNKNOWN, Context, Rule, V, Version, between, not_
from withhold.logic.rule import day

BEFORE_REAL_ID = between(REFUGEE_ACT_BEGAN, REAL_ID_ACT_BEGAN - dt.timedelta(days=1))
REAL_ID_CITATION = "REAL ID Act of 2005, Pub. L. 109-13, div. B, § 101(a)(3), (c), (d), (h)(2)"


def _not_found_credible(ctx: Context) -> V[bool]:
    """Live unless the testimony is found (or expected to be found) credible: true on an adverse finding,
    unknown while credibility is not assessed (it is decided at the hearing)."""
    return not_(ctx.fact("claim.credible"))


credibility = Rule(
    id="challenge.credibility",
    title="Credibility is a live challenge: the testimony is not found credible, or not yet assessed",
    citations=("INA 208, 8 U.S.C. 1158", "INA 241(b)(3), 8 U.S.C. 1231(b)(3) (former INA 243(h))"),
    versions=(
        Version(
            BEFORE_REAL_ID,
            _not_found_credible,
            label="before the REAL ID Act: credibility as the Board weighed it",
            citations=(
                "Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)",
                "8 CFR 208.13(a) (now 8 CFR 1208.13(a))",
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
        Version(
            REAL_ID_ACT,
            _not_found_credible,
            label="REAL ID Act: credibility on the totality of the circumstances",
            citations=(
                "INA 208(b)(1)(B)(iii), 8 U.S.C. 1158(b)(1)(B)(iii)",
                "INA 240(c)(4)(C), 8 U.S.C. 1229a(c)(4)(C)",
                "INA 241(b)(3)(C), 8 U.S.C. 1231(b)(3)(C)",
                REAL_ID_CITATION,
                "Matter of J-Y-C-, 24 I&N Dec. 260 (BIA 2007)",
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
    ),
    reads=("claim.credible",),
    reference=("GEN-CRED-1",),
    selected_by="asylum.filed_on",
    # An application under INA 208 cannot predate the Refugee Act; before it, credibility is not encoded.
    selecting_floor=REFUGEE_ACT_BEGAN,
    when_not_in_force=UNKNOWN,
    explanation=(
        "Credibility is decided at the hearing on the totality of the circumstances; an adverse finding "
        "defeats asylum and withholding and weighs against CAT protection. Live until the testimony is "
        "found credible; true when it is found (or expected to be found) not credible."
    ),
)


def _corroboration_may_be_required(ctx: Context) -> V[bool]:
    """Live in every case: even credible testimony may need corroboration where it is reasonably
    available. The credibility rule is in the trace: after an adverse finding, only independent evidence
    can carry the claim."""
    ctx.rule(credibility)
    return TRUE


corroboration = Rule(
    id="challenge.corroboration",
    title="Corroboration of the key facts may be required",
    citations=("INA 208, 8 U.S.C. 1158", "INA 241(b)(3), 8 U.S.C. 1231(b)(3) (former INA 243(h))"),
    versions=(
        Version(
            BEFORE_REAL_ID,
            _corroboration_may_be_required,
            label="before the REAL ID Act: corroboration where it is reasonable to expect it",
            citations=(
                "Matter of Dass, 20 I&N Dec. 120 (BIA 1989)",
                "Matter of S-M-J-, 21 I&N Dec. 722 (BIA 1997)",
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
        Version(
            REAL_ID_ACT,
            _corroboration_may_be_required,
            label="REAL ID Act: the trier of fact may require corroboration of credible testimony",
            citations=(
                "INA 208(b)(1)(B)(ii), 8 U.S.C. 1158(b)(1)(B)(ii)",
                "INA 240(c)(4)(B), 8 U.S.C. 1229a(c)(4)(B)",
                "INA 242(b)(4), 8 U.S.C. 1252(b)(4)",
                REAL_ID_CITATION,
                "Ren v. Holder, 648 F.3d 1079 (9th Cir. 2011)",
            ),
            verified_on=day(AUDIT_2026_12_07),
        ),
    ),
    uses=(credibility,),
    reference=("GEN-CRED-1",),
    selected_by="asylum.filed_on",
    selecting_floor=REFUGEE_ACT_BEGAN,
    when_not_in_force=UNKNOWN,
    explanation=(
        "Where the trier of fact decides corroboration should be provided, it must be, unless the applicant "
        "does not have it and cannot reasonably obtain it; in the Ninth Circuit, after notice and a chance "
        "to produce it or explain (Ren v. Holder). What keeps it quiet is the evidence on file, which the "
        "case warnings read from the evidence record."
    ),
)
