"""User errors: one clear message on standard error, exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from withhold.cli.app import app

BAD = """\
withhold: case/1
claim:
  country: SV
  nexsu: a_reason
convictions:
  - offense: invented offense
  - offense: another invented offense
    sentence_months: ten
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_invalid_case_file_names_every_problem(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path} is not a valid case file:"
    assert "  claim.nexsu: unknown key; did you mean claim.nexus?" in lines
    assert '  convictions[1].sentence_months: expected a number of months, got "ten"' in lines
    assert "Traceback" not in result.output


def test_invalid_json_case_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"withhold": "case/1",', encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr
    assert "Traceback" not in result.output


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = runner.invoke(app, ["screen", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {missing}: no such file"
    assert "Traceback" not in result.output


def test_directory_instead_of_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "23/11/2026"])
def test_bad_as_of_date(runner: CliRunner, tmp_path: Path, value: str) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("withhold: case/1\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path), "--as-of", value])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --as-of")
    assert value in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["screen", "case.yaml"], ["rules"]])
def test_unknown_format(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "case.yaml").write_text("withhold: case/1\n", encoding="utf-8")
    args = [str(tmp_path / part) if part.endswith(".yaml") else part for part in command]
    result = runner.invoke(app, [*args, "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --format must be one of text, json; got 'xml'"


def test_unknown_rule_suggests_the_nearest(runner: CliRunner) -> None:
    result = runner.invoke(app, ["explain", "asylum.bar.one_yaer"])
    assert result.exit_code == 2
    assert "did you mean asylum.bar.one_year?" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output
