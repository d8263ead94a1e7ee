"""Other relief to look into: each flag raised by its facts, kept quiet only by a recorded ``false`` (or a
date that rules it out), asked about when the deciding fact is unknown; TPS read from dated designations;
both languages; the texts checked on load. (The rules themselves: tests/law/test_other_relief_rules.py.)

Every person here is invented."""

from __future__ import annotations

import copy
import datetime as dt
import re
from importlib import resources
from typing import Any

import pytest
import yaml

from withhold.facts.loading import validate_case
from withhold.facts.paths import catalogue, generic
from withhold.language import LANGUAGES
from withhold.law.other_relief import designations
from withhold.law.time.anniversaries import anniversary, full_years
from withhold.package_data import DataFileError, read_yaml, validated
from withhold.preparation.other_relief import (
    STATES,
    Flags,
    ReliefFlag,
    ReliefTexts,
    load,
    other_relief,
)

FLAGS = set(Flags.model_fields)

AS_OF = dt.date(2026, 11, 23)
AUTHORITY = re.compile(r"INA |CFR|U\.S\.C\.|U\.S\. ")


def flags_for(document: dict[str, Any], as_of: dt.date = AS_OF) -> dict[str, ReliefFlag]:
    case = validate_case({"withhold": "case/1", **document})
    return {f.id: f for f in other_relief(case, as_of)}


def raw_data() -> dict[str, Any]:
    data: dict[str, Any] = read_yaml("withhold.preparation", "other_relief.yaml")
    return data


def parse(raw: dict[str, Any]) -> ReliefTexts:
    return validated(ReliefTexts, yaml.safe_dump(raw, allow_unicode=True), "other_relief.yaml")


# --- an unknown fact is asked about, never dropped -------------------------------------------------


def test_with_nothing_known_every_flag_asks() -> None:
    flags = flags_for({})
    assert set(flags) == FLAGS
    assert {f.state for f in flags.values()} == {"ask"}


def test_indicated_flags_come_before_the_questions() -> None:
    case = validate_case({"withhold": "case/1", "other_relief": {"trafficking_victim": True}})
    states = [f.state for f in other_relief(case, AS_OF)]
    assert states == sorted(states, key=STATES.index)
    assert states[0] == "indicated"


# --- U visa, T visa, VAWA ---------------------------------------------------------------------------

REPORTED = [
    ("u_visa", "crime_victim"),
    ("t_visa", "trafficking_victim"),
    ("vawa_self_petition", "abused_by_citizen_or_resident_relative"),
]


@pytest.mark.parametrize(("flag", "fact"), REPORTED)
def test_a_reported_fact_indicates_the_relief(flag: str, fact: str) -> None:
    found = flags_for({"other_relief": {fact: True}})[flag]
    assert found.state == "indicated"
    assert found.raised_by == (f"other_relief.{fact}",)
    assert "The case records" in found.why.en


@pytest.mark.parametrize(("flag", "fact"), REPORTED)
def test_an_unknown_fact_asks(flag: str, fact: str) -> None:
    found = flags_for({})[flag]
    assert found.state == "ask"
    assert found.why.en.startswith("Ask ")
    assert found.why.es.startswith("Pregunte ")


@pytest.mark.parametrize(("flag", "fact"), REPORTED)
def test_a_recorded_no_keeps_the_flag_quiet(flag: str, fact: str) -> None:
    assert flag not in flags_for({"other_relief": {fact: False}})


# --- special immigrant juvenile: under 21 on the day -----------------------------------------------


def sij(birth: str | None, abuse: bool | None, as_of: dt.date) -> ReliefFlag | None:
    document: dict[str, Any] = {
        "other_relief": {} if abuse is None else {"abused_abandoned_or_neglected": abuse}
    }
    if birth is not None:
        document["person"] = {"date_of_birth": birth}
    return flags_for(document, as_of).get("special_immigrant_juvenile")


