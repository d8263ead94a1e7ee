"""Date warnings (``facts.consistency.check``): each check fires on a case that triggers it, names the
field, and stays silent on a clean case."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from withhold.facts.consistency import check
from withhold.facts.loading import CaseFileError, parse_case, validate_case

AS_OF = dt.date(2026, 11, 23)

# Every date the checks read, all consistent with each other and with the evaluation date.
CLEAN: dict[str, Any] = {
    "withhold": "case/1",
    "person": {"date_of_birth": "1990-05-01"},
    "entry": {"last_arrival_date": "2022-08-10"},
    "asylum": {"filed_on": "2023-03-01"},
    "convictions": [{"offense": "invented offense", "date": "2023-06-01"}],
    "proceedings": {
        "hearings": [
            {"kind": "master", "date": "2023-09-01"},
            {"kind": "individual", "date": "2026-02-02"},
            {"kind": "master", "date": "2026-12-08"},  # a master hearing after the decision is fine
        ],
        "filing_deadline": "2026-01-15",
        "decision": {"date": "2026-02-02", "served": "mail", "served_on": "2026-02-05"},
        "final_order_date": "2026-03-10",
    },
}


def issues(document: dict[str, Any], as_of: dt.date = AS_OF) -> list[tuple[str, str]]:
    return [(issue.path, issue.message) for issue in check(validate_case(document), as_of)]


def changed(path: str, value: Any) -> dict[str, Any]:
    """CLEAN with one value replaced (``proceedings.hearings.1.date``)."""
    document = copy.deepcopy(CLEAN)
    node: Any = document
    *parents, last = path.split(".")
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value
    return document


def test_a_clean_case_has_no_warnings() -> None:
    assert issues(CLEAN) == []
    assert issues({"withhold": "case/1"}) == []  # nothing known: nothing to contradict
    assert issues(changed("asylum.filed_on", None)) == []  # "not filed yet" is an answer, not a date


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("entry.last_arrival_date", "entry.last_arrival_date"),
        ("asylum.filed_on", "asylum.filed_on"),
        ("person.date_of_birth", "person.date_of_birth"),
        ("proceedings.decision.date", "proceedings.decision.date"),
        ("proceedings.decision.served_on", "proceedings.decision.served_on"),
        ("proceedings.final_order_date", "proceedings.final_order_date"),
        ("convictions.0.date", "convictions[0].date"),
    ],
)
def test_a_date_that_must_be_past_is_in_the_future(path: str, field: str) -> None:
    found = issues(changed(path, "2026-12-01"))
    assert (field, "2026-12-01 is after the evaluation date 2026-11-23; it must be in the past") in found
    on_the_day = issues(changed(path, "2026-11-23"))  # the evaluation date itself is not the future
    assert not any("evaluation date" in message for _, message in on_the_day)


def test_born_after_arriving() -> None:
    assert ("person.date_of_birth", "is after entry.last_arrival_date") in issues(
        changed("person.date_of_birth", "2022-09-01")
    )


def test_filed_before_the_last_arrival() -> None:
    found = issues(changed("asylum.filed_on", "2022-01-05"))
    assert [path for path, _ in found] == ["asylum.filed_on"]
    assert "is before entry.last_arrival_date (2022-08-10)" in found[0][1]
    assert "F-P-R-" in found[0][1]


def test_a_decision_before_the_last_arrival() -> None:
    document = changed("proceedings.decision.date", "2022-01-05")
    document["proceedings"]["hearings"] = []  # keep the other checks quiet
    assert ("proceedings.decision.date", "is before entry.last_arrival_date (2022-08-10)") in issues(document)


def test_served_before_decided() -> None:
    assert ("proceedings.decision.served_on", "is before proceedings.decision.date") in issues(
        changed("proceedings.decision.served_on", "2026-02-01")
    )


def test_final_before_decided() -> None:
    assert ("proceedings.final_order_date", "is before proceedings.decision.date") in issues(
        changed("proceedings.final_order_date", "2026-01-20")
    )


def test_a_hearing_before_the_case_began() -> None:
    found = issues(changed("proceedings.hearings.0.date", "2022-03-01"))
    assert (
        "proceedings.hearings[0].date",
        "is before entry.last_arrival_date (2022-08-10): a hearing before the case began",
    ) in found


def test_an_individual_hearing_after_the_decision() -> None:
    found = issues(changed("proceedings.hearings.1.date", "2026-12-15"))
    assert [path for path, _ in found] == ["proceedings.hearings[1].date"]
    assert "after proceedings.decision.date" in found[0][1]


def test_a_judge_deadline_after_the_individual_hearing() -> None:
    found = issues(changed("proceedings.filing_deadline", "2026-02-10"))
    assert found == [
        (
            "proceedings.filing_deadline",
            "is after the individual hearing proceedings.hearings[1].date (2026-02-02)",
        )
    ]


def test_every_warning_names_a_field_of_the_case() -> None:
    everything = copy.deepcopy(CLEAN)
    everything["entry"]["last_arrival_date"] = "2026-12-01"
    found = issues(everything)
    assert len(found) >= 4
    assert all(path and not path.startswith(" ") for path, _ in found)


def test_an_impossible_date_is_a_case_file_error_naming_the_field() -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case("withhold: case/1\nproceedings: {decision: {date: 2026-02-30}}\n", "yaml")
    assert "proceedings.decision.date" in str(raised.value)


def test_in_withholding_only_proceedings_a_final_order_before_the_decision_is_expected() -> None:
    # The final order is the reinstated or administrative one, which precedes the decision on withholding,
    # and the petition for review runs from it (Riley v. Bondi, 2025): no warning, or a user who "fixes"
    # the date would get the petition-for-review deadline wrong.
    document = copy.deepcopy(CLEAN)
    document["proceedings"]["kind"] = "withholding_only"
    document["proceedings"]["final_order_date"] = "2025-11-03"
    assert issues(document) == []
    document["proceedings"]["kind"] = "removal"
    assert ("proceedings.final_order_date", "is before proceedings.decision.date") in issues(document)
