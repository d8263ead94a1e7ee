"""The bounds of a case file (facts/limits.py): hostile files get errors that name the field and the limit,
never an exception, a crash of the parser or an error message of a megabyte; YAML is read by libyaml when
present, with the same rules as the pure Python parser."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest
import yaml

from withhold.deadlines.schedule import schedule
from withhold.facts import CaseFileError, limits, parse_case
from withhold.facts.case import Case
from withhold.facts.reading import LOADER, LOADERS, DocumentError, read_yaml
from withhold.law.registry import all_rules
from withhold.roadmap import roadmap
from withhold.screening import screen

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def errors(text: str, syntax: str | None = None) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        parse_case(text, syntax)  # type: ignore[arg-type]
    return [str(issue) for issue in caught.value.issues]


# --- texts, lists, numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind", "limit"),
    [
        ("person.given_name", "a name", limits.NAME_MAX),
        ("person.city_of_birth", "a place", limits.PLACE_MAX),
        ("person.phone", "a short text", limits.SHORT_TEXT_MAX),
        ("notes", "free text", limits.FREE_TEXT_MAX),
    ],
)
def test_each_kind_of_text_has_its_limit_named_in_the_error(path: str, kind: str, limit: int) -> None:
    *sections, key = path.split(".")

    def case_with(text: str) -> str:
        document: dict[str, object] = {key: text}
        for section in reversed(sections):
            document = {section: document}
        return json.dumps({"withhold": "case/1", **document})

    parse_case(case_with("x" * limit), "json")
    assert errors(case_with("x" * (limit + 1)), "json") == [
        f"{path}: too long: {limit + 1:,} characters ({kind} has at most {limit:,})"
    ]


def test_a_name_of_a_million_characters_is_refused_quickly_with_a_short_message() -> None:
    started = time.perf_counter()
    (message,) = errors("withhold: case/1\nperson: {family_name: " + "a" * 990_000 + "}\n")
    assert time.perf_counter() - started < 5
    assert message == "person.family_name: too long: 990,000 characters (a name has at most 200)"


def test_lists_have_a_number_of_items() -> None:
    names = [f"Name {n}" for n in range(limits.ITEMS_MAX + 1)]
    assert errors(json.dumps({"withhold": "case/1", "person": {"other_names": names}}), "json") == [
        f"person.other_names: too many items: {limits.ITEMS_MAX + 1} (at most {limits.ITEMS_MAX})"
    ]
    parse_case(json.dumps({"withhold": "case/1", "person": {"other_names": names[:-1]}}), "json")


@pytest.mark.parametrize("value", [".inf", ".nan", "1e9", "12001"])
def test_a_sentence_is_a_finite_number_of_months_within_reason(value: str) -> None:
    (message,) = errors(f"withhold: case/1\nconvictions: [{{sentence_months: {value}}}]\n")
    assert message.startswith("convictions[0].sentence_months: ")


@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_an_integer_longer_than_python_reads_is_an_error_of_its_field(syntax: str) -> None:
    digits = "9" * 5_000
    text = (
        f'{{"withhold": "case/1", "convictions": [{{"sentence_months": {digits}}}]}}'
        if syntax == "json"
        else f"withhold: case/1\nconvictions: [{{sentence_months: {digits}}}]\n"
    )
    (message,) = errors(text, syntax)
    assert message.startswith('convictions[0].sentence_months: expected a number of months, got "999')
    assert message.endswith("(5,000 characters)")
    assert len(message) < 200


# --- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["9999-12-31", "2200-01-01", "1899-12-31", "0001-01-01"])
def test_a_fact_date_out_of_range_is_an_error_of_its_field(day: str) -> None:
    assert errors(f"withhold: case/1\nentry: {{last_arrival_date: {day}}}\n") == [
        f"entry.last_arrival_date: a date must be between 1900-01-01 and 2199-12-31, got {day}"
    ]


def test_the_ends_of_the_date_range_are_accepted() -> None:
    case = parse_case(
        "withhold: case/1\nperson: {date_of_birth: 1900-01-01}\nentry: {last_arrival_date: 2199-12-31}\n"
    )
    assert case.person.date_of_birth is not None and case.entry.last_arrival_date is not None


def test_months_have_the_same_range() -> None:
    (message,) = errors("withhold: case/1\nbackground: {residences: [{since: 9999-01}]}\n")
    assert (
        message == "background.residences[0].since: a month must be between 1900-01 and 2199-12, got 9999-01"
    )


def test_the_law_date_of_a_case_file_has_the_range_of_every_date() -> None:
    # A historic law date is a case file's to carry (the precedents are screened as of their decisions);
    # whether the law can be evaluated as of it is checked where it is (the command line, the web).
    assert parse_case("withhold: case/1\nlaw_as_of: 1985-03-01\n").law_as_of == dt.date(1985, 3, 1)
    assert errors("withhold: case/1\nlaw_as_of: 0001-01-01\n") == [
        "law_as_of: a date must be between 1900-01-01 and 2199-12-31, got 0001-01-01"
    ]


# --- the document's shape ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("withhold: case/1\n? [a, b]\n: 1\n", "a list"),
        ("withhold: case/1\nperson:\n  ? {a: 1}\n  : x\n", "a mapping"),
        ("withhold: case/1\nperson: {1: x}\n", "1 (a number)"),
        ("withhold: case/1\ntrue: x\n", "true (a boolean)"),
        ("withhold: case/1\n~: x\n", "~ (null)"),
        ("withhold: case/1\n2024-01-01: x\n", "2024-01-01 (a date)"),
    ],
)
def test_a_key_must_be_text(text: str, what: str) -> None:
    (message,) = errors(text)
    assert message.startswith(f"not valid YAML: a key must be a name such as person, got {what} (line ")


@pytest.mark.parametrize("depth", [17, 1_000, 100_000])
@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_nesting_is_bounded(depth: int, syntax: str) -> None:
    # 100,000 levels crash libyaml's recursive composer (a segmentation fault), not just Python's.
    text = '{"withhold": "case/1", "notes": ' + "[" * depth + "]" * depth + "}"
    (message,) = errors(text, syntax)
    assert message.startswith(f"nested more than {limits.NESTING_MAX} levels deep")


def test_nesting_up_to_the_limit_is_read() -> None:
    depth = limits.NESTING_MAX - 1  # the top-level mapping is one level
    (message,) = errors('{"withhold": "case/1", "notes": ' + "[" * depth + "]" * depth + "}", "json")
    assert message == "notes: expected text, got a list"


def test_an_alias_bomb_is_refused_before_it_is_built() -> None:
    lines = ["withhold: case/1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    started = time.perf_counter()
    (message,) = errors("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    assert message.startswith(f"more than {limits.VALUES_MAX:,} values")


def test_a_value_that_contains_itself_is_refused() -> None:
    (message,) = errors("withhold: case/1\nnotes: &loop [*loop]\n")
    assert message.startswith("a value contains itself (alias *loop)")


def test_harmless_aliases_still_read() -> None:
    case = parse_case("withhold: case/1\nclaim: {country: &c SV}\ntorture: {country: *c}\n")
    assert case.torture.country == "SV"


def test_json_refuses_a_key_given_twice_as_yaml_does() -> None:
    assert errors('{"withhold": "case/1", "notes": "a", "notes": "b"}', "json") == [
        "not valid JSON: duplicate key 'notes'"
    ]


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    text = "withhold: case/1\nnotes: " + "x" * limits.CASE_FILE_MAX_CHARS + "\n"
    assert errors(text) == [f"the file has {len(text):,} characters; a case file has at most 1,000,000"]


# --- bounded errors ------------------------------------------------------------------------------------


def test_errors_list_the_first_twenty_problems_and_count_the_rest() -> None:
    text = "withhold: case/1\nclaim:\n" + "".join(f"  unknown_{n}: 1\n" for n in range(500))
    found = errors(text)
    assert len(found) == limits.PROBLEMS_SHOWN + 1
    assert found[-1] == "and 480 more problems"
    assert all(len(line) < 120 for line in found)


def test_an_unknown_key_suggests_one_key_never_the_whole_list() -> None:
    (message,) = errors("withhold: case/1\nclaim: {zzzz: 1}\n")
    assert message == "claim.zzzz: unknown key; claim has no key like it (see docs/spec/case-format.md)"
    (message,) = errors("withhold: case/1\nclaim: {" + "k" * 5_000 + ": 1}\n")
    assert len(message) < 200


def test_a_wrong_value_is_shown_cut_short() -> None:
    (message,) = errors("withhold: case/1\nclaim: {nexus: " + "n" * 100_000 + "}\n")
    assert message.startswith("claim.nexus: expected one of ")
    assert message.endswith(f'got "{"n" * limits.VALUE_SHOWN}…" (100,000 characters)')


def test_a_huge_file_of_wrong_values_gives_a_small_error() -> None:
    text = "withhold: case/1\nconvictions:\n" + "".join(
        f"  - {{offense: {'o' * 300}, sentence_months: {'x' * 1000}, unknown: 1}}\n" for _ in range(200)
    )
    assert len(text) > 250_000
    with pytest.raises(CaseFileError) as caught:
        parse_case(text)
    assert len(str(caught.value)) < 5_000


# --- the two YAML parsers ------------------------------------------------------------------------------


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("this PyYAML was built without libyaml: the pure Python parser is the only one")
    assert issubclass(LOADER, yaml.CSafeLoader)
    assert len(LOADERS) == 2


TRICKY = [
    "withhold: case/1\nperson: {nationality: NO, sex: no}\n",  # YAML 1.1 booleans stay text
    "withhold: case/1\nentry: {last_arrival_date: 2026-02-30}\n",  # an impossible date stays text
    "withhold: case/1\nclaim: {credible: true}\nclaim: {}\n",  # a key given twice
    "withhold: case/1\nnotes: " + "9" * 5_000 + "\n",  # too many digits stays text
    "withhold: case/1\nentry: {last_arrival_date: 2024-05-01 10:00:00+02:00}\n",
    "withhold: case/1\nbase: &b {a: 1}\nother: {<<: *b, c: 2}\n",
    "withhold: case/1\n? [a]\n: 1\n",
    "withhold: case/1\nclaim: [\n",
    "withhold: case/1\nnotes: !!python/object:os.system x\n",
    "withhold: case/1\nnotes: " + "[" * 50 + "]" * 50 + "\n",
]


@pytest.mark.parametrize("text", [path.read_text(encoding="utf-8") for path in EXAMPLES] + TRICKY)
def test_both_parsers_read_the_same_document_or_refuse_it_the_same_way(text: str) -> None:
    outcomes = []
    for loader in LOADERS:
        try:
            outcomes.append(("document", read_yaml(text, loader)))
        except DocumentError as error:
            # The parsers word a few syntax errors differently; what they refuse and where is the same.
            outcomes.append(("error", re.sub(r": .*\(line", ": (line", str(error))))
    assert all(outcome == outcomes[0] for outcome in outcomes)


def test_a_900_kb_file_is_answered_in_a_moment() -> None:
    text = "withhold: case/1\nnotes: |\n" + "".join(f"  line {n} of a long note\n" for n in range(36_000))
    assert len(text) > 900_000
    started = time.perf_counter()
    (message,) = errors(text)
    assert time.perf_counter() - started < 3
    assert message.startswith("notes: too long: ")


def test_the_spec_states_every_limit() -> None:
    spec = (ROOT / "docs" / "spec" / "case-format.md").read_text(encoding="utf-8")
    section = spec[spec.index("## Limits") : spec.index("## Example")]
    for value in (
        limits.NAME_MAX, limits.PLACE_MAX, limits.SHORT_TEXT_MAX, limits.FREE_TEXT_MAX, limits.ITEMS_MAX,
        limits.PATHS_MAX, limits.SENTENCE_MONTHS_MAX, limits.CASE_FILE_MAX_CHARS, limits.NESTING_MAX,
        limits.VALUES_MAX, limits.PROBLEMS_SHOWN, limits.VALUE_SHOWN,
    ):  # fmt: skip
        assert f"{value:,}" in section, value
    for day in (limits.EARLIEST_DATE, limits.LATEST_DATE, limits.EARLIEST_LAW_AS_OF, limits.LATEST_LAW_AS_OF):
        assert day.isoformat() in section


def test_json_of_unknown_name_is_read_even_where_yaml_cannot() -> None:
    # JSON writers escape a character outside the BMP as a surrogate pair, which YAML does not read.
    text = json.dumps({"withhold": "case/1", "person": {"given_name": "Ana 😀"}})
    assert "\\ud83d" in text
    assert parse_case(text).person.given_name == "Ana 😀"
    assert parse_case(text, "json").person.given_name == "Ana 😀"


# --- the law's dates ------------------------------------------------------------------------------------


def _evaluate(case: Case, day: dt.date) -> None:
    screen(case, day)
    schedule(case, day)
    roadmap(case, day)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_law_is_evaluated_on_both_ends_of_its_dates(path: Path) -> None:
    case = parse_case(path.read_text(encoding="utf-8"))
    for day in (limits.EARLIEST_LAW_AS_OF, limits.LATEST_LAW_AS_OF):
        _evaluate(case, day)


def test_the_earliest_law_date_is_where_the_laws_first_rule_begins() -> None:
    """Tied to the law's data: a rule dated earlier would move it (and this test says so)."""
    starts = [version.in_force.start for rule in all_rules() for version in rule.versions]
    assert min(start for start in starts if start is not None) == limits.EARLIEST_LAW_AS_OF