def test_sij_at_20_years_364_days_is_indicated_with_the_last_day() -> None:
    found = sij("2005-06-15", True, dt.date(2026, 6, 14))
    assert found is not None and found.state == "indicated"
    assert "turns 21 on 2026-06-15" in found.why.en
    assert "cumple 21 el 2026-06-15" in found.why.es


def test_sij_on_the_21st_birthday_is_not_raised() -> None:
    assert sij("2005-06-15", True, dt.date(2026, 6, 15)) is None


def test_someone_born_on_february_29_is_under_21_until_march_1() -> None:
    assert anniversary(dt.date(2004, 2, 29), 21) == dt.date(2025, 3, 1)
    found = sij("2004-02-29", True, dt.date(2025, 2, 28))
    assert found is not None and found.state == "indicated"
    assert sij("2004-02-29", True, dt.date(2025, 3, 1)) is None


def test_sij_with_an_unknown_date_of_birth_asks_for_it() -> None:
    found = sij(None, True, AS_OF)
    assert found is not None and found.state == "ask"
    assert "date of birth" in found.why.en
    assert "fecha de nacimiento" in found.why.es


def test_sij_under_21_with_abuse_unknown_asks_about_it() -> None:
    found = sij("2010-01-01", None, AS_OF)
    assert found is not None and found.state == "ask"
    assert "turns 21 on 2031-01-01" in found.why.en
    assert "abused, abandoned or neglected" in found.why.en


def test_sij_with_abuse_recorded_as_no_is_not_raised() -> None:
    assert sij("2010-01-01", False, AS_OF) is None


# --- cancellation of removal: ten years and a qualifying relative -----------------------------------

CITIZEN_SPOUSE = {"spouse": {"nationality": "US"}}


def cancellation(document: dict[str, Any], as_of: dt.date = AS_OF) -> ReliefFlag | None:
    return flags_for(document, as_of).get("cancellation_of_removal")


def test_exactly_ten_years_of_presence_with_a_citizen_spouse_is_indicated() -> None:
    document = {"other_relief": {"continuous_presence_since": "2016-11-23"}, "family": CITIZEN_SPOUSE}
    found = cancellation(document, dt.date(2026, 11, 23))
    assert found is not None and found.state == "indicated"
    assert "since 2016-11-23: 10 years on 2026-11-23" in found.why.en
    assert "The spouse is a US citizen." in found.why.en
    assert found.raised_by == ("other_relief.continuous_presence_since", "family.spouse.nationality")


def test_one_day_short_of_ten_years_is_not_raised() -> None:
    document = {"other_relief": {"continuous_presence_since": "2016-11-23"}, "family": CITIZEN_SPOUSE}
    assert cancellation(document, dt.date(2026, 11, 22)) is None


def test_ten_years_since_the_last_arrival_is_a_lower_bound() -> None:
    document = {"entry": {"last_arrival_date": "2016-11-23"}, "other_relief": {"qualifying_relative": True}}
    found = cancellation(document, dt.date(2026, 11, 23))
    assert found is not None and found.state == "indicated"
    assert "at least 10 years" in found.why.en


def test_a_recent_last_arrival_leaves_presence_open() -> None:
    document = {"entry": {"last_arrival_date": "2020-01-01"}, "other_relief": {"qualifying_relative": True}}
    found = cancellation(document)
    assert found is not None and found.state == "ask"
    assert "Ask since when the person has lived in the US" in found.why.en
    assert "other_relief.continuous_presence_since" in found.raised_by


def test_a_citizen_child_under_21_is_a_qualifying_relative() -> None:
    document = {
        "other_relief": {"continuous_presence_since": "2012-03-01"},
        "family": {"children": [{"nationality": "MX"}, {"nationality": "US", "date_of_birth": "2015-02-01"}]},
    }
    found = cancellation(document)
    assert found is not None and found.state == "indicated"
    assert "family.children[1].nationality" in found.raised_by


