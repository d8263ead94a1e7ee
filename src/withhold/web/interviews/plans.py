"""The interview's next page for one saved state of a case and one audience, remembered by this process.

Each step of the interview needs the page of the same state twice: the page is shown (GET), then the reply
is checked against it (POST) before the answers are saved. Planning it is the costly part of both, and the
page depends only on the case file, the date the law is taken as of, the audience (the client, or the
attorney) and the planner itself. A saved state of a case is named by its stamp
(:func:`withhold.web.cases.store.stamp`: the version, and how many times an interview sitting amended
it), which every save changes (re-encrypting under a new key keeps the content), so ``(case id, stamp,
as-of date, audience)`` names it. A browser keeps its connection to one worker, so the POST usually finds
what its GET computed.

Only the page (its section, paths and counts) is kept, in this process's memory, for at most :data:`SIZE`
saved states; nothing is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import OrderedDict

from withhold.facts.case import Case
from withhold.interview.pages import Audience, Page, next_page

SIZE = 512

_Key = tuple[uuid.UUID, tuple[int, int], dt.date, Audience]
_pages: OrderedDict[_Key, Page | None] = OrderedDict()
_lock = threading.Lock()


def page_for(
    case_id: uuid.UUID, stamp: tuple[int, int], case: Case, as_of: dt.date, audience: Audience
) -> Page | None:
    """The next page of ``audience``'s interview for ``case``, the state ``stamp`` of the case ``case_id``."""
    key = (case_id, stamp, as_of, audience)
    with _lock:
        if key in _pages:
            _pages.move_to_end(key)
            return _pages[key]
    page = next_page(case, as_of, audience)
    with _lock:
        _pages[key] = page
        while len(_pages) > SIZE:
            _pages.popitem(last=False)
    return page


def forget() -> None:
    """Drop every remembered page (for tests)."""
    with _lock:
        _pages.clear()
