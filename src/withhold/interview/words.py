"""An answer in words, as its question's options say it (a choice's label, "Yes", a country's name), never
a code: what the findings review and the attorney's interview show of the client's answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from withhold.facts import countries
from withhold.facts.source import NOT_FILED
from withhold.interview.bank import UI, question_for
from withhold.language import Language


def answer_words(path: str, value: Any, language: Language) -> str:
    """``value`` of the fact ``path`` in words in ``language``."""
    if value is NOT_FILED:
        return UI["not_filed_yet"].get(language)
    if isinstance(value, bool):
        return UI["yes" if value else "no"].get(language)
    try:
        question = question_for(path)
    except KeyError:
        question = None
    if question is not None and question.kind == "choice" and str(value) in question.choices:
        return question.choices[str(value)].get(language)
    if question is not None and question.kind == "choices" and isinstance(value, list | tuple):
        labels = [question.choices[str(v)].get(language) for v in value if str(v) in question.choices]
        return "; ".join(labels) if labels else UI["none"].get(language)
    if question is not None and question.kind == "country" and isinstance(value, str):
        return countries.name(value, language) or value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