@pytest.mark.parametrize(
    "child",
    [{"nationality": "US", "date_of_birth": "2000-02-01"}, {"nationality": "US", "married": True}],
    ids=["over 21", "married"],
)
def test_a_citizen_son_or_daughter_who_is_not_a_child_does_not_count(child: dict[str, Any]) -> None:
    document = {"other_relief": {"continuous_presence_since": "2012-03-01"}, "family": {"children": [child]}}
    found = cancellation(document)
    assert found is not None and found.state == "ask"
    assert "spouse, parent or child who is a US citizen or permanent resident" in found.why.en


def test_no_qualifying_relative_recorded_keeps_it_quiet() -> None:
    document = {"other_relief": {"continuous_presence_since": "2012-03-01", "qualifying_relative": False}}
    assert cancellation(document) is None


def test_fewer_than_ten_years_recorded_keeps_it_quiet() -> None:
    document = {"other_relief": {"continuous_presence_since": "2020-03-01"}, "family": CITIZEN_SPOUSE}
    assert cancellation(document) is None


def test_full_years_count_anniversaries() -> None:
    assert full_years(dt.date(2016, 11, 23), dt.date(2026, 11, 23)) == 10
    assert full_years(dt.date(2016, 11, 23), dt.date(2026, 11, 22)) == 9
    assert full_years(dt.date(2016, 2, 29), dt.date(2026, 2, 28)) == 9
    assert full_years(dt.date(2016, 2, 29), dt.date(2026, 3, 1)) == 10


# --- Temporary Protected Status ---------------------------------------------------------------------


def tps(nationality: str | None, as_of: dt.date, **person: Any) -> ReliefFlag | None:
    facts = dict(person)
    if nationality is not None:
        facts["nationality"] = nationality
    return flags_for({"person": facts}, as_of).get("temporary_protected_status")


def test_a_designated_country_is_indicated_and_volatile() -> None:
    found = tps("SV", dt.date(2026, 1, 15))
    assert found is not None and found.state == "indicated" and found.volatile
    assert "in effect on 2026-01-15, through 2026-09-09" in found.why.en
    assert "uscis.gov/tps" in found.why.en and "uscis.gov/tps" in found.why.es
    assert "FR Doc. 2025-00626" in found.authority


def test_past_the_data_the_flag_asks_to_check_rather_than_assert() -> None:
    found = tps("SV", dt.date(2026, 9, 10))
    assert found is not None and found.state == "ask"
    assert "ends on 2026-09-09" in found.why.en
    assert "Check the current designation at uscis.gov/tps" in found.why.en


@pytest.mark.parametrize(
    ("day", "state", "text"),
    [
        (dt.date(2026, 2, 3), "indicated", "is in effect on 2026-02-03"),
        (dt.date(2026, 2, 4), "indicated", "because a court blocked its termination"),
        (dt.date(2026, 6, 25), "ask", "was terminated"),
        (dt.date(2026, 7, 3), "ask", "ends on 2026-07-02"),
    ],
)
def test_haiti_is_read_for_the_day(day: dt.date, state: str, text: str) -> None:
    found = tps("HT", day)
    assert found is not None and found.state == state
    assert text in found.why.en


def test_a_terminated_designation_asks_whether_the_person_held_tps() -> None:
    found = tps("AF", dt.date(2026, 1, 1))
    assert found is not None and found.state == "ask"
    assert "Ask whether the person ever held or applied for TPS" in found.why.en
    assert "90 FR 20309" in found.authority


def test_a_country_never_designated_raises_nothing() -> None:
    assert tps("MX", AS_OF) is None


def test_before_a_designation_began_it_raises_nothing() -> None:
    assert tps("LB", dt.date(2024, 11, 26)) is None
    assert tps("LB", dt.date(2024, 11, 27)) is not None


def test_an_unknown_nationality_asks() -> None:
    found = tps(None, AS_OF)
    assert found is not None and found.state == "ask"
    assert found.raised_by == ("person.nationality",)


def test_a_stateless_person_is_read_by_last_habitual_residence() -> None:
    found = tps(None, dt.date(2026, 1, 1), stateless=True, last_habitual_residence="SY")
    assert found is not None and found.state == "indicated"
    assert "Syria" in found.why.en and "Siria" in found.why.es
    assert found.raised_by == ("person.stateless", "person.last_habitual_residence")


