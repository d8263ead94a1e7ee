"""The road through court: stages by proceeding kind and where an invented case stands."""

from __future__ import annotations

import datetime as dt
from typing import Any

from withhold.facts.loading import validate_case
from withhold.roadmap import StageState, roadmap
from withhold.roadmap.stages import ROADS

AS_OF = dt.date(2026, 11, 23)


def states(document: dict[str, Any]) -> dict[str, str]:
    road = roadmap(validate_case({"withhold": "case/1", **document}), AS_OF)
    return {view.stage.id: view.state.value for view in road.stages}


def test_every_kind_of_proceeding_has_a_road_ending_after_a_grant() -> None:
    kinds = {"removal", "asylum_only", "withholding_only", "affirmative", "credible_fear", "reasonable_fear"}
    assert set(ROADS) == kinds
    for road in ROADS.values():
        assert road[-1].id == "after_grant"
        assert all(stage.authority for stage in road)


def test_withholding_only_has_no_asylum_application_stage() -> None:
    ids = [stage.id for stage in ROADS["withholding_only"]]
    assert "application" not in ids and "affirmative_filing" not in ids
    assert ids[:2] == ["reasonable_fear", "withholding_only_hearing"]


def test_a_case_before_its_master_hearing() -> None:
    found = states(
        {
            "proceedings": {"kind": "removal", "hearings": [{"kind": "master", "date": "2026-12-08"}]},
            "entry": {"last_arrival_date": "2025-01-10"},
            "asylum": {"filed_on": None},
        }
    )
    assert found["arrival"] == "done"
    assert found["master_calendar"] == "current"
    assert found["application"] == "ahead"
    assert found["biometrics"] == "to_confirm"  # never assumed done
    assert found["after_grant"] == "not_applicable"


def test_after_a_denial_the_appeal_window_is_current_and_dated() -> None:
    case = validate_case(
        {
            "withhold": "case/1",
            "proceedings": {
                "kind": "removal",
                "hearings": [{"kind": "individual", "date": "2026-11-10"}],
                "decision": {
                    "date": "2026-11-10",
                    "served": "oral",
                    "outcome": "denied",
                    "asylum_denied_on_merits": True,  # 30 days by statute (INA 208(d)(5)(A)(iv))
                },
            },
            "asylum": {"filed_on": "2025-06-01"},
        }
    )
    road = roadmap(case, AS_OF)
    current = road.current
    assert current is not None and current.stage.id == "appeal"
    (appeal,) = current.deadlines
    assert appeal.date == dt.date(2026, 12, 10)  # 30 days after the oral decision
    assert {v.stage.id: v.state for v in road.stages}["decision"] is StageState.DONE


def test_after_a_grant_of_asylum_the_family_and_green_card_dates_appear() -> None:
    case = validate_case(
        {
            "withhold": "case/1",
            "proceedings": {
                "kind": "removal",
                "decision": {"date": "2026-06-01", "outcome": "granted", "granted": ["asylum"]},
                "final_order_date": "2026-06-01",
            },
        }
    )
    road = roadmap(case, AS_OF)
    after = {v.stage.id: v for v in road.stages}["after_grant"]
    assert after.state is StageState.CURRENT
    assert {e.id for e in after.deadlines} == {
        "asylee.follow_to_join",
        "asylee.adjustment",
        "benefits.seven_year",
    }


def test_unknown_kind_shows_the_removal_road_and_says_so() -> None:
    road = roadmap(validate_case({"withhold": "case/1"}), AS_OF)
    assert road.kind is None
    assert "proceedings.kind is unknown" in road.note
    assert [v.stage.id for v in road.stages] == [s.id for s in ROADS["removal"]]


def test_after_a_grant_follows_what_the_decision_records_and_stays_open_when_it_is_silent() -> None:
    def after_grant(decision: dict[str, Any]) -> str:
        return states({"proceedings": {"kind": "removal", "decision": decision}})["after_grant"]

    assert after_grant({"date": "2026-06-01", "outcome": "denied"}) == "not_applicable"
    assert after_grant({"date": "2026-06-01", "outcome": "granted", "granted": []}) == "not_applicable"
    assert after_grant({"date": "2026-06-01", "outcome": "mixed"}) == "current"
    assert after_grant({"date": "2026-06-01", "granted": ["cat_deferral"]}) == "current"
    # A decision whose outcome is not recorded may have granted something: never assumed not.
    assert after_grant({"date": "2026-06-01"}) == "to_confirm"


def test_a_case_that_records_nothing_has_no_current_stage() -> None:
    """Everything unknown (a self-help session answered "I don't know" throughout): the road is shown, but
    no stage is "where you are now" — not the decision, the first stage whose "not yet" is recorded only
    because nothing is (rule 1: an unknown is not a place on the road)."""
    road = roadmap(validate_case({"withhold": "case/1"}), dt.date(2026, 12, 7))
    states = {view.stage.id: view.state for view in road.stages}
    assert road.current is None
    assert states["master_calendar"] is StageState.TO_CONFIRM
    assert states["decision"] is StageState.AHEAD
