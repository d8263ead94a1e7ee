"""The dated-parameters file is checked as a whole: every parameter has a reference and dated values, every
value the day its source was last checked, no field is misspelled, and every problem is reported at once."""

from __future__ import annotations

import datetime as dt

import pytest

from withhold.package_data import parse_yaml
from withhold.parameters import _parse, load


def test_a_well_formed_parameter_is_read_with_its_dates_in_order() -> None:
    found = _parse(
        parse_yaml(
            "example.days:\n"
            "  description: An invented period.\n"
            "  reference: 8 CFR 0.0\n"
            "  unit: day\n"
            "  values:\n"
            "    2020-01-01: {value: 15, verified_on: 2026-12-01, reference: 99 FR 1 (2020)}\n"
            "    2000-01-01: {value: 30, verified_on: 2026-11-01}\n"
        )
    )
    parameter = found["example.days"]
    assert parameter.reference == "8 CFR 0.0"
    assert [(v.start, v.value) for v in parameter.values] == [
        (dt.date(2000, 1, 1), 30),
        (dt.date(2020, 1, 1), 15),
    ]
    assert parameter.on(dt.date(2010, 6, 1)) == 30
    # A value names its own source where it has one; otherwise the parameter's reference is its source.
    assert parameter.entry_on(dt.date(2021, 1, 1)).reference == "99 FR 1 (2020)"
    assert parameter.entry_on(dt.date(2010, 1, 1)).reference == "8 CFR 0.0"
    assert parameter.entry_on(dt.date(2010, 1, 1)).verified_on == dt.date(2026, 11, 1)
    with pytest.raises(LookupError):
        parameter.on(dt.date(1999, 12, 31))


def test_every_problem_is_reported_together_with_its_path() -> None:
    text = (
        "no.reference:\n"
        "  description: d\n"
        "  values: {2000-01-01: {value: 1, verified_on: 2026-01-01}}\n"
        "empty.reference:\n"
        "  description: d\n"
        "  reference: ''\n"
        "  values: {2000-01-01: {value: 1, verified_on: 2026-01-01}}\n"
        "misspelled.field:\n"
        "  description: d\n"
        "  reference: INA 1\n"
        "  valeus: {2000-01-01: {value: 1, verified_on: 2026-01-01}}\n"
        "no.values:\n"
        "  description: d\n"
        "  reference: INA 1\n"
        "  values: {}\n"
        "never.checked:\n"
        "  description: d\n"
        "  reference: INA 1\n"
        "  values: {2000-01-01: {value: 1}}\n"
        "not.a.mapping: 3\n"
    )
    with pytest.raises(ValueError) as raised:
        _parse(parse_yaml(text))
    lines = str(raised.value).splitlines()
    assert "parameter no.reference: reference: missing" in lines
    assert any(line.startswith("parameter empty.reference: reference: ") for line in lines)
    assert "parameter misspelled.field: values: missing" in lines
    assert "parameter misspelled.field: valeus: unknown field" in lines
    assert any(line.startswith("parameter no.values: values: ") for line in lines)
    assert "parameter never.checked: values: 2000-01-01: verified_on: missing" in lines
    assert any(line.startswith("parameter not.a.mapping: ") for line in lines)
    assert len(lines) == 7


def test_the_shipped_file_has_a_checked_date_on_every_value_and_none_in_the_future() -> None:
    for parameter in load().all.values():
        for entry in parameter.values:
            assert entry.verified_on <= dt.datetime.now(dt.UTC).date(), (parameter.name, entry.start)
            assert entry.reference.strip(), (parameter.name, entry.start)
