"""`withhold screen`: text and JSON output, the evaluation date, reading files. Invented people only."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from withhold.cli.app import app
from withhold.facts.loading import parse_case
from withhold.screening import screen

# An invented person: asylum late (no exception), withholding shown, torture not likely.
CASE = """\
withhold: case/1
law_as_of: 2026-11-23
person: {family_name: Invented, given_name: Marisol}
proceedings: {kind: removal, circuit: "9", reinstated_order: false}
entry: {last_arrival_date: 2022-08-10, unaccompanied_child: false}
asylum: {filed_on: 2024-01-20, changed_circumstances: false, extraordinary_circumstances: false,
         previously_denied: false, safe_third_country_agreement: false, firmly_resettled: false,
         frivolous_finding: false}
claim: {country: SV, grounds: [political_opinion], harm_is_persecution: true, persecutor: non_state,
        government_unable_or_unwilling: true, nexus: one_central_reason, past_persecution: true,
        fundamental_change: false, relocation_reasonable: false, credible: true}
torture: {country: SV, likelihood: reasonable_possibility, official_involvement: acquiescence}
conduct: {persecuted_others: false, serious_nonpolitical_crime_abroad: false,
          danger_to_security: false, terrorist_activity: false}
convictions: []
"""

# Not filed yet, arrived 2026-01-10: the deadline (about 2027-01-11) is open on the case's date and
# closed a year later, so the evaluation date changes asylum's status.
NOT_FILED = (
    CASE.replace("filed_on: 2024-01-20", "filed_on: null")
    .replace("last_arrival_date: 2022-08-10", "last_arrival_date: 2026-01-10")
    .replace("law_as_of: 2026-11-23", "law_as_of: 2026-06-01")
)

# Little is known: every protection stays open and there are many questions.
SPARSE = """\
withhold: case/1
law_as_of: 2026-11-23
claim: {country: GT, grounds: [particular_social_group]}
convictions:
  - {offense: burglary, final: true, sentence_months: 14}
