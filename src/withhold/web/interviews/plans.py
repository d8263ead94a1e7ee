"""The planner's next question for one version of a case, remembered by this process.

Each step of the interview needs the plan of the same version twice: the question page shows it (GET), then
the reply is checked against it (POST) before the answer is saved as the next version. The planner is the
costly part of both, and its plan depends only on the case file, the date the law is taken as of, and the
planner itself: a saved version of a case never changes (every save makes a new version, with the next
number; re-encrypting under a new key keeps the content), so ``(case id, version, as-of date)`` names it.
A browser keeps its connection to one worker, so the POST usually finds what its GET computed.

Only the plan (a question's path and counts) is kept, in this process's memory, for at most :data:`SIZE`
versions; nothing is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import OrderedDict

from withhold.facts.case import Case
from withhold.interview.planner import Plan, next_question

SIZE = 512

_plans: OrderedDict[tuple[uuid.UUID, int, dt.date], Plan | None] = OrderedDict()
_lock = threading.Lock()


def plan_for(case_id: uuid.UUID, version: int, case: Case, as_of: dt.date) -> Plan | None:
    """The planner's next question for ``case``, version ``version`` of the case ``case_id``."""
    key = (case_id, version, as_of)
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
