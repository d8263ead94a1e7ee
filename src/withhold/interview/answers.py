"""Answers into a case: set a fact by its path, or clear it, returning a new validated case.

The interview records what it asked and which answers were "I don't know" in the case file itself, under
the Withhold extension ``interview`` (``dont_know``, ``asked``, ``language``), so that a resumed interview
never asks again what the person could not answer. One step of the interview (an answer, "I don't know",
one step back) is taken here, the same for the terminal and the browser.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from withhold.facts.case import Case
from withhold.facts.loading import validate_case
from withhold.facts.paths import catalogue, generic
from withhold.facts.source import NOT_FILED
from withhold.interview.pages import asked_together
from withhold.interview.refusals import refuse_contradictions
from withhold.language import Language

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def document_of(case: Case) -> dict[str, Any]:
    """The case as the mapping a case file holds (only what was set, so an explicit null survives)."""
    return case.model_dump(mode="json", exclude_unset=True)


def with_answer(case: Case, path: str, value: Any) -> Case:
    """The case with ``path`` set to ``value`` (a list path takes a count: that many empty items).
    ``asylum.filed_on`` may take :data:`~withhold.facts.source.NOT_FILED`, as a case's facts read it:
    the case file's explicit null."""
    document = document_of(case)
    _set(document, path, value)
    return validate_case(document)


def without_answer(case: Case, path: str) -> Case:
    """The case with ``path`` unknown again."""
    document = document_of(case)
    parent, name = _parent(document, path, create=False)
    if parent is not None:
        parent.pop(name, None)
    return validate_case(document)


def _set(document: dict[str, Any], path: str, value: Any) -> None:
    parent, name = _parent(document, path, create=True)
    assert parent is not None
    if isinstance(value, int) and not isinstance(value, bool) and _is_list(path):
        current = parent.get(name) or []
        parent[name] = (current + [{} for _ in range(value)])[:value]
        return
    if value is NOT_FILED:
        value = None  # case/1: an explicit asylum.filed_on null records that nothing was filed yet
    parent[name] = value.isoformat() if hasattr(value, "isoformat") else value


def _is_list(path: str) -> bool:
    info = catalogue().get(generic(path))
    return info is not None and info.kind == "list"


def _parent(document: dict[str, Any], path: str, *, create: bool) -> tuple[dict[str, Any] | None, str]:
    steps = path.split(".")
    node: Any = document
    for step in steps[:-1]:
        match = _STEP.fullmatch(step)
        if match is None:
            raise KeyError(path)
        name, index = match.group(1), match.group(2)
        if name not in node or node[name] is None:
            if not create:
                return None, ""
            node[name] = [] if index is not None else {}
        node = node[name]
        if index is not None:
            position = int(index)
            if position >= len(node):
                if not create:
                    return None, ""
                node.extend({} for _ in range(position + 1 - len(node)))
            node = node[position]
    return node, steps[-1]


def recorded(
    case: Case,
    *,
    asked: list[str] | None = None,
    dont_know: list[str] | None = None,
    language: Language | None = None,
    skipped: list[str] | None = None,
) -> Case:
    """The case with its ``interview`` record updated (only what is given changes)."""
    document = document_of(case)
    record = dict(document.get("interview") or {})
    if asked is not None:
        record["asked"] = asked
    if dont_know is not None:
        record["dont_know"] = dont_know
    if language is not None:
        record["language"] = language
    if skipped is not None:
        record["skipped"] = skipped
    document["interview"] = record
    return validate_case(document)


def asked_of(case: Case) -> list[str]:
    """The concrete paths asked so far, in order."""
    return list(case.interview.asked or [])


def dont_know_of(case: Case) -> list[str]:
    """The concrete paths answered "I don't know"."""
    return list(case.interview.dont_know or [])


def answered(
    case: Case, path: str, value: Any, *, language: Language | None = None, today: dt.date | None = None
) -> Case:
    """The case after ``value`` was given for ``path``, recorded as asked. Raises ``CaseFileError`` when
    the value does not fit the case file (the question's own message is then shown), and its
    :class:`~withhold.interview.refusals.AnswerRefusedError` when it makes the case say what cannot be
    true (a birth after the arrival, a hearing before the Notice to Appear; with ``today``, the day the
    face counts from, a date in the future where the past is meant): its ``reason`` is then shown."""
    changed = with_answer(case, path, value)
    refuse_contradictions(changed, path, today)
    return recorded(changed, asked=[*asked_of(case), path], language=language)


def answered_dont_know(case: Case, path: str, *, language: Language | None = None) -> Case:
    """The case after "I don't know" for ``path``: the fact stays unknown and is not asked again."""
    return recorded(
        case, asked=[*asked_of(case), path], dont_know=[*dont_know_of(case), path], language=language
    )


def skipped_of(case: Case) -> list[str]:
    """The concrete paths skipped for now."""
    return list(case.interview.skipped or [])


def skipped_for_now(case: Case, path: str, *, language: Language | None = None) -> Case:
    """The case after "skip for now" for ``path``: unknown, not asked again until the person comes back
    to what they skipped (:func:`come_back_to_skipped`). Trauma-informed intake lets a person leave a
    question they are not ready to answer without saying they do not know."""
    return recorded(case, asked=[*asked_of(case), path], skipped=[*skipped_of(case), path], language=language)


def come_back_to_skipped(case: Case) -> Case:
    """The case with nothing skipped any more: the skipped questions are asked again."""
    return recorded(case, skipped=[])


def back(case: Case) -> Case:
    """Undo the last question asked (there must be one): out of ``asked``, ``dont_know`` and ``skipped``,
    and its answer cleared."""
    asked = asked_of(case)
    last = asked.pop()
    dont_know = [path for path in dont_know_of(case) if path != last]
    skipped = [path for path in skipped_of(case) if path != last]
    return recorded(without_answer(case, last), asked=asked, dont_know=dont_know, skipped=skipped)


def back_page(case: Case) -> Case:
    """Undo the last page of the client's interview (there must be a question asked): the last question,
    and the questions asked just before it that a page asks with it (same group, same item:
    :func:`withhold.interview.pages.asked_together`)."""
    asked = asked_of(case)
    last = asked[-1]
    undone = back(case)
    while asked_of(undone) and asked_together(last, asked_of(undone)[-1]):
        undone = back(undone)
    return undone
