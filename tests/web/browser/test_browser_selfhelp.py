"""Self-help in a real browser, at a phone's size, in every language Withhold speaks: the welcome page, a
page of questions answered "I don't know" (the invented given name typed), on to the result and the
summary PDF; Arabic laid out right to left; Spanish by keyboard alone; Portuguese with scripts off. axe-core
checks the pages; the screenshots of ``docs/web/selfhelp-*`` are taken here. Everyone here is invented."""

from __future__ import annotations

import pytest
from browsing import (
    CHROMIUM,
    DESKTOP,
    DESKTOP_WIDTHS,
    NO_CHROMIUM,
    PHONE,
    PHONE_DEVICE,
    Browser,
    OpenBrowser,
    check_layout,
    focused,
    tab_to,
)

from withhold.language import LANGUAGES
from withhold.web.texts import text

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

NAME = "Quillonette"
MOST_PAGES = 40
FORM = "main form.intake-page"
SHOWN = ("en", "es", "ar")
"""The languages whose pages docs/web shows (English, the commonest other, and right to left)."""


def _paths(browser: Browser) -> list[str]:
    return browser.page.eval_on_selector_all(f"{FORM} input[name=path]", "all => all.map(i => i.value)")


def _answer_page(browser: Browser) -> None:
    """Every question "I don't know", the given name typed; then "Save and continue"."""
    for number, path in enumerate(_paths(browser), 1):
        if path == "person.given_name":
            browser.page.fill(f"#q{number}-answer", NAME)
        else:
            browser.page.check(f"#q{number}-dont-know")
    browser.follow(f"{FORM} button[name=action][value=answer]")


def _to_the_result(browser: Browser, language: str) -> int:
    pages = 0
    while _paths(browser):
        pages += 1
        assert pages <= MOST_PAGES, "the interview did not end"
        _answer_page(browser)
    assert browser.page.inner_text("main h1") == text("selfhelp.result_title", language)
    return pages


def _start(browser: Browser, language: str) -> None:
    assert browser.go(f"/self-help/?lang={language}") == 200
    browser.follow("main button[name=action][value=start]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_completes_self_help_on_a_phone(open_browser: OpenBrowser, language: str) -> None:
    browser = open_browser(PHONE, **PHONE_DEVICE)
    assert browser.go(f"/self-help/?lang={language}") == 200
    html = browser.page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    browser.check(f"self-help welcome ({language})")
    browser.fits_a_phone()
    shown = language in SHOWN
    if shown:
        browser.shoot(f"selfhelp-{language}-welcome")
    browser.follow("main button[name=action][value=start]")
    browser.check(f"self-help first page ({language})")
    browser.fits_a_phone()
    if shown:
        browser.shoot(f"selfhelp-{language}-page")
    pages = _to_the_result(browser, language)
    assert pages >= 5
    browser.check(f"self-help result ({language})")
    browser.fits_a_phone()
    if shown:
        browser.shoot(f"selfhelp-{language}-result")
    name, data = browser.download("main button[name=action][value=download_summary]")
    assert name == "withhold-summary.pdf" and data.startswith(b"%PDF")
    name, data = browser.download("main button[name=action][value=download_case]")
    assert name == "withhold-answers.json" and NAME.encode() in data


def test_arabic_mirrors_right_to_left(open_browser: OpenBrowser) -> None:
    browser = open_browser(PHONE, **PHONE_DEVICE)
    _start(browser, "ar")
    layout = browser.page.evaluate(
        """() => {
          const h1 = document.querySelector('main h1');
          const bar = document.querySelector('header .language button');
          return {align: getComputedStyle(h1).textAlign, direction: getComputedStyle(h1).direction,
                  firstButtonRight: bar.getBoundingClientRect().right, width: innerWidth};
        }"""
    )
    assert layout["direction"] == "rtl"
    assert layout["align"] in ("start", "right")
    assert layout["firstButtonRight"] > layout["width"] / 2  # the language switch starts at the right


def test_spanish_by_keyboard_alone(open_browser: OpenBrowser) -> None:
    browser = open_browser(PHONE, **PHONE_DEVICE)
    assert browser.go("/self-help/?lang=es") == 200
    first = tab_to(browser.page, lambda f: f["tag"] == "a")
    assert "weather.gov" in first["href"]  # "Leave this site quickly" is the first stop
    tab_to(browser.page, lambda f: f["name"] == "action" and f["text"] == text("selfhelp.start", "es"))
    browser.press_enter()
    paths = _paths(browser)
    for number, _path in enumerate(paths, 1):
        stop = tab_to(
            browser.page,
            lambda f, n=number: (
                f["id"] == f"q{n}-dont-know"  # type: ignore[misc]
                or (f["type"] == "radio" and f["id"].startswith(f"q{n}-"))
            ),
        )
        if stop["type"] == "radio":  # a group of choices is one Tab stop; the arrows move in it
            browser.page.keyboard.press("ArrowUp")  # from the first, round to the last: "No sé"
            assert focused(browser.page)["id"] == f"q{number}-dont-know" and focused(browser.page)["checked"]
        else:
            browser.page.keyboard.press("Space")
    tab_to(browser.page, lambda f: f["name"] == "action" and f["inForm"])
    browser.press_enter()
    assert _paths(browser) and _paths(browser) != paths  # the next page: the first was answered


def test_portuguese_without_scripts(open_browser: OpenBrowser) -> None:
    browser = open_browser(PHONE, java_script_enabled=False, **PHONE_DEVICE)
    _start(browser, "pt")
    _to_the_result(browser, "pt")
    assert browser.page.locator("html").get_attribute("lang") == "pt"
    assert not browser.errors, browser.errors


def test_the_result_at_a_desktops_size(open_browser: OpenBrowser) -> None:
    browser = open_browser(DESKTOP)
    _start(browser, "en")
    _to_the_result(browser, "en")
    check_layout(browser.page, "self-help result (desktop)", DESKTOP_WIDTHS)
    browser.page.set_viewport_size(DESKTOP)
    browser.shoot("selfhelp-en-result-desktop")
