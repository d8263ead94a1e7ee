"""`withhold package`: a filing built from a case and its documents, every page numbered and indexed, what
could not go in named (and left out only with consent), clear errors that name the option. Invented people."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from withhold.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / "forms" / "i-589-edition-2023-03-01.pdf"
CASE = """\
withhold: case/1
law_as_of: 2026-11-23
person: {family_name: Inventada, given_name: Rosa, a_number: "A012345678", nationality: SV}
proceedings:
  kind: removal
  court: "Los Angeles, California"
  detained: true
  hearings: [{kind: master, date: 2027-01-20, time: "8:30 a.m."}]
entry: {last_arrival_date: 2026-01-15}
"""

runner = CliRunner()


def blank(path: Path, pages: int) -> str:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    writer.write(path)
    return str(path)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    photo = tmp_path / "injuries.jpg"
    Image.new("RGB", (900, 700), "gray").save(photo, "JPEG")
    (tmp_path / "letter.pdf").write_bytes(b"not a pdf at all")
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt("secret")
    writer.write(tmp_path / "locked.pdf")
    return {
        "dir": str(tmp_path),
        "case": str(tmp_path / "case.yaml"),
        "declaration": blank(tmp_path / "declaration.pdf", 3),
        "acta": blank(tmp_path / "acta.pdf", 1),
        "birth": blank(tmp_path / "birth-en.pdf", 1),
        "photo": str(photo),
        "bad": str(tmp_path / "letter.pdf"),
        "locked": str(tmp_path / "locked.pdf"),
    }


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["package", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_filing_is_written_with_each_exhibit_and_its_pages(files: dict[str, str]) -> None:
    out = str(Path(files["dir"]) / "filing.pdf")
    code, stdout, _ = invoke(
        files["case"], "-o", out, "--today", "2026-12-07",
        "-e", f"{files['declaration']}=Declaration of Rosa Inventada",
        "-e", f"{files['acta']}=Birth certificate", "--translation", f"{files['acta']}={files['birth']}",
        "--language", f"{files['acta']}=Spanish", "--translator", "Ana Traductora; 1 Main St; 555-0100",
        "-e", files["photo"], "--served-on", "2026-12-07", "--service-method", "electronic",
    )  # fmt: skip
    assert code == 0, stdout
    text = " ".join(stdout.split())
    assert text.startswith("Filing written:") and "(13 pages)" in text  # the path may wrap
    assert "A │ Declaration of Rosa Inventada │ 3–6 │ 3" in text
    assert "B │ Birth certificate │ 7–10 │ 3" in text  # the document, its translation, the certificate
    assert "C │ Injuries │ 11–12 │ 1" in text  # a title from the file's name
    assert "the immigration judge's name" in text  # no --judge: to fill in
    reader = PdfReader(out)
    assert len(reader.pages) == 13
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "DETAINED" in cover and "Los Angeles, California" in cover and "A012-345-678" in cover
    assert "January 20, 2027, 8:30 a.m. (master calendar hearing)" in cover


def test_documents_that_cannot_go_in_stop_the_build_all_named_and_nothing_is_written(
    files: dict[str, str],
) -> None:
    out = Path(files["dir"]) / "filing.pdf"
    code, _, stderr = invoke(
        files["case"], "-o", str(out), "-e", files["declaration"], "-e", files["bad"], "-e", files["locked"]
    )
    assert code == 2
    assert "2 of the documents cannot go into the filing" in stderr
    assert "letter.pdf: not a PDF or a photo" in stderr
    assert "locked.pdf: the PDF is protected by a password" in stderr
    assert "--leave-out-problems" in stderr
    assert not out.exists()


def test_with_consent_they_are_left_out_and_listed(files: dict[str, str]) -> None:
    out = Path(files["dir"]) / "filing.pdf"
    code, stdout, _ = invoke(
        files["case"], "-o", str(out), "-f", "json", "--leave-out-problems",
        "-e", files["declaration"], "-e", files["bad"], "-e", f"{files['photo']}=Photo — 写真",
    )  # fmt: skip
    assert code == 0
    data = json.loads(stdout)
    assert [entry["title"] for entry in data["index"]] == ["Declaration", "Photo"]
    assert data["left_out"] == [
        {
            "file": "letter.pdf",
            "problem": "not a PDF or a photo (JPEG, PNG or HEIC) (its name ends in .pdf, but it is not one)",
        }
    ]
    assert data["titles_changed"] == [{"title": "Photo — 写真", "letters_left_out": "写真"}]
    assert any("8 CFR 1003.32(c)" in note for note in data["notes"])  # no proof of service
    assert data["files"][0]["last_page"] == data["pages"] == len(PdfReader(out).pages)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--served-on", "07/12/2026"], "--served-on must be a date as YYYY-MM-DD"),
        (["--served-on", "2026-12-07", "--service-method", "mail"], "--dhs-address: serving by mail needs"),
        (["--service-method", "fax"], "--service-method"),
        (["--translation", "other.pdf=x.pdf"], "--translation: other.pdf is not one of the --exhibit files"),
        (["--language", "nothing"], "--language 'nothing': write it as FILE=VALUE"),
    ],
)
def test_bad_options_are_named(files: dict[str, str], extra: list[str], message: str) -> None:
    code, _, stderr = invoke(
        files["case"], "-o", str(Path(files["dir"]) / "f.pdf"), "-e", files["declaration"], *extra
    )
    assert code == 2
    assert message in stderr


def test_the_case_file_is_never_overwritten(files: dict[str, str]) -> None:
    code, _, stderr = invoke(files["case"], "-o", files["case"], "-e", files["declaration"])
    assert code == 2 and "case file" in stderr
    assert Path(files["case"]).read_text(encoding="utf-8") == CASE


def test_the_i589_filled_from_the_case_goes_first(files: dict[str, str]) -> None:
    out = Path(files["dir"]) / "filing.pdf"
    code, stdout, _ = invoke(files["case"], "-o", str(out), "--i589", str(FORM), "-e", files["declaration"])
    assert code == 0, stdout
    assert re.search(r"A\s+│ Form I-589, Application for Asylum", stdout)
    reader = PdfReader(out)
    assert "Tab A" in reader.pages[2].extract_text()
    # The form's answers are drawn into the page (flattened), not left in fields the merge would drop.
    first_page = reader.pages[3]
    assert "Inventada" in first_page.extract_text()
    assert not first_page.get("/Annots") or all(
        annotation.get_object().get("/Subtype") != "/Widget" for annotation in first_page["/Annots"]
    )
    assert io.BytesIO(out.read_bytes()).getbuffer().nbytes < 25 * 1024 * 1024