@pytest.fixture
def invented_country(monkeypatch: pytest.MonkeyPatch) -> None:
    """The TPS table with one invented country (ZZ) whose periods are :data:`DATED`."""
    note = {"en": "invented period", "es": "período inventado"}
    table = designations.TpsTable.model_validate(
        {
            "countries": {
                "ZZ": {
                    "name": {"en": "Invented Country", "es": "País Inventado"},
                    "periods": [
                        {**p, "note": note, "reference": "90 FR 1 (invented)", "verified_on": "2026-11-23"}
                        for p in DATED
                    ],
                }
            }
        }
    )
    monkeypatch.setattr(designations, "designations", lambda: table)


DATED = [
    {"from": "2020-01-01", "until": "2020-12-31", "status": "designated"},
    {"from": "2021-01-01", "until": "2021-06-30", "status": "terminated"},
    {"from": "2021-08-01", "until": "2021-12-31", "status": "termination_blocked"},
]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2019-12-31", None),
        ("2020-01-01", ("indicated", "is in effect")),
        ("2020-12-31", ("indicated", "is in effect")),
        ("2021-01-01", ("ask", "was terminated")),
        ("2021-07-15", ("ask", "ends on 2021-06-30 (terminated")),
        ("2021-08-01", ("indicated", "blocked its termination")),
        ("2022-01-01", ("ask", "ends on 2021-12-31 (termination blocked by a court order")),
    ],
)
@pytest.mark.usefixtures("invented_country")
def test_dated_entries_are_picked_by_date(day: str, expected: tuple[str, str] | None) -> None:
    found = tps("ZZ", dt.date.fromisoformat(day))
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert (found.state, expected[1] in found.why.en) == (expected[0], True), found.why.en


def test_the_tps_table_covers_the_countries_designated_in_2025() -> None:
    designated_2025 = {
        "AF", "CM", "SV", "ET", "HT", "HN", "NI", "NP", "SO", "SS", "SD", "SY", "UA", "VE", "YE", "MM", "LB",
    }  # fmt: skip
    assert set(designations.designations().countries) == designated_2025
    for code in designated_2025:
        assert tps(code, dt.date(2025, 1, 1)) is not None, code


def test_every_tps_period_cites_and_says_how_it_was_verified() -> None:
    for code, country in designations.designations().countries.items():
        for period in country.periods:
            assert period.reference.strip(), code
            assert period.verified_on == dt.date(2026, 11, 23), code  # the day the table was researched
            assert period.confidence in ("verified", "secondary")


# --- the outputs in both languages -------------------------------------------------------------------

RICH_CASE: dict[str, Any] = {
    "person": {"given_name": "Invented", "family_name": "Person-Example", "nationality": "LB",
               "date_of_birth": "2008-04-01"},
    "entry": {"last_arrival_date": "2014-01-10"},
    "family": {"spouse": {"nationality": "US"}},
    "other_relief": {
        "crime_victim": True, "trafficking_victim": True, "abused_abandoned_or_neglected": True,
        "abused_by_citizen_or_resident_relative": True,
    },
}  # fmt: skip


def test_every_flag_is_complete_in_both_languages_and_names_no_one() -> None:
    flags = flags_for(RICH_CASE)
    assert set(flags) == FLAGS
    assert {f.state for f in flags.values()} == {"indicated"}
    for flag in flags.values():
        for text in (flag.name, flag.why, flag.what_to_check):
            for language in LANGUAGES:
                value = text.get(language)
                assert value.strip() and "{" not in value, f"{flag.id}: {language}"
                assert "Invented" not in value and "Person-Example" not in value
            assert text.en != text.es, f"{flag.id}: the Spanish is a copy of the English"
        assert AUTHORITY.search(flag.authority), flag.id


