"""The calendar in a real browser: an attorney's month, week and agenda on a desktop and on a phone, with
the demo's cases given to the attorney and a few tasks (invented); the next thing due is at the top, the
missed and overdue ones are said in words; axe-core checks each page and the layout holds on a phone."""

from __future__ import annotations

import subprocess
import sys

import pytest
from browsing import (
    CHROMIUM,
    DESKTOP_WIDTHS,
    NO_CHROMIUM,
    PHONE,
    PHONE_DEVICE,
    PHONE_WIDTHS,
    OpenBrowser,
    Server,
    check_layout,
)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

SETUP = """
import datetime as dt
from django.contrib.auth import get_user_model
from withhold.web.accounts.models import Membership
from withhold.web.calendars.entries import today_for
from withhold.web.cases.models import CaseRecord
from withhold.web.tasks.models import Task
demo = get_user_model().objects.get(username="demo")
organization = Membership.objects.get(user=demo).organization
today = today_for(organization)
cases = list(CaseRecord.objects.filter(organization=organization).order_by("number"))
CaseRecord.objects.filter(organization=organization).update(attorney=demo)
Task.objects.filter(organization=organization).delete()
Task.objects.create(organization=organization, case=cases[0], title={"text": "Send the invented declaration for review"},
                    due=today + dt.timedelta(days=2), assignee=demo)
Task.objects.create(organization=organization, case=cases[-1], title={"text": "Book an interpreter (invented)"},
                    due=today - dt.timedelta(days=3), assignee=demo)
print(len(cases))
"""


def given_cases(server: Server) -> None:
    """The demo's cases given to the demo attorney, and two tasks of theirs, through the server's own
    settings and database."""
    done = subprocess.run(
        [sys.executable, "-m", "withhold.web.manage", "shell", "-c", SETUP],
        env=server.env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert int(done.stdout.split()[-1]) >= 2


def test_month_week_and_agenda_on_desktop_and_phone(open_browser: OpenBrowser, server: Server) -> None:
    given_cases(server)
    browser = open_browser()
    page = browser.page
    browser.log_in("demo")
    browser.follow("nav a[href='/calendar/']")
    assert browser.path() == "/calendar/"
    assert page.get_attribute("a[href='/calendar/']", "aria-current") == "page"
    top = page.inner_text(".attention")
    assert "Coming up in the next 14 days:" in top and "Send the invented declaration for review" in top
    assert "missed or overdue" in top
    assert "Book an interpreter (invented)" in page.inner_text(".attention")
    month = page.inner_text("table.month")
    assert "Task" in month and "Due soon" in month and "Overdue" in month
    browser.check("calendar, month")
    browser.shoot("calendar-month-desktop", whole=True)
    check_layout(page, "calendar, month", DESKTOP_WIDTHS)

    browser.follow("a[href*='view=week']")
    assert "view=week" in page.url
    assert page.locator("li.agenda-day").count() == 7
    browser.check("calendar, week")
    browser.shoot("calendar-week-desktop", whole=True)

    browser.follow("a[href*='view=agenda']")
    agenda = page.inner_text("ol.agenda")
    assert "Send the invented declaration for review" in agenda
    browser.check("calendar, agenda")
    browser.shoot("calendar-agenda-desktop", whole=True)

    browser.follow("a[rel=next]")
    browser.follow("a[href*='who=org']")
    assert "who=org" in page.url and "view=agenda" in page.url
    browser.check("calendar, the organization's agenda")

    browser.go("/calendar/?view=fortnight&date=someday")
    said = page.inner_text("main .messages")
    assert "not one of month, week or agenda" in said and "could not be read" in said
    browser.check("calendar, bad address")

    phone = open_browser(PHONE, **PHONE_DEVICE)
    phone.log_in("demo")
    for view in ("month", "week", "agenda"):
        phone.go(f"/calendar/?view={view}")
        phone.check(f"calendar, {view}, on a phone")
        phone.shoot(f"calendar-{view}-phone", whole=True)
        phone.fits_a_phone()
        check_layout(phone.page, f"calendar, {view}, on a phone", PHONE_WIDTHS)
    phone.go("/calendar/?view=month")
    # On a phone the month is a list of the days with entries: the empty days are not shown.
    shown = phone.page.locator("table.month td:visible")
    assert 0 < shown.count() < 28
    assert phone.page.locator("table.month td.empty:not(.today):visible").count() == 0
    assert "Send the invented declaration for review" in phone.page.inner_text("table.month")
