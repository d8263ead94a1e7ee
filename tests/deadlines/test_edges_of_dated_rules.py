"""Edges found in review: leap days for earliest dates, a judge's deadline that is not for a master
hearing, and the court of appeals named in full."""

from __future__ import annotations

import datetime as dt
from typing import Any

from withhold.deadlines.schedule import schedule
from withhold.facts.loading import validate_case

AS_OF = dt.date(2026, 11, 23)


def entries(document: dict[str, Any]) -> dict[str, Any]:
    found = schedule(validate_case({"withhold": "case/1", **document}), AS_OF)
    return {entry.key: entry for entry in found.entries}


def test_earliest_date_after_a_february_29_grant_is_march_1() -> None:
    found = entries(
        {"proceedings": {"decision": {"date": "2024-02-29", "outcome": "granted", "granted": ["asylum"]}}}
    )
    assert found["asylee.adjustment"].date == dt.date(2025, 3, 1)  # never too early
    assert found["asylee.follow_to_join"].date == dt.date(2026, 2, 28)  # never too late


def test_a_judges_deadline_after_the_master_hearing_is_not_that_hearings_deadline() -> None:
    found = entries(
        {
            "proceedings": {
                "kind": "removal",
                "detained": False,
                "filing_deadline": "2027-03-01",
                "hearings": [
                    {"kind": "master", "date": "2027-01-12"},
                    {"kind": "individual", "date": "2027-03-15"},
                ],
            }
        }
    )
    assert found["filing.master_hearing[0]"].date == dt.date(2026, 12, 28)  # 15 days before, the default
    assert found["filing.individual_hearing[1]"].date == dt.date(2027, 3, 1)  # the judge's date wins


def test_petition_for_review_names_the_court() -> None:
    found = entries({"proceedings": {"circuit": "9", "final_order_date": "2026-11-02"}})
    assert any("Court of Appeals for the Ninth Circuit" in note for note in found["review.petition"].notes)
