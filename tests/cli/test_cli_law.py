"""`withhold schema`, `rules` and `explain`: the law and the format as declared."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from withhold.cli.app import app
from withhold.facts.case import Case
from withhold.facts.paths import catalogue
from withhold.law.registry import all_rules, rule_by_id


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_schema_is_the_case_model_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Withhold case file (case/1)"
    assert "claim" in schema["properties"]
    assert schema["properties"] == Case.model_json_schema()["properties"]
    assert schema["additionalProperties"] is False  # unknown keys are errors


def test_rules_text_lists_every_rule(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "asylum.bar.one_year" in result.stdout
    words = set(result.stdout.split())
    for rule in all_rules():
        assert rule.id in words
    assert f"{len(all_rules())} rules." in result.stdout
    one_year = next(line for line in result.stdout.splitlines() if "asylum.bar.one_year " in line)
    assert "from 1997-04-01" in one_year
    assert "ASY-1YR-1" in one_year


def test_rules_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)["rules"]
    assert [entry["id"] for entry in listed] == [rule.id for rule in all_rules()]
    one_year = next(entry for entry in listed if entry["id"] == "asylum.bar.one_year")
    assert one_year["in_force"] == {"from": "1997-04-01", "to": None}
    assert one_year["reference"] == ["ASY-1YR-1"]
    assert "INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B)" in one_year["citations"]


def test_explain_one_rule(runner: CliRunner) -> None:
    result = runner.invoke(app, ["explain", "asylum.bar.one_year"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0] == "asylum.bar.one_year"
    assert "INA 208(a)(2)(B)" in out
    assert "asylum.filed_on" in out
    assert catalogue()["asylum.filed_on"].description.split(";")[0] in out
    rule = rule_by_id("asylum.bar.one_year")
    for other in (*rule.uses, *rule.exceptions):
        assert other.id in out
    assert "ASY-1YR-1" in out
    assert "Version chosen by" in out and "asylum.filed_on" in out
    assert "asylum.one_year.earliest_start" in out  # its parameter, with the dated value
    assert "from 1997-04-01: 1997-04-01" in out


def test_explain_shows_versions_findings_judgement_and_caveat(runner: CliRunner) -> None:
    rule = rule_by_id("withholding.nexus")
    assert len(rule.versions) > 1 and rule.judgement
    result = runner.invoke(app, ["explain", rule.id], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    for version in rule.versions:
        assert " ".join(version.label.split()) in flat
    assert "claim.nexus how strongly a protected ground motivates the harm — a finding (judgement)" in flat
    assert " ".join(rule.judgement.split()) in flat
    caveats = [v.caveat for v in rule.versions if v.caveat] + ([rule.caveat] if rule.caveat else [])
    assert caveats and all(" ".join(c.split()) in flat for c in caveats)


def test_explain_selected_by_law_as_of(runner: CliRunner) -> None:
    law_as_of_rules = [r for r in all_rules() if r.selected_by == "law_as_of"]
    assert law_as_of_rules
    result = runner.invoke(app, ["explain", law_as_of_rules[0].id])
    assert "the evaluation date" in " ".join(result.stdout.split())


def test_rules_never_wrap_or_cut_an_id_at_80_columns(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    first_words = {line.split()[0] for line in lines if line.strip()}
    for rule in all_rules():
        assert rule.id in first_words, rule.id  # whole, at the start of its line
        for reference in rule.reference:
            assert reference in result.stdout.split(), reference


def test_rules_grep_matches_id_and_title(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--grep", "ONE  Year", "--format", "json"])
    assert result.exit_code == 0, result.output
    ids = [entry["id"] for entry in json.loads(result.stdout)["rules"]]
    assert ids == [rule.id for rule in all_rules() if "one year" in f"{rule.id} {rule.title}".lower()]
    assert "asylum.bar.one_year" in ids  # by its title
    by_id = runner.invoke(app, ["rules", "--grep", "bar.one_year", "--format", "json"])
    assert [entry["id"] for entry in json.loads(by_id.stdout)["rules"]] == ["asylum.bar.one_year"]


def test_rules_cites_matches_citations(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--cites", "1208.16(c)", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)["rules"]
    assert listed
    assert all(any("1208.16(c)" in cite for cite in entry["citations"]) for entry in listed)
    both = runner.invoke(app, ["rules", "--cites", "1158", "--grep", "frivolous"])
    assert "asylum.bar.frivolous" in both.stdout and "1 rule." in both.stdout


def test_rules_that_match_nothing_say_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--grep", "no such rule anywhere"])
    assert result.exit_code == 0
    assert "No rule matches." in result.stdout


def test_explain_says_where_the_rule_is_defined(runner: CliRunner) -> None:
    result = runner.invoke(app, ["explain", "withholding.nexus"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    places = re.findall(r"(withhold/law/[\w/]+\.py):(\d+)", result.stdout)
    assert len(places) == len(rule_by_id("withholding.nexus").versions)
    source = Path(__file__).resolve().parents[2] / "src"
    for path, line in places:
        written = (source / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert written.startswith("def "), written  # the line of the version's body


@pytest.mark.parametrize(
    "command",
    [
        "",
        "screen",
        "deadlines",
        "roadmap",
        "interview",
        "report",
        "schema",
        "rules",
        "explain",
        "i589",
        "law",
        "law changes",
        "law stale",
    ],
)
def test_help_shows_no_bool_placeholders(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.stdout
    assert "--help" in result.stdout
