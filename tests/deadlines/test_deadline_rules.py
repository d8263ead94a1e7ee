"""Every deadline rule through ``schedule()``, on invented cases written as dicts and validated as case
files. The expected dates are worked out by hand in the comments (weekday and holiday included)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from withhold.deadlines.schedule import SOON_DAYS, Entry, Schedule, schedule
from withhold.facts.loading import validate_case
from withhold.law.deadlines.model import Kind, Standing

D = dt.date
CONTRACT = ["id", "title", "date", "status", "starts_from", "rule", "citations", "notes"]
INTERIM_RULE = "FR Doc. 2026-02326"


def plan(as_of: dt.date, **sections: Any) -> Schedule:
    return schedule(validate_case({"withhold": "case/1", **sections}), as_of)


def entries(as_of: dt.date, **sections: Any) -> dict[str, Entry]:
    return {entry.key: entry for entry in plan(as_of, **sections).entries}


def only(as_of: dt.date, key: str, **sections: Any) -> Entry:
    found = entries(as_of, **sections)
    assert key in found, f"no {key} in {sorted(found)}"
    return found[key]


def hearings(*listed: tuple[str | None, str | None], **more: Any) -> dict[str, Any]:
    return {
        "proceedings": {
            "hearings": [{"kind": kind, "date": date} for kind, date in listed],
            **more,
        }
    }


# --- asylum.one_year -------------------------------------------------------------------------------


def test_one_year_met() -> None:
    entry = only(
        D(2026, 1, 10),
        "asylum.one_year",
        entry={"last_arrival_date": "2025-03-10"},
        asylum={"filed_on": "2025-12-01"},
    )
    assert entry.status is Standing.MET
    assert entry.date == D(2026, 3, 10)  # the anniversary, a Tuesday
    assert entry.due is not None and entry.due.done_on == D(2025, 12, 1)
    assert entry.due.starts_from == "entry.last_arrival_date" and entry.due.start == D(2025, 3, 10)
    assert entry.rule == "deadline.asylum.one_year"
    assert "8 CFR 1208.4(a)(2), (a)(4), (a)(5)" in entry.citations
    assert entry.notes == ()


def test_one_year_met_on_the_rolled_last_day_and_missed_the_day_after() -> None:
    # Arrival July 4 2025; the anniversary is Saturday July 4 2026, Friday the 3rd is the observed
    # holiday, so the last day is Monday July 6 (8 CFR 1208.4(a)(2)(ii)).
    for filed, status in (("2026-07-06", Standing.MET), ("2026-07-07", Standing.MISSED)):
        entry = only(
            D(2026, 8, 1),
            "asylum.one_year",
            entry={"last_arrival_date": "2025-07-04"},
            asylum={"filed_on": filed},
        )
        assert entry.date == D(2026, 7, 6)
        assert entry.status is status, filed


def test_one_year_missed_names_the_exception_question() -> None:
    late = {"last_arrival_date": "2022-08-10", "unaccompanied_child": False}
    barred = only(
        D(2026, 1, 1),
        "asylum.one_year",
        entry=late,
        asylum={
            "filed_on": "2024-01-20",
            "changed_circumstances": False,
            "extraordinary_circumstances": False,
        },
    )
    assert barred.status is Standing.MISSED
    assert barred.date == D(2023, 8, 10)
    assert any("no exception applies" in note for note in barred.notes)
    excused = only(
        D(2026, 1, 1),
        "asylum.one_year",
        entry=late,
        asylum={
            "filed_on": "2024-01-20",
            "changed_circumstances": True,
            "filed_within_reasonable_period": True,
        },
    )
    assert excused.status is Standing.MISSED  # late is late; the exception is a separate question
    assert any("an exception applies" in note for note in excused.notes)
    open_question = only(D(2026, 1, 1), "asylum.one_year", entry=late, asylum={"filed_on": "2024-01-20"})
    assert any("still open" in note for note in open_question.notes)


def test_one_year_not_filed_yet_is_upcoming_then_missed() -> None:
    case = {"entry": {"last_arrival_date": "2025-07-04"}, "asylum": {"filed_on": None}}
    before = only(D(2026, 1, 10), "asylum.one_year", **case)
    assert before.status is Standing.UPCOMING
    assert before.date == D(2026, 7, 6)
    assert before.due is not None and before.due.not_done
    assert any("exceptions" in note for note in before.notes)
    assert only(D(2026, 7, 6), "asylum.one_year", **case).status is Standing.UPCOMING  # the last day itself
    assert only(D(2026, 7, 6), "asylum.one_year", **case).days_left(D(2026, 7, 6)) == 0
    assert only(D(2026, 7, 7), "asylum.one_year", **case).status is Standing.MISSED


def test_one_year_with_filing_unknown_is_past_never_missed() -> None:
    # No filed_on at all: whether it was filed is unknown, so a passed date is "past", not "missed".
    entry = only(D(2026, 7, 7), "asylum.one_year", entry={"last_arrival_date": "2025-07-04"}, asylum={})
    assert entry.status is Standing.PAST
    assert entry.due is not None and not entry.due.not_done and entry.due.done_on is None


def test_one_year_unknown_arrival() -> None:
    entry = only(D(2026, 1, 10), "asylum.one_year", asylum={"filed_on": "2025-12-01"})
    assert entry.status is Standing.UNKNOWN
    assert entry.date is None and entry.due is None
    assert entry.depends == ("entry.last_arrival_date",)
    data = entry.to_json(D(2026, 1, 10))
    assert data["date"] is None and data["status"] == "unknown" and data["starts_from"] is None


def test_one_year_leap_day_and_before_1997() -> None:
    leap = only(D(2024, 3, 1), "asylum.one_year", entry={"last_arrival_date": "2024-02-29"})
    assert leap.date == D(2025, 2, 28)  # a Friday
    old = only(D(1997, 5, 1), "asylum.one_year", entry={"last_arrival_date": "1995-06-01"})
    assert old.date == D(1998, 4, 1)  # from April 1 1997, IIRIRA's effective date


# --- filing before a hearing -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["individual", "master"])
def test_hearing_deadline_counts_back_with_the_hearing_as_day_zero(kind: str) -> None:
    found = entries(D(2026, 11, 1), **hearings((kind, "2026-12-08"), detained=False))
    entry = found[f"filing.{kind}_hearing[0]"]
    assert entry.date == D(2026, 11, 23)  # 15 days before Tuesday December 8: Monday November 23
    assert entry.due is not None
    assert entry.due.starts_from == "proceedings.hearings[].date" and entry.due.start == D(2026, 12, 8)
    assert entry.due.counting == "15 days before 2026-12-08"
    other = "master" if kind == "individual" else "individual"
    assert f"filing.{other}_hearing[0]" not in found  # a hearing of the other kind produces no entry


@pytest.mark.parametrize(
    ("hearing", "due", "why"),
    [
        ("2027-03-15", D(2027, 3, 1), "2027-02-28 is a Sunday"),
        ("2026-12-11", D(2026, 11, 27), "2026-11-26 is Thanksgiving Day"),
        ("2027-02-02", D(2027, 1, 19), "2027-01-18 is Martin Luther King Jr. Day"),
    ],
)
def test_hearing_deadline_on_a_closed_day_moves_to_the_next_business_day(
    hearing: str, due: dt.date, why: str
) -> None:
    # Immigration Court Practice Manual ch. 3.1(c): construed to fall on the next business day.
    entry = only(
        D(2026, 11, 1), "filing.individual_hearing[0]", **hearings(("individual", hearing), detained=False)
    )
    assert entry.date == due
    assert entry.due is not None and why in entry.due.counting


def test_hearing_in_2021_uses_the_30_day_edition() -> None:
    # The Dec. 23, 2020 edition of the Practice Manual: 30 days before a merits hearing (until Aug. 26,
    # 2022). 30 days before Tuesday June 1 2021 is Sunday May 2: Monday May 3. Master hearings stay 15.
    found = entries(
        D(2021, 3, 1), **hearings(("individual", "2021-06-01"), ("master", "2021-06-01"), detained=False)
    )
    individual = found["filing.individual_hearing[0]"]
    assert individual.date == D(2021, 5, 3)
    assert individual.due is not None and individual.due.counting.startswith("30 days before 2021-06-01")
    assert found["filing.master_hearing[1]"].date == D(2021, 5, 17)
    # Before the 2020 edition and after the 2022 revision: 15 days.
    assert only(
        D(2020, 1, 1),
        "filing.individual_hearing[0]",
        **hearings(("individual", "2020-03-02"), detained=False),
    ).date == D(2020, 2, 18)  # 15 days: Sunday February 16, then Washington's Birthday → Tuesday
    assert only(
        D(2022, 9, 1),
        "filing.individual_hearing[0]",
        **hearings(("individual", "2022-10-03"), detained=False),
    ).date == D(2022, 9, 19)  # 15 days before: Sunday September 18 → Monday


def test_hearing_in_2021_uses_the_30_day_edition_whatever_the_evaluation_date() -> None:
    entry = only(
        D(2026, 11, 23),
        "filing.individual_hearing[0]",
        **hearings(("individual", "2021-06-01"), detained=False),
    )
    assert entry.date == D(2021, 5, 3)


def test_detained_without_a_judge_deadline_is_unknown() -> None:
    entry = only(
        D(2026, 6, 1), "filing.individual_hearing[0]", **hearings(("individual", "2026-08-03"), detained=True)
    )
    assert entry.status is Standing.UNKNOWN and entry.date is None
    assert entry.depends == ("proceedings.filing_deadline",)
    assert "detained docket: the judge sets filing deadlines" in entry.notes
    unknown_docket = only(
        D(2026, 6, 1), "filing.individual_hearing[0]", **hearings(("individual", "2026-08-03"))
    )
    assert unknown_docket.status is Standing.UNKNOWN
    assert unknown_docket.depends == ("proceedings.detained", "proceedings.filing_deadline")


@pytest.mark.parametrize("detained", [True, False])
def test_a_judge_deadline_wins_for_both_kinds(detained: bool) -> None:
    found = entries(
        D(2026, 6, 1),
        **hearings(
            ("master", "2026-07-28"),
            ("individual", "2026-08-03"),
            detained=detained,
            filing_deadline="2026-07-10",
        ),
    )
    for key, hearing in (
        ("filing.master_hearing[0]", D(2026, 7, 28)),
        ("filing.individual_hearing[1]", D(2026, 8, 3)),
    ):
        entry = found[key]
        assert entry.date == D(2026, 7, 10), key
        assert entry.status is Standing.UPCOMING
        assert entry.due is not None and entry.due.starts_from == "proceedings.filing_deadline"
        assert entry.due.start == hearing
        assert any("1003.31(c)" in note for note in entry.notes)


def test_unknown_hearing_kind_or_date_is_unknown_with_the_facts_that_fix_it() -> None:
    found = entries(D(2026, 6, 1), **hearings((None, "2026-08-03"), detained=False))
    for key in ("filing.individual_hearing[0]", "filing.master_hearing[0]"):
        assert found[key].status is Standing.UNKNOWN
        assert found[key].depends == ("proceedings.filing_deadline", "proceedings.hearings[0].kind")
    no_date = only(
        D(2026, 6, 1), "filing.individual_hearing[0]", **hearings(("individual", None), detained=False)
    )
    assert no_date.depends == ("proceedings.filing_deadline", "proceedings.hearings[0].date")


# --- appeal.bia ------------------------------------------------------------------------------------


def decision(**fields: Any) -> dict[str, Any]:
    return {"proceedings": {"decision": fields}}


def test_appeal_thirty_days_from_an_oral_decision() -> None:
    entry = only(D(2026, 1, 6), "appeal.bia", **decision(date="2026-01-05", served="oral"))
    assert entry.date == D(2026, 2, 4)
    assert entry.due is not None and entry.due.starts_from == "proceedings.decision.date"
    assert "8 CFR 1003.38(b)–(c)" in entry.citations
    assert any("no mailbox rule" in note for note in entry.notes)


def test_appeal_rolls_forward() -> None:
    entry = only(D(2026, 1, 10), "appeal.bia", **decision(date="2026-01-09", served="oral"))
    assert entry.date == D(2026, 2, 9)  # Sunday February 8 → Monday
    entry = only(
        D(2026, 6, 4),
        "appeal.bia",
        **decision(date="2026-06-03", served="oral", asylum_denied_on_merits=True),
    )
    assert entry.date == D(2026, 7, 6)  # Friday July 3 (observed Independence Day) → Monday


@pytest.mark.parametrize("served", ["mail", "electronic"])
def test_appeal_from_a_written_decision_runs_from_service(served: str) -> None:
    entry = only(
        D(2026, 1, 10), "appeal.bia", **decision(date="2026-01-05", served=served, served_on="2026-01-09")
    )
    assert entry.date == D(2026, 2, 9)
    assert entry.due is not None
    assert entry.due.starts_from == "proceedings.decision.served_on" and entry.due.start == D(2026, 1, 9)
    unserved = only(D(2026, 1, 10), "appeal.bia", **decision(date="2026-01-05", served=served))
    assert unserved.date == D(2026, 2, 4)  # without a service date: the decision date, the earlier day
    assert any("counted from the decision date" in note for note in unserved.notes)


def test_the_2026_interim_rule_boundary() -> None:
    # Vacated on March 8 2026, the day before it would have taken effect, and so contested for decisions
    # from March 9: the earliest defensible date (10 days) is shown and goes to calendars, the 30-day date
    # of 8 CFR 1003.38(b) beside it. A decision of March 8 has 30 days and nothing contested.
    before = only(D(2026, 3, 10), "appeal.bia", **decision(date="2026-03-08", served="oral"))
    after = only(D(2026, 3, 10), "appeal.bia", **decision(date="2026-03-09", served="oral"))
    assert before.date == D(2026, 4, 7)
    assert after.date == D(2026, 3, 19)
    assert after.due is not None and after.due.later == D(2026, 4, 8)
    assert before.to_json(D(2026, 3, 10))["contested"] is False
    assert before.to_json(D(2026, 3, 10))["later_date"] is None
    assert not any("10-day" in note for note in before.notes)
    assert not any(INTERIM_RULE in citation for citation in before.citations)
    assert after.to_json(D(2026, 3, 10))["contested"] is True
    assert after.to_json(D(2026, 3, 10))["later_date"] == "2026-04-08"
    assert any("30 days, to 2026-04-08" in note and "Amica Center" in note for note in after.notes)
    assert any(note.startswith("Contested:") for note in after.notes)
    assert any(INTERIM_RULE in citation for citation in after.citations)


def test_the_interim_rule_note_rolls_its_own_date_and_spares_merits_denials() -> None:
    rolled = only(D(2026, 3, 12), "appeal.bia", **decision(date="2026-03-11", served="oral"))
    assert rolled.date == D(2026, 3, 23)  # Saturday the 21st → Monday
    merits = only(
        D(2026, 3, 10),
        "appeal.bia",
        **decision(date="2026-03-09", served="oral", asylum_denied_on_merits=True),
    )
    assert merits.date == D(2026, 4, 8)
    assert merits.due is not None and merits.due.later is None
    assert any("denied on the merits: 30 days by statute" in note for note in merits.notes)
    assert not any(note.startswith("shown: the 10-day date") for note in merits.notes)
    assert any(note.startswith("Contested:") for note in merits.notes)


def test_appeal_unknown_decision_date() -> None:
    entry = only(D(2026, 3, 10), "appeal.bia", **decision(served="oral"))
    assert entry.status is Standing.UNKNOWN
    assert entry.depends == ("proceedings.decision.date",)
    assert only(D(2026, 3, 10), "appeal.bia").depends == ("proceedings.decision.date",)


def test_dates_before_the_dated_parameters_are_unknown_not_a_crash() -> None:
    """An old case: the 30-day appeal period is dated from 1997-04-01 and the Practice Manual's filing
    default from 2008; before them Withhold does not know the period, and says so."""
    appeal = only(D(2026, 11, 23), "appeal.bia", **decision(date="1995-03-01", served="oral"))
    assert appeal.status is Standing.UNKNOWN and appeal.date is None
    assert any("not in force on 1995-03-01 (in force 1997-04-01 – …)" in note for note in appeal.notes)
    filing = only(
        D(2026, 11, 23),
        "filing.individual_hearing[0]",
        **hearings(("individual", "2005-03-01"), detained=False),
    )
    assert filing.status is Standing.UNKNOWN and filing.date is None
    assert any("not in force on 2005-03-01 (in force 2008-01-01 – …)" in note for note in filing.notes)


# --- after a final order ---------------------------------------------------------------------------


def test_motions_and_petition_from_the_final_order() -> None:
    found = entries(
        D(2026, 6, 10), proceedings={"kind": "removal", "circuit": "9", "final_order_date": "2026-06-03"}
    )
    reconsider, reopen, petition = (
        found["motion.reconsider"],
        found["motion.reopen"],
        found["review.petition"],
    )
    assert reconsider.date == D(2026, 7, 6)  # 30 days: Friday July 3, observed holiday → Monday
    assert petition.date == D(2026, 7, 6)
    assert reopen.date == D(2026, 9, 1)  # 90 days: Tuesday September 1
    for entry in (reconsider, reopen, petition):
        assert entry.due is not None and entry.due.starts_from == "proceedings.final_order_date"
    assert any("changed country conditions" in note for note in reopen.notes)
    assert any("240(c)(7)(C)(ii)" in note for note in reopen.notes)
    assert not any("Riley" in note for note in petition.notes)
    assert "INA 242(b)(1), 8 U.S.C. 1252(b)(1)" in petition.citations


def test_reopen_past_labor_day() -> None:
    entry = only(D(2026, 6, 10), "motion.reopen", proceedings={"final_order_date": "2026-06-09"})
    assert entry.date == D(2026, 9, 8)  # 90 days is Labor Day, Monday September 7


def test_petition_in_a_withholding_only_case_carries_the_riley_note() -> None:
    entry = only(
        D(2026, 6, 10),
        "review.petition",
        proceedings={"kind": "withholding_only", "final_order_date": "2026-06-03"},
    )
    assert any("Riley v. Bondi" in note and "withholding-only" in note for note in entry.notes)


def test_after_final_order_unknown() -> None:
    found = entries(D(2026, 6, 10), proceedings={"kind": "removal"})
    for key in ("motion.reconsider", "motion.reopen", "review.petition"):
        assert found[key].status is Standing.UNKNOWN
        assert found[key].depends == ("proceedings.final_order_date",)


# --- work permit -----------------------------------------------------------------------------------


def test_work_permit_150_and_180_days() -> None:
    entry = only(D(2026, 1, 10), "ead.pending_asylum", asylum={"filed_on": "2026-01-05"}, convictions=[])
    assert entry.date == D(2026, 6, 4)
    assert entry.due is not None and entry.due.kind is Kind.EARLIEST
    assert entry.due.counting == "150 days after 2026-01-05"
    assert "no permit can be granted before 2026-07-04 (180 days)" in entry.notes
    assert not any("aggravated felon" in note for note in entry.notes)
    weekend = only(D(2026, 1, 10), "ead.pending_asylum", asylum={"filed_on": "2026-01-08"}, convictions=[])
    assert weekend.date == D(2026, 6, 7)  # a Sunday, not moved: the earliest day to ask, not a deadline


def test_work_permit_and_aggravated_felonies() -> None:
    felon = only(
        D(2026, 1, 10),
        "ead.pending_asylum",
        asylum={"filed_on": "2026-01-05"},
        convictions=[{"final": True, "aggravated_felony": "B"}],
    )
    assert felon.notes[0].startswith("not available: an aggravated felon")
    unknown_record = only(D(2026, 1, 10), "ead.pending_asylum", asylum={"filed_on": "2026-01-05"})
    assert unknown_record.notes[0].startswith("not available to an aggravated felon")
    assert "check the criminal record" in unknown_record.notes[0]


def test_work_permit_not_filed_or_unknown() -> None:
    assert "ead.pending_asylum" not in entries(D(2026, 1, 10), asylum={"filed_on": None})
    unknown_filing = only(D(2026, 1, 10), "ead.pending_asylum", asylum={})
    assert unknown_filing.status is Standing.UNKNOWN
    assert unknown_filing.depends == ("asylum.filed_on",)


# --- after a grant ---------------------------------------------------------------------------------

AFTER_GRANT = ("asylee.follow_to_join", "asylee.adjustment", "benefits.seven_year")


def after_grant(**fields: Any) -> dict[str, Entry]:
    found = entries(D(2025, 6, 10), **decision(**fields))
    return {key: entry for key, entry in found.items() if key in AFTER_GRANT}


def test_asylum_grant_gives_all_three() -> None:
    found = after_grant(date="2025-06-02", outcome="granted", granted=["asylum"])
    assert found["asylee.follow_to_join"].date == D(2027, 6, 2)
    assert found["asylee.adjustment"].date == D(2026, 6, 2)
    assert found["benefits.seven_year"].date == D(2032, 6, 2)
    kinds = {key: entry.due.kind for key, entry in found.items() if entry.due}
    assert kinds == {
        "asylee.follow_to_join": Kind.DEADLINE,
        "asylee.adjustment": Kind.EARLIEST,
        "benefits.seven_year": Kind.WINDOW_END,
    }
    for entry in found.values():
        assert entry.due is not None and entry.due.starts_from == "proceedings.decision.date"


@pytest.mark.parametrize(
    ("outcome", "granted", "expected"),
    [
        ("granted", ["statutory_withholding"], {"benefits.seven_year"}),
        ("mixed", ["statutory_withholding", "cat_withholding"], {"benefits.seven_year"}),
        ("granted", ["cat_withholding"], set()),
        ("granted", ["cat_deferral"], set()),
        ("denied", [], set()),
        ("denied", None, set()),
        ("mixed", ["asylum", "statutory_withholding"], set(AFTER_GRANT)),
    ],
)
def test_which_protection_was_granted(outcome: str, granted: list[str] | None, expected: set[str]) -> None:
    found = after_grant(date="2025-06-02", outcome=outcome, granted=granted)
    assert set(found) == expected
    assert all(entry.date is not None for entry in found.values())


@pytest.mark.parametrize("outcome", ["granted", "mixed"])
def test_a_grant_of_unknown_protections_is_unknown(outcome: str) -> None:
    found = after_grant(date="2025-06-02", outcome=outcome)
    assert set(found) == set(AFTER_GRANT)
    for entry in found.values():
        assert entry.status is Standing.UNKNOWN
        assert entry.depends == ("proceedings.decision.granted",)


def test_a_decision_without_its_outcome_may_have_granted_and_is_unknown() -> None:
    found = after_grant(date="2025-06-02")
    assert set(found) == set(AFTER_GRANT)
    for entry in found.values():
        assert entry.status is Standing.UNKNOWN
        assert entry.depends == ("proceedings.decision.granted", "proceedings.decision.outcome")


def test_a_grant_on_an_unknown_date_is_unknown() -> None:
    found = after_grant(outcome="granted", granted=["asylum"])
    assert {key: entry.depends for key, entry in found.items()} == dict.fromkeys(
        AFTER_GRANT, ("proceedings.decision.date",)
    )


def test_a_grant_on_a_leap_day() -> None:
    found = after_grant(date="2024-02-29", outcome="granted", granted=["asylum"])
    assert found["asylee.follow_to_join"].date == D(2026, 2, 28)
    assert found["benefits.seven_year"].date == D(2031, 2, 28)


def test_a_recorded_grant_without_an_outcome_still_counts() -> None:
    found = after_grant(date="2025-06-02", granted=["asylum"])
    assert set(found) == set(AFTER_GRANT)


# --- ordering and "soon" ---------------------------------------------------------------------------


def test_ordering_by_date_unknown_last() -> None:
    result = plan(
        D(2026, 11, 23),
        proceedings={
            "detained": False,
            "hearings": [
                {"kind": "individual", "date": "2027-03-15"},
                {"kind": "master", "date": "2026-12-08"},
            ],
            "decision": {"served": "oral"},
        },
        entry={"last_arrival_date": "2022-08-10"},
        asylum={"filed_on": "2024-01-20"},
        convictions=[],
    )
    dated = [entry.date for entry in result.entries if entry.date is not None]
    assert dated == sorted(dated) and len(dated) == 5  # the annual asylum fee (Pub. L. 119-21) among them
    statuses = [entry.status for entry in result.entries]
    first_unknown = statuses.index(Standing.UNKNOWN)
    assert all(status is Standing.UNKNOWN for status in statuses[first_unknown:])
    unknown_keys = [entry.key for entry in result.entries[first_unknown:]]
    assert (
        unknown_keys
        == sorted(unknown_keys)
        == ["appeal.bia", "motion.reconsider", "motion.reopen", "review.petition"]
    )
    assert [entry.key for entry in result.entries[:first_unknown]] == [
        "asylum.one_year",  # 2023-08-10
        "ead.pending_asylum",  # 2024-06-18
        "fee.annual_asylum",  # 2025-01-20: a year after filing, the annual fee can be charged
        "filing.master_hearing[1]",  # 2026-11-23
        "filing.individual_hearing[0]",  # 2027-03-01
    ]
    data = result.to_json()
    assert [item["id"] for item in data] == [entry.id for entry in result.entries]
    assert all(list(item)[:8] == CONTRACT for item in data)


def test_same_day_entries_are_ordered_by_key() -> None:
    result = plan(D(2026, 6, 10), proceedings={"final_order_date": "2026-06-03"})
    same_day = [entry.key for entry in result.entries if entry.date == D(2026, 7, 6)]
    assert same_day == ["motion.reconsider", "review.petition"]


@pytest.mark.parametrize(("days", "soon"), [(0, True), (SOON_DAYS, True), (SOON_DAYS + 1, False)])
def test_soon_is_within_fourteen_days(days: int, soon: bool) -> None:
    assert SOON_DAYS == 14
    due = D(2026, 11, 23)  # 15 days before the Tuesday December 8 hearing
    as_of = due - dt.timedelta(days=days)
    entry = only(
        as_of, "filing.individual_hearing[0]", **hearings(("individual", "2026-12-08"), detained=False)
    )
    assert entry.date == due
    assert entry.days_left(as_of) == days
    assert entry.soon(as_of) is soon
    assert entry.to_json(as_of)["due_soon"] is soon


def test_only_upcoming_entries_are_soon() -> None:
    # Filed before a deadline 5 days away: met, not "due soon".
    entry = only(
        D(2026, 3, 5),
        "asylum.one_year",
        entry={"last_arrival_date": "2025-03-10"},
        asylum={"filed_on": "2025-12-01"},
    )
    assert entry.status is Standing.MET and entry.days_left(D(2026, 3, 5)) == 5
    assert not entry.soon(D(2026, 3, 5))
    past = only(
        D(2026, 11, 24), "filing.master_hearing[0]", **hearings(("master", "2026-12-08"), detained=False)
    )
    assert past.status is Standing.PAST and past.days_left(D(2026, 11, 24)) == -1
    assert not past.soon(D(2026, 11, 24))


# --- issue 13: deadlines a practitioner can trust ------------------------------------------------------


def test_an_unaccompanied_child_has_no_one_year_date_and_is_told_why() -> None:
    # INA 208(a)(2)(E): the deadline does not apply to an unaccompanied child; no date, never "missed".
    entry = only(
        D(2026, 11, 23),
        "asylum.one_year",
        entry={"last_arrival_date": "2024-01-10", "unaccompanied_child": True},
        asylum={"filed_on": None},
    )
    assert entry.status is Standing.EXEMPT
    assert entry.date is None and entry.due is None
    assert any("unaccompanied child" in note and "INA 208(a)(2)(E)" in note for note in entry.notes)
    assert entry.to_json(D(2026, 11, 23))["status"] == "exempt"
    # The same person, not a child: the anniversary, already missed.
    adult = only(
        D(2026, 11, 23),
        "asylum.one_year",
        entry={"last_arrival_date": "2024-01-10", "unaccompanied_child": False},
        asylum={"filed_on": None},
    )
    assert adult.status is Standing.MISSED and adult.date == D(2025, 1, 10)


def test_an_exempt_deadline_goes_to_no_calendar() -> None:
    from withhold.reports.ics import to_ics

    found = plan(
        D(2026, 11, 23),
        entry={"last_arrival_date": "2024-01-10", "unaccompanied_child": True},
        asylum={"filed_on": None},
    )
    assert "asylum.one_year" not in to_ics(found, case_key="k", label="l").decode()


def test_withholding_only_motions_run_from_the_decision_not_the_reinstated_order() -> None:
    # The reinstated order (2024) cannot be reopened (INA 241(a)(5)); the motions ask the judge to revisit
    # the decision on withholding of 2026-11-02 (8 CFR 1003.23): 30 days → Wednesday 2026-12-02; 90 days →
    # Sunday 2027-01-31 → Monday 2027-02-01. The petition for review still runs from the final order
    # (Riley v. Bondi): 2024-05-06 + 30 days → Wednesday 2024-06-05.
    sections = {
        "proceedings": {
            "kind": "withholding_only",
            "reinstated_order": True,
            "final_order_date": "2024-05-06",
            "decision": {"date": "2026-11-02", "served": "oral", "outcome": "denied"},
        }
    }
    found = entries(D(2026, 11, 23), **sections)
    reconsider, reopen, petition = (
        found["motion.reconsider"],
        found["motion.reopen"],
        found["review.petition"],
    )
    assert reconsider.date == D(2026, 12, 2) and reconsider.status is Standing.UPCOMING
    assert reopen.date == D(2027, 2, 1) and reopen.status is Standing.UPCOMING
    assert reconsider.due is not None and reconsider.due.starts_from == "proceedings.decision.date"
    assert any("cannot be reopened (INA 241(a)(5))" in note for note in reopen.notes)
    assert petition.date == D(2024, 6, 5) and petition.status is Standing.PAST
    assert any("Riley v. Bondi" in note for note in petition.notes)
    # In removal proceedings the motions run from the final order, as before.
    removal = entries(
        D(2026, 11, 23),
        proceedings={"kind": "removal", "final_order_date": "2026-11-02", "decision": {"date": "2026-10-01"}},
    )
    assert removal["motion.reconsider"].date == D(2026, 12, 2)
    assert removal["motion.reconsider"].due.starts_from == "proceedings.final_order_date"  # type: ignore[union-attr]


def test_a_judges_deadline_on_a_weekend_or_holiday_moves_to_the_next_business_day() -> None:
    # Practice Manual ch. 3.1(c). Saturday 2027-01-16 → Tuesday 2027-01-19 (Monday the 18th is Martin
    # Luther King Jr. Day).
    entry = only(
        D(2026, 12, 1),
        "filing.individual_hearing[0]",
        **hearings(("individual", "2027-02-01"), filing_deadline="2027-01-16", detained=False),
    )
    assert entry.date == D(2027, 1, 19)
    assert entry.due is not None and "3.1(c)" in entry.due.counting
    weekday = only(
        D(2026, 12, 1),
        "filing.individual_hearing[0]",
        **hearings(("individual", "2027-02-01"), filing_deadline="2027-01-14", detained=False),
    )
    assert weekday.date == D(2027, 1, 14)
