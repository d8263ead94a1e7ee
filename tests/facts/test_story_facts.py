"""The person's story in ``case/1`` (issue 15): what the model accepts and refuses, that its facts are
never findings and no rule reads them, and the dates that cannot be right. Every person is invented."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from withhold.facts.case import Case, partial_date_span
from withhold.facts.consistency import check
from withhold.facts.loading import CaseFileError, parse_case, validate_case
from withhold.facts.paths import catalogue
from withhold.law.protections import PROTECTIONS
from withhold.law.registry import all_rules
from withhold.logic.rule import walk

AS_OF = dt.date(2026, 11, 23)


def case(story: dict[str, Any], **more: Any) -> Case:
    return validate_case({"withhold": "case/1", "story": story, **more})


def test_a_full_story_is_accepted() -> None:
    told = parse_case(
        """
withhold: case/1
story:
  events:
    - date: 2023-08
      date_is_approximate: true
      place: Choloma, Cortés
      country: HN
      what_happened: They came to my stall and demanded money.
      harm: [threats, extortion]
      who: Men from the gang
      who_kind: [gang_or_cartel, police]
      why: Because I sell at the market.
      reported: true
      authorities_response: [did_nothing, were_involved]
      authorities_response_details: They wrote it down and nobody came.
      injuries: false
    - {date: 2024, reported: false, why_not_reported: They work with the gang., injuries: true, medical_care: true}
    - {date: 2024-01-20}
  fear:
    what: That they kill me.
    who: The gang
    who_kind: [gang_or_cartel]
    why: I reported them.
    family_harmed_since: true
    could_live_elsewhere: false
    could_live_elsewhere_why: They are everywhere.
    tried_to_move: false
  in_own_words: I never wanted to leave.
"""
    )
    events = told.story.events
    assert events is not None
    assert [event.date for event in events] == ["2023-08", "2024", "2024-01-20"]  # precision kept
    assert events[0].who_kind == ["gang_or_cartel", "police"]
    assert told.story.fear is not None and told.story.fear.could_live_elsewhere is False


def test_absent_story_is_unknown_and_an_empty_list_is_none() -> None:
    assert validate_case({"withhold": "case/1"}).story.events is None
    assert case({"events": []}).story.events == []
    assert validate_case({"withhold": "case/1", "story": None}).story.events is None


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2023-02-30", "not a day of the calendar"),
        ("2021-13", "expected a date as YYYY-MM-DD, or YYYY-MM or YYYY"),
        ("March 2021", "expected a date as YYYY-MM-DD, or YYYY-MM or YYYY"),
        (True, "expected a date"),
        ("1899", "between 1900-01-01 and 2199-12-31"),
    ],
)
def test_a_wrong_date_is_refused_with_the_reason(date: Any, message: str) -> None:
    with pytest.raises(CaseFileError, match=message) as error:
        case({"events": [{"date": date}]})
    assert error.value.issues[0].path == "story.events[0].date"


def test_unknown_choices_and_keys_are_refused() -> None:
    with pytest.raises(CaseFileError, match=r"story\.events\[0\]\.harm\[0\]"):
        case({"events": [{"harm": ["shot"]}]})
    with pytest.raises(CaseFileError, match=r"story\.fear\.who_kind\[0\]"):
        case({"fear": {"who_kind": ["aliens"]}})
    with pytest.raises(CaseFileError, match=r"story\.events\[0\]\.persecutor"):
        case({"events": [{"persecutor": "government"}]})


def test_the_story_is_facts_never_findings_and_no_status_rests_on_it() -> None:
    story = {path: info for path, info in catalogue().items() if path.startswith("story")}
    assert "story.events[].what_happened" in story and "story.fear.could_live_elsewhere" in story
    assert not [path for path, info in story.items() if info.finding]
    # Only a suggestion for the attorney (law/findings/suggestions.py) and what the record needs to
    # corroborate (law/corroboration/, for the evidence checklist) read the story; no status does.
    statuses = tuple(rule for protection in PROTECTIONS for rule in (*protection.elements, *protection.bars))
    read = {path for rule in walk(statuses) for path in rule.all_reads}
    assert not [path for path in read if path.startswith("story")]
    readers = {
        rule.id.split(".")[0] for rule in all_rules() if any(p.startswith("story") for p in rule.all_reads)
    }
    assert readers == {"suggestion", "corroboration"}


def test_a_partial_date_means_every_day_of_its_month_or_year() -> None:
    assert partial_date_span("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert partial_date_span("2023-12") == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert partial_date_span("2021") == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert partial_date_span("2021-03-14") == (dt.date(2021, 3, 14), dt.date(2021, 3, 14))


# --- dates that cannot be right --------------------------------------------------------------------


def issues(story: dict[str, Any], birth: str | None = "1990-05-01") -> list[tuple[str, str]]:
    person = {"date_of_birth": birth} if birth else {}
    return [(issue.path, issue.message) for issue in check(case(story, person=person), AS_OF)]


def test_an_event_after_the_evaluation_date_is_a_warning() -> None:
    assert issues({"events": [{"date": "2027-01-05"}]}) == [
        ("story.events[0].date", "2027-01-05 is after the evaluation date 2026-11-23; it must be in the past")
    ]
    assert issues({"events": [{"date": "2027"}]})[0][0] == "story.events[0].date"
    # The month, or the year, of the evaluation date can hold a past day: not a warning.
    assert issues({"events": [{"date": "2026-11"}, {"date": "2026"}]}) == []


def test_an_event_before_birth_is_a_warning_unless_it_was_harm_to_family() -> None:
    assert issues({"events": [{"date": "1989"}, {"date": "1990-05"}]}) == [
        ("story.events[0].date", "1989 is before person.date_of_birth (1990-05-01)")
    ]
    # A parent killed before the person was born is not a wrong date.
    assert issues({"events": [{"date": "1989-03", "harm": ["family_member_killed"]}]}) == []
    assert issues({"events": [{"date": "1989-03", "harm": ["family_member_killed", "threats"]}]}) != []
    # Without a date of birth there is nothing to compare.
    assert issues({"events": [{"date": "1989"}]}, birth=None) == []


def test_a_clean_story_raises_nothing() -> None:
    assert issues({"events": [{"date": "2020-01-01"}, {}], "fear": {"what": "harm"}}) == []
