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


# --- hostile input and bugs: never a traceback --------------------------------------------------------

HOSTILE = {
    "a list as a key": "withhold: case/1\n? [a, b]\n: 1\n",
    "nesting 1,000 deep": "withhold: case/1\nnotes: " + "[" * 1000 + "]" * 1000 + "\n",
    "an integer of 5,000 digits": "withhold: case/1\nconvictions: [{sentence_months: " + "9" * 5000 + "}]\n",
    "dates in the year 9999": (
        "withhold: case/1\nentry: {last_arrival_date: 9999-12-31}\n"
        "proceedings: {kind: removal, decision: {date: 9999-12-30, served: mail}, final_order_date: 9999-12-31}\n"
    ),
}


@pytest.mark.parametrize("command", ["screen", "deadlines", "roadmap", "report"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_case_files_are_user_errors(
    runner: CliRunner, tmp_path: Path, command: str, name: str
) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    extra = ["-o", str(tmp_path / "report.md")] if command == "report" else []
    result = runner.invoke(app, [command, str(path), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), name
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {path} is not a valid case file:\n")
    assert len(result.stderr) < 500


@pytest.mark.parametrize("command", ["screen", "deadlines", "roadmap", "report", "interview"])
@pytest.mark.parametrize("value", ["0001-01-01", "1980-03-31", "9999-12-31"])
def test_as_of_outside_the_laws_dates_is_a_user_error(
    runner: CliRunner, tmp_path: Path, command: str, value: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(
        (Path(__file__).parents[2] / "examples" / "clean-asylum.yaml").read_text(), encoding="utf-8"
    )
    extra = ["-o", str(tmp_path / "report.md")] if command == "report" else []
    result = runner.invoke(app, [command, str(path), "--as-of", value, *extra], input="")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        "error: --as-of: the law can be evaluated as of a date between 1980-04-01 (where its rules begin) "
        f"and 2199-12-31, got {value}"
    )


@pytest.mark.parametrize("command", ["screen", "deadlines", "roadmap", "report"])
def test_a_case_files_law_date_before_the_laws_tables_is_a_user_error(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("withhold: case/1\nlaw_as_of: 1975-03-01\nentry: {last_arrival_date: 1974-01-01}\n")
    extra = ["-o", str(tmp_path / "report.md")] if command == "report" else []
    result = runner.invoke(app, [command, str(path), *extra])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        "error: law_as_of in the case file: the law can be evaluated as of a date between 1980-04-01 (where "
        "its rules begin) and 2199-12-31, got 1975-03-01",
        "  give --as-of YYYY-MM-DD for another date",
    ]
    assert runner.invoke(app, [command, str(path), "--as-of", "2026-11-23", *extra]).exit_code == 0


def test_a_bug_is_one_line_without_case_data_and_exit_1(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import withhold.cli.app as cli

    def broken(*args: object) -> object:
        raise ValueError("Invented Person's name, which must never be printed")

    monkeypatch.setattr(cli, "screen_case", broken)
    path = tmp_path / "case.yaml"
    path.write_text("withhold: case/1\nperson: {given_name: Invented}\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(path)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = result.stderr.splitlines()
    # The innermost place in Withhold's own code: here the command that called the broken function.
    assert line.startswith("error: internal error (ValueError at cli/app.py:")
    assert "This is a bug in Withhold" in line
    assert "Invented" not in result.output and "Traceback" not in result.output


def test_an_error_outside_every_command_is_one_line_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from withhold.cli import app as cli
    from withhold.cli.command import Group

    def broken(self: object, ctx: object) -> object:
        raise RuntimeError("Invented Person")

    monkeypatch.setattr(Group, "invoke", broken)
    monkeypatch.setattr(sys, "argv", ["withhold", "rules"])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("error: internal error (RuntimeError at ")
    assert "Invented" not in line
