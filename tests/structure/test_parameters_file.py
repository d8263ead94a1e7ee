"""The dated-parameters file is checked as a whole: every parameter has a reference and dated values,
no field is misspelled, and every problem is reported at once."""

from __future__ import annotations

import datetime as dt

import pytest

from withhold.package_data import parse_yaml
from withhold.parameters import _parse


def test_a_well_formed_parameter_is_read_with_its_dates_in_order() -> None:
    found = _parse(
        parse_yaml(
            "example.days:\n"
            "  description: An invented period.\n"
            "  reference: 8 CFR 0.0\n"
            "  values:\n"
            "    2020-01-01: 15\n"
            "    2000-01-01: 30\n"
        )
    )
    parameter = found["example.days"]
    assert parameter.reference == "8 CFR 0.0"
    assert parameter.values == ((dt.date(2000, 1, 1), 30), (dt.date(2020, 1, 1), 15))
    assert parameter.on(dt.date(2010, 6, 1)) == 30


def test_every_problem_is_reported_together() -> None:
    text = (
        "no.reference:\n"
        "  values: {2000-01-01: 1}\n"
        "empty.reference:\n"
        "  reference: ''\n"
        "  values: {2000-01-01: 1}\n"
        "misspelled.field:\n"
        "  reference: INA 1\n"
        "  valeus: {2000-01-01: 1}\n"
        "no.values:\n"
        "  reference: INA 1\n"
        "  values: {}\n"
        "not.a.mapping: 3\n"
    )
    with pytest.raises(ValueError) as raised:
        _parse(parse_yaml(text))
    assert str(raised.value).splitlines() == [
        "parameter no.reference: reference: missing",
        "parameter empty.reference: reference: empty",
        "parameter misspelled.field: valeus: unknown field; expected one of description, reference, values",
        "parameter misspelled.field: values: missing",
        "parameter no.values: values: expected dated values (from-date: value)",
        "parameter not.a.mapping: expected a mapping with description, reference, values",
    ]
