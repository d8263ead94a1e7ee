"""The rules of other relief: each gives true (the facts point to the relief), unknown (ask) or false (no
pointer), never false for an unknown fact, and nothing before the law it rests on existed; the TPS table is
read for the day and checked on load, each problem named by its period and line.

Every person here is invented."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import pytest

from withhold.facts.loading import validate_case
from withhold.facts.source import CaseFacts
from withhold.law.other_relief import cancellation, designations, juvenile, tps, victims
from withhold.law.other_relief.catalogue import OTHER_RELIEF
from withhold.law.registry import all_rules
from withhold.logic import UNKNOWN, Evaluation, Rule, V
from withhold.package_data import DataFileError, validated
from withhold.parameters import load as load_parameters

AS_OF = dt.date(2026, 11, 23)


def value(rule: Rule, document: dict[str, Any], as_of: dt.date = AS_OF, item: int | None = None) -> V[Any]:
    case = validate_case({"withhold": "case/1", **document})
    return Evaluation(CaseFacts(case), as_of, load_parameters()).evaluate(rule, item)[0]


def test_every_relief_is_a_root_of_the_law() -> None:
    ids = {rule.id for rule in all_rules()}
    assert {rule.id for _, rule in OTHER_RELIEF} <= ids
    assert "other_relief.cancellation.ten_years" in ids


# --- the three values of each top rule --------------------------------------------------------------------

THREE_VALUES = [
    (
        cancellation.cancellation_of_removal,
        {
            "other_relief": {"continuous_presence_since": "2012-01-01"},
            "family": {"spouse": {"nationality": "US"}},
        },
        {"other_relief": {"continuous_presence_since": "2012-01-01"}},
        {
            "other_relief": {"continuous_presence_since": "2020-01-01"},
            "family": {"spouse": {"nationality": "US"}},
        },
    ),
    (
        tps.temporary_protected_status,
        {"person": {"nationality": "LB"}},  # Lebanon: known designated through 2026-11-27
        {"person": {}},
        {"person": {"nationality": "MX"}},
    ),
    (victims.u_visa, {"other_relief": {"crime_victim": True}}, {}, {"other_relief": {"crime_victim": False}}),
    (
        victims.t_visa,
        {"other_relief": {"trafficking_victim": True}},
        {},
        {"other_relief": {"trafficking_victim": False}},
    ),
    (
        juvenile.special_immigrant_juvenile,
        {"person": {"date_of_birth": "2010-01-01"}, "other_relief": {"abused_abandoned_or_neglected": True}},
        {"person": {"date_of_birth": "2010-01-01"}},
        {"person": {"date_of_birth": "2000-01-01"}, "other_relief": {"abused_abandoned_or_neglected": True}},
    ),
    (
        victims.vawa_self_petition,
        {"other_relief": {"abused_by_citizen_or_resident_relative": True}},
        {},
        {"other_relief": {"abused_by_citizen_or_resident_relative": False}},
    ),
]


@pytest.mark.parametrize(
    ("rule", "true", "unknown", "false"), THREE_VALUES, ids=[case[0].id for case in THREE_VALUES]
)
def test_each_relief_is_true_unknown_or_false(
    rule: Rule, true: dict[str, Any], unknown: dict[str, Any], false: dict[str, Any]
) -> None:
    assert value(rule, true).value is True
    found = value(rule, unknown)
    assert found.value is UNKNOWN and found.depends, rule.id
    assert value(rule, false).value is False


def test_with_nothing_known_no_relief_is_ruled_out() -> None:
    for _, rule in OTHER_RELIEF:
        assert value(rule, {}).value is UNKNOWN, rule.id


# --- a rule never applies before the law it rests on -----------------------------------------------------

BEGAN = {
    cancellation.cancellation_of_removal: dt.date(1997, 4, 1),  # IIRIRA § 309(a)
    tps.temporary_protected_status: dt.date(1990, 11, 29),  # Immigration Act of 1990
    victims.u_visa: dt.date(2000, 10, 28),  # VTVPA
    victims.t_visa: dt.date(2000, 10, 28),
    juvenile.special_immigrant_juvenile: dt.date(1997, 11, 26),  # Pub. L. 105-119, § 113
    victims.vawa_self_petition: dt.date(1995, 1, 1),  # VAWA 1994, § 40701
}

EVERYTHING: dict[str, Any] = {
    "person": {"nationality": "SV", "date_of_birth": "1980-01-01"},
    "other_relief": {
        "continuous_presence_since": "1970-01-01",
        "qualifying_relative": True,
        "crime_victim": True,
        "trafficking_victim": True,
        "abused_abandoned_or_neglected": True,
        "abused_by_citizen_or_resident_relative": True,
    },
}


@pytest.mark.parametrize("rule", list(BEGAN), ids=lambda r: r.id)
def test_the_day_before_the_law_began_a_relief_gives_no_pointer(rule: Rule) -> None:
    began = BEGAN[rule]
    assert rule.began == began
    assert value(rule, EVERYTHING, began - dt.timedelta(days=1)).value is False
    on_the_day = value(rule, EVERYTHING, began)
    # TPS needs a designation in force: El Salvador's began in 2001.
    assert on_the_day.value is (rule is not tps.temporary_protected_status)


def test_tps_is_read_from_the_first_day_of_a_designation() -> None:
    assert value(tps.temporary_protected_status, EVERYTHING, dt.date(2001, 3, 8)).value is False
    assert value(tps.temporary_protected_status, EVERYTHING, dt.date(2001, 3, 9)).value is True


# --- the sub-rules the flags' sentences come from ---------------------------------------------------------


def test_ten_years_of_presence_count_anniversaries_and_use_the_parameter() -> None:
    recorded = {"other_relief": {"continuous_presence_since": "2016-02-29"}}
    assert value(cancellation.ten_years, recorded, dt.date(2026, 2, 28)).value is False
    assert value(cancellation.ten_years, recorded, dt.date(2026, 3, 1)).value is True
    assert value(cancellation.years_present, recorded, dt.date(2026, 3, 1)).value == 10


def test_the_last_arrival_shows_presence_only_as_a_lower_bound() -> None:
    long_ago = {"entry": {"last_arrival_date": "2010-01-01"}}
    recent = {"entry": {"last_arrival_date": "2020-01-01"}}
    assert value(cancellation.ten_years, long_ago).value is True
    found = value(cancellation.ten_years, recent)
    assert found.value is UNKNOWN
    assert found.depends == {"other_relief.continuous_presence_since"}
    # A recorded start decides over the last arrival.
    both = {**long_ago, "other_relief": {"continuous_presence_since": "2020-01-01"}}
    assert value(cancellation.ten_years, both).value is False


@pytest.mark.parametrize(
    ("child", "expected"),
    [
        ({"nationality": "US"}, True),
        ({"nationality": "US", "date_of_birth": "2010-05-01", "married": False}, True),
        ({"nationality": "US", "date_of_birth": "2005-11-23"}, False),  # 21 on the day
        ({"nationality": "US", "date_of_birth": "2005-11-24"}, True),  # 21 the next day
        ({"nationality": "US", "married": True}, False),
        ({"nationality": "MX"}, False),
        ({}, UNKNOWN),
    ],
)
def test_a_citizen_child_is_unmarried_and_under_21_as_far_as_the_case_shows(
    child: dict[str, Any], expected: Any
) -> None:
    document = {"family": {"children": [child]}}
    assert value(cancellation.citizen_child, document, item=0).value is expected


def test_the_reported_relative_decides_unless_a_citizen_relative_shows_one() -> None:
    rule = cancellation.qualifying_relative
    assert value(rule, {"other_relief": {"qualifying_relative": False}}).value is False
    spouse = {"family": {"spouse": {"nationality": "US"}}, "other_relief": {"qualifying_relative": False}}
    assert value(rule, spouse).value is True
    unknown_spouse = {"family": {"spouse": {}}}
    assert value(rule, unknown_spouse).depends == {"other_relief.qualifying_relative"}
    no_children = {"family": {"children": []}, "other_relief": {"qualifying_relative": True}}
    assert value(rule, no_children).value is True


def test_sij_under_21_until_the_day_before_the_21st_birthday() -> None:
    born = {"person": {"date_of_birth": "2004-02-29"}}
    assert value(juvenile.turns_21, born).value == dt.date(2025, 3, 1)
    assert value(juvenile.under_21, born, dt.date(2025, 2, 28)).value is True
    assert value(juvenile.under_21, born, dt.date(2025, 3, 1)).value is False
    assert value(juvenile.under_21, {}).depends == {"person.date_of_birth"}


def test_tps_reads_the_last_habitual_residence_of_a_stateless_person() -> None:
    stateless = {"person": {"nationality": "MX", "stateless": True, "last_habitual_residence": "SY"}}
    assert value(tps.country, stateless).value == "SY"
    assert value(tps.country, {"person": {"nationality": "MX", "stateless": False}}).value == "MX"
    missing = value(tps.country, {"person": {"stateless": True}})
    assert missing.depends == {"person.last_habitual_residence"}


@pytest.mark.parametrize(
    ("day", "status", "relief"),
    [
        (dt.date(2026, 2, 3), "designated", True),
        (dt.date(2026, 2, 4), "termination_blocked", True),
        (dt.date(2026, 6, 25), "terminated", UNKNOWN),  # ask whether the person held TPS
        (dt.date(2026, 7, 3), UNKNOWN, UNKNOWN),  # past the data known: never a guess
        (dt.date(2010, 1, 20), tps.NOT_DESIGNATED, False),
    ],
)
def test_haiti_is_read_for_the_day(day: dt.date, status: Any, relief: Any) -> None:
    document = {"person": {"nationality": "HT"}}
    assert value(tps.status, document, day).value == status
    assert value(tps.temporary_protected_status, document, day).value is relief


# --- the TPS table ---------------------------------------------------------------------------------------


def tps_text() -> str:
    return resources.files("withhold.law.other_relief").joinpath("tps.yaml").read_text(encoding="utf-8")


def test_the_table_is_dated_data_with_a_reference_on_every_period() -> None:
    table = designations.designations()
    for code, country in table.countries.items():
        assert country.periods[0].start is not None, code
        for period in country.periods:
            assert period.reference and period.verified_on <= dt.date(2026, 12, 7), code


def test_a_period_out_of_order_is_named_by_its_country_index_and_line() -> None:
    text = tps_text()
    lines = text.splitlines()
    haiti = lines.index("  HT:")
    second = next(i for i in range(haiti, len(lines)) if lines[i] == "      - from: 2026-02-04")
    bad = text.replace("      - from: 2026-02-04\n", "      - from: 2026-01-04\n", 1)
    with pytest.raises(DataFileError) as raised:
        validated(designations.TpsTable, bad, "tps.yaml")
    assert raised.value.problems == (
        "countries.HT.periods.1.from: 2026-01-04 is not after the previous entry's until (2026-02-03); "
        f"list entries in order, without overlap (line {second + 1})",
    )


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("status: designated", "status: extended", r"countries\.AF\.periods\.0\.status: "),
        ("confidence: verified", "confidence: official", r"countries\.AF\.periods\.0\.confidence: "),
        ("        verified_on: 2026-11-23\n", "", r"countries\.AF\.periods\.0\.verified_on: missing"),
        ("  AF:", "  Af:", r"countries\.Af\.\[key\]: |countries\.Af: "),
        ("        until: 2025-07-14\n", "", r"countries\.AF\.periods\.0\.until: missing"),
    ],
    ids=["unknown status", "old confidence word", "never checked", "not a country code", "no until"],
)
def test_a_bad_period_is_named_by_its_path(old: str, new: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=problem):
        validated(designations.TpsTable, tps_text().replace(old, new, 1), "tps.yaml")
