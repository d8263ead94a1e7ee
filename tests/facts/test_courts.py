"""The immigration courts and their circuits (facts/courts.yaml), and the court a typed text names."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from withhold.facts import courts
from withhold.facts.courts import CIRCUITS, circuit_of, court_named, courts_named, parse
from withhold.package_data import DataFileError, read_yaml

# 28 U.S.C. 41, written out here independently of the data file: the circuit of each state and territory
# with a district court (the Fifth and Eleventh as divided by Pub. L. 96-452), and the Northern Mariana
# Islands, whose district court appeals to the Ninth (48 U.S.C. 1821–1824).
TITLE_28_SECTION_41 = {
    "DC": ("DC",),
    "1": ("ME", "MA", "NH", "PR", "RI"),
    "2": ("CT", "NY", "VT"),
    "3": ("DE", "NJ", "PA", "VI"),
    "4": ("MD", "NC", "SC", "VA", "WV"),
    "5": ("LA", "MS", "TX"),
    "6": ("KY", "MI", "OH", "TN"),
    "7": ("IL", "IN", "WI"),
    "8": ("AR", "IA", "MN", "MO", "NE", "ND", "SD"),
    "9": ("AK", "AZ", "CA", "ID", "MT", "NV", "OR", "WA", "GU", "HI", "MP"),
    "10": ("CO", "KS", "NM", "OK", "UT", "WY"),
    "11": ("AL", "FL", "GA"),
}
CIRCUIT_OF_STATE = {state: circuit for circuit, found in TITLE_28_SECTION_41.items() for state in found}


def raw() -> dict[str, Any]:
    return copy.deepcopy(read_yaml("withhold.facts", "courts.yaml"))


def problems(data: dict[str, Any]) -> tuple[str, ...]:
    """What reading ``data``, written out as YAML, finds wrong."""
    with pytest.raises(DataFileError) as error:
        parse(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return error.value.problems


def line_of(data: dict[str, Any], text: str, after: str = "") -> int:
    """The line (from 1) of ``text`` in ``data`` written out, the first below ``after``."""
    lines = yaml.safe_dump(data, sort_keys=False, allow_unicode=True).splitlines()
    return lines.index(text, lines.index(after) if after else 0) + 1


# --- the table ---------------------------------------------------------------------------------------


def test_every_state_is_in_the_circuit_28_usc_41_puts_it_in() -> None:
    found = {code: state.circuit for code, state in courts.states().items()}
    assert found == CIRCUIT_OF_STATE


def test_every_court_has_a_valid_circuit_that_is_its_states() -> None:
    every = courts.courts(include_former=True)
    assert len(every) >= 70
    for court in every:
        assert court.circuit in CIRCUITS, court.name
        assert court.circuit == CIRCUIT_OF_STATE[court.state], court.name


def test_the_courts_named_in_the_issue_are_there_with_their_circuits() -> None:
    expected = {
        "Saipan Immigration Court": ("MP", "9"),
        "Guaynabo (San Juan) Immigration Court": ("PR", "1"),
        "Honolulu Immigration Court": ("HI", "9"),
        "Houston Immigration Court": ("TX", "5"),
        "Sterling Immigration Court": ("VA", "4"),
    }
    by_name = {court.name: court for court in courts.courts()}
    for name, (state, circuit) in expected.items():
        assert (by_name[name].state, by_name[name].circuit) == (state, circuit)


def test_names_are_unique_and_say_what_they_are() -> None:
    names = [court.name for court in courts.courts(include_former=True)]
    assert len(names) == len(set(names))
    for court in courts.courts(include_former=True):
        ending = "Immigration Court" if court.kind == "court" else "Immigration Adjudication Center"
        assert court.name.endswith(ending), court.name


def test_closed_courts_are_matched_but_not_offered() -> None:
    arlington = court_named("Arlington Immigration Court")
    assert arlington is not None and arlington.former
    assert arlington not in courts.courts()
    assert circuit_of("Arlington, VA") == "4"


def test_a_circuit_that_is_not_the_states_is_refused() -> None:
    data = raw()
    houston = next(c for c in data["courts"] if c["name"] == "Houston Immigration Court")
    houston["circuit"] = "9"
    data["courts"].append(
        {"name": "Nowhere Immigration Court", "city": "Nowhere", "state": "ZZ", "circuit": "1"}
    )
    data["courts"].append(
        copy.deepcopy(next(c for c in data["courts"] if c["name"] == "Dallas Immigration Court"))
    )
    data["states"]["tx"] = dict(data["states"]["TX"])
    found = problems(data)
    index = data["courts"].index(houston)
    circuit = line_of(data, "  circuit: '9'", "- name: Houston Immigration Court")
    nowhere, at = len(data["courts"]) - 2, line_of(data, "- name: Nowhere Immigration Court")
    assert f"courts.{index}.circuit: '9', but Texas is in circuit 5 (28 U.S.C. 41) (line {circuit})" in found
    assert f"courts.{nowhere}.state: 'ZZ' is not a code of states (line {at + 2})" in found
    dallas = len(data["courts"]) - 1
    assert f"courts.{dallas}.name: Dallas Immigration Court: given twice (line {at + 4})" in found
    assert f"states.tx: expected a two-letter code in capitals (line {line_of(data, '  tx:')})" in found


def test_an_unknown_field_is_refused() -> None:
    data = raw()
    data["courts"][0]["phone"] = "555"
    phone = line_of(data, "  phone: '555'")
    assert problems(data) == (f"courts.0.phone: unknown field (line {phone})",)


# --- what a person types -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Houston - S. Gessner Road Immigration Court",
        "houston - s. gessner road immigration court",
        "Houston S Gessner Rd",
        "Gessner",
        "Houston - S. Gessner Road, TX",
        "Corte de Inmigración de Houston - S. Gessner Road",
    ],
)
def test_one_court_by_its_name_in_many_spellings(typed: str) -> None:
    found = court_named(typed)
    assert found is not None and found.name == "Houston - S. Gessner Road Immigration Court"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Dallas", "Dallas Immigration Court"),
        ("Dallas, TX", "Dallas Immigration Court"),
        ("dallas texas", "Dallas Immigration Court"),
        ("DALLAS IMMIGRATION COURT", "Dallas Immigration Court"),
        ("San Juan", "Guaynabo (San Juan) Immigration Court"),
        ("Guaynabo, Puerto Rico", "Guaynabo (San Juan) Immigration Court"),
        ("Puerto Rico", "Guaynabo (San Juan) Immigration Court"),
        ("Hawái", "Honolulu Immigration Court"),
        ("Saipan", "Saipan Immigration Court"),
        ("Nueva Orleans", "New Orleans Immigration Court"),
        ("Filadelfia, Pensilvania", "Philadelphia Immigration Court"),
        ("the Krome court", None),
        ("Krome", "Krome North SPC Immigration Court"),
        ("Buffalo New York", "Buffalo Immigration Court"),
        ("Olive St", "Los Angeles - Olive Street Immigration Court"),
    ],
)
def test_a_city_state_or_other_name(typed: str, name: str | None) -> None:
    found = court_named(typed)
    assert (found.name if found else None) == name


def test_a_city_with_several_courts_names_none_but_gives_their_shared_circuit() -> None:
    assert court_named("Houston") is None
    assert len(courts_named("Houston")) == 3
    assert circuit_of("Houston") == "5"
    assert circuit_of("Houston, Texas") == "5"
    assert circuit_of("New York") == "2" and len(courts_named("New York")) == 3
    assert circuit_of("Nueva York") == "2"
    assert circuit_of("Miami") == "11" and len(courts_named("Miami")) == 2
    assert circuit_of("Los Ángeles") == "9"


def test_a_state_that_contradicts_the_city_matches_nothing() -> None:
    assert courts_named("Portland, Maine") == ()
    assert courts_named("Kansas City, Kansas") == ()
    assert circuit_of("Portland, ME") is None
    assert circuit_of("Portland, OR") == "9"


def test_an_adjudication_center_gives_no_circuit() -> None:
    center = court_named("Fort Worth Immigration Adjudication Center")
    assert center is not None and center.kind == "adjudication_center" and not center.gives_circuit
    assert circuit_of("Fort Worth") is None
    assert circuit_of("Texas") is None  # a court in Texas, maybe the adjudication center


def test_unknown_empty_and_overlong_texts_name_nothing() -> None:
    for typed in ("", "   ", ",", "Springfield", "x" * 5000, "Immigration Court"):
        assert courts_named(typed) == ()
        assert circuit_of(typed) is None


def test_every_court_is_found_by_its_own_name_and_city_state() -> None:
    for court in courts.courts(include_former=True):
        assert court_named(court.name) == court, court.name
        assert court in courts_named(f"{court.city}, {court.state}"), court.name
