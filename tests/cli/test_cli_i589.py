"""`withhold i589`: the filled form written, the unanswered questions by part and line, clear errors that
name the option, and inputs never overwritten. Invented people."""

from __future__ import annotations

import io
import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from withhold.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / "forms" / "i-589-edition-2023-03-01.pdf"
EXAMPLE = ROOT / "examples" / "i589-complete.yaml"

SPARSE = """\
withhold: case/1
law_as_of: 2026-11-23
person: {family_name: Inventada, given_name: Rosa, a_number: "A012345678"}
proceedings: {kind: removal}
entry: {last_arrival_date: 2026-01-15}
convictions: []
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def form() -> Path:
    return FORM


def run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_the_example_is_filled_and_complete(form: Path, tmp_path: Path) -> None:
    out = tmp_path / "filled.pdf"
    code, stdout, _ = run("i589", EXAMPLE, "--form", form, "-o", out)
    assert code == 0
    assert "Form I-589 (edition 03/01/23) filled" in stdout
    assert "Supplement B: 2 page(s)" in stdout
    assert "Every question the form map covers is answered" in stdout
    fields = PdfReader(out).get_fields() or {}
    assert fields["form1[0].#subform[0].PtAILine4_LastName[0]"]["/V"] == "Ficticia Ejemplo"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600, "a new file holding case data is the owner's only"


def test_unanswered_questions_are_listed_by_part_and_line(form: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(SPARSE, encoding="utf-8")
    code, stdout, _ = run("i589", case, "--form", form, "-o", tmp_path / "filled.pdf")
    assert code == 0
    assert "Unanswered questions:" in stdout and "8 CFR 1208.3(c)(3)" in " ".join(stdout.split())
    parts = [line for line in stdout.splitlines() if line.startswith("Part ")]
    assert parts == [
        "Part A.I  Information about you",
        "Part A.II  Your spouse and children",
        "Part A.III  Your background",
        "Part B  Your application",
        "Part C  Additional information",
        "Part D  Your signature",
    ]
    assert "line 10" in stdout and "person.sex" in stdout
    assert "application.us_crimes.answer" in stdout  # convictions: [] does not answer Part C.6


def test_json_lists_the_same_questions(form: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(SPARSE, encoding="utf-8")
    code, stdout, _ = run("i589", case, "--form", form, "-o", tmp_path / "filled.pdf", "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    assert data["edition"] == "03/01/23"
    assert {"part": "A.I", "line": "10", "question": "Gender", "facts": ["person.sex"], "if_any": False,
            "reason": None} in data["unanswered"]  # fmt: skip


def test_the_form_option_is_required_and_named_in_errors(form: Path, tmp_path: Path) -> None:
    code, _, stderr = run("i589", EXAMPLE, "-o", tmp_path / "filled.pdf")
    assert code == 2 and "--form" in stderr
    code, _, stderr = run("i589", EXAMPLE, "--form", tmp_path / "missing.pdf", "-o", tmp_path / "filled.pdf")
    assert code == 2 and "--form: no such file" in stderr and "uscis.gov/i-589" in stderr
    not_a_form = tmp_path / "notes.pdf"
    not_a_form.write_bytes(b"not a pdf at all")
    code, _, stderr = run("i589", EXAMPLE, "--form", not_a_form, "-o", tmp_path / "filled.pdf")
    assert code == 2 and stderr.startswith("error: --form:") and "not a readable PDF" in stderr
    assert not (tmp_path / "filled.pdf").exists()


def test_an_unknown_edition_lists_the_known_ones(form: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(form))
    for page in writer.pages:
        contents = page.get_contents()
        assert contents is not None
        contents.set_data(contents.get_data().replace(b"03/01/23", b"01/20/25"))
        page.replace_contents(contents)
    newer = tmp_path / "i-589-2025.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    newer.write_bytes(buffer.getvalue())
    code, _, stderr = run("i589", EXAMPLE, "--form", newer, "-o", tmp_path / "filled.pdf")
    assert code == 2
    assert "edition 01/20/25 has no field map yet" in stderr
    assert "editions Withhold can fill: 03/01/23" in stderr


def test_the_inputs_are_never_overwritten(form: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(SPARSE, encoding="utf-8")
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(form.read_bytes())
    for target, what in ((case, "case file"), (blank, "blank form")):
        before = target.read_bytes()
        code, _, stderr = run("i589", case, "--form", blank, "-o", target)
        assert code == 2 and "--output" in stderr and what in stderr
        assert target.read_bytes() == before


@pytest.mark.parametrize("content", [b"not a pdf at all", b"%PDF-1.7\ngarbage\n", bytes(range(256)) * 8])
def test_a_file_that_is_not_a_pdf_gets_one_clean_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    not_a_form = tmp_path / "notes.pdf"
    not_a_form.write_bytes(content)
    with caplog.at_level(logging.DEBUG, logger="pypdf"):
        code, stdout, stderr = run("i589", EXAMPLE, "--form", not_a_form, "-o", tmp_path / "filled.pdf")
    assert code == 2 and stdout == ""
    (line,) = stderr.splitlines()
    assert line.startswith(f"error: --form: {not_a_form}: not a readable PDF")
    assert [record.getMessage() for record in caplog.records if record.name.startswith("pypdf")] == []


def test_a_file_that_is_not_a_pdf_prints_no_library_warning_in_a_real_process(tmp_path: Path) -> None:
    not_a_form = tmp_path / "notes.pdf"
    not_a_form.write_bytes(b"not a pdf at all")
    result = subprocess.run(
        [sys.executable, "-m", "withhold.cli.app", "i589", str(EXAMPLE), "--form", str(not_a_form),
         "-o", str(tmp_path / "filled.pdf")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: --form: {not_a_form}: not a readable PDF (Stream has ended unexpectedly)"
    ]
