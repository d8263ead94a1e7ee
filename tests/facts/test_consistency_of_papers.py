"""The consistency checks of the papers: the Notice to Appear against the hearings and the decision, and a
circuit the case gives against the court it names (facts/consistency.py). Warnings, never refusals: a
stored case is read as it is."""

from __future__ import annotations

import datetime as dt
from typing import Any

from withhold.facts.consistency import check, conflicts
from withhold.facts.loading import validate_case

AS_OF = dt.date(2026, 11, 23)


def issues(proceedings: dict[str, Any]) -> list[tuple[str, str]]:
    case = validate_case({"withhold": "case/1", "proceedings": proceedings})
    return [(issue.path, issue.message) for issue in check(case, AS_OF)]


def test_a_hearing_and_a_decision_before_the_notice_to_appear_are_flagged() -> None:
    found = issues(
        {
            "notice_to_appear_date": "2024-03-01",
            "hearings": [{"kind": "master", "date": "2024-02-01"}, {"kind": "master", "date": "2024-06-01"}],
            "decision": {"date": "2024-01-15"},
        }
    )
    assert (
        "proceedings.hearings[0].date",
        "is before proceedings.notice_to_appear_date (2024-03-01): a hearing before the Notice to Appear",
    ) in found
    assert (
        "proceedings.decision.date",
        "is before proceedings.notice_to_appear_date (2024-03-01): a decision before the Notice to Appear",
    ) in found
    assert not any(path == "proceedings.hearings[1].date" for path, _ in found)


def test_a_notice_to_appear_in_the_future_is_flagged() -> None:
    assert (
        "proceedings.notice_to_appear_date",
        "2027-01-01 is after the evaluation date 2026-11-23; it must be in the past",
    ) in issues({"notice_to_appear_date": "2027-01-01"})


def test_a_circuit_that_is_not_the_courts_is_flagged_but_kept() -> None:
    found = issues({"court": "Houston, TX", "circuit": "9"})
    assert len(found) == 1
    path, message = found[0]
    assert path == "proceedings.circuit"
    assert message.startswith("is 9, but proceedings.court is in circuit 5 (28 U.S.C. 41)")
    assert issues({"court": "Houston, TX", "circuit": "5"}) == []
    assert issues({"court": "Springfield", "circuit": "9"}) == []  # a court not known: nothing to compare
    assert issues({"court": "Houston"}) == []


def test_which_conflicts_cannot_be_true() -> None:
    case = validate_case(
        {
            "withhold": "case/1",
            "person": {"date_of_birth": "2001-01-01"},
            "entry": {"last_arrival_date": "2000-01-01"},
            "asylum": {"filed_on": "1999-01-01"},
            "proceedings": {"court": "Houston", "circuit": "9"},
        }
    )
    kinds = {conflict.kind: conflict.impossible for conflict in conflicts(case, AS_OF)}
    assert kinds == {
        "born_after_arrival": True,
        "filed_before_arrival": False,
        "circuit_not_the_courts": False,
    }
