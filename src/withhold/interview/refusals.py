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
from importlib import resources
from typing import Annotated

from pydantic import BaseModel, ConfigDict, create_model

from withhold.facts.case import Case
from withhold.facts.consistency import FUTURE, IMPOSSIBLE, Conflict, conflicts
from withhold.facts.loading import CaseFileError
from withhold.language import Localized, TranslatedText, date_in_words, filled_by
from withhold.package_data import validated

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


Reason = Annotated[TranslatedText, filled_by("date")]
"""A reason, in English and Spanish (the Spanish translated, not copied), ``{date}`` the other date."""


class Future(BaseModel):
    """A date in the future: the answer is always to the fact itself (the other date is today)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    this: Reason


class BothSides(BaseModel):
    """A conflict between two facts: the reason when this fact is answered, and when the other is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    this: Reason
    other: Reason


RefusalsFile = create_model(  # each kind of conflict facts/consistency.py counts as impossible, no other
    "RefusalsFile",
    __config__=ConfigDict(extra="forbid", frozen=True),
    **{kind: (Future if kind == FUTURE else BothSides, ...) for kind in IMPOSSIBLE},  # type: ignore[call-overload]
)
"""``refusals.yaml``."""


@cache
def texts() -> _Texts:
    return parse(resources.files(__package__).joinpath("refusals.yaml").read_text(encoding="utf-8"))


def parse(text: str) -> _Texts:
    """The refusals file's YAML ``text`` checked (:data:`RefusalsFile`): every impossible kind with its
    texts (``this``, and ``other`` unless it is a date in the future). Raises
    :class:`~withhold.package_data.DataFileError` listing every problem with its line."""
    read = validated(RefusalsFile, text, "withhold/interview/refusals.yaml")
    found: dict[str, dict[str, Localized]] = {}
    for kind in IMPOSSIBLE:
        sides = getattr(read, kind)
        found[kind] = {side: getattr(sides, side) for side in SIDES if hasattr(sides, side)}
    return _Texts(found)
