"""Reports already built, kept in this process's memory so that a repeat download does not lay out the
PDF again (seconds inside the request).

A report is the same file while nothing it is made of changes: the case's content (a digest of the
stored document, so an answer amended in place counts as well as a new version), the day the law is taken
as of, the day its dates are counted from (it says "in 12 days"), the audience and the language,
and Withhold's own version (the law and the texts). All of these are in the key, with the organization and
the case, so nothing is ever served for another case or stale. The PDFs hold case facts, so they stay in
memory only, in a cache of their own that settings cannot point at a shared store (8 CFR 1208.6): never
on disk, never in another process, gone when the process ends. Bounded: the oldest go first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from threading import Lock
from typing import Any

from withhold import __version__

KEPT = 64
"""Reports kept at most (a report PDF is about 100-300 KB: some 20 MB at most)."""

Key = tuple[str, str, str, dt.date, dt.date, str, str, str]

_kept: OrderedDict[Key, bytes] = OrderedDict()
_lock = Lock()  # the web server answers requests in threads


def key(
    organization: object,
    case: object,
    document: Mapping[str, Any],
    as_of: dt.date,
    today: dt.date,
    audience: str,
    language: str,
) -> Key:
    """What a report is made of; the document by its digest (its facts are not kept in the key)."""
    canonical = json.dumps(document, sort_keys=True, default=str, ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return (str(organization), str(case), digest, as_of, today, audience, language, __version__)


def built(found: Key, build: Callable[[], bytes]) -> bytes:
    """The report for ``found``, built by ``build`` only if it is not kept already."""
    with _lock:
        data = _kept.get(found)
        if data is not None:
            _kept.move_to_end(found)
            return data
    data = build()  # outside the lock: two first downloads of different cases build side by side
    with _lock:
        _kept[found] = data
        _kept.move_to_end(found)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return data


def forget() -> None:
    """Drop every kept report (tests; an operator after changing texts without a version change)."""
    with _lock:
        _kept.clear()
