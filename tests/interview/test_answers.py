"""One step of the interview in the core: an answer, "I don't know", one step back, and the question's
text for a concrete path. Invented people only."""

from __future__ import annotations

import pytest

from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError, validate_case
from withhold.interview.answers import answered, answered_dont_know, asked_of, back, dont_know_of, with_answer
from withhold.interview.bank import question_text


def empty() -> Case:
    return validate_case({"withhold": "case/1"})


def test_an_answer_sets_the_fact_and_is_recorded_as_asked() -> None:
    case = answered(empty(), "proceedings.detained", True, language="es")
    assert case.proceedings.detained is True
    assert asked_of(case) == ["proceedings.detained"]
    assert dont_know_of(case) == []
    assert case.interview.language == "es"


def test_dont_know_leaves_the_fact_unknown_and_records_it() -> None:
    case = answered_dont_know(empty(), "proceedings.detained")
    assert case.proceedings.detained is None
    assert asked_of(case) == ["proceedings.detained"]
    assert dont_know_of(case) == ["proceedings.detained"]


def test_an_answer_that_does_not_fit_the_case_file_is_refused() -> None:
    with pytest.raises(CaseFileError):
        answered(empty(), "proceedings.detained", "perhaps")


def test_back_undoes_the_last_question_only() -> None:
    case = answered(empty(), "proceedings.detained", False)
    case = answered_dont_know(case, "entry.date")
    undone = back(case)
    assert asked_of(undone) == ["proceedings.detained"]
    assert dont_know_of(undone) == []
    assert undone.proceedings.detained is False
    again = back(undone)
    assert asked_of(again) == [] and again.proceedings.detained is None


def test_question_text_names_the_offense_of_a_conviction() -> None:
    case = answered(empty(), "convictions", 2)
    case = answered(case, "convictions[1].offense", "shoplifting")
    assert question_text(case, "convictions[1].final", "en").startswith("Conviction 2 (shoplifting):")
    assert question_text(case, "convictions[0].final", "en").startswith("Conviction 1:")


def test_not_filed_is_answered_as_the_case_files_explicit_null() -> None:
    from withhold.facts.source import NOT_FILED, CaseFacts

    case = with_answer(validate_case({"withhold": "case/1"}), "asylum.filed_on", NOT_FILED)
    assert case.asylum.not_filed_yet
    assert CaseFacts(case).read("asylum.filed_on").value is NOT_FILED
