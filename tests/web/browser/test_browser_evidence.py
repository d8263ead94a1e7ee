"""Evidence documents in a real browser: an attorney uploads a PDF and a photo to a case, sees them listed
with the checklist items they serve, sees a file that is not what its name says named with its problem,
and finds the same page usable on a phone. axe-core checks every page; the layout holds at a phone's
widths. Everyone in these tests is invented."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, PHONE_DEVICE, OpenBrowser, check_layout
from PIL import Image
from pypdf import PdfWriter

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

PHONE_WIDTHS = (390, 320)


def invented_files(folder: Path) -> tuple[Path, Path, Path]:
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(612, 792)
    letter = folder / "carta-de-amenaza.pdf"
    with letter.open("wb") as out:
        writer.write(out)
    picture = io.BytesIO()
    Image.new("RGB", (800, 600), "teal").save(picture, "JPEG")
    photo = folder / "IMG_2041.jpg"
    photo.write_bytes(picture.getvalue())
    fake = folder / "notes.pdf"
    fake.write_text("Invented notes, not a PDF at all.")
    return letter, photo, fake


def test_an_attorney_uploads_documents_and_sees_them_listed_on_desktop_and_phone(
    open_browser: OpenBrowser, tmp_path: Path
) -> None:
    letter, photo, fake = invented_files(tmp_path)
    browser = open_browser()
    page = browser.page
    browser.log_in("demo")
    case = browser.first_case()
    browser.go(case)
    browser.follow("main .actions a[href$='/evidence/']")
    browser.check("evidence page, before")
    assert "No document is on file yet." in page.inner_text("#on-file")

    page.set_input_files("#id_doc-0-file", str(letter))
    page.fill("#id_doc-0-title", "Threat letter from the gang, March 2024")
    page.select_option("#id_doc-0-language", "es")
    page.check("input[name='doc-0-items'][value='threat_evidence']")
    page.set_input_files("#id_doc-1-file", str(photo))
    page.fill("#id_doc-1-title", "Photo of the scar on the left arm")
    page.check("#id_doc-1-no_translation")
    page.check("input[name='doc-1-items'][value='photographs']")
    browser.follow("#upload button[type=submit]")
    assert browser.path().endswith("/evidence/")
    assert "2 documents were saved." in page.inner_text("main .messages")
    listed = page.inner_text("#on-file")
    assert "Threat letter from the gang, March 2024" in listed and "Needs a translation" in listed
    assert "Photo of the scar on the left arm" in listed and "3 pages" in listed
    assert "Threat letter from the gang" in page.inner_text("#checklist")
    browser.check("evidence page, two documents")
    browser.shoot("evidence-desktop", whole=True)

    page.set_input_files("#id_doc-0-file", str(fake))
    page.fill("#id_doc-0-title", "Notes")
    browser.follow("#upload button[type=submit]")
    said = page.inner_text("main .messages")
    assert (
        "“notes.pdf” was not saved: its name ends in .pdf, but the file is neither a PDF nor a photo" in said
    )
    assert page.input_value("#id_doc-0-title") == "Notes"  # what was written stays
    browser.errors[:] = [e for e in browser.errors if "status of 422" not in e]  # the refusal's own status
    browser.check("evidence page, a file refused")
    browser.shoot("evidence-refused-desktop")

    browser.go(case)
    page.click("#evidence > summary")
    assert "Threat letter from the gang" in page.inner_text("#evidence")
    browser.check("case page with documents on file")
    page.locator("#evidence").screenshot(path=str(tmp_path / "unused.png"))  # laid out before the shot
    browser.shoot("evidence-case-page-desktop", whole=True)

    phone = open_browser({"width": 390, "height": 844}, **PHONE_DEVICE)
    phone.log_in("demo")
    phone.go(f"{case}evidence/")
    phone.check("evidence page on a phone")
    phone.shoot("evidence-phone", whole=True)
    phone.fits_a_phone()
    check_layout(phone.page, "evidence page", PHONE_WIDTHS)
