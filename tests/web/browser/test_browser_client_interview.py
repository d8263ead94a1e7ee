"""The client's interview in a real browser, on a phone, in English and in Spanish: a section's title and its
introduction, pages of several questions with "I don't know" for each, an answer that does not fit shown by
its question with the rest kept, "Skip for now" and coming back to what was skipped, and a result that never
says "eligible" while the attorney has not assessed what it depends on. Then, at a desktop's size, the
attorney's findings review with the law's suggestion accepted. axe-core checks every page; the screenshots
of docs/web are taken here. Everyone in these tests is invented."""

from __future__ import annotations

import re

import pytest
from browsing import (
    CHROMIUM,
    NO_CHROMIUM,
    PHONE_WIDTHS,
    SCREENSHOTS,
    Browser,
    OpenBrowser,
    check_layout,
    open_at,
)
from interviewing import answer_item, answer_page, press, shown_page
from playwright.sync_api import expect

from withhold.interview.bank import question_for
from withhold.interview.sections import sections
from withhold.language import Language
from withhold.web.interviews.texts import TEXTS
from withhold.web.texts import text

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

PEOPLE: dict[str, str] = {"en": "Marisol", "es": "Yareli"}
"""The invented client of each language's run."""
MOST_PAGES = 60
CODE = re.compile(r"\b[a-z]+_?[a-z]*\.[a-z_]+(\[\d+\])?")
"""A fact path (``claim.country``, ``proceedings.hearings[0].kind``): never on a client's screen."""
FINAL_WORDS = ("eligible", "not_eligible", "barred")


def words(key: str, language: Language) -> str:
    return TEXTS[key].get(language)


def start_a_case(browser: Browser, name: str, language: Language) -> str:
    """Logs in as the demo attorney in ``language``, creates a case and opens its interview; returns the
    case page's path."""
    browser.go("/accounts/login/")
    if language != "en":
        browser.choose_language(language)
    browser.log_in("demo")
    browser.go("/cases/new/")
    browser.page.fill("#id_given_name", name)
    browser.follow("main button[name=then][value=interview]")
    assert browser.path().endswith("/interview/"), browser.path()
    return browser.path().removesuffix("interview/")


def plain(browser: Browser, what: str) -> None:
    """What a client reads on the page: no fact path, no code, no English assessment put to them."""
    shown = browser.page.inner_text("main")
    found = CODE.search(shown)
    assert found is None, f"{what}: a code on screen: {found.group(0) if found else ''}"