def test_no_flag_says_a_person_does_not_qualify() -> None:
    refusal = re.compile(
        r"does not qualify|not eligible|ineligible|no califica|no es elegible", re.IGNORECASE
    )
    for document in (RICH_CASE, {}):
        for flag in flags_for(document).values():
            for text in (flag.why, flag.what_to_check):
                assert not refusal.search(text.en) and not refusal.search(text.es), flag.id


def test_raised_by_names_facts_of_the_case_format() -> None:
    facts = catalogue()
    for document in (RICH_CASE, {}):
        for flag in flags_for(document).values():
            for path in flag.raised_by:
                assert generic(path) in facts, f"{flag.id}: {path}"


# --- the data ---------------------------------------------------------------------------------------


def test_every_text_of_the_data_is_translated() -> None:
    data = load()
    for name, text in data.flags:
        pairs = [("name", text.name), ("what_to_check", text.what_to_check)]
        pairs += [(f"why.{key}", sentence) for key, sentence in text.why.sentences().items()]
        for field, pair in pairs:
            assert pair.en and pair.es and pair.en != pair.es, f"{name}: {field}"
    for status, label in data.statuses:
        assert label.en != label.es, status
    for code, country in designations.designations().countries.items():
        assert country.name.en and country.name.es  # many names are the same in both languages
        for period in country.periods:
            assert period.note.en != period.note.es, f"{code}: {period.start}"


def test_only_tps_is_volatile() -> None:
    assert {name for name, text in load().flags if text.volatile} == {"temporary_protected_status"}


def test_a_missing_translation_is_rejected_naming_the_field() -> None:
    raw = raw_data()
    del raw["flags"]["u_visa"]["why"]["ask"]["es"]
    with pytest.raises(DataFileError, match=r"flags\.u_visa\.why\.ask: es: missing translation"):
        parse(raw)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["flags"]["t_visa"].pop("what_to_check"), r"flags\.t_visa\.what_to_check: missing"),
        (lambda r: r["flags"]["t_visa"].update(volatile="no"), r"flags\.t_visa\.volatile: "),
        (lambda r: r["flags"].update(parole={}), r"flags\.parole: unknown field"),
        (lambda r: r["flags"]["u_visa"]["why"].pop("ask"), r"flags\.u_visa\.why\.ask: missing"),
        (
            lambda r: r["flags"]["u_visa"]["why"].update(maybe=r["flags"]["u_visa"]["why"]["ask"]),
            r"flags\.u_visa\.why\.maybe: unknown field",
        ),
        (
            lambda r: r["flags"]["special_immigrant_juvenile"]["why"]["indicated"].update(
                en="Turns {edad}.", es="Cumple {edad}."
            ),
            r"flags\.special_immigrant_juvenile\.why\.indicated: unknown placeholder \{edad\}",
        ),
        (
            lambda r: r["flags"]["special_immigrant_juvenile"]["why"]["indicated"].update(es="Cumple {edad}."),
            r"flags\.special_immigrant_juvenile\.why\.indicated: en and es use different placeholders",
        ),
        (lambda r: r["statuses"].pop("terminated"), r"statuses\.terminated: missing"),
    ],
    ids=["missing field", "not a boolean", "unknown flag", "missing sentence", "sentence the code never says",
         "stray placeholder", "placeholders differ", "missing status label"],
)  # fmt: skip
def test_a_bad_entry_is_rejected_naming_the_field(change: Any, message: str) -> None:
    raw = copy.deepcopy(raw_data())
    change(raw)
    with pytest.raises(DataFileError, match=message):
        parse(raw)


def test_a_problem_names_its_line() -> None:
    text = resources.files("withhold.preparation").joinpath("other_relief.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("  u_visa:") + 1
    with pytest.raises(DataFileError, match=rf"flags\.u_visa\.volatile: .* \(line {line + 5}\)"):
        validated(ReliefTexts, text.replace("volatile: false", "volatile: maybe"), "other_relief.yaml")


def test_every_relief_of_the_law_has_its_texts() -> None:
    from withhold.law.other_relief.catalogue import OTHER_RELIEF

    assert [flag_id for flag_id, _ in OTHER_RELIEF] == list(Flags.model_fields)
