"""Withhold in a real browser, as a person uses it: log in, create a case, answer the interview (with "I
don't know", back and a change of language), see the result and the case page, download the deadlines
(ICS) and the reports (PDF), in English and in Spanish; every page type at desktop and phone sizes; the
keyboard alone; and no JavaScript at all. axe-core checks every page visited with scripts on (it is a
script itself): any serious or critical violation fails. Everyone in these tests is invented."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from browsing import (
    CHROMIUM,
    DESKTOP_WIDTHS,
    NO_CHROMIUM,
    PHONE_WIDTHS,
    Browser,
    OpenBrowser,
    check_layout,
    focused,
    open_at,
    tab_to,
)
from icalendar import Calendar
from interviewing import ARRIVED, answer_page, answered, press, shown_page
from playwright.sync_api import expect
from pypdf import PdfReader

from withhold.interview.bank import question_for
from withhold.language import Language
from withhold.language.gender import reading
from withhold.reports.texts import texts
from withhold.web.interviews.texts import TEXTS

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

PEOPLE: dict[str, tuple[str, str]] = {"en": ("Odalys", "Brightwater"), "es": ("Itzel", "Ferrándiz")}
"""The invented person of each language's run."""
MOST_PAGES = 40


def other(language: Language) -> Language:
    return "es" if language == "en" else "en"


def words(key: str, language: Language) -> str:
    return TEXTS[key].get(language)


def check_interview_page(browser: Browser, language: Language, asked: int) -> dict[str, Any]:
    """The page shown is the core's, in ``language``, with the progress so far."""
    browser.check(f"interview page after {asked} answers ({language})")
    shown = shown_page(browser.page)
    assert shown["lang"] == language
    for path, item in zip(shown["paths"], shown["items"], strict=True):
        if "[" not in path:  # items are numbered ("hearing 2"); others read as in the bank
            # in the words of the bank, agreeing with the person if the case records their sex
            readings = {
                question_for(path).text.get(reading(language, sex)) for sex in (None, "female", "male")
            }
            assert item["text"] in readings
    assert (shown["next"], shown["skip"]) == (words("next", language), words("skip", language))
    assert shown["progress"] == str(asked)
    return shown


