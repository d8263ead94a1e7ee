"""`withhold roadmap`: the stages in text and JSON, from the same core roadmap."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from withhold.cli.app import app

CASE = """withhold: case/1
law_as_of: 2026-11-23
person: {family_name: Ficticio, given_name: Pedro}
proceedings:
  kind: removal
  detained: false
  hearings: [{kind: individual, date: 2026-11-10}]
  # Asylum denied on the merits: 30 days to appeal by statute (INA 208(d)(5)(A)(iv)), contested rule or not.
  decision: {date: 2026-11-10, served: oral, outcome: denied, asylum_denied_on_merits: true}
asylum: {filed_on: 2025-06-01}
"""


def run(tmp_path: Path, *args: str) -> object:
    case = tmp_path / "pedro.yaml"
    case.write_text(CASE, encoding="utf-8")
    return CliRunner().invoke(app, ["roadmap", str(case), *args])


def test_text_marks_where_the_case_stands_with_the_appeal_date(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    text = " ".join(result.stdout.split())  # type: ignore[attr-defined]  (lines wrap at the terminal width)
    assert "Appeal to the Board of Immigration Appeals (you are here)" in text
    assert "Thu 2026-12-10" in text  # 30 days after the oral decision of 2026-11-10
    assert "Bring:" in text and "EOIR-26" in text
    assert "Ficticio" not in text  # the header uses the file name, not the person's name


def test_json_lists_every_stage_and_the_current_one(tmp_path: Path) -> None:
    result = run(tmp_path, "--format", "json")
    assert result.exit_code == 0
    road = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert road["kind"] == "removal" and road["current"] == "appeal"
    states = {stage["id"]: stage["state"] for stage in road["stages"]}
    assert states["decision"] == "done" and states["after_grant"] == "not_applicable"
    appeal = next(stage for stage in road["stages"] if stage["id"] == "appeal")
    assert appeal["deadlines"][0]["date"] == "2026-12-10"


def test_bad_as_of_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path, "--as-of", "tomorrow")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr  # type: ignore[attr-defined]


def test_a_date_a_day_away_says_tomorrow_and_a_day_past_yesterday(tmp_path: Path) -> None:
    # The appeal is due on 2026-12-10 (a Thursday): seen the day before, and the day after.
    before = run(tmp_path, "--today", "2026-12-09")
    assert "Thu 2026-12-10 (tomorrow, upcoming)" in " ".join(before.stdout.split())  # type: ignore[attr-defined]
    after = run(tmp_path, "--today", "2026-12-11")
    assert "Thu 2026-12-10 (yesterday, " in " ".join(after.stdout.split())  # type: ignore[attr-defined]
