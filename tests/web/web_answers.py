"""How the web interview tests answer: "no" to every yes/no question (the planner asks the open bars
first, and a "yes" to the first — the persecutor bar — would close three protections at once and end the
interview early), a date, a number, the first choice, and "I don't know" to free text."""

from __future__ import annotations

from typing import Any

EMPTY: dict[str, Any] = {"withhold": "case/1", "law_as_of": "2026-11-23", "person": {"given_name": "Odalys"}}

ANSWERS: dict[str, dict[str, Any]] = {
    "yes_no": {"answer": "no"},
    "choice": {"answer": "1"},
    "choices": {"answer": ["1"]},
    "date": {"answer": "2024-01-15"},
    "number": {"answer": "0"},
    "count": {"answer": "0"},
}


def interview_url(record: Any) -> str:
    """The interview of ``record`` (a ``CaseRecord``)."""
    return f"/cases/{record.id}/interview/"


def answer_for(kind: str, path: str) -> dict[str, Any]:
    """The form data that answers the question at ``path`` of this answer kind."""
    data = dict(ANSWERS.get(kind, {"action": "dont_know"}))
    data.setdefault("action", "answer")
    return {**data, "path": path}