def run_interview(browser: Browser, language: Language) -> int:
    """Answers until the result: "I don't know" to the 2nd page, back once after the 3rd, and the 5th
    in the other language. Returns how many questions were answered."""
    page, asked, went_back, switched, pages = browser.page, 0, False, False, 0
    for _ in range(MOST_PAGES):
        shown = shown_page(page)
        if not shown["paths"]:
            return asked
        check_interview_page(browser, language, asked)
        if pages == 1:
            answer_page(page, dont_know=True)
        elif pages == 3 and not went_back:
            press(page, "back")  # the 3rd page comes back, its answers cleared
            went_back = True
            pages -= 1
            asked = int(shown_page(page)["progress"])
            assert shown_page(page)["paths"] != shown["paths"]
            continue
        elif pages == 4 and not switched:
            browser.choose_language(other(language))  # mid-interview: the same page, other words
            switched = True
            assert check_interview_page(browser, other(language), asked)["paths"] == shown["paths"]
            answer_page(page)
            browser.choose_language(language)
        else:
            answer_page(page)
        asked += len(shown["paths"])
        pages += 1
    raise AssertionError(f"the interview did not end after {MOST_PAGES} pages")


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF"), data[:20]
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_case_from_login_to_reports(language: Language, open_browser: OpenBrowser) -> None:
    given, family = PEOPLE[language]
    browser = open_browser()
    page = browser.page
    browser.go("/accounts/login/")
    browser.check("login")
    if language == "es":
        browser.choose_language("es")
        browser.check("login in Spanish")
    browser.log_in("demo")
    assert page.get_attribute("html", "lang") == language  # the choice outlives the login
    browser.check("docket")

    browser.follow("main a[href='/cases/new/']")
    browser.check("new case")
    page.fill("#id_given_name", given)
    page.fill("#id_family_name", family)
    browser.follow("main button[name=then][value=interview]")
    assert re.fullmatch(r"/cases/[0-9a-f-]{36}/interview/", browser.path()), browser.path()
    case_url = browser.path().removesuffix("interview/")

    asked = run_interview(browser, language)
    assert asked >= 5
    browser.check("interview result")
    assert page.inner_text("main h1").strip() == words("result", language)
    assert page.locator("main ul.result > li").count() == 4  # the four protections, each with its status

    browser.follow(f"main a.button[href='{case_url}']")
    assert browser.path() == case_url
    browser.check("case page")
    assert given in page.inner_text("main h1")
    assert page.locator("#protections article.card").count() == 4

    name, data = browser.download("#downloads a[href$='/deadlines.ics']")
    assert given not in name and family not in name  # a file name in a download folder is a disclosure
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    one_year = [e for e in events if "I-589" in str(e.get("summary"))]
    assert one_year, [str(e.get("summary")) for e in events]
    due = one_year[0].decoded("dtstart")
    due = due.date() if isinstance(due, dt.datetime) else due
    assert dt.timedelta(days=365) <= due - ARRIVED <= dt.timedelta(days=370), due
    assert all(given not in e.to_ical().decode() for e in events)

    for audience in ("attorney", "client"):
        # The report is built by the server's queue worker: its page follows the build (htmx) and offers
        # the file when it is ready.
        case_page = page.url
        browser.follow(f"#downloads a[href$='/report/{audience}/{language}.pdf']")
        ready = page.locator("#build-progress a[download]")
        expect(ready).to_be_visible(timeout=90_000)
        browser.check(f"{audience} report, ready")
        browser.shoot(f"report-ready-{audience}-{language}")
        name, data = browser.download("#build-progress a[download]")
        page.goto(case_page)
        assert name.endswith(f"-{audience}-{language}.pdf") and given not in name
        text = pdf_text(data)
        title = " ".join(texts().say(language, "ui", f"title_{audience}").split())
        assert title in text, (audience, language)
        assert given in text

    # The docket's search answers as one types (htmx), and finds the new case by its family name.
    browser.go("/cases/")
    page.evaluate("window.notReloaded = true")
    page.fill("#q", family)
    rows = page.locator("#docket-rows table.docket tbody tr")
    expect(rows).to_have_count(1)
    assert given in rows.first.inner_text()
    browser.check("docket, searched")
    assert page.url.endswith("/cases/")  # no reload: the rows changed in place
    assert page.evaluate("window.notReloaded === true"), "the docket reloaded"