"""

STATUS_WORDS = {
    "eligible": "ELIGIBLE",
    "not_eligible": "NOT ELIGIBLE",
    "barred": "BARRED",
    "undetermined": "UNDETERMINED",
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def direct(text: str, day: dt.date):
    return screen(parse_case(text, "yaml"), day)


def test_text_shows_each_protection_with_the_core_status(runner: CliRunner, tmp_path: Path) -> None:
    expected = direct(CASE, dt.date(2026, 11, 23))
    result = runner.invoke(app, ["screen", str(write(tmp_path, CASE))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for determination in expected.determinations:
        title = determination.protection.title
        heading = [line for line in lines if line.startswith(title + "  ")]
        assert heading, f"no heading line for {title}"
        assert heading[0].rstrip().endswith(STATUS_WORDS[determination.status.value])
        assert determination.summary in " ".join(result.stdout.split())
    assert "Withhold screening — Marisol Invented" in result.stdout
    assert "Law as of 2026-11-23 (from the case file)" in result.stdout
    best = expected[expected.best_protection].protection.title
    assert f"Best protection available: {best}" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Decision support, not legal advice")


def test_text_shows_decisive_reason_with_citation_and_note(runner: CliRunner, tmp_path: Path) -> None:
    expected = direct(CASE, dt.date(2026, 11, 23))["asylum"]
    decisive = expected.reasons[0]
    assert decisive.note  # the one-year bar says which deadline it applied
    result = runner.invoke(app, ["screen", str(write(tmp_path, CASE))])
    assert decisive.title in result.stdout
    assert decisive.label in result.stdout
    assert decisive.citations[0] in result.stdout
    assert decisive.note in result.stdout


def test_text_lists_missing_facts_with_descriptions_and_questions(runner: CliRunner, tmp_path: Path) -> None:
    expected = direct(SPARSE, dt.date(2026, 11, 23))
    result = runner.invoke(app, ["screen", str(write(tmp_path, SPARSE)), "--format", "text"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Missing facts" in out
    assert "Needs legal analysis" in out
    assert "Questions to ask next" in out
    # The first question, with its description from the catalogue (a concrete path: generic lookup).
    first = expected.questions[0]
    assert re.search(rf"1\.\s+{re.escape(first)}\s", out)
    concrete = next(q for q in expected.questions if "[0]" in q)
    assert concrete in out
    # Cut lists still name every question by path.
    flat = " ".join(out.split())
    for question in expected.questions:
        assert question in flat
    assert "Best protection available: not yet known" in out


def test_trace_text_lists_everything_and_the_rule_tree(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path, SPARSE))
    short = runner.invoke(app, ["screen", path])
    full = runner.invoke(app, ["screen", path, "--trace"])
    assert full.exit_code == 0, full.output
    assert "… " in short.stdout and " more: " in short.stdout
    assert " more: " not in full.stdout
    assert "Trace" in full.stdout
    assert "facts: claim.grounds = [particular_social_group]" in " ".join(full.stdout.split())


def test_json_is_the_screening_object(runner: CliRunner, tmp_path: Path) -> None:
    expected = direct(CASE, dt.date(2026, 11, 23))
    result = runner.invoke(app, ["screen", str(write(tmp_path, CASE)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"withhold", "law_as_of", "best_protection", "reliefs", "questions"} <= set(data)
    assert data["withhold"] == "screening/1"
    assert set(data["reliefs"]) == {"asylum", "statutory_withholding", "cat_withholding", "cat_deferral"}
    assert {name: relief["status"] for name, relief in data["reliefs"].items()} == expected.statuses
    assert data == expected.to_json()
    assert "trace" not in data["reliefs"]["asylum"]


def test_json_trace_adds_the_trace(runner: CliRunner, tmp_path: Path) -> None:
    expected = direct(CASE, dt.date(2026, 11, 23))
    result = runner.invoke(app, ["screen", str(write(tmp_path, CASE)), "--format", "json", "--trace"])
    data = json.loads(result.stdout)
    assert data == expected.to_json(include_trace=True)
    assert data["reliefs"]["asylum"]["trace"]["rule"] == "asylum"


def test_as_of_overrides_law_as_of(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path, NOT_FILED))
    on_case_date = direct(NOT_FILED, dt.date(2026, 6, 1))
    later = direct(NOT_FILED, dt.date(2027, 6, 1))
    assert on_case_date["asylum"].status != later["asylum"].status  # the date matters for this case

    result = runner.invoke(app, ["screen", path, "--as-of", "2027-06-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["law_as_of"] == "2027-06-01"
    assert data["reliefs"]["asylum"]["status"] == later["asylum"].status

    default = json.loads(runner.invoke(app, ["screen", path, "--format", "json"]).stdout)
    assert default["law_as_of"] == "2026-06-01"
    assert default["reliefs"]["asylum"]["status"] == on_case_date["asylum"].status

    text = runner.invoke(app, ["screen", path, "--as-of", "2027-06-01"]).stdout
    assert "Law as of 2027-06-01 (from --as-of)" in text


def test_without_any_date_the_law_is_today(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WITHHOLD_TODAY")  # the clock itself
    undated = SPARSE.replace("law_as_of: 2026-11-23\n", "")
    before = dt.date.today()
    result = runner.invoke(app, ["screen", str(write(tmp_path, undated)), "--format", "json"])
    after = dt.date.today()
    assert json.loads(result.stdout)["law_as_of"] in {before.isoformat(), after.isoformat()}
    text = runner.invoke(app, ["screen", str(write(tmp_path, undated))]).stdout
    assert "(today)" in text.splitlines()[1]
    assert text.splitlines()[0] == "Withhold screening"  # no name in the file, none shown


def test_json_case_file_and_stdin(runner: CliRunner, tmp_path: Path) -> None:
    document = {
        "withhold": "case/1",
        "law_as_of": "2026-11-23",
        "claim": {"country": "GT", "grounds": []},
    }
    expected = screen(parse_case(json.dumps(document), "json"), dt.date(2026, 11, 23)).to_json()
    from_file = runner.invoke(
        app, ["screen", str(write(tmp_path, json.dumps(document), "case.json")), "-f", "json"]
    )
    assert from_file.exit_code == 0, from_file.output
    assert json.loads(from_file.stdout) == expected
    from_stdin = runner.invoke(app, ["screen", "-", "-f", "json"], input=json.dumps(document))
    assert from_stdin.exit_code == 0, from_stdin.output
    assert json.loads(from_stdin.stdout) == expected


def test_plain_text_when_not_a_terminal_and_no_color(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path, CASE))
    plain = runner.invoke(app, ["screen", path])
    assert not ANSI.search(plain.stdout)
    forced = runner.invoke(app, ["screen", path], env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert "\x1b[1;32m" in forced.stdout  # eligible in bold green
    no_color = runner.invoke(app, ["screen", path], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not re.search(r"\x1b\[[0-9;]*3[1-3]m", no_color.stdout)  # no red, green or yellow


def test_lines_fit_in_100_columns_even_on_a_wide_screen(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", str(write(tmp_path, SPARSE))], env={"COLUMNS": "200"})
    lengths = [len(line) for line in result.stdout.splitlines()]
    assert max(lengths) <= 100
    assert max(lengths) > 80  # the width was raised from Rich's default, then capped
    assert all(not line.endswith(" ") for line in result.stdout.splitlines())


def test_names_and_paths_are_printed_literally_not_as_markup(runner: CliRunner, tmp_path: Path) -> None:
    case = SPARSE.replace(
        "withhold: case/1\n", "withhold: case/1\nperson: {given_name: '[red]Nadia', family_name: Invented}\n"
    )
    result = runner.invoke(app, ["screen", str(write(tmp_path, case))])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Withhold screening — [red]Nadia Invented"
    assert "convictions[0]." in result.stdout
