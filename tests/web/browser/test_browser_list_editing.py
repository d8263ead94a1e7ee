"""A case's lists edited in a real browser: add an item, get a bad value named by item and field, mark an
item for removal and take it back, save; in English and Spanish, at desktop and phone sizes, by keyboard
alone, and with no JavaScript at all. axe-core checks each state of the page (serious or critical
violations fail). The case is the demo's invented one with a drug-trafficking conviction."""

from __future__ import annotations

import re

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, Browser, OpenBrowser, focused, open_at, tab_to
from playwright.sync_api import Page

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

LISTS = (
    "hearings",
    "convictions",
    "children",
    "siblings",
    "entries",
    "residences",
    "education",
    "employment",
    "family_helped",
    "evidence",
)
"""The lists of ``case/1`` (web/cases/lists.py finds them in the catalogue; the browser side just names them)."""
OFFENSE = "possession with intent to distribute"
"""Words of the demo case's one conviction (examples/drug-trafficking-cat-deferral-only.yaml)."""


def convictions_of_marco(browser: Browser) -> str:
    """Logs in and opens the convictions of the demo case of Marco Ejemplo; returns the page's path."""
    browser.go("/accounts/login/")
    browser.log_in("demo")
    page = browser.page
    page.fill("#q", "Marco")
    browser.follow("form.search button[type=submit]")
    case = page.get_attribute("table.docket tbody th a >> nth=0", "href")
    assert case, "the demo has no case of Marco Ejemplo"
    browser.go(f"{case}edit/")
    browser.follow("main ul.sections a[href$='/edit/convictions/']")
    assert browser.path().endswith("/edit/convictions/")
    return browser.path()


def legends(page: Page) -> list[str]:
    return [text.strip() for text in page.locator("main fieldset.item > legend").all_inner_texts()]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_list_from_adding_to_saving(size: str, open_browser: OpenBrowser) -> None:
    phone = size == "phone"
    browser = open_at(open_browser, size)
    page = browser.page
    path = convictions_of_marco(browser)
    assert legends(page) == ["Conviction 1"]
    browser.check(f"convictions ({size})")
    browser.shoot(f"list-editor-en-{size}", whole=True)
    if phone:
        browser.fits_a_phone()

    browser.follow("main button[value=add]")
    assert legends(page) == ["Conviction 1", "Conviction 2"]
    assert page.url.endswith("#item-2")  # the page comes back at the new item
    page.fill("#id_convictions-1-offense", "Invented trespass")
    page.select_option("#id_convictions-1-final", "false")
    page.fill("#id_convictions-1-sentence_months", "-3")
    browser.follow("main .sticky button[value=save]")
    summary = page.locator("main .issues[role=alert] li a").all_inner_texts()
    assert len(summary) == 1 and summary[0].startswith("Conviction 2, Term of imprisonment"), summary
    field = page.locator("#id_convictions-1-sentence_months")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_convictions-1-sentence_months_error" in (field.get_attribute("aria-describedby") or "")
    assert page.input_value("#id_convictions-1-offense") == "Invented trespass"  # typed, kept
    browser.check(f"convictions with an error ({size})")
    browser.shoot(f"list-editor-error-en-{size}", whole=True)

    page.fill("#id_convictions-1-sentence_months", "3")
    browser.follow("main button[value=remove-1]")
    assert legends(page) == ["Conviction 2"]
    notice = page.locator("main .notice[role=status]").inner_text()
    assert "When you save, these will be removed:" in notice and OFFENSE in notice
    browser.check(f"convictions with one marked for removal ({size})")
    browser.shoot(f"list-editor-removing-en-{size}", whole=True)
    browser.follow("main button[value=keep-1]")
    assert legends(page) == ["Conviction 1", "Conviction 2"]

    browser.choose_language("es")  # a page of its own: what was typed and not saved is left behind
    assert legends(page) == ["Condena 1"]
    assert page.input_value("#id_convictions-0-date") == "2019-04-15"  # not lost to the Spanish format
    browser.check(f"convictions in Spanish ({size})")
    browser.shoot(f"list-editor-es-{size}", whole=True)
    browser.follow("main button[value=add]")
    page.fill("#id_convictions-1-offense", "Invented trespass")
    page.fill("#id_convictions-1-sentence_months", "3")
    browser.follow("main .sticky button[value=save]")
    assert "Condenas: se guardó como versión" in page.locator("main .messages").inner_text()
    browser.go(path)
    assert legends(page) == ["Condena 1", "Condena 2"]
    assert page.input_value("#id_convictions-1-final") == ""  # left unknown: not "no"
    browser.choose_language("en")
    browser.follow("main button[value=remove-2]")
    browser.follow("main .sticky button[value=save]")  # the demo case as it was, for the other tests
    browser.go(path)
    assert legends(page) == ["Conviction 1"]