def find_result_page(browser: Browser) -> None:
    """Opens the interview of the first example case whose interview has nothing left to ask: the
    attorney's (a client's interview of an example still asks for the record what no rule needs), so the
    page is found whatever ran before."""
    browser.go("/cases/")
    cases = browser.page.eval_on_selector_all(
        "table.docket tbody th a", "links => links.map(link => link.getAttribute('href'))"
    )
    for href in cases:
        browser.go(f"{href}interview/?audience=attorney")
        if not shown_page(browser.page)["paths"]:
            return
    pytest.fail("no example case has a finished interview to show its result page")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_page_type(size: str, open_browser: OpenBrowser) -> None:
    """Each kind of page, accessible at desktop and phone sizes, its layout whole at every width of its
    size (:func:`check_layout`: no sideways scrolling, nothing squeezed, table headers over their columns);
    the screenshots of ``docs/web`` are taken here."""
    phone = size == "phone"
    browser = open_at(open_browser, size)
    page = browser.page

    def visit(
        what: str, path: str | None = None, screenshot: str = "", status: int = 200, whole: bool = False
    ) -> None:
        if path is not None:
            assert browser.go(path) == status
        if status != 200:  # the browser reports the page's own status as an error; nothing else may fail
            expected = f"the server responded with a status of {status}"
            browser.errors[:] = [error for error in browser.errors if expected not in error]
        browser.check(f"{what} ({size})")
        check_layout(page, f"{what} ({browser.path()})", PHONE_WIDTHS if phone else DESKTOP_WIDTHS)
        if screenshot:
            browser.shoot(f"{screenshot}-{size}", whole=whole)
        if phone:
            browser.fits_a_phone()

    visit("login", "/accounts/login/", "login")
    browser.log_in("demo")
    visit("docket", None, "docket")
    first = browser.first_case()
    visit("new case", "/cases/new/")
    visit("import", "/cases/import/")
    visit("calendar feed", "/cases/calendar/")
    visit("law watch", "/cases/law/?since=2025-01-15", "law-watch")
    visit("my tasks", "/cases/tasks/", "tasks")
    visit("calendar", "/calendar/?date=2026-12-07", "calendar")
    visit("calendar week", "/calendar/?view=week&date=2026-12-07&who=org")
    visit("calendar agenda", "/calendar/?view=agenda&date=2026-12-07")
    visit("workload", "/cases/workload/", "workload")
    visit("import many cases", "/bulk/import/", "import-many")
    visit("the spreadsheet's columns", "/bulk/import/columns/")
    visit("screen every case", "/bulk/screening/")
    visit("two-factor login", "/accounts/two-factor/")
    visit("account", "/accounts/", "account")
    visit("page not found", "/cases/00000000-0000-0000-0000-000000000000/", status=404)

    visit("case page", first, "case", whole=True)  # top to bottom: it is short enough now
    visit("edit overview", f"{first}edit/")
    browser.follow("main ul.sections a >> nth=0")
    visit("section edit form", None, "section")
    visit("YAML editor", f"{first}edit/document/", "yaml")
    visit("versions", f"{first}versions/", "versions")
    visit("one version", f"{first}versions/1/")
    visit("findings review", f"{first}findings/", "findings-review")
    visit("attorney interview", f"{first}interview/?audience=attorney")
    visit("I-589", f"{first}i589/")
    visit("delete confirmation", f"{first}delete/")

    browser.go("/cases/new/")
    page.fill("#id_given_name", "Maelis")
    browser.follow("main button[name=then][value=interview]")
    visit("interview question", None, "interview-en")
    browser.choose_language("es")
    visit("interview question in Spanish", None, "interview-es")
    browser.choose_language("en")
    visit("a new case's page", browser.path().removesuffix("interview/"), "case-new")  # nothing known yet
    find_result_page(browser)
    visit("interview result", None, "result")

    visit("audit log", "/audit/", "audit")

    browser.log_out()
    visit("logged out")
    browser.log_in("demo-admin")
    visit("people", "/accounts/people/", "people")
    visit("API tokens", "/api-tokens/", "api-tokens")


