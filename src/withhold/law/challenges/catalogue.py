"""Every common challenge, by the name it is known by outside the law (the case warnings), in the order of
a case: the forum first, then the claim's threshold and elements, then the bars."""

from __future__ import annotations

from withhold.law.challenges.annual_fee import annual_fee
from withhold.law.challenges.cooperative_agreement import agreement_invoked
from withhold.law.challenges.credibility import corroboration, credibility
from withhold.law.challenges.nexus import nexus
from withhold.law.challenges.one_year import one_year_deadline
from withhold.law.challenges.particularly_serious_crime import particularly_serious_crime
from withhold.law.challenges.pretermission import pretermission
from withhold.law.challenges.prior_denial import prior_denial
from withhold.law.challenges.relocation import relocation
from withhold.law.challenges.social_group import social_group
from withhold.law.challenges.state_protection import state_protection
from withhold.logic import Rule

CHALLENGES: tuple[tuple[str, Rule], ...] = (
    ("cooperative_agreement", agreement_invoked),  # INA 208(a)(2)(A); 8 CFR 1240.11(h)
    ("annual_fee", annual_fee),  # Pub. L. 119-21, 8 U.S.C. 1808
    ("pretermission", pretermission),  # 8 CFR 1208.3(c)(3); Matter of H-A-A-V- (BIA 2025)
    ("credibility", credibility),  # INA 208(b)(1)(B)(iii)
    ("corroboration", corroboration),  # INA 208(b)(1)(B)(ii)
    ("nexus", nexus),  # INA 208(b)(1)(B)(i); INA 241(b)(3)(A)
    ("social_group", social_group),  # INA 101(a)(42)(A)
    ("relocation", relocation),  # 8 CFR 1208.13(b)(3), 1208.16(b)(3)
    ("non_state_actor", state_protection),  # INA 101(a)(42)(A); Matter of Acosta
    ("particularly_serious_crime", particularly_serious_crime),  # INA 208(b)(2)(A)(ii), 241(b)(3)(B)(ii)
    ("late_filing", one_year_deadline),  # INA 208(a)(2)(B)
    ("prior_denial", prior_denial),  # INA 208(a)(2)(C)
)
