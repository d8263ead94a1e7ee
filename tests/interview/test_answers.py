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


def test_skip_for_now_is_not_dont_know_and_is_not_asked_again_until_coming_back() -> None:
    import datetime as dt

    from withhold.interview.answers import come_back_to_skipped, skipped_for_now, skipped_of
    from withhold.interview.pages import Audience, next_page

    as_of = dt.date(2026, 11, 23)
    case = validate_case({"withhold": "case/1", "law_as_of": "2026-11-23"})
    first = next_page(case, as_of, Audience.CLIENT)
    assert first is not None
    skipped = case
    for path in first.paths:
        skipped = skipped_for_now(skipped, path, language="es")
    assert skipped_of(skipped) == list(first.paths)
    assert asked_of(skipped) == list(first.paths)
    assert dont_know_of(skipped) == []  # the person may know: a choice, not an answer
    assert skipped.interview.language == "es"
    later = next_page(skipped, as_of, Audience.CLIENT)
    assert later is not None and not set(later.paths) & set(first.paths)
    again = come_back_to_skipped(skipped)
    assert skipped_of(again) == []
    assert asked_of(again) == list(first.paths)  # the record of what was asked stays
    back_to = next_page(again, as_of, Audience.CLIENT)
    assert back_to is not None and back_to.paths == first.paths


def test_back_undoes_a_skip_and_back_page_undoes_a_whole_page() -> None:
    from withhold.interview.answers import back_page, skipped_for_now, skipped_of

    case = answered(empty(), "proceedings.detained", False)
    case = skipped_for_now(case, "entry.last_arrival_date")
    undone = back(case)
    assert skipped_of(undone) == [] and asked_of(undone) == ["proceedings.detained"]

    case = answered(empty(), "claim.country", "SV")  # another section's page
    case = answered(case, "proceedings.detained", False)
    case = answered(case, "proceedings.hearings", 2)  # the papers' short questions: one page
    case = answered(case, "proceedings.hearings[0].kind", "master")
    case = answered_dont_know(case, "proceedings.hearings[0].date")
    case = answered(case, "proceedings.hearings[1].kind", "individual")
    case = skipped_for_now(case, "proceedings.hearings[1].date")
    one = back_page(case)  # the second hearing's page
    assert asked_of(one) == asked_of(case)[:5]
    assert skipped_of(one) == [] and one.proceedings.hearings is not None
    assert one.proceedings.hearings[1].kind is None
    two = back_page(one)  # the first hearing's page
    assert asked_of(two) == asked_of(case)[:3] and dont_know_of(two) == []
    assert two.proceedings.hearings is not None and two.proceedings.hearings[0].kind is None
    three = back_page(two)  # the papers' page, both its questions
    assert asked_of(three) == ["claim.country"] and three.proceedings.detained is None
