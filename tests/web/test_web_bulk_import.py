"""Importing many cases at once (issue 20, item 6): a CSV mapped to case/1 by ``columns.yaml`` (the template
round-trips), or a ZIP of case files; a preview of every row and its problems, by row and column, before
anything is saved; each row imported whole or not at all, through the same store function as one case
file; a report of what was done; duplicates flagged; the upload kept encrypted; another organization 404."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import struct
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from web_people import INVENTED
from web_queue import run_queue

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.models import CaseRecord, CaseVersion, Change
from withhold.web.imports.columns import by_header, columns, read_cell
from withhold.web.imports.models import Upload


@pytest.fixture(autouse=True)
def _imports_run_at_once(settings: Any) -> None:
    """The task queue's immediate backend: a confirmed import is done inside the request (the queue's own
    worker is the test below, ``test_a_confirmed_import_runs_on_the_queue_and_the_page_follows_it``)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def upload(client: Client, data: bytes, name: str = "cases.csv") -> Any:
    return client.post("/bulk/import/", {"file": _file(data, name)})


def _file(data: bytes, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def previewed(client: Client, data: bytes, name: str = "cases.csv") -> tuple[str, str]:
    """Uploads ``data``; the preview's address and its page."""
    response = upload(client, data, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"])
    assert page.status_code == 200
    return response["Location"], page.content.decode()


def imported(client: Client, data: bytes, name: str = "cases.csv", **form: str) -> str:
    """Uploads, confirms; the report's page."""
    url, _ = previewed(client, data, name)
    confirmed = client.post(url + "confirm/", form)
    assert confirmed.status_code == 302 and confirmed["Location"] == url
    return client.get(url).content.decode()


def row_text(page: str, number: int) -> str:
    found = re.search(rf'<tr id="row-{number}">(.*?)</tr>', page, re.S)
    assert found, f"row {number} is not in the preview"
    return found.group(1)


def test_the_template_round_trips_into_one_case_matching_its_example_row(attorney: Client) -> None:
    template = attorney.get("/bulk/import/template.csv")
    assert template.status_code == 200 and template["Content-Type"].startswith("text/csv")
    data = template.content
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents of a UTF-8 file with its BOM
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0] == [column.header for column in columns()] and len(lines) == 2
    _, preview = previewed(attorney, data, "withhold-cases-template.csv")
    assert "1 new case will be made." in preview and "Nothing has been saved yet" in preview
    assert CaseRecord.objects.count() == 0  # the preview saves nothing
    report = imported(attorney, data, "withhold-cases-template.csv")
    assert "1 case was imported." in report
    record = CaseRecord.objects.get()
    assert f'href="/cases/{record.id}/"' in report and "Nadia Sample" in report
    document = record.document
    assert document["person"] == {
        "given_name": "Nadia",
        "family_name": "Sample",
        "a_number": "A024681357",
        "date_of_birth": "1990-07-15",
        "sex": "female",
        "nationality": "VE",
        "country_of_birth": "VE",
        "languages": ["es"],
    }
    assert document["proceedings"] == {
        "kind": "removal",
        "court": "Houston, Texas",
        "detained": False,
        "notice_to_appear_date": "2026-02-10",
        "hearings": [{"date": "2027-01-12", "kind": "master"}],
    }
    assert document["entry"] == {"last_arrival_date": "2026-01-20"}  # inspected: empty, so unknown
    assert document["claim"] == {"country": "VE", "grounds": ["political_opinion"], "past_persecution": True}
    assert "asylum" not in document and "convictions" not in document
    version = CaseVersion.objects.get(case=record)
    assert (version.number, version.change) == (1, Change.IMPORTED)


def test_every_example_of_the_mapping_is_read_by_its_own_column_type() -> None:
    for column in columns():
        if column.example:
            assert read_cell(column, column.example) is not None, column.header
        assert column.help.en and column.help.es


def test_the_columns_page_is_made_from_the_mapping_in_both_languages(
    attorney: Client, client_for: Callable[..., Client], organization: Organization
) -> None:
    page = attorney.get("/bulk/import/columns/").content.decode()
    for column in columns():
        assert f"<code>{column.header}</code>" in page and f"<code>{column.path}</code>" in page
    assert "Date of birth." in page and "yes / no / unknown" in page
    attorney.post("/language/", {"language": "es"})
    spanish = attorney.get("/bulk/import/columns/").content.decode()
    assert "Fecha de nacimiento." in spanish and "sí / no / no sé" in spanish
    assert client_for(organization, Role.VIEWER).get("/bulk/import/columns/").status_code == 403


def test_unknown_columns_are_named_as_a_warning_and_their_cells_are_left_out(attorney: Client) -> None:
    data = b"given_name,family_name,favourite_colour,Case Notes\nAna,Example,blue,Marigoldish\n"
    _, preview = previewed(attorney, data)
    assert "These columns are not Withhold" in preview
    assert "<code>favourite_colour</code>" in preview and "<code>case_notes</code>" in preview
    assert "1 new case will be made." in preview
    imported(attorney, data)
    assert CaseRecord.objects.get().document == {
        "withhold": "case/1",
        "person": {"given_name": "Ana", "family_name": "Example"},
    }


def test_a_file_with_no_known_column_is_refused_and_nothing_is_kept(attorney: Client) -> None:
    response = upload(attorney, b"colour,size\nblue,3\n")
    assert response.status_code == 200
    page = response.content.decode()
    assert "None of the file&#x27;s columns is one Withhold knows" in page and "colour, size" in page
    assert Upload.objects.count() == 0 and CaseRecord.objects.count() == 0


def test_windows_1252_bytes_are_read_and_the_page_says_so(attorney: Client) -> None:
    data = "given_name,family_name\nJosé,Peña\n".encode("cp1252")
    _, preview = previewed(attorney, data)
    assert "Windows-1252 (Excel)" in preview and "José Peña" in preview
    imported(attorney, data)
    assert CaseRecord.objects.get().document["person"] == {"given_name": "José", "family_name": "Peña"}


def test_semicolons_and_a_byte_order_mark_as_excel_writes_in_spanish(attorney: Client) -> None:
    data = "\ufeffgiven_name;family_name;court\nLucía;Ejemplo;Houston, Texas\n".encode()
    _, preview = previewed(attorney, data)
    assert "UTF-8" in preview and "separated by &quot;;&quot;" in preview
    imported(attorney, data)
    document = CaseRecord.objects.get().document
    assert document["person"] == {"given_name": "Lucía", "family_name": "Ejemplo"}  # no BOM in the name
    assert document["proceedings"] == {"court": "Houston, Texas"}


def test_dates_iso_and_us_are_read_and_others_are_refused_by_row_and_column(attorney: Client) -> None:
    data = (
        b"given_name,date_of_birth,last_arrival_date\n"
        b"Uno,03/04/2026,2026-04-03\n"
        b"Dos,4 March 2026,\n"
        b"Tres,25/03/2026,02/30/2026\n"
    )
    _, preview = previewed(attorney, data)
    assert "Will be imported" in row_text(preview, 2)
    second = row_text(preview, 3)
    assert "<code>date_of_birth</code>" in second and "not a date in a form Withhold reads" in second
    assert "4 March" not in second  # the value is not quoted back
    third = row_text(preview, 4)
    assert "the day seems to come first" in third and "no such date" in third
    assert "<code>last_arrival_date</code>" in third
    report = imported(attorney, data)
    assert (
        "2 rows were not imported" in report and "Row 3" in report and "<code>date_of_birth</code>" in report
    )
    person, entry = CaseRecord.objects.get().document["person"], CaseRecord.objects.get().document["entry"]
    assert person["date_of_birth"] == "2026-03-04"  # month first, as in the US
    assert entry["last_arrival_date"] == "2026-04-03"


def test_yes_and_no_in_spanish_and_an_empty_cell_stays_unknown(attorney: Client) -> None:
    data = (
        "given_name,detained,inspected,past_persecution\nUno,sí,no,no sé\nDos,,YES,Unknown\nTres,quizás,,\n"
    ).encode()
    _, preview = previewed(attorney, data)
    assert "write yes, no or unknown" in row_text(preview, 4)
    imported(attorney, data)
    first, second = (r.document for r in CaseRecord.objects.order_by("number"))
    assert first["proceedings"] == {"detained": True} and first["entry"] == {"inspected": False}
    assert "claim" not in first  # "no sé" is unknown, never no
    assert "proceedings" not in second and second["entry"] == {"inspected": True} and "claim" not in second


def test_a_row_with_an_error_amid_good_rows_only_the_good_ones_are_saved_each_whole(
    attorney: Client, organization: Organization
) -> None:
    data = (
        b"given_name,family_name,sex,a_number,next_hearing_date,next_hearing_kind\n"
        b"Uno,Ejemplo,female,A011111111,2027-01-05,master\n"
        b"Dos,Ejemplo,Quixotelli,A022222222,2027-01-06,master\n"
        b"Tres,Ejemplo,male,A033333333,2027-01-07,merits\n"
        b"Cuatro,Ejemplo,,A044444444,,\n"
    )
    _, preview = previewed(attorney, data)
    assert "2 new cases will be made." in preview and "2 rows have problems" in preview
    bad = row_text(preview, 3)
    assert "<code>sex</code>" in bad and "expected one of" in bad and "Quixotelli" not in bad
    assert "<code>next_hearing_kind</code>" in row_text(preview, 4)
    report = imported(attorney, data)
    assert "2 cases were imported." in report and "2 rows were not imported" in report
    numbers = {r.document["person"]["given_name"]: r.number for r in CaseRecord.objects.all()}
    assert set(numbers) == {"Uno", "Cuatro"}
    assert CaseVersion.objects.count() == 2  # each case has its version 1, and no other row left anything
    assert all(v.change == Change.IMPORTED and v.number == 1 for v in CaseVersion.objects.all())
    created = AuditEntry.objects.filter(action=Action.IMPORTED, what="bulk")
    assert created.count() == 2 and all(e.version == 1 for e in created)
    bulk = AuditEntry.objects.get(action=Action.IMPORTED_BULK)
    assert (bulk.organization, bulk.case_id, bulk.what) == (organization, None, "csv:2:2")


def test_a_row_that_fails_to_save_leaves_nothing_and_the_others_are_saved(
    attorney: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from withhold.web.cases import search

    real = search.index

    def failing(record: CaseRecord, case: Any) -> None:
        real(record, case)
        if case.person.given_name == "Dos":
            raise RuntimeError("the database went away")

    monkeypatch.setattr(search, "index", failing)
    report = imported(attorney, b"given_name\nUno\nDos\nTres\n")
    assert "2 cases were imported." in report and "it could not be saved" in report
    assert sorted(r.document["person"]["given_name"] for r in CaseRecord.objects.all()) == ["Tres", "Uno"]
    assert CaseVersion.objects.count() == 2 and AuditEntry.objects.filter(action=Action.IMPORTED).count() == 2


def test_a_known_a_number_is_flagged_and_imported_only_when_asked(
    attorney: Client, make_case: Callable[..., CaseRecord], organization: Organization
) -> None:
    existing = make_case(organization, INVENTED)  # A098765432
    data = b"given_name,a_number\nUno,98765432\nDos,A055555555\nTres,55555555\n"
    _, preview = previewed(attorney, data)
    assert f"Already in the docket: Case {existing.number}" in row_text(preview, 2)
    assert "Will be imported" in row_text(preview, 3)
    assert "Same A-number as an earlier row" in row_text(preview, 4)
    assert "1 new case will be made." in preview and "2 rows have an A-number already" in preview
    report = imported(attorney, data)
    assert "1 case was imported." in report and "its A-number is already in the docket" in report
    assert CaseRecord.objects.count() == 2
    imported(attorney, data, duplicates="import")
    assert CaseRecord.objects.count() == 5


def test_a_zip_of_case_files_is_imported_file_by_file(attorney: Client) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cases/one.yaml", "withhold: case/1\nperson: {given_name: Uno}\n")
        archive.writestr(
            "cases/two.json", json.dumps({"withhold": "case/1", "person": {"given_name": "Dos"}})
        )
        archive.writestr("cases/bad.yaml", "withhold: case/1\nclaim: {nexsu: x}\n")
        archive.writestr("readme.txt", "not a case")
    _, preview = previewed(attorney, buffer.getvalue(), "docket.zip")
    assert "2 new cases will be made." in preview and "<code>cases/bad.yaml</code>" in preview
    assert "claim.nexsu" in preview
    report = imported(attorney, buffer.getvalue(), "docket.zip")
    assert "2 cases were imported." in report and "<code>cases/bad.yaml</code>" in report
    assert sorted(r.document["person"]["given_name"] for r in CaseRecord.objects.all()) == ["Dos", "Uno"]
    assert AuditEntry.objects.get(action=Action.IMPORTED_BULK).what == "zip:2:1"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _declaring(data: bytes, size: int) -> bytes:
    """The ZIP with its (one) entry's uncompressed size declared as ``size``, in both of its headers."""
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    patched = bytearray(data)
    patched[local + 22 : local + 26] = struct.pack("<I", size)
    patched[central + 24 : central + 28] = struct.pack("<I", size)
    return bytes(patched)


@pytest.mark.parametrize(
    ("archive", "says"),
    [
        (_zip({"../../etc/case.yaml": b"withhold: case/1\n"}), "points outside the ZIP"),
        (_zip({"/abs/case.yaml": b"withhold: case/1\n"}), "points outside the ZIP"),
        (
            _zip({"a.yaml": b"withhold: case/1\n", "inner.zip": _zip({"b.yaml": b"withhold: case/1\n"})}),
            "ZIP inside",
        ),
        (_declaring(_zip({"huge.yaml": b"withhold: case/1\n"}), 4_000_000_000), "too large once unpacked"),
        (b"PK\x03\x04 not really a zip", "damaged"),
    ],
)
def test_a_dangerous_or_damaged_zip_is_refused_whole_before_reading(
    attorney: Client, archive: bytes, says: str
) -> None:
    response = upload(attorney, archive, "cases.zip")
    assert response.status_code == 200 and says in response.content.decode()
    assert Upload.objects.count() == 0 and CaseRecord.objects.count() == 0


def test_a_zip_entry_larger_than_a_case_file_is_that_row_s_problem_unread(attorney: Client) -> None:
    archive = _zip({"big.yaml": b"#" * 5_000_000, "ok.yaml": b"withhold: case/1\n"})
    _, preview = previewed(attorney, archive, "cases.zip")
    assert "larger than a case file can be" in preview and "1 new case will be made." in preview


def test_too_many_rows_are_refused_as_a_whole(attorney: Client) -> None:
    data = ("given_name\n" + "Uno\n" * 2001).encode()
    response = upload(attorney, data)
    assert "The file has 2001 rows" in response.content.decode() and Upload.objects.count() == 0


def test_the_upload_is_kept_encrypted_until_the_import_then_dropped(attorney: Client) -> None:
    data = b"given_name,family_name\nZephyrine,Quixotelli\n"
    url, _ = previewed(attorney, data, "Quixotelli family.csv")
    with connection.cursor() as cursor:
        cursor.execute("SELECT data, name FROM imports_upload")
        raw = " ".join(str(value) for value in cursor.fetchone())
    assert "Quixotelli" not in raw and "Zephyrine" not in raw
    attorney.post(url + "confirm/")
    upload_row = Upload.objects.get()
    assert upload_row.data is None and upload_row.report["created"][0]["number"] == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT report FROM imports_upload")
        assert "Zephyrine" not in str(cursor.fetchone())


def test_a_second_confirm_imports_nothing_twice(attorney: Client) -> None:
    url, _ = previewed(attorney, b"given_name\nUno\n")
    attorney.post(url + "confirm/")
    attorney.post(url + "confirm/")
    assert CaseRecord.objects.count() == 1
    assert AuditEntry.objects.filter(action=Action.IMPORTED_BULK).count() == 1


def test_an_expired_preview_is_deleted_and_says_so(attorney: Client) -> None:
    url, _ = previewed(attorney, b"given_name\nUno\n")
    Upload.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    response = attorney.post(url + "confirm/")
    assert response.status_code == 410 and "This preview has expired" in response.content.decode()
    assert Upload.objects.count() == 0 and CaseRecord.objects.count() == 0


def test_another_organization_gets_not_found_and_a_viewer_cannot_import(
    attorney: Client,
    client_for: Callable[..., Client],
    other_organization: Organization,
    organization: Organization,
) -> None:
    url, _ = previewed(attorney, b"given_name\nUno\n")
    stranger = client_for(other_organization, Role.ATTORNEY)
    assert stranger.get(url).status_code == 404
    assert stranger.post(url + "confirm/").status_code == 404
    assert CaseRecord.objects.count() == 0
    viewer = client_for(organization, Role.VIEWER)
    assert viewer.get("/bulk/import/").status_code == 403
    assert viewer.post(url + "confirm/").status_code == 403
    screener = client_for(organization, Role.SCREENER)  # screeners create cases: they may import
    assert screener.get("/bulk/import/").status_code == 200
    attorney.post(url + "confirm/")
    assert stranger.get(url).status_code == 404  # nor its report


def test_the_audit_entries_hold_codes_and_ids_only(attorney: Client) -> None:
    imported(attorney, b"given_name,family_name,a_number\nZephyrine,Quixotelli,A098765432\n")
    for entry in AuditEntry.objects.all():
        text = " ".join(str(v) for v in (entry.what, entry.username, entry.version, entry.case_id))
        assert "Zephyrine" not in text and "Quixotelli" not in text and "098765432" not in text
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {Action.IMPORTED, Action.IMPORTED_BULK}


def test_a_cell_too_long_and_a_number_column(attorney: Client) -> None:
    long_name = "x" * 1200
    data = f"given_name,sentence_months\n{long_name},abc\nDos,18\n".encode()
    _, preview = previewed(attorney, data)
    first = row_text(preview, 2)
    assert "longer than a cell can be" in first and "not a number" in first and long_name not in preview
    imported(attorney, data)
    assert CaseRecord.objects.get().document["convictions"] == [{"sentence_months": 18}]
    assert by_header()["sentence_months"].type == "number"


def test_the_pages_in_spanish(attorney: Client) -> None:
    attorney.post("/language/", {"language": "es"})
    assert "Importar muchos casos" in attorney.get("/bulk/import/").content.decode()
    data = "given_name;detained\nRosa;sí\nTomás;quizás\n".encode("cp1252")
    _, preview = previewed(attorney, data)
    assert "Revisar antes de importar" in preview and "Se creará 1 caso nuevo." in preview
    assert "escriba sí, no o no sé" in row_text(preview, 3) and "Fila" in row_text(preview, 3)
    report = imported(attorney, data)
    assert "Se importó 1 caso." in report and "1 fila no se importó:" in report


def test_an_excel_workbook_is_refused_with_how_to_save_it_as_csv(attorney: Client) -> None:
    workbook = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    for data, name in (
        (workbook, "cases.xlsx"),
        (workbook, "cases.zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "c.xls"),
    ):
        page = upload(attorney, data, name).content.decode()
        assert "not a CSV" in page and "CSV UTF-8" in page
    assert Upload.objects.count() == 0


def test_no_file_and_a_utf_16_file(attorney: Client) -> None:
    response = attorney.post("/bulk/import/", {})
    assert response.status_code == 200 and "Choose a CSV or ZIP file first." in response.content.decode()
    data = "given_name\tfamily_name\n".replace("\t", ",").encode("utf-16") + "Ana,Peña\n".encode("utf-16-le")
    _, preview = previewed(attorney, data)
    assert "UTF-16" in preview and "Ana Peña" in preview


@pytest.mark.django_db(transaction=True)
def test_a_confirmed_import_runs_on_the_queue_and_the_page_follows_it(
    attorney: Client, settings: Any, organization: Organization
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    url, _ = previewed(attorney, b"given_name\nUno\nDos\n")
    attorney.post(url + "confirm/")
    waiting = attorney.get(url).content.decode()
    assert (
        "Importing" in waiting and f'hx-get="{url}progress/"' in waiting and CaseRecord.objects.count() == 0
    )
    assert attorney.get(url + "progress/", HTTP_HX_REQUEST="true").status_code == 200
    assert run_queue() == 1
    done = attorney.get(url + "progress/", HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Refresh"] == "true"
    assert "2 cases were imported." in attorney.get(url).content.decode()
    user = attorney.get("/cases/").wsgi_request.user
    for version in CaseVersion.objects.all():  # made as the person who confirmed, on the queue
        assert version.created_by == user and version.change == Change.IMPORTED
    assert set(AuditEntry.objects.values_list("username", flat=True)) == {user.get_username()}
    assert AuditEntry.objects.filter(action=Action.IMPORTED_BULK, what="csv:2:0").count() == 1


def test_an_import_that_stops_says_so(attorney: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from withhold.web.imports import importing

    def broken(*args: Any) -> Any:
        raise RuntimeError("the database went away")

    url, _ = previewed(attorney, b"given_name\nUno\n")
    monkeypatch.setattr(importing, "check", broken)
    attorney.post(url + "confirm/")
    page = attorney.get(url).content.decode()
    assert "The import stopped before its end" in page and "No case was imported" not in page
    assert Upload.objects.get().data is None  # the file is not kept