def test_a_list_by_keyboard_alone(open_browser: OpenBrowser) -> None:
    """Tab to "Add", press Enter: the next Tab lands in the new item; Enter in a field saves, it does not
    press the first item's "Remove"."""
    browser = open_browser()
    page = browser.page
    path = convictions_of_marco(browser)
    tab_to(page, lambda now: now["name"] == "action" and now["text"] == "Add a conviction", most=60)
    browser.press_enter()
    assert legends(page) == ["Conviction 1", "Conviction 2"]
    now = tab_to(page, lambda now: now["inForm"])
    assert now["id"] == "id_convictions-1-offense", now
    page.keyboard.type("Invented trespass")
    browser.press_enter()
    assert "saved as version" in page.locator("main .messages").inner_text()
    browser.go(path)
    assert legends(page) == ["Conviction 1", "Conviction 2"]
    remove = tab_to(page, lambda now: now["name"] == "action" and now["text"].startswith("Remove"), most=80)
    assert re.search(r"Remove\s+· Conviction 1", page.evaluate("document.activeElement.textContent")), remove
    browser.press_enter()
    assert focused(page)["tag"] == "body"
    keep = tab_to(page, lambda now: now["name"] == "action", most=60)
    assert keep["text"].startswith("Do not remove"), keep  # the next stop is the way back
    tab_to(page, lambda now: now["name"] == "action" and now["text"].startswith("Remove"))
    browser.press_enter()  # the new one goes too...
    browser.follow("main button[value=keep-1]")  # ...the demo's own stays
    browser.follow("main .sticky button[value=save]")
    browser.go(path)
    assert legends(page) == ["Conviction 1"]
    browser.check("convictions after keyboard editing")


def test_a_list_without_javascript(open_browser: OpenBrowser) -> None:
    browser = open_browser(java_script_enabled=False)
    page = browser.page
    path = convictions_of_marco(browser)
    browser.follow("main button[value=add]")
    page.fill("#id_convictions-1-offense", "Invented trespass")
    browser.follow("main button[value=remove-2]")
    assert legends(page) == ["Conviction 1"]
    browser.follow("main button[value=keep-2]")
    assert page.input_value("#id_convictions-1-offense") == "Invented trespass"
    browser.follow("main .sticky button[value=save]")
    browser.go(path)
    assert legends(page) == ["Conviction 1", "Conviction 2"]
    browser.follow("main button[value=remove-2]")
    browser.follow("main .sticky button[value=save]")
    browser.go(path)
    assert legends(page) == ["Conviction 1"]


def test_every_list_page_and_the_pages_leading_to_them(open_browser: OpenBrowser) -> None:
    """The demo's complete I-589 case has most lists filled: each list page, the overview and a section
    with lists of its own pass axe-core, and each list page fits a phone."""
    browser = open_at(open_browser, "phone")
    page = browser.page
    browser.go("/accounts/login/")
    browser.log_in("demo")
    page.fill("#q", "Lucía")
    browser.follow("form.search button[type=submit]")
    case = page.get_attribute("table.docket tbody th a >> nth=0", "href")
    browser.go(f"{case}edit/")
    browser.check("edit overview with lists")
    links = [
        link
        for link in page.eval_on_selector_all(
            "main ul.sections a", "all => all.map(a => a.getAttribute('href'))"
        )
        if link.rstrip("/").rsplit("/", 1)[-1] in LISTS
    ]
    assert len(links) == len(LISTS), links
    browser.go(f"{case}edit/family/")
    assert page.locator("main nav a[href$='/edit/children/']").count() == 1
    browser.check("family section with its lists")
    browser.shoot("section-with-lists-phone", whole=True)
    for link in links:
        browser.go(link)
        browser.check(f"list page {link}")
        if link.endswith("/entries/"):  # an ordered list: its items move up and down
            assert page.locator("main button[value=down-1]").count() == 1
            browser.shoot("list-editor-entries-phone", whole=True)
        browser.fits_a_phone()
    browser.go(f"{case}edit/children/")
    assert legends(page)[:2] == ["Child 1", "Child 2"]
    browser.shoot("list-editor-children-phone", whole=True)
