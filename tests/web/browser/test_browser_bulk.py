"""Work on many cases in a real browser (issue 20, items 6 and 7): an attorney downloads the spreadsheet
template, uploads it unchanged, sees the preview, imports (the worker does it; the page follows), and
sees the report with the new case; a
spreadsheet with problems is shown row by row, nothing saved; then the attorney screens every active case
of the docket, the page follows the worker until the results are there, and the CSV downloads. The same
pages on a phone. axe-core checks every page. Everyone in these tests is invented."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, PHONE_DEVICE, Browser, OpenBrowser, check_layout

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

PHONE_WIDTHS = (390, 320)
WITH_PROBLEMS = (
    "given_name;family_name;date_of_birth;detained;favourite_colour\n"
    "Rosa;Ejemplo;03/15/1988;sí;azul\n"
    "Tomás;Muestra;4 March 2026;quizás;verde\n"
).encode("cp1252")


def upload(browser: Browser, file: Path) -> None:
    browser.go("/bulk/import/")
    browser.page.set_input_files("#id_file", str(file))
    browser.follow("main form button[type=submit]")


def test_an_attorney_imports_the_template_and_screens_the_docket(
    open_browser: OpenBrowser, tmp_path: Path
) -> None:
    browser = open_browser()
    page = browser.page
    browser.log_in("demo")
    browser.follow("main .actions a[href='/bulk/import/']")
    browser.check("bulk import page")
    browser.shoot("import-upload-desktop", whole=True)
    name, data = browser.download("main a[href='/bulk/import/template.csv']")
    assert name == "withhold-cases-template.csv" and b"Nadia" in data
    template = tmp_path / name
    template.write_bytes(data)

    browser.follow("main a[href='/bulk/import/columns/']")
    assert "given_name" in page.inner_text("main table") and "Date of birth." in page.inner_text("main table")
    browser.check("spreadsheet columns page")
    browser.shoot("import-columns-desktop", whole=True)

    problems = tmp_path / "from excel.csv"
    problems.write_bytes(WITH_PROBLEMS)
    upload(browser, problems)
    said = page.inner_text("main")
    assert "Nothing has been saved yet" in said and "1 new case will be made." in said
    assert "1 row has problems and will not be imported." in said and "favourite_colour" in said
    assert "Windows-1252 (Excel)" in said and "Rosa Ejemplo" in said
    row = page.inner_text("#row-3")
    assert "date_of_birth" in row and "not a date in a form Withhold reads" in row and "write yes, no" in row
    browser.check("import preview with problems")
    browser.shoot("import-preview-problems-desktop", whole=True)

    upload(browser, template)
    assert "1 new case will be made." in page.inner_text("main") and "Nadia Sample" in page.inner_text("main")
    browser.check("import preview of the template")
    browser.shoot("import-preview-desktop", whole=True)
    browser.follow("form.confirm-import button[type=submit]")
    page.wait_for_selector("ul.imported-cases", timeout=90_000)  # the worker imports, then a reload
    assert "1 case was imported." in page.inner_text("main")
    browser.check("import report")
    browser.shoot("import-report-desktop", whole=True)
    browser.follow("ul.imported-cases a")
    assert "Nadia" in page.inner_text("main h1")

    browser.go("/cases/")
    browser.shoot("docket-actions-desktop")
    browser.follow("main .actions a[href='/bulk/screening/']")
    browser.check("screen every case page")
    browser.shoot("screening-start-desktop", whole=True)
    browser.follow("main form button[type=submit]")
    page.wait_for_selector("table.docket-screening", timeout=90_000)  # the worker, then a reload
    said = page.inner_text("main")
    assert "active cases screened under the law as of" in said and "Case 1" in said
    browser.check("docket screening results")
    browser.shoot("screening-results-desktop", whole=True)
    name, data = browser.download("main a[href$='/results.csv']")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert name.startswith("docket-screening-") and len(rows) >= 10 and rows[0]["asylum"]
    results = browser.path()

    phone = open_browser({"width": 390, "height": 844}, **PHONE_DEVICE)
    phone.log_in("demo")
    upload(phone, problems)
    phone.check("import preview on a phone")
    phone.shoot("import-preview-problems-phone", whole=True)
    phone.fits_a_phone()
    check_layout(phone.page, "import preview", PHONE_WIDTHS)
    phone.go(results)
    phone.check("docket screening results on a phone")
    phone.shoot("screening-results-phone", whole=True)
    phone.fits_a_phone()
    check_layout(phone.page, "docket screening results", PHONE_WIDTHS)
    phone.go("/cases/")
    phone.shoot("docket-actions-phone")
    phone.fits_a_phone()
    phone.go("/bulk/import/columns/")
    phone.shoot("import-columns-phone", whole=True)
    phone.fits_a_phone()