def look(browser: Browser, what: str, screenshot: str = "") -> None:
    if SCREENSHOTS:
        # A screenshot with animations disabled makes Playwright add a style of its own to the page, which
        # the content security policy refuses when htmx next swaps content in the same document: that
        # refusal is the test's, not the page's (a run without screenshots still catches any of the page's).
        browser.errors[:] = [e for e in browser.errors if "Applying inline style violates" not in e]
    browser.check(what)
    check_layout(browser.page, what, PHONE_WIDTHS)
    plain(browser, what)
    if screenshot:
        browser.shoot(screenshot)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_client_interview_on_a_phone(language: Language, open_browser: OpenBrowser) -> None:
    browser = open_at(open_browser, "phone")
    page = browser.page
    start_a_case(browser, PEOPLE[language], language)
    titles = {section.title.get(language): key for key, section in sections().items()}
    seen_sections: list[str] = []
    several = skipped = False
    for step in range(MOST_PAGES):
        shown = shown_page(page)
        if not shown["paths"]:
            break
        assert shown["lang"] == language
        section = titles[shown["title"]]
        assert section != "findings"
        assert not any(question_for(path).judgement for path in shown["paths"])  # never a finding
        if not seen_sections or seen_sections[-1] != section:
            seen_sections.append(section)
            assert shown["intro"] == sections()[section].intro.get(language)  # a section opens with why
        look(
            browser,
            f"client interview, page {step + 1} ({language})",
            f"client-first-{language}-phone" if step == 0 else "",
        )
        if len(shown["paths"]) > 1 and not several:
            several = True
            browser.shoot(f"client-several-{language}-phone", whole=True)
            assert page.locator("main fieldset.item").count() == len(shown["paths"])
            assert page.locator("main .option.dont-know").count() == len(shown["paths"])  # one each
            # The first question answered, the others left blank: the page again, saying which.
            first = shown["items"][0]
            answer_item(page, 1, shown["paths"][0], first["kind"])
            press(page, "answer")
            again = shown_page(page)
            assert again["paths"] == shown["paths"]
            assert not again["items"][0]["error"] and all(item["error"] for item in again["items"][1:])
            assert again["items"][1]["error"] == words("blank", language)
            browser.errors[:] = [e for e in browser.errors if "422" not in e]
            look(browser, f"a page with answers missing ({language})")
            browser.shoot(f"client-error-{language}-phone", whole=True)
            answer_page(page)  # the first answer was kept: answering the rest is enough
            continue
        if section == "what_happened" and not skipped:
            skipped = True  # the story can wait: skipped for now, asked again at the end
            press(page, "skip")
            assert shown_page(page)["paths"] != shown["paths"]
            continue
        answer_page(page)
    else:
        raise AssertionError(f"the interview did not end after {MOST_PAGES} pages")
    assert several and skipped
    assert seen_sections.index("everyone") > seen_sections.index("what_happened")  # the bars after the story

    # The result: what was skipped is offered again; no status is called final.
    assert page.inner_text("main h1").strip() == words("result", language)
    result = page.inner_text("main ul.result")
    for status in FINAL_WORDS:
        assert text(f"status.{status}", language) not in result, status
    assert text("standing.needs_assessment", language) in result
    offered = page.inner_text("main button[value=come_back]").strip()
    assert offered in (words("come_back", language), words("come_back_one", language)), offered
    look(browser, f"the client interview's result ({language})")
    browser.shoot(f"client-result-{language}-phone", whole=True)

    press(page, "come_back")
    back = shown_page(page)
    assert titles[back["title"]] == "what_happened"  # the skipped page, again
    look(browser, f"a skipped page, come back to ({language})")
    for _ in range(10):
        if not shown_page(page)["paths"]:
            break
        answer_page(page)
    assert page.locator("main button[value=come_back]").count() == 0
    look(browser, f"the result, nothing skipped ({language})")


def test_the_findings_review_with_a_suggestion_accepted(open_browser: OpenBrowser) -> None:
    """The attorney, after the client's interview (the government harmed the client): the review lists
    each finding with the client's answers in words; the law's suggestion is marked as one, and accepting
    it records it and moves it among the reviewed."""
    browser = open_at(open_browser, "desktop")
    page = browser.page
    case_page = start_a_case(browser, "Eulalia", "en")
    for _ in range(MOST_PAGES):
        if not shown_page(page)["paths"]:
            break
        answer_page(page)  # the first choice of who harmed the client: the government
    browser.check("the client interview's result")
    browser.follow(f"main a[href='{case_page}findings/']")
    browser.check("findings review")
    browser.shoot("findings-desktop")
    plain(browser, "findings review")
    suggested = page.locator("main article.finding.suggested", has_text="relocation is presumed unreasonable")
    question = suggested.locator("h3").inner_text().strip()
    expect(suggested.locator(".suggestion")).to_contain_text(
        "Suggested from the client's answers — not recorded until you confirm"
    )
    expect(suggested.locator("dl.said").first).to_contain_text("The government")
    browser.follow(f"main article#{suggested.get_attribute('id')} button[value=accept]")
    expect(page.locator("main .message.success")).to_contain_text("Your assessment is saved")
    reviewed = page.locator("main article.finding", has=page.locator("h3", has_text=question)).last
    expect(reviewed.locator(".badge")).to_have_text("Reviewed")
    expect(reviewed).to_contain_text("Recorded now: No")
    browser.check("findings review, a suggestion accepted")
    assert page.evaluate("location.hash").startswith("#finding-")  # opened at the next one waiting
    reviewed.scroll_into_view_if_needed()
    browser.shoot("findings-accepted-desktop")
    browser.go(case_page)
    browser.check("case page after a review")
    expect(page.locator("main .actions a[href$='/findings/']")).to_contain_text("Findings review")
