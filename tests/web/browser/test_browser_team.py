"""Working as a team in a real browser: an attorney makes a case theirs and gives it a screener, writes a
note, adds a task for themselves, finds it in My tasks, and marks it done; the case page's team sections,
My tasks and the workload page hold on a phone. axe-core checks every page. Everyone here is invented."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, PHONE, PHONE_DEVICE, OpenBrowser, check_layout

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

PHONE_WIDTHS = (390, 320)
NOTE = "Invented note: the client will bring the police report on Monday."
TASK = "Ask for the translation of the police report"


def unfold(page: Any, section: str) -> None:
    """Open a folded section of the case page, as a person clicks its heading."""
    if page.locator(section).get_attribute("open") is None:
        page.click(f"{section} > summary")


def test_an_attorney_assigns_a_case_writes_a_note_adds_a_task_and_completes_it(
    open_browser: OpenBrowser,
) -> None:
    due = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    browser = open_browser()
    page = browser.page
    browser.log_in("demo")
    case = browser.first_case()
    browser.go(f"{case}#team")  # the heading's "who works on it": the folded section opens

    # Assign: the attorney makes the case theirs, with the demo screener.
    page.select_option("#team form select[name=attorney]", label="demo")
    page.select_option("#team form select[name=screener]", label="demo-screener")
    browser.follow("#team form button[type=submit]")
    assert "Saved who works on the case." in page.inner_text("main .messages")
    team = page.inner_text("#team")
    assert "Responsible attorney: demo" in team and "Screener: demo-screener" in team

    assert page.locator("#team").get_attribute("open") is not None  # back at the section, open

    # A note.
    unfold(page, "#notes")
    page.fill("#note_text", NOTE)
    browser.follow("#notes form button[type=submit]")
    assert "Note added." in page.inner_text("main .messages")
    notes = page.inner_text("#notes")
    assert NOTE in notes and "demo, " in notes

    # A task, with a wrong date first: the field says what is wrong, what was typed stays.
    unfold(page, "#tasks")
    adding = page.locator("#tasks details.add")
    if adding.get_attribute("open") is None:
        page.click("#tasks details.add > summary")
    page.fill("#task_title", TASK)
    page.evaluate("document.querySelector('#task_due').type = 'text'")  # as a browser without a date picker
    page.fill("#task_due", "31/02/2026")
    page.select_option("#task_assignee", label="demo")
    browser.follow("#tasks details.add form button[type=submit]")
    assert "This is not a day of the calendar" in page.inner_text("main")
    assert page.input_value("#id_title") == TASK
    browser.errors[:] = [e for e in browser.errors if "status of 400" not in e]  # the refusal's own status
    browser.check("task form with an error")
    page.fill("#id_due", due)
    browser.follow("main form button[type=submit]")
    assert "Task added." in page.inner_text("main .messages")
    assert TASK in page.inner_text("#tasks")
    browser.check("case page with the team sections")
    page.locator("#team").scroll_into_view_if_needed()
    browser.shoot("team-case-page-desktop", whole=True)

    # My tasks: the task is there, linking to its case; marked done, it leaves the list.
    browser.follow("nav a[href='/cases/tasks/']")
    listed = page.inner_text("main")
    assert TASK in listed and "in 5 days" in listed
    assert page.locator(f"main a[href='{case}#tasks']").count() >= 1
    browser.check("My tasks")
    browser.shoot("team-my-tasks-desktop", whole=True)
    row = page.locator("li.task", has_text=TASK)
    with page.expect_navigation():
        row.locator("button", has_text="Mark done").click()
    assert "Task marked done." in page.inner_text("main .messages")
    assert page.locator("main li.task", has_text=TASK).count() == 0
    # The case's deadline tasks became the attorney's when the case did: they are listed, linked to it.
    assert page.locator("main li.task", has_text="Filings due before").count() >= 1
    browser.go(case)
    unfold(page, "#tasks")
    page.click("#tasks details.closed-tasks > summary")
    assert "marked done" in page.inner_text("#tasks details.closed-tasks")

    # The workload page and My cases.
    browser.follow("nav a[href='/cases/workload/']")
    assert "demo" in page.inner_text("table.workload")
    browser.check("workload page")
    browser.shoot("team-workload-desktop", whole=True)
    browser.go("/cases/?who=mine")
    assert page.locator("table.docket tbody tr").count() >= 1
    browser.shoot("team-my-cases-desktop")

    phone = open_browser(PHONE, **PHONE_DEVICE)
    phone.log_in("demo")
    phone.go(f"{case}#team")
    phone.check("case page on a phone")
    phone.page.locator("#team").scroll_into_view_if_needed()
    phone.shoot("team-case-page-phone")
    phone.fits_a_phone()
    check_layout(phone.page, "case page", PHONE_WIDTHS)
    phone.go("/cases/tasks/")
    phone.check("My tasks on a phone")
    phone.shoot("team-my-tasks-phone", whole=True)
    phone.fits_a_phone()
    check_layout(phone.page, "My tasks", PHONE_WIDTHS)
    phone.go("/cases/workload/")
    phone.check("workload on a phone")
    phone.shoot("team-workload-phone", whole=True)
    phone.fits_a_phone()
    check_layout(phone.page, "workload", PHONE_WIDTHS)
    phone.choose_language("es")
    phone.go("/cases/tasks/")
    assert "Mis tareas" in phone.page.inner_text("main h1")
    phone.check("My tasks in Spanish on a phone")
    phone.shoot("team-my-tasks-phone-es", whole=True)
