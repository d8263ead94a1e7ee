"""The planner's next question for one saved state of a case, remembered by this process.

Each step of the interview needs the plan of the same state twice: the question page shows it (GET), then
the reply is checked against it (POST) before the answer is saved. The planner is the costly part of both,
and its plan depends only on the case file, the date the law is taken as of, and the planner itself. A
saved state of a case is named by its stamp (:func:`withhold.web.cases.store.stamp`: the version, and how
many times an interview sitting amended it), which every save changes (re-encrypting under a new key keeps
the content), so ``(case id, stamp, as-of date)`` names it. A browser keeps its connection to one worker,
so the POST usually finds what its GET computed.

Only the plan (a question's path and counts) is kept, in this process's memory, for at most :data:`SIZE`
saved states; nothing is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import OrderedDict

from withhold.facts.case import Case
from withhold.interview.planner import Plan, next_question

SIZE = 512

_plans: OrderedDict[tuple[uuid.UUID, tuple[int, int], dt.date], Plan | None] = OrderedDict()
_lock = threading.Lock()


def plan_for(case_id: uuid.UUID, stamp: tuple[int, int], case: Case, as_of: dt.date) -> Plan | None:
    """The planner's next question for ``case``, the state ``stamp`` of the case ``case_id``."""
    key = (case_id, stamp, as_of)
    with _lock:
        if key in _plans:
            _plans.move_to_end(key)
            return _plans[key]
    plan = next_question(case, as_of)
    with _lock:
        _plans[key] = plan
        while len(_plans) > SIZE:
            _plans.popitem(last=False)
    return plan


def forget() -> None:
    """Drop every remembered plan (for tests)."""
    with _lock:
        _plans.clear()