def test_the_keyboard_alone(open_browser: OpenBrowser) -> None:
    """Log in, skip to the content, reach the main controls, open a case and answer a question, and
    tab through a long form: all without a mouse, the focus always visible."""
    browser = open_browser()
    page = browser.page
    browser.go("/accounts/login/")
    browser.check("login")
    tab_to(page, lambda now: now["id"] == "id_username")
    page.keyboard.type("demo")
    tab_to(page, lambda now: now["id"] == "id_password")
    page.keyboard.type(browser.server.passwords["demo"])
    browser.press_enter()
    assert browser.path() == "/cases/"
    browser.check("docket")

    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main" and skip["ring"] and skip["inView"], skip  # the skip link shows
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    tab_to(page, lambda now: now["href"] == "/cases/new/")  # the first control of the content
    tab_to(page, lambda now: now["id"] == "q")
    tab_to(page, lambda now: now["id"] == "status")
    first_case = tab_to(page, lambda now: re.fullmatch(r"/cases/[0-9a-f-]{36}/", now["href"]) is not None)
    browser.press_enter()
    assert browser.path() == first_case["href"]
    browser.check("case page")

    browser.go("/cases/new/")
    browser.check("new case")
    tab_to(page, lambda now: now["id"] == "id_given_name")
    page.keyboard.type("Keyla")
    tab_to(page, lambda now: now["name"] == "then")  # "Create and start the interview"
    browser.press_enter()
    assert browser.path().endswith("/interview/")
    browser.check("interview")
    before = page.get_attribute("#progress", "value")
    # The first box or option of the first question (a field to type in is passed by: "I don't know").
    option = tab_to(page, lambda now: now["id"].startswith("q1-") and now["id"] != "q1-answer")
    page.keyboard.press("Space")
    assert page.is_checked(f"#{option['id']}")
    asked = len(shown_page(page)["paths"])
    # "Skip for now": that answer is kept, the page's other questions are left for later.
    tab_to(page, lambda now: now["text"] == words("skip", "en"))
    with answered(page):
        page.keyboard.press("Enter")
    assert page.get_attribute("#progress", "value") == str(int(before or 0) + asked)
    browser.check("interview after a keyboard answer")

    # A long form with its buttons stuck to the bottom of the window: no field hides behind them.
    browser.go(f"{first_case['href']}edit/")
    browser.check("edit overview")
    section = page.get_attribute("main ul.sections a >> nth=1", "href")
    browser.go(str(section))
    browser.check("section edit form")
    tab_to(page, lambda now: now["inForm"])
    stops = 1
    while (now := tab_to(page, lambda now: now["inForm"]))["tag"] != "button":
        stops += 1
    assert now["text"] and stops >= 8, (now, stops)  # every field, then "Save as a new version"


def test_the_interview_answers_without_reloading(open_browser: OpenBrowser) -> None:
    """With scripts, each reply is one htmx round trip: the next page is swapped in (the page never
    reloads), the focus moves to its heading so a screen reader reads it, and an answer that does not fit
    (422) shows why on the same page, by its question."""
    browser = open_browser()
    page = browser.page
    browser.go("/accounts/login/")
    browser.log_in("demo")
    browser.go("/cases/new/")
    page.fill("#id_given_name", "Sorrel")
    browser.follow("main button[name=then][value=interview]")
    interview = browser.path()
    page.evaluate("window.notReloaded = true")

    first = shown_page(page)
    press(page, "answer")  # nothing chosen: the same page, saying why by the question
    expect(page.locator("main .page-errors[role=alert]")).to_be_visible()
    assert shown_page(page)["paths"] == first["paths"]
    assert shown_page(page)["items"][0]["error"]
    assert page.evaluate("document.activeElement.matches('main h1')")
    browser.errors[:] = [e for e in browser.errors if "status of 422" not in e and "422 for" not in e]
    browser.check("interview, an answer that did not fit")

    seen = [first["paths"]]
    asked = 0
    for step in (1, 2):
        asked += len(answer_page(page)["paths"])
        shown = shown_page(page)
        assert shown["paths"] and shown["paths"] not in seen, (seen, shown)
        seen.append(shown["paths"])
        assert shown["progress"] == str(asked)
        assert page.evaluate("window.notReloaded === true"), "the page reloaded"
        assert page.evaluate("document.activeElement.matches('main h1')")
        assert page.evaluate("document.activeElement.innerText.trim()") == shown["title"]
        assert browser.path() == interview
        browser.check(f"interview page {step + 1}, swapped in")

    press(page, "back")  # back is a redirect to the interview page: followed, swapped in
    assert shown_page(page)["paths"] == seen[1]
    assert page.evaluate("window.notReloaded === true")
    page.reload()  # the URL stays the interview's: a reload shows the same page
    assert shown_page(page)["paths"] == seen[1]


