"""The audit log's page and the recovery codes of two-factor login, in a real browser: each page passes
axe-core (no serious or critical violation) at desktop and phone sizes without scrolling sideways, the
filters work with and without JavaScript, the CSV downloads, and a recovery code logs in once. The
person who turns two-factor login on is made for this test by the demo administrator, so the demo logins
the other tests use are left as they were. Everyone here is invented."""

from __future__ import annotations

import base64
import csv
import io
import re

import pytest
from browsing import CHROMIUM, DESKTOP, NO_CHROMIUM, Browser, OpenBrowser, open_at
from django_otp.oath import totp

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

CODE = re.compile(r"\b\d{4}-\d{4}-\d{4}\b")


def shown_actions(browser: Browser) -> list[str]:
    cells = browser.page.locator("table.audit-log tbody td:nth-child(3)").all_inner_texts()
    return [cell.split(":", 1)[-1].strip() for cell in cells]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_audit_log(size: str, open_browser: OpenBrowser) -> None:
    phone = size == "phone"
    browser = open_at(open_browser, size)
    page = browser.page
    browser.log_in("demo")
    case = browser.first_case()
    browser.go(case)  # leaves a "viewed" entry
    number = page.inner_text("main p.eyebrow").split("·")[0].strip().split()[-1]

    browser.follow("main .actions a[href^='/audit/?case=']")  # the case page's link to its own log
    assert browser.path() == f"/audit/?case={number}"
    cases = page.locator("table.audit-log tbody td:nth-child(4) a").all_inner_texts()
    assert cases and set(cases) == {f"Case {number}"}
    browser.check(f"the audit log of one case ({size})")
    browser.shoot(f"audit-log-case-{size}")
    if phone:
        browser.fits_a_phone()

    browser.go("/audit/")
    page.select_option("#id_action", "viewed")
    browser.follow("main form[role=search] button[type=submit]")
    assert "action=viewed" in browser.path()
    assert set(shown_actions(browser)) == {"viewed"}
    browser.check(f"the audit log, filtered ({size})")
    if phone:  # the list, as cards
        page.locator("table.audit-log").scroll_into_view_if_needed()
    browser.shoot(f"audit-log-{size}")
    if phone:
        browser.fits_a_phone()

    name, data = browser.download("main a[href^='/audit/audit-log.csv']")
    assert name.startswith("audit-log-") and name.endswith(".csv")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert lines[0] == ["username", "action", "case_number", "version", "what", "time"]
    assert {line[1] for line in lines[1:]} == {"viewed"}  # the filter carried over
    assert ["demo", "viewed", number] in [line[:3] for line in lines]

    page.fill("#id_date_from", "2030-01-02")
    page.fill("#id_date_to", "2030-01-01")
    browser.follow("main form[role=search] button[type=submit]")
    assert page.is_visible("main .issues[role=alert]") and page.is_visible("#id_date_to_error")
    browser.check(f"the audit log, a wrong filter ({size})")

    browser.log_out()
    browser.log_in("demo-screener")
    assert page.locator("nav a[href='/audit/']").count() == 0
    assert browser.go("/audit/") == 403


def test_the_audit_log_filters_without_javascript(open_browser: OpenBrowser) -> None:
    browser = open_browser(java_script_enabled=False)
    browser.log_in("demo-admin")
    browser.go(browser.first_case())  # a "viewed" entry for the filter to find, whatever ran before
    browser.go("/audit/")
    browser.page.select_option("#id_action", "viewed")
    browser.follow("main form[role=search] button[type=submit]")
    assert "action=viewed" in browser.path()
    assert set(shown_actions(browser)) == {"viewed"}
    browser.page.fill("#id_date_from", "2030-01-01")  # nothing yet: the filters still apply, none found
    browser.follow("main form[role=search] button[type=submit]")
    assert "action=viewed" in browser.path() and "date_from=2030-01-01" in browser.path()
    assert shown_actions(browser) == []
    assert "No entry matches these filters." in browser.page.inner_text("main")


def log_in_with_code(browser: Browser, username: str, password: str, code: str) -> None:
    browser.go("/accounts/login/")
    browser.page.fill("#id_username", username)
    browser.page.fill("#id_password", password)
    browser.page.fill("#id_otp_token", code)
    browser.follow("main form button[type=submit]")


def test_recovery_codes(open_browser: OpenBrowser) -> None:
    browser = open_browser()
    page = browser.page
    browser.log_in("demo-admin")
    browser.go("/accounts/people/")
    page.fill("#id_username", "recovery-tester")
    page.select_option("#id_role", "viewer")
    browser.follow("main form:not(.inline) button.primary")
    password = page.inner_text("main .notice code.secret")
    browser.log_out()

    browser.go("/accounts/login/")
    page.fill("#id_username", "recovery-tester")
    page.fill("#id_password", password)
    browser.follow("main form button[type=submit]")
    browser.go("/accounts/two-factor/")
    secret = page.inner_text("main code.secret")
    page.fill("#id_token", f"{totp(base64.b32decode(secret)):06d}")
    browser.follow("main form button.primary")

    codes = CODE.findall(page.inner_text("main ol"))
    assert len(codes) == 10
    browser.check("the recovery codes, shown once")
    browser.shoot("recovery-codes-desktop")
    browser.fits_a_phone()
    page.set_viewport_size(DESKTOP)

    browser.follow("main a.button.primary")  # "I have kept them"
    assert not CODE.search(page.inner_text("main"))
    assert "You have 10 recovery codes left." in page.inner_text("main")
    browser.check("two-factor login, on, with recovery codes")
    browser.shoot("two-factor-on-desktop")
    page.click("#id_codes-token")
    browser.follow("main button[value=new_codes]")  # no code given: refused, said where
    assert page.is_visible("main .issues[role=alert]") and page.is_visible("#id_codes-token_error")
    browser.check("two-factor login, new codes refused")
    browser.fits_a_phone()
    page.set_viewport_size(DESKTOP)
    browser.log_out()

    log_in_with_code(browser, "recovery-tester", password, codes[0])
    assert browser.path() == "/cases/"
    assert "You have 9 left" in page.inner_text("main .messages")
    browser.check("the docket after a login with a recovery code")
    browser.log_out()

    log_in_with_code(browser, "recovery-tester", password, codes[0])  # used up
    assert browser.path() == "/accounts/login/"
    assert "That code is not right" in page.inner_text("main")
