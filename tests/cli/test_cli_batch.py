"""`withhold batch`: a folder, a ZIP or a JSON Lines file of cases screened at once, one row each with the
statuses, the best protection, the next deadline or the errors; the same rows on one process or several."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from withhold.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["batch", *args, "--today", "2026-12-07"])
    return result.exit_code, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    cases = tmp_path / "cases"
    cases.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, cases / example.name)
    (cases / "zz-broken.yaml").write_text("withhold: case/1\nclaim: {nexsu: x}\n", encoding="utf-8")
    (cases / "=SUM(A1).yaml").write_text("withhold: case/1\n", encoding="utf-8")
    (cases / "notes.txt").write_text("not a case", encoding="utf-8")
    return cases


def test_a_folder_gives_a_row_per_case_file_with_statuses_or_errors(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    code, stderr = run(str(folder), "-o", str(out), "--jobs", "1")
    assert code == 0, stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(EXAMPLES) + 2  # notes.txt is not a case file
    by_source = {row["source"]: row for row in rows}
    clean = by_source["clean-asylum.yaml"]
    assert (clean["asylum"], clean["best_protection"], clean["errors"]) == ("eligible", "asylum", "")
    # The annual fee may be charged from 2027-06-02 and is paid by the notice's date: a day from which,
    # not a deadline (the docket's "next deadline" leaves it out too).
    assert (clean["next_deadline"], clean["next_deadline_date"]) == ("", "")
    hearing = by_source["missed-deadline-withholding-open.yaml"]
    assert (hearing["next_deadline"], hearing["next_deadline_date"]) == (
        "filing.individual_hearing[1]",
        "2027-03-01",
    )
    assert "claim.nexsu" in by_source["zz-broken.yaml"]["errors"]
    assert by_source["zz-broken.yaml"]["asylum"] == ""
    assert f"{len(rows)} case(s) screened, 1 with errors" in stderr
    names = json.dumps(rows)
    assert "Exemplar" not in names  # no name or fact of a case in the results, only its source


def test_several_processes_give_the_same_rows_in_the_same_order(tmp_path: Path) -> None:
    lines = tmp_path / "cases.jsonl"
    examples = [
        json.dumps({"withhold": "case/1", "person": {"nationality": code}}) for code in ("SV", "HN", "GT")
    ]
    lines.write_text("\n".join(examples * 20) + "\nnot json\n", encoding="utf-8")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run(str(lines), "-o", str(one), "--jobs", "1")[0] == 0
    assert run(str(lines), "-o", str(two), "--jobs", "2")[0] == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    rows = list(csv.DictReader(two.open(encoding="utf-8")))
    assert [row["source"] for row in rows[:2]] == ["line 1", "line 2"] and len(rows) == 61
    assert rows[-1]["source"] == "line 61" and rows[-1]["errors"]


def test_a_zip_is_read_and_a_cell_that_looks_like_a_formula_stays_text(folder: Path, tmp_path: Path) -> None:
    archive = tmp_path / "cases.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for file in folder.iterdir():
            handle.write(file, file.name)
    out = tmp_path / "results.csv"
    assert run(str(archive), "-o", str(out))[0] == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["source"] == "'=SUM(A1).yaml"
    assert len(rows) == len(EXAMPLES) + 2


@pytest.mark.parametrize(
    ("make", "output", "message"),
    [
        (lambda p: p / "nothing-here", "r.csv", "INPUT: no such file or folder"),
        (
            lambda p: (p / "a.txt").write_text("x") and p / "a.txt",
            "r.csv",
            "not a folder, a ZIP or a JSON Lines",
        ),
        (lambda p: p, "r.txt", "--output: "),
        (lambda p: (p / "empty").mkdir() or p / "empty", "r.csv", "no case files"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, make: object, output: str, message: str) -> None:
    source = make(tmp_path)  # type: ignore[operator]
    code, stderr = run(str(source), "-o", str(tmp_path / output))
    assert code == 2
    assert message in stderr
