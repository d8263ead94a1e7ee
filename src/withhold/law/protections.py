"""The four forms of protection, each as its elements and its bars, strongest first.

Rules reference: ASY-ELIG-1 (asylum), WH-ELEM-1 (statutory withholding, INA 241(b)(3)),
CAT-GRANT-1 (CAT withholding, 8 CFR 1208.16(c); CAT deferral, 8 CFR 1208.17(a)), BEN-TABLE-1.
"""

from __future__ import annotations

from withhold.law.asylum import bars as asylum_bars
from withhold.law.asylum.border_entry_limitations import (
    lawful_pathways,
    proclamation_10888,
    securing_the_border,
)
from withhold.law.asylum.one_year import one_year
from withhold.law.asylum.refugee import discretion, refugee
from withhold.law.cat import withholding_bars as cat_bars
from withhold.law.cat.torture import standard as torture_standard
from withhold.law.crimes.particularly_serious_crime import asylum_particularly_serious_crime
from withhold.law.persecution.elements import credibility, harm, protected_ground, state_protection_failure
from withhold.law.persecution.nexus import withholding_nexus
from withhold.law.procedure.jurisdiction import asylum_forum, withholding_forum
from withhold.law.withholding import bars as withholding_bars
from withhold.law.withholding.future_threat import future_threat
from withhold.logic.protection import Protection, Status

ASYLUM = Protection(
    name="asylum",
    title="Asylum",
    citations=("INA 208, 8 U.S.C. 1158", "8 CFR 1208.13"),
    elements=(asylum_forum, refugee, credibility, discretion),
    bars=(
        one_year,
        asylum_bars.prior_denial,
        asylum_bars.frivolous,
        asylum_bars.persecutor,
        asylum_particularly_serious_crime,
        asylum_bars.serious_nonpolitical_crime,
        asylum_bars.danger_to_security,
        asylum_bars.terrorism,
        asylum_bars.firm_resettlement,
        lawful_pathways,
        securing_the_border,
        proclamation_10888,
    ),
    discretionary=True,
    summaries={
        Status.ELIGIBLE: "Asylum is open on these facts: every element is met and no bar applies; a grant "
        "is still discretionary.",
        Status.NOT_ELIGIBLE: "Asylum is not available: an element of the claim fails on these facts.",
        Status.BARRED: "Asylum is barred on these facts.",
        Status.UNDETERMINED: "Asylum cannot be decided yet: it depends on facts that are unknown or need "
        "legal analysis.",
    },
    forum_closed="Asylum is not decided in this proceeding: see why.",
)

STATUTORY_WITHHOLDING = Protection(
    name="statutory_withholding",
    title="Withholding of removal (INA 241(b)(3))",
    citations=("INA 241(b)(3), 8 U.S.C. 1231(b)(3)", "8 CFR 1208.16(b), (d)"),
    elements=(
        withholding_forum,
        harm,
        state_protection_failure,
        protected_ground,
        withholding_nexus,
        future_threat,
        credibility,
    ),
    bars=withholding_bars.ALL,
    discretionary=False,
    summaries={
        Status.ELIGIBLE: "Withholding of removal is open on these facts; it is mandatory once shown, but "
        "protects only against removal to this country.",
        Status.NOT_ELIGIBLE: "Withholding of removal is not available: an element fails on these facts.",
        Status.BARRED: "Withholding of removal is barred on these facts.",
        Status.UNDETERMINED: "Withholding of removal cannot be decided yet: it depends on facts that are "
        "unknown or need legal analysis.",
    },
    forum_closed="Withholding of removal is not decided in this proceeding: see why.",
)

CAT_WITHHOLDING = Protection(
    name="cat_withholding",
    title="Withholding of removal under the Convention Against Torture",
    citations=("8 CFR 1208.16(c), (d)", "FARRA § 2242, Pub. L. 105-277"),
    elements=(withholding_forum, torture_standard),
    bars=cat_bars.ALL,
    discretionary=False,
    summaries={
        Status.ELIGIBLE: "CAT withholding is open on these facts: torture is more likely than not and no "
        "withholding bar applies.",
        Status.NOT_ELIGIBLE: "CAT withholding is not available: torture more likely than not is not shown "
        "on these facts.",
        Status.BARRED: "CAT withholding is barred on these facts (the withholding bars apply to it).",
        Status.UNDETERMINED: "CAT withholding cannot be decided yet: it depends on facts that are unknown or "
        "need legal analysis.",
    },
    forum_closed="CAT withholding is not decided in this proceeding: see why.",
)

CAT_DEFERRAL = Protection(
    name="cat_deferral",
    title="Deferral of removal under the Convention Against Torture",
    citations=("8 CFR 1208.17(a)", "8 CFR 1208.16(c)(4)"),
    elements=(withholding_forum, torture_standard),
    bars=(),
    discretionary=False,
    summaries={
        Status.ELIGIBLE: "CAT deferral is open on these facts: torture is more likely than not, and no bar "
        "applies to deferral. It is granted only where CAT withholding is barred.",
        Status.NOT_ELIGIBLE: "CAT deferral is not available: torture more likely than not is not shown on "
        "these facts.",
        Status.BARRED: "CAT deferral has no bars.",
        Status.UNDETERMINED: "CAT deferral cannot be decided yet: it depends on facts that are unknown or "
        "need legal analysis. It is granted only where CAT withholding is barred.",
    },
    forum_closed="CAT deferral is not decided in this proceeding: see why.",
)

PROTECTIONS = (ASYLUM, STATUTORY_WITHHOLDING, CAT_WITHHOLDING, CAT_DEFERRAL)
"""Strongest first: the order of ``best_protection``."""
