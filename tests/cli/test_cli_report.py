"""`withhold report`: the format from the output's suffix, the audience and language options, an atomic
write that never replaces a case file, the path printed, and no name on the terminal. Invented people."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from withhold.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

CASE = """\
withhold: case/1
law_as_of: 2026-11-23
person: {family_name: Inventada, given_name: Rosalba, a_number: "A012345678"}
proceedings:
  kind: removal
  hearings:
    - {kind: master, date: 2026-12-08, time: "09:00"}
entry: {last_arrival_date: 2022-08-10}
asylum: {filed_on: 2024-01-20}
interview: {language: es}
convictions: []
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write_case(tmp_path: Path, text: str = CASE, name: str = "client-17.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_markdown_for_the_attorney_by_default(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    code, out, err = run(runner, str(write_case(tmp_path)), "-o", str(target))
    assert code == 0, err
    assert out == f"{target}\n"  # the path written, and nothing else
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Protection screening: attorney report\n")
    assert "Rosalba Inventada" in text  # the report is the person's file
    assert "Law as of 2026-11-23" in text and "Not legal advice" in text
    # Written whole, readable by its owner only, with no temporary file left behind.
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(target.parent) == ["report.md"]


def test_the_persons_name_never_reaches_the_terminal(runner: CliRunner, tmp_path: Path) -> None:
    # The contradictory date makes the command warn on standard error; the warning names the field only.
    case = write_case(
        tmp_path, CASE.replace("asylum: {filed_on: 2024-01-20}", "asylum: {filed_on: 2022-01-20}")
    )
    code, out, err = run(runner, str(case), "-o", str(tmp_path / "r.html"), "--audience", "client")
    assert code == 0, err
    assert "asylum.filed_on" in err
    for part in ("Rosalba", "Inventada", "A012345678"):
        assert part not in out and part not in err


def test_the_client_report_takes_the_interviews_language(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "cliente.html"
    code, _, err = run(runner, str(write_case(tmp_path)), "-o", str(target), "--audience", "client")
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert '<html lang="es"' in html and "Su caso: lo que encontramos" in html
    assert "martes, 8 de diciembre de 2026, a las 09:00" in html
    code, _, err = run(
        runner, str(write_case(tmp_path)), "-o", str(target), "--audience", "client", "--lang", "en"
    )
    assert code == 0, err
    assert '<html lang="en"' in target.read_text(encoding="utf-8")


def test_a_pdf_report_of_an_example(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "client.PDF"  # the suffix is read in any case
    example = EXAMPLES / "social-group-undetermined.yaml"
    code, out, err = run(runner, str(example), "-o", str(target), "--audience", "CLIENT", "--lang", "es")
    assert code == 0, err
    assert out.strip() == str(target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    first = reader.pages[0].extract_text()
    assert "Su caso: lo que encontramos" in first and "No es asesoría legal" in first
    assert f"Página 1 de {len(reader.pages)}" in " ".join(first.split())


def test_as_of_sets_the_law_date(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    code, _, err = run(runner, str(write_case(tmp_path)), "-o", str(target), "--as-of", "2026-12-01")
    assert code == 0, err
    assert "Law as of 2026-12-01" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["report.txt", "report", "report.pdf.bak", "report.docx"])
def test_an_unknown_suffix_is_refused(runner: CliRunner, tmp_path: Path, name: str) -> None:
    code, out, err = run(runner, str(write_case(tmp_path)), "-o", str(tmp_path / name))
    assert code == 2
    assert out == ""
    assert err.startswith("error: --output must be a file name ending in .pdf, .html or .md; got ")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--audience", "judge", "error: --audience must be one of attorney, client; got 'judge'"),
        ("--lang", "xx", "error: --lang must be one of en, es, ar, fr, ht, pt; got 'xx'"),
        ("--as-of", "23/11/2026", "error: --as-of must be a date as YYYY-MM-DD; got '23/11/2026'"),
    ],
)
def test_bad_options_are_refused(
    runner: CliRunner, tmp_path: Path, option: str, value: str, message: str
) -> None:
    code, _, err = run(runner, str(write_case(tmp_path)), "-o", str(tmp_path / "r.md"), option, value)
    assert code == 2
    assert err.strip() == message
    assert not (tmp_path / "r.md").exists()


def test_a_case_file_is_never_overwritten(runner: CliRunner, tmp_path: Path) -> None:
    # A case file may have any name; one called .md is still a case file.
    case = write_case(tmp_path, name="case.md")
    code, _, err = run(runner, str(case), "-o", str(case))
    assert code == 2
    assert "is the case file" in err
    other = write_case(tmp_path, name="other.html")
    code, _, err = run(runner, str(case), "-o", str(other))
    assert code == 2
    assert (
        err.strip() == f"error: --output: {other} is a case file (withhold: case/1); it is never overwritten"
    )
    assert case.read_text(encoding="utf-8") == CASE and other.read_text(encoding="utf-8") == CASE


def test_an_existing_report_is_replaced(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("an old report\n", encoding="utf-8")
    target.chmod(0o640)
    code, _, err = run(runner, str(write_case(tmp_path)), "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Protection screening")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its permissions


def test_a_missing_folder_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, str(write_case(tmp_path)), "-o", str(tmp_path / "nowhere" / "r.md"))
    assert code == 2
    assert err.startswith("error: --output: cannot write ")
