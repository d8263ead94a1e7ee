"""The filing package in a real browser, against ``withhold serve`` and the queue worker it starts: two
documents uploaded to a demo case on its evidence page (invented), put in another order under other titles, the package built
in the background while the page follows it (htmx), its index shown, the package downloaded and opened.
axe-core checks each page; the page fits a phone. Screenshots (desktop and phone) go to
``WITHHOLD_SCREENSHOTS`` when it is set."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, PHONE, PHONE_DEVICE, Browser, OpenBrowser
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

LETTER = "Letter of support from the church"
REPORT = "Human rights report on Honduras, 2025"


def text_pdf(folder: Path, name: str, word: str, pages: int) -> Path:
    from weasyprint import HTML  # type: ignore[import-untyped]

    body = "".join(f"<p style='break-before: page'>{word} page {n + 1}</p>" for n in range(pages))
    path = folder / name
    path.write_bytes(HTML(string=body).write_pdf())
    return path


def upload_two_documents(browser: Browser, case: str, folder: Path) -> None:
    """On the case's evidence page, as a person does it."""
    page = browser.page
    browser.go(f"{case}evidence/")
    page.set_input_files("#id_doc-0-file", str(text_pdf(folder, "letter.pdf", "SUPPORTLETTER", 3)))
    page.fill("#id_doc-0-title", LETTER)
    page.select_option("#id_doc-0-language", "en")
    page.set_input_files("#id_doc-1-file", str(text_pdf(folder, "report.pdf", "COUNTRYREPORT", 2)))
    page.fill("#id_doc-1-title", REPORT)
    page.select_option("#id_doc-1-language", "en")
    browser.follow("#upload button[type=submit]")
    assert "2 documents were saved." in page.inner_text("main .messages")


def choice_id(browser: Browser, title: str) -> str:
    """The id of the document listed under ``title`` on the filing page."""
    row = browser.page.locator("ol.package-documents > li", has_text=title)
    name = row.locator("input[type=checkbox]").get_attribute("name")
    assert name is not None
    return name.removeprefix("use_")


def test_a_package_is_built_in_the_background_and_its_index_shown(
    open_browser: OpenBrowser, tmp_path: Path
) -> None:
    browser = open_browser()
    page = browser.page
    browser.log_in("demo")
    case = browser.first_case()
    upload_two_documents(browser, case, tmp_path)
    browser.go(case)
    browser.follow("#downloads a[href$='/filing/']")
    browser.check("filing package, nothing built")
    # Only the two documents uploaded here (another test may have left others on this case), the country
    # report first, under a title of the filing's own.
    for box in page.locator("ol.package-documents input[type=checkbox]").all():
        box.uncheck()
    letter_id, report_id = choice_id(browser, LETTER), choice_id(browser, REPORT)
    page.check(f"#id_use_{letter_id}")
    page.check(f"#id_use_{report_id}")
    page.fill(f"#id_order_{report_id}", "1")
    page.fill(f"#id_order_{letter_id}", "2")
    page.fill(f"#id_title_{report_id}", "U.S. Department of State, Honduras 2025 Human Rights Report")
    page.fill("#id_judge", "Judge Invented Example")
    page.fill("#id_served_on", "2026-12-01")
    page.check("#id_method_2")  # electronically, through ECAS
    browser.shoot("filing-form-desktop", whole=True)
    browser.follow("main form button[type=submit]")
    browser.shoot("filing-building-desktop")

    download = page.locator("#package-progress a[download]")
    expect(download).to_be_visible(timeout=120_000)  # built by the worker withhold serve started
    browser.check("filing package, built")
    index = page.locator("table.package-index tbody tr")
    first = index.nth(0).inner_text()
    assert first.startswith("A") and "Honduras 2025 Human Rights Report" in first
    assert LETTER in index.nth(1).inner_text() and index.count() == 2
    assert "Built from version 1 of the case" in page.inner_text("#package-progress")
    browser.shoot("filing-built-desktop", whole=True)

    name, data = browser.download("#package-progress a[download]")
    assert re.fullmatch(r"case-\d+-filing\.pdf", name), name
    reader = PdfReader(io.BytesIO(data))
    pages = index.nth(0).inner_text().split()[-1]
    assert reader.pages and len(reader.pages) >= int(pages.split("–")[-1])

    browser.go(f"{case}filing/")  # the form as last chosen: the documents in that order
    listed = page.locator("ol.package-documents > li strong").all_inner_texts()
    assert listed[:2] == [REPORT, LETTER]
    browser.fits_a_phone()
    phone = open_browser(PHONE, **PHONE_DEVICE)
    phone.log_in("demo")
    phone.go(f"{case}filing/")
    phone.check("filing package on a phone")
    phone.fits_a_phone()
    phone.shoot("filing-built-phone", whole=True)
