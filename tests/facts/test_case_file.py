"""Reading case files: every key of the spec, unknown is unknown, and errors a person can act on."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from withhold.facts import CaseFileError, parse_case
from withhold.facts.paths import catalogue
from withhold.facts.source import NOT_FILED, CaseFacts

SPEC = Path(__file__).resolve().parents[2] / "docs" / "spec" / "shared" / "case-format.md"


def errors(text: str) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        parse_case(text)
    return [str(issue) for issue in caught.value.issues]


def test_the_spec_example_reads() -> None:
    case = parse_case(
        """
withhold: case/1
person: {family_name: Example, given_name: Ana, nationality: SV}
proceedings: {kind: removal, circuit: "9", detained: false,
              hearings: [{kind: individual, date: 2027-02-15}]}
entry: {last_arrival_date: 2022-08-10}
asylum: {filed_on: 2024-01-20, changed_circumstances: false, extraordinary_circumstances: false}
claim: {country: SV, grounds: [political_opinion], harm_is_persecution: true, persecutor: non_state,
        government_unable_or_unwilling: true, nexus: one_central_reason, past_persecution: true,
        fundamental_change: false, relocation_reasonable: false, credible: true}
torture: {country: SV, likelihood: reasonable_possibility}
conduct: {persecuted_others: false, serious_nonpolitical_crime_abroad: false,
          danger_to_security: false, terrorist_activity: false}
convictions: []
"""
    )
    assert case.proceedings.hearings and case.proceedings.hearings[0].date == dt.date(2027, 2, 15)
    assert case.asylum.filed_on == dt.date(2024, 1, 20)
    assert case.convictions == []


def test_error_names_the_path_and_the_problem() -> None:
    found = errors("withhold: case/1\nconvictions: [{offense: theft}, {sentence_months: ten}]\n")
    assert found == ['convictions[1].sentence_months: expected a number of months, got "ten"']


def test_unknown_key_suggests_the_nearest() -> None:
    assert errors("withhold: case/1\nclaim: {nexsu: a_reason}\n") == [
        "claim.nexsu: unknown key; did you mean claim.nexus?"
    ]


def test_every_problem_is_reported_at_once() -> None:
    found = errors(
        "withhold: case/1\nclaim: {country: sv, grounds: [politics]}\nentry: {last_arrival_date: 2024}\n"
    )
    assert len(found) == 3
    assert any(line.startswith("claim.country: expected a two-letter") for line in found)
    assert any(line.startswith("claim.grounds[0]: expected one of") for line in found)
    assert "entry.last_arrival_date: expected a date as YYYY-MM-DD, got 2024" in found


def test_a_bare_number_is_not_read_as_a_date() -> None:
    # Pydantic alone would take 2024 as a Unix timestamp: 1970-01-01.
    assert errors("withhold: case/1\nentry: {last_arrival_date: 2024}\n")


def test_yaml_1_1_booleans_do_not_swallow_country_codes() -> None:
    case = parse_case("withhold: case/1\nperson: {nationality: NO}\n")
    assert case.person.nationality == "NO"


def test_duplicate_keys_are_an_error_not_a_silent_overwrite() -> None:
    (message,) = errors("withhold: case/1\nclaim: {credible: true}\nclaim: {}\n")
    assert "duplicate key 'claim'" in message


def test_format_marker_is_required() -> None:
    assert errors("claim: {}\n") == ["withhold: missing; a case file starts with `withhold: case/1`"]
    assert errors("withhold: case/2\n") == ['withhold: this version reads format case/1, got "case/2"']


def test_json_is_read_too() -> None:
    case = parse_case(json.dumps({"withhold": "case/1", "proceedings": {"circuit": "9"}}), "json")
    assert case.proceedings.circuit == "9"
    assert parse_case("withhold: case/1\nproceedings: {circuit: 9}\n").proceedings.circuit == "9"


def test_absent_and_null_are_unknown_false_is_an_answer() -> None:
    facts = CaseFacts(parse_case("withhold: case/1\nclaim: {credible: null, past_persecution: false}\n"))
    assert not facts.read("claim.credible").known
    assert facts.read("claim.credible").depends == {"claim.credible"}
    assert facts.read("claim.past_persecution").value is False
    assert not facts.read("convictions").known


def test_explicit_null_filing_date_means_not_filed() -> None:
    assert (
        CaseFacts(parse_case("withhold: case/1\nasylum: {filed_on: null}\n")).read("asylum.filed_on").value
        is NOT_FILED
    )
    assert not CaseFacts(parse_case("withhold: case/1\nasylum: {}\n")).read("asylum.filed_on").known


def test_lists_of_sections_read_as_their_length_and_items_by_index() -> None:
    facts = CaseFacts(parse_case("withhold: case/1\nconvictions: [{final: true}, {sentence_months: 12}]\n"))
    assert facts.read("convictions").value == 2
    assert facts.read("convictions[1].sentence_months").value == 12
    assert not facts.read("convictions[0].sentence_months").known


def test_every_key_of_the_spec_is_in_the_model() -> None:
    """Keys named in the spec's tables and lists exist in the case model, exactly."""
    text = SPEC.read_text(encoding="utf-8")
    paths = set(catalogue())
    sections = {
        "person",
        "proceedings",
        "entry",
        "asylum",
        "claim",
        "torture",
        "conduct",
        "convictions",
        "family",
    }
    missing = []
    checked = 0
    for heading, body in re.findall(r"^## `([a-z_]+)(?:\[\])?`\n(.*?)(?=^## |\Z)", text, re.S | re.M):
        prefix = f"{heading}[]." if heading == "convictions" else f"{heading}."
        for key in re.findall(r"^\| `([a-z_]+)` \|", body, re.M):
            checked += 1
            if not any(p == prefix + key or p.startswith(prefix + key + ".") for p in paths):
                missing.append(prefix + key)
    assert sections <= {p.split(".")[0].split("[")[0] for p in paths}
    assert checked > 50, "the spec's tables were not found"
    assert missing == []