def test_without_javascript(open_browser: OpenBrowser) -> None:
    """Everything works with scripts off: log in, search, create, answer, change language, read. (axe-core
    is a script itself, so it cannot run here: the same pages are checked with scripts on.)"""
    browser = open_browser(java_script_enabled=False)
    page = browser.page
    browser.go("/accounts/login/")
    browser.log_in("demo")
    page.fill("#q", "Ficticia")
    browser.follow("form.search button[type=submit]")
    assert "q=Ficticia" in page.url
    rows = page.locator("table.docket tbody tr")
    assert rows.count() >= 1 and all("Ficticia" in row.inner_text() for row in rows.all())

    browser.go("/cases/new/")
    page.fill("#id_given_name", "Anouk")
    browser.follow("main button[name=then][value=interview]")
    first = answer_page(page)
    assert shown_page(page)["paths"] != first["paths"]
    browser.choose_language("es")
    assert page.inner_text("main button[value=answer]").strip() == words("next", "es")
    press(page, "back")
    assert shown_page(page)["paths"] == first["paths"]
    browser.follow("main p.eyebrow a")  # back undid the only answer: nothing is known, the interview first
    assert page.locator("#start a.button.primary[href$='/interview/']").count() == 1
    assert page.locator("#protections").count() == 0
    page.click("main details#deadlines > summary")  # a folded section opens without scripts
    assert page.is_visible("main details#deadlines a[href$='/deadlines.ics']")


def test_on_a_phone_the_menu_folds_until_opened(open_browser: OpenBrowser) -> None:
    """At phone width the menu is a disclosure: its links are hidden until "Menu" is opened (no script
    needed); at desktop width they are always shown and "Menu" is not."""
    phone = open_at(open_browser, "phone")
    phone.go("/accounts/login/")
    phone.log_in("demo")
    audit = phone.page.locator("header nav a[href='/audit/']")
    expect(phone.page.locator("header summary")).to_be_visible()
    expect(audit).to_be_hidden()
    phone.page.click("header summary")
    expect(audit).to_be_visible()
    phone.check("docket, phone, menu open")

    desktop = open_browser()
    desktop.go("/accounts/login/")
    desktop.log_in("demo")
    expect(desktop.page.locator("header summary")).to_be_hidden()
    expect(desktop.page.locator("header nav a[href='/audit/']")).to_be_visible()


CASE_PAGE_HEIGHT = {"desktop": 3200, "phone": 5000}
"""The tallest an example case's page may be as it opens, in CSS pixels. Measured on the example cases
(Chromium, 1280 and 390 px wide): every section shown in full, 9,094 to 24,850 px on a desktop and 20,225
to 53,216 on a phone; leading with the protections and what to do next, the rest folded, 1,183 to 2,227
and 1,628 to 3,438."""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_case_page_leads_with_the_protections_and_folds_the_rest(
    size: str, open_browser: OpenBrowser
) -> None:
    """Every example case's page, as it opens: the four protections and what to do next, the rest folded
    (each section with its count of open items) and no taller than CASE_PAGE_HEIGHT; unfolded, its layout
    still holds."""
    browser = open_at(open_browser, size)
    page = browser.page
    browser.log_in("demo")
    cases = page.eval_on_selector_all(
        "table.docket tbody th a", "links => links.map(link => link.getAttribute('href'))"
    )
    heights = {}
    for href in cases:
        browser.go(href)
        heights[href] = page.evaluate("document.documentElement.scrollHeight")
        assert page.locator("main details.section[open]").count() == 0
        page.eval_on_selector_all("main details", "all => all.forEach(d => d.open = true)")
        check_layout(
            page, f"case page unfolded ({href})", PHONE_WIDTHS if size == "phone" else DESKTOP_WIDTHS
        )
    print(f"case page heights at {size} (CSS px): {sorted(heights.values())}")
    assert max(heights.values()) <= CASE_PAGE_HEIGHT[size], heights
