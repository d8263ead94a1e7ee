"""The filing package in a real browser, against ``withhold serve`` and the queue worker it starts: two
documents uploaded to a demo case (invented), put in another order under other titles, the package built
in the background while the page follows it (htmx), its index shown, the package downloaded and opened.
axe-core checks each page; the page fits a phone. Screenshots (desktop and phone) go to
``WITHHOLD_SCREENSHOTS`` when it is set."""

from __future__ import annotations

import io
import re

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, PHONE, PHONE_DEVICE, OpenBrowser, Server
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import manage

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

UPLOAD = """
from weasyprint import HTML
from withhold.web.cases.models import CaseRecord
from withhold.web.evidence.documents import keep
record = CaseRecord.objects.get(id="{case_id}")
for title, word, pages in (("Letter of support from the church", "SUPPORTLETTER", 3),
                           ("Human rights report on Honduras, 2025", "COUNTRYREPORT", 2)):
    body = "".join(f"<p style='break-before: page'>{{word}} page {{n + 1}}</p>" for n in range(pages))
    keep(record, f"{{word.lower()}}.pdf", HTML(string=body).write_pdf(), {{"title": title, "language": "en"}})
print("kept")
"""


def upload_two_documents(server: Server, case: str) -> None:
    """What the evidence page will do (the helper of web/evidence it uses), run as the server's own."""
    case_id = case.strip("/").split("/")[-1]
    assert "kept" in manage(server.env, "shell", "-c", UPLOAD.format(case_id=case_id))


def test_a_package_is_built_in_the_background_and_its_index_shown(
    open_browser: OpenBrowser, server: Server
) -> None:
    browser = open_browser()
    page = browser.page
    browser.log_in("demo")
    case = browser.first_case()
    upload_two_documents(server, case)
    browser.go(case)
    browser.follow("#downloads a[href$='/filing/']")
    browser.check("filing package, nothing built")
    rows = page.locator("ol.package-documents > li")
    assert rows.count() == 2
    # The country report first, under a title of the filing's own.
    boxes = "ol.package-documents > li input[type=checkbox]"
    letter_id, report_id = (
        name.removeprefix("use_") for name in page.eval_on_selector_all(boxes, "all => all.map(b => b.name)")
    )
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
    assert "Letter of support from the church" in index.nth(1).inner_text()
    assert "Built from version 1 of the case" in page.inner_text("#package-progress")
    browser.shoot("filing-built-desktop", whole=True)

    name, data = browser.download("#package-progress a[download]")
    assert re.fullmatch(r"case-\d+-filing\.pdf", name), name
    reader = PdfReader(io.BytesIO(data))
    pages = index.nth(0).inner_text().split()[-1]
    assert reader.pages and len(reader.pages) >= int(pages.split("–")[-1])

    browser.go(f"{case}filing/")  # the form as last chosen: the documents in that order
    listed = page.locator("ol.package-documents > li strong").all_inner_texts()
    assert listed == ["Human rights report on Honduras, 2025", "Letter of support from the church"]
    browser.fits_a_phone()
    phone = open_browser(PHONE, **PHONE_DEVICE)
    phone.log_in("demo")
    phone.go(f"{case}filing/")
    phone.check("filing package on a phone")
    phone.fits_a_phone()
    phone.shoot("filing-built-phone", whole=True)
