"""Every deadline, with the id it is known by outside the code (JSON, calendar), in the order of the case."""

from __future__ import annotations

from withhold.law.deadlines import after_final_order, after_grant, appeal, fees, hearings, work_authorization
from withhold.law.deadlines.asylum_one_year import asylum_one_year
from withhold.logic import Rule

DEADLINES: tuple[tuple[str, Rule], ...] = (
    ("asylum.one_year", asylum_one_year),  # INA 208(a)(2)(B); 8 CFR 1208.4(a)(2)
    ("filing.master_hearing", hearings.master_hearing),  # Practice Manual ch. 3.1(b); 8 CFR 1003.31(c)
    ("filing.individual_hearing", hearings.individual_hearing),  # the same
    ("ead.pending_asylum", work_authorization.pending_asylum),  # INA 208(d)(2); 8 CFR 208.7(a)(1)
    ("fee.annual_asylum", fees.annual_asylum),  # Pub. L. 119-21, 8 U.S.C. 1808
    ("appeal.bia", appeal.bia),  # 8 CFR 1003.38(b)
    ("motion.reconsider", after_final_order.reconsider),  # INA 240(c)(6)(B); 8 CFR 1003.23(b)(1)
    ("motion.reopen", after_final_order.reopen),  # INA 240(c)(7)(C); 8 CFR 1003.23(b)(1)
    ("review.petition", after_final_order.petition_for_review),  # INA 242(b)(1)
    ("asylee.follow_to_join", after_grant.follow_to_join),  # 8 CFR 1208.21(d)
    ("asylee.adjustment", after_grant.adjustment),  # INA 209(b)(2)
    ("benefits.seven_year", after_grant.seven_year),  # 8 U.S.C. 1612(a)(2)(A)
)
