"""How the web interview tests answer a page of questions: "no" to every yes/no question (the planner asks
the open bars first, and a "yes" to the first — the persecutor bar — would close three protections at
once and end the interview early), a date, a number, the first choice, and "I don't know" to free text
and countries. Each question is numbered on its page: its fields are ``answer-N`` and ``dont_know-N``."""

from __future__ import annotations

from typing import Any

from withhold.interview.bank import question_for

EMPTY: dict[str, Any] = {"withhold": "case/1", "law_as_of": "2026-11-23", "person": {"given_name": "Odalys"}}

ANSWERS: dict[str, Any] = {
    "yes_no": "no",
    "choice": "1",
    "choices": ["1"],
    "date": "2024-01-15",
    "number": "0",
    "count": "0",
}


def interview_url(record: Any, audience: str = "") -> str:
    """The interview of ``record`` (a ``CaseRecord``), for ``audience`` if one is named."""
    return f"/cases/{record.id}/interview/" + (f"?audience={audience}" if audience else "")


def item_answer(number: int, path: str) -> dict[str, Any]:
    """The fields that answer the question at ``path``, number ``number`` on its page."""
    kind = question_for(path).kind
    if kind in ANSWERS:
        return {f"answer-{number}": ANSWERS[kind]}
    return {f"dont_know-{number}": "1"}


def page_answers(paths: Any, action: str = "answer", **extra: Any) -> dict[str, Any]:
    """The form data that answers every question of the page asking ``paths``."""
    data: dict[str, Any] = {"action": action, "path": list(paths)}
    for number, path in enumerate(paths, 1):
        data.update(item_answer(number, path))
    return {**data, **extra}


def page_dont_know(paths: Any, **extra: Any) -> dict[str, Any]:
    """The form data that answers "I don't know" to every question of the page asking ``paths``."""
    data: dict[str, Any] = {"action": "answer", "path": list(paths)}
    data.update({f"dont_know-{number}": "1" for number in range(1, len(list(paths)) + 1)})
    return {**data, **extra}
