"""One answer of the interview for the browser: the reply read from a form's values, and the answer put into
the case by the core (:mod:`withhold.interview.answers`, the same step the terminal takes), with the
interview record kept in the case file (what was asked, what was "I don't know", the language). An
answer that makes the case say what cannot be (an arrival before birth, a date in the future where the
past is meant) is refused with the reason, as in the terminal.

A form's values are turned into the line a person would type and read by the same pure parser as the
terminal (:func:`withhold.interview.typed_answer.parse_answer`), so both faces accept exactly the same
answers. Choices are sent by their position, as the terminal numbers them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from withhold.facts.case import Case
from withhold.facts.limits import FREE_TEXT_MAX
from withhold.facts.loading import CaseFileError
from withhold.interview.answers import answered as answered_in_core
from withhold.interview.answers import answered_dont_know, skipped_for_now
from withhold.interview.bank import Question, question_for
from withhold.interview.refusals import AnswerRefusedError
from withhold.interview.typed_answer import (
    NONE_KEY,
    NOT_FILED_KEY,
    NOT_FILED_PATH,
    Answer,
    DontKnow,
    Invalid,
    Reply,
    Skip,
    parse_answer,
)
from withhold.language import Language

NOT_FILED = "not_filed"
NONE = "none"

LONGEST = FREE_TEXT_MAX
"""The longest value a form field may send: the longest text a case file holds. Anything longer is not an
answer (and is never handed to a parser: a count of a million digits is refused unread)."""


def reply_of(values: Sequence[str], not_filed: bool, question: Question, language: Language) -> Reply:
    """The reply the values of one question's fields give (empty values left out): an answer, or invalid
    with the question's own message. ``not_filed``: "I have not filed it yet" was ticked (the asylum
    filing date only)."""
    invalid = Invalid(question.invalid.get(language))
    if any(len(value) > LONGEST for value in values):
        return invalid
    given = [value.strip() for value in values if value.strip()]
    if question.kind == "choices":
        if len(given) > len(question.choices) + 1:
            return invalid
        if NONE in given:
            return invalid if len(given) > 1 else parse_answer(NONE_KEY, question, language)
        line = ",".join(given)
    elif question.path == NOT_FILED_PATH and not_filed:
        line = NOT_FILED_KEY if not given else ""
    else:
        line = given[0] if len(given) == 1 else ""
    if not line:
        return invalid
    return parse_answer(line, question, language)


def answered(
    case: Case, path: str, reply: Reply, language: Language, today: dt.date | None = None
) -> Case | Invalid:
    """The case after a reply to the question for ``path``; :class:`Invalid` with what to show when the
    answer is refused: the reason, when it contradicts the case or ``today`` (the day counted from), else
    the question's own message (it does not fit the case file)."""
    if isinstance(reply, DontKnow):
        return answered_dont_know(case, path, language=language)
    if isinstance(reply, Skip):
        return skipped_for_now(case, path, language=language)
    assert isinstance(reply, Answer)
    try:
        return answered_in_core(case, path, reply.value, language=language, today=today)
    except AnswerRefusedError as refused:
        return Invalid(refused.reason.get(language))
    except CaseFileError:
        return Invalid(question_for(path).invalid.get(language))
