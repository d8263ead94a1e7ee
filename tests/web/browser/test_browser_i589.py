"""Form I-589 in a real browser: an administrator keeps the organization's blank form once; an attorney
sees a case's unanswered questions, by part and line, before downloading, in English and in Spanish, and
fills the form with one click, with scripts and without. axe-core checks every page (any serious or
critical violation fails); the page fits a phone. Everyone in these tests is invented."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, Browser, OpenBrowser
from pypdf import PdfReader

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

KEEP = "/cases/forms/i589/"


def keep_blank_form(browser: Browser, blank_i589: Path) -> None:
    page = browser.page
    browser.log_in("demo-admin")
    browser.go(KEEP)
    browser.check("blank form, none kept")
    page.set_input_files("#id_blank", str(blank_i589))
    browser.follow("main form button[type=submit]")
    assert browser.path() == KEEP
    assert "edition 03/01/23" in page.inner_text("main .messages")
    assert "03/01/23" in page.inner_text("main .narrow")  # the kept form's status, beside the message
    browser.check("blank form, kept")
    browser.shoot("i589-blank-en", whole=True)
    browser.log_out()


def test_a_kept_form_fills_a_case_with_one_click_after_its_questions_are_listed(
    open_browser: OpenBrowser, blank_i589: Path
) -> None:
    browser = open_browser()
    page = browser.page
    keep_blank_form(browser, blank_i589)

    browser.log_in("demo")
    case = browser.first_case()
    browser.go(case)
    browser.follow("#downloads a[href$='/i589/']")
    browser.check("I-589 with a kept form")
    listed = page.locator("#unanswered table tbody tr").count()
    assert listed > 0
    assert page.locator("#unanswered h3").first.inner_text().startswith("Part A.I")
    assert f"{listed} questions of the form are still unanswered" in page.inner_text("main")
    browser.shoot("i589-case-en", whole=True)

    name, data = browser.download("main button[name=use][value=kept]")
    assert name.startswith("case-") and name.endswith("-i589.pdf")
    assert PdfReader(io.BytesIO(data)).get_fields()
    assert page.locator("#unanswered table tbody tr").count() == listed  # still there after the download

    browser.choose_language("es")
    browser.check("I-589 in Spanish")
    assert "preguntas del formulario siguen sin respuesta" in page.inner_text("main")
    assert page.locator("#unanswered h3").first.inner_text().startswith("Parte A.I")
    browser.shoot("i589-case-es", whole=True)
    browser.choose_language("en")

    # The one-off upload still works beside the kept form.
    page.set_input_files("#id_blank", str(blank_i589))
    name, data = browser.download("main form[enctype] button[type=submit]")
    assert data.startswith(b"%PDF")

    browser.fits_a_phone()


def test_the_one_click_fill_works_without_javascript(open_browser: OpenBrowser, blank_i589: Path) -> None:
    setup = open_browser()
    keep_blank_form(setup, blank_i589)
    browser = open_browser(java_script_enabled=False)
    browser.log_in("demo")
    case = browser.first_case()
    browser.go(f"{case}i589/")
    assert browser.page.locator("#unanswered table").count() > 0
    name, data = browser.download("main button[name=use][value=kept]")
    assert name.endswith("-i589.pdf") and data.startswith(b"%PDF")
