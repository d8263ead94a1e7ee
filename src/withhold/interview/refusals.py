"""An answer that would make the case say what cannot be true is refused, with the reason in the person's
language (``refusals.yaml``), and the question is asked again: a date in the future where the past is
meant, a birth after the arrival, a hearing or a decision before the Notice to Appear, a decision sent
before it was made (the conflicts :mod:`withhold.facts.consistency` counts as impossible).

Only a conflict that involves the fact just answered refuses it: a stored case may hold other
contradictions (a case file is read tolerantly, with warnings), and answering something else must still
work. The reason names the other date, so the person can see which of the two to correct.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from withhold.facts.case import Case
from withhold.facts.consistency import FUTURE, IMPOSSIBLE, Conflict, conflicts
from withhold.facts.loading import CaseFileError
from withhold.language import Localized, date_in_words, read_localized
from withhold.package_data import check_fields, read_yaml

SIDES = ("this", "other")


class AnswerRefusedError(CaseFileError):
    """The answer fits the case file but contradicts the case (or today): ``reason`` says why, in each
    language. A :class:`CaseFileError`, so a face that does not know it still refuses the answer."""

    def __init__(self, conflict: Conflict, reason: Localized) -> None:
        super().__init__([conflict.issue])
        self.conflict = conflict
        self.reason = reason


@dataclass(frozen=True)
class _Texts:
    by_kind: dict[str, dict[str, Localized]]


def refuse_contradictions(case: Case, path: str, today: dt.date | None) -> None:
    """Raise :class:`AnswerRefusedError` if ``case``, just given an answer for ``path``, now holds an
    impossible conflict involving it (dates in the future only when ``today`` is given)."""
    for conflict in conflicts(case, today):
        if conflict.impossible and conflict.involves(path):
            raise AnswerRefusedError(conflict, reason(conflict, path))


def reason(conflict: Conflict, path: str) -> Localized:
    """Why an answer for ``path`` is refused, with the other date (or today) in words."""
    side = "this" if path == conflict.path else "other"
    shown = conflict.other_value if side == "this" else conflict.value
    text = texts().by_kind[conflict.kind][side]
    if not isinstance(shown, dt.date):
        return text.format(date="?")
    return text.format(date=Localized(en=date_in_words(shown, "en"), es=date_in_words(shown, "es")))


@cache
def texts() -> _Texts:
    return parse(read_yaml(__package__, "refusals.yaml"))


def parse(raw: Any) -> _Texts:
    """Check the refusals file: every impossible kind with its texts (``this``, and ``other`` unless it
    is a date in the future), both languages, the one placeholder ``{date}``."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise ValueError("refusals: expected a mapping of kinds of conflict to texts")
    found: dict[str, dict[str, Localized]] = {}
    for kind in IMPOSSIBLE:
        needed = ("this",) if kind == FUTURE else SIDES
        body = raw.get(kind)
        if not check_fields(kind, body, allowed=needed, required=needed, problems=problems):
            continue
        assert isinstance(body, dict)  # check_fields said so
        sides: dict[str, Localized] = {}
        for side in needed:
            text = read_localized(
                f"{kind}.{side}",
                body[side],
                problems,
                placeholders_allowed=frozenset({"date"}),
                must_differ=True,
            )
            if text is not None:
                sides[side] = text
        found[kind] = sides
    for kind in raw:
        if kind not in IMPOSSIBLE:
            problems.append(f"{kind}: not a kind of conflict that refuses an answer")
    if problems:
        raise ValueError("refusals are not valid:\n  " + "\n  ".join(problems))
    return _Texts(found)
