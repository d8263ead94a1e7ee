"""Every deadline, with the id it is known by outside the code (JSON, calendar), in the order of the case."""

from __future__ import annotations

from withhold.law.deadlines import after_final_order, after_grant, appeal, hearings, work_authorization
from withhold.law.deadlines.asylum_one_year import asylum_one_year
from withhold.logic import Rule

DEADLINES: tuple[tuple[str, Rule], ...] = (
    ("asylum.one_year", asylum_one_year),
    ("filing.master_hearing", hearings.master_hearing),
    ("filing.individual_hearing", hearings.individual_hearing),
    ("ead.pending_asylum", work_authorization.pending_asylum),
    ("appeal.bia", appeal.bia),
    ("motion.reconsider", after_final_order.reconsider),
    ("motion.reopen", after_final_order.reopen),
    ("review.petition", after_final_order.petition_for_review),
    ("asylee.follow_to_join", after_grant.follow_to_join),
    ("asylee.adjustment", after_grant.adjustment),
    ("benefits.seven_year", after_grant.seven_year),
)
