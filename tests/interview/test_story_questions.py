"""The story's questions (issue 15): one for every fact of ``story`` a client tells, asked of the client
for the record, never as a finding, the count before any detail, and each event's short questions on one
page."""

from __future__ import annotations

import pytest

from withhold.facts.loading import CaseFileError, parse_case
from withhold.facts.paths import catalogue
from withhold.interview.answers import with_answer
from withhold.interview.bank import bank, question_for


def story_paths() -> list[str]:
    return [path for path in catalogue() if path.startswith("story.")]


def test_every_story_fact_has_a_question_for_the_client() -> None:
    questions = bank()
    missing = [path for path in story_paths() if path not in questions]
    assert not missing
    for path in story_paths():
        question = questions[path]
        assert question.intake == "client", path
        assert not question.judgement and not catalogue()[path].finding, path
        assert question.section in ("what_happened", "fear"), path
        assert 2000 <= question.order <= 2999, path


def test_the_count_comes_before_any_detail_and_trauma_heavy_questions_after_the_short_ones() -> None:
    count = question_for("story.events")
    details = [question_for(path) for path in story_paths() if path.startswith("story.events[]")]
    assert all(count.order < detail.order for detail in details)
    assert count.sensitivity < 3
    assert question_for("story.events[].what_happened").sensitivity == 3
    assert question_for("story.events[].harm").sensitivity == 3  # it names sexual violence and killings
    short = [q.order for q in details if q.group == "event"]
    assert max(short) < question_for("story.events[].what_happened").order
    assert "skip" in count.text.en and "después" in count.text.es


def test_each_event_shares_a_page_and_fear_its_own() -> None:
    assert question_for("story.events[2].date").group == "event"
    assert question_for("story.events[].what_happened").group is None  # its own page
    fear = [path for path in story_paths() if path.startswith("story.fear.")]
    assert {question_for(path).group for path in fear} == {"fear"}
    assert min(fear, key=lambda path: question_for(path).order) == "story.fear.what"


def test_follow_up_questions_say_when_they_are_asked() -> None:
    assert question_for("story.events[].why_not_reported").when == (("story.events[].reported", (False,)),)
    assert question_for("story.events[].authorities_response").when == (("story.events[].reported", (True,)),)
    assert question_for("story.events[].medical_care").when == (("story.events[].injuries", (True,)),)


def test_questions_are_numbered_by_event() -> None:
    assert question_for("story.events[1].place").render("en", item=1).startswith("Event 2:")
    assert question_for("story.events[0].place").render("es", item=0).startswith("Hecho 1:")


def test_the_spanish_a_client_reads_uses_the_reviewed_terms() -> None:
    for path in story_paths():
        question = question_for(path)
        texts = [question.text.es, question.help.es, *(label.es for label in question.choices.values())]
        for text in texts:
            assert "restricción de la deportación" not in text, path
            assert "«" not in text, path
    assert "mara" in question_for("story.events[].who_kind").choices["gang_or_cartel"].es


def test_a_partial_date_answer_is_kept_and_a_wrong_one_is_refused() -> None:
    case = with_answer(parse_case("withhold: case/1\n"), "story.events", 1)
    case = with_answer(case, "story.events[0].date", "2021-03")
    assert case.story.events is not None and case.story.events[0].date == "2021-03"
    with pytest.raises(CaseFileError, match=r"story\.events\[0\]\.date"):
        with_answer(case, "story.events[0].date", "marzo de 2021")
