"""The one format for dated data: order checked, the entry in force found by day."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from withhold.logic.dated import Dated, check_timeline, last_before, on, timeline_problems


class Days(Dated):
    value: int


def entry(start: str | None, until: str | None, value: int) -> Days:
    return Days.model_validate(
        {
            "from": start,
            "until": until,
            "value": value,
            "reference": "8 CFR 1003.38(b)",
            "verified_on": "2026-12-07",
        }
    )


def test_the_entry_in_force_on_a_day_and_none_before_or_in_a_gap() -> None:
    timeline = [
        entry("2020-01-01", None, 1),
        entry("2021-01-01", "2021-12-31", 2),
        entry("2023-01-01", None, 3),
    ]
    assert on(timeline, dt.date(2019, 12, 31)) is None
    assert on(timeline, dt.date(2020, 1, 1)) is timeline[0]
    assert on(timeline, dt.date(2020, 12, 31)) is timeline[0]
    assert on(timeline, dt.date(2021, 1, 1)) is timeline[1]
    assert on(timeline, dt.date(2022, 6, 1)) is None
    assert last_before(timeline, dt.date(2022, 6, 1)) is timeline[1]
    assert on(timeline, dt.date(2030, 1, 1)) is timeline[2]


def test_a_timeline_out_of_order_overlapping_or_with_a_gap_is_named_by_entry() -> None:
    assert (
        timeline_problems([entry(None, "2020-12-31", 1), entry("2021-01-01", None, 2)], covering=True) == []
    )
    overlap = timeline_problems([entry(None, "2020-12-31", 1), entry("2020-06-01", None, 2)], covering=True)
    assert overlap and overlap[0].startswith("[1]: from: 2020-06-01")
    gap = timeline_problems([entry(None, "2020-12-31", 1), entry("2021-02-01", None, 2)], covering=True)
    assert gap and "gap" in gap[0]
    assert (
        timeline_problems([entry(None, "2020-12-31", 1), entry("2021-02-01", None, 2)], covering=False) == []
    )
    assert timeline_problems([entry("2021-01-01", None, 1), entry(None, None, 2)], covering=False) == [
        "[1]: from: missing (only the first entry may leave it out)"
    ]


def test_an_entry_ending_before_it_begins_or_without_its_reference_is_refused() -> None:
    with pytest.raises(ValidationError, match="is before from"):
        entry("2021-01-01", "2020-01-01", 1)
    with pytest.raises(ValidationError, match="reference"):
        Days.model_validate({"value": 1, "verified_on": "2026-12-07"})


def test_a_checked_timeline_locates_each_problem_at_its_entry_and_field() -> None:
    timeline = [entry("2020-01-01", "2020-12-31", 1), entry("2021-02-01", "2021-12-31", 2)]
    with pytest.raises(ValidationError) as raised:
        check_timeline(timeline, covering=True, first_from=False, open_end=True)
    found = [(problem["loc"], problem["msg"]) for problem in raised.value.errors()]
    assert [loc for loc, _ in found] == [(0, "from"), (1, "from"), (1, "until")]
    assert "leaves a gap before it" in found[0][1]
    assert "leaves a gap after the previous entry's until (2020-12-31)" in found[1][1]
    assert "leaves a gap after it" in found[2][1]
    # A parameter's first value states its day; without first_from or open_end, the same gap is the one
    # problem.
    with pytest.raises(ValidationError) as raised:
        check_timeline([entry(None, None, 1)], covering=True, first_from=True)
    assert [problem["loc"] for problem in raised.value.errors()] == [(0, "from")]
    with pytest.raises(ValidationError) as raised:
        check_timeline(timeline, covering=True)
    assert [problem["loc"] for problem in raised.value.errors()] == [(1, "from")]
    whole = [entry(None, "2020-12-31", 1), entry("2021-01-01", None, 2)]
    assert check_timeline(whole, covering=True, first_from=False, open_end=True) is whole
