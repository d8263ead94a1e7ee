"""The dated-parameters file is checked as a whole: every parameter has a reference and dated values, every
value its own reference and the day its source was last checked, the values in order without overlap or
gap, no field misspelled, and every problem reported at once with its path and line."""

from __future__ import annotations

import datetime as dt

import pytest

from withhold.package_data import DataFileError
from withhold.parameters import load, parse_text


def value(start: str, number: int, *, reference: str = "8 CFR 0.0", extra: str = "") -> str:
    return (
        f"    - from: {start}\n"
        f"      value: {number}\n"
        f"      reference: {reference}\n"
        "      verified_on: 2026-11-01\n" + extra
    )


def parameter(name: str, *values: str) -> str:
    return (
        f"{name}:\n  description: An invented period.\n  reference: 8 CFR 0.0\n  unit: day\n  values:\n"
        + "".join(values)
    )


def test_a_well_formed_parameter_is_read_with_its_dates_in_order() -> None:
    found = parse_text(
        parameter(
            "example.days",
            value("2000-01-01", 30),
            value("2020-01-01", 15, reference="99 FR 1 (2020)", extra="      confidence: secondary\n"),
        )
    )
    parameter_read = found.all["example.days"]
    assert parameter_read.reference == "8 CFR 0.0"
    assert [(v.start, v.value) for v in parameter_read.values] == [
        (dt.date(2000, 1, 1), 30),
        (dt.date(2020, 1, 1), 15),
    ]
    assert parameter_read.on(dt.date(2010, 6, 1)) == 30
    # Each value names its own source.
    assert parameter_read.entry_on(dt.date(2021, 1, 1)).reference == "99 FR 1 (2020)"
    assert parameter_read.entry_on(dt.date(2021, 1, 1)).confidence == "secondary"
    assert parameter_read.entry_on(dt.date(2010, 1, 1)).reference == "8 CFR 0.0"
    assert parameter_read.entry_on(dt.date(2010, 1, 1)).verified_on == dt.date(2026, 11, 1)
    assert found.value("example.days", dt.date(2020, 1, 1)) == (15, "99 FR 1 (2020)")
    with pytest.raises(LookupError):
        parameter_read.on(dt.date(1999, 12, 31))


def test_a_table_by_country_is_kept_as_sorted_pairs() -> None:
    found = parse_text(
        "agreements:\n  description: d\n  reference: INA 1\n  unit: countries\n  values:\n"
        "    - {from: 2019-07-26, value: {SV: null, GT: true}, reference: INA 1, verified_on: 2026-12-07}\n"
    )
    assert found.value("agreements", dt.date(2020, 1, 1))[0] == (("GT", True), ("SV", None))


def test_every_problem_is_reported_together_with_its_parameter_entry_field_and_line() -> None:
    text = (
        "no.reference:\n"  # line 1
        "  description: d\n"
        "  values: [{from: 2000-01-01, value: 1, reference: INA 1, verified_on: 2026-01-01}]\n"
        "misspelled.field:\n"  # line 4
        "  description: d\n"
        "  reference: INA 1\n"
        "  valeus: []\n"
        "no.values:\n"  # line 8
        "  description: d\n"
        "  reference: INA 1\n"
        "  values: []\n"
        "bad.entries:\n"  # line 12
        "  description: d\n"
        "  reference: INA 1\n"
        "  values:\n"
        "    - from: 2000-01-01\n"  # line 16: entry 0
        "      value: 1\n"
        "      verified_on: 2026-01-01\n"
        "    - from: 2001-01-01\n"  # line 19: entry 1
        "      value: 2\n"
        "      reference: ''\n"  # line 21
        "      confidence: certain\n"  # line 22
        "      verified_on: 2026-01-01\n"
        "not.a.mapping: 3\n"  # line 24
    )
    with pytest.raises(DataFileError) as raised:
        parse_text(text)
    problems = raised.value.problems
    assert "no.reference: reference: missing (line 1)" in problems
    assert "misspelled.field: values: missing (line 4)" in problems
    assert "misspelled.field: valeus: unknown field (line 7)" in problems
    assert any(p.startswith("no.values: values: ") and p.endswith("(line 11)") for p in problems)
    assert "bad.entries: values.0.reference: missing (line 16)" in problems
    assert any(
        p.startswith("bad.entries: values.1.reference: ") and p.endswith("(line 21)") for p in problems
    )
    assert any(
        p.startswith("bad.entries: values.1.confidence: ") and p.endswith("(line 22)") for p in problems
    )
    assert any(p.startswith("not.a.mapping: ") and p.endswith("(line 24)") for p in problems)
    assert len(problems) == 8


def test_values_out_of_order_overlapping_with_a_gap_or_undated_are_named_by_entry_and_line() -> None:
    text = parameter(
        "example.days",
        value("1990-01-01", 1, extra="      until: 2000-01-01\n"),  # lines 6-10
        value("2000-01-01", 2, extra="      until: 2001-01-01\n"),  # line 11: overlaps the one before
        value("2001-01-03", 3, extra="      until: 2001-01-08\n"),  # line 16: a gap before it, and after
    )
    with pytest.raises(DataFileError) as raised:
        parse_text(text)
    problems = raised.value.problems
    assert problems[0].startswith("example.days: values.1.from: 2000-01-01 is not after the previous entry")
    assert problems[0].endswith("(line 11)")
    assert problems[1].startswith("example.days: values.2.from: 2001-01-03 leaves a gap")
    assert problems[1].endswith("(line 16)")
    assert problems[2].startswith("example.days: values.2.until: 2001-01-08 leaves a gap after it")
    assert len(problems) == 3
    undated = parameter("example.days", value("1990-01-01", 1).replace("- from: 1990-01-01\n     ", "-"))
    with pytest.raises(DataFileError, match=r"example.days: values.0.from: missing \(line 6\)"):
        parse_text(undated)


def test_the_shipped_file_has_a_checked_date_on_every_value_and_none_in_the_future() -> None:
    for parameter_read in load().all.values():
        for entry in parameter_read.values:
            assert entry.verified_on <= dt.datetime.now(dt.UTC).date(), (parameter_read.name, entry.start)
            assert entry.reference.strip(), (parameter_read.name, entry.start)
