"""The API's pages in a real browser: the tokens page (an administrator makes a token, sees it once, the
token works, and is revoked) at desktop and phone sizes, accessible and without sideways scrolling; and
the interactive documentation (Swagger UI from the installed package's own files) rendering under the
site's Content-Security-Policy with nothing blocked and nothing fetched from elsewhere."""

from __future__ import annotations

import pytest
from browsing import CHROMIUM, NO_CHROMIUM, OpenBrowser, open_at
from playwright.sync_api import Request

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_an_administrator_makes_a_token_that_works_and_revokes_it(
    size: str, open_browser: OpenBrowser
) -> None:
    browser = open_at(open_browser, size)
    page = browser.page
    browser.log_in("demo-admin")
    if size == "phone":
        page.click("details.menu summary")
    browser.follow("nav a[href='/api-tokens/']")
    assert browser.path() == "/api-tokens/"
    page.fill("#id_name", f"Spreadsheet script ({size})")
    page.select_option("#id_role", "viewer")
    browser.follow("main form button.primary")
    secret = page.inner_text("code.token-secret").strip()
    assert secret.startswith("whk_")
    browser.check(f"the tokens page with a new token ({size})")
    browser.shoot(f"api-tokens-made-{size}", whole=True)
    if size == "phone":
        browser.fits_a_phone()

    answer = page.request.get(
        f"{browser.server.url}/api/v1/token", headers={"Authorization": f"Bearer {secret}"}
    )
    assert answer.status == 200 and answer.json()["role"] == "viewer"

    browser.go("/api-tokens/")  # the secret is shown once only
    assert secret not in page.content()
    row = page.locator("table.tokens tbody tr", has_text=f"Spreadsheet script ({size})")
    with page.expect_navigation():
        row.locator("button").click()
    assert "no longer works" in page.inner_text("main .messages")
    browser.check(f"the tokens page after revoking ({size})")
    browser.shoot(f"api-tokens-revoked-{size}", whole=True)
    gone = page.request.get(
        f"{browser.server.url}/api/v1/token", headers={"Authorization": f"Bearer {secret}"}
    )
    assert gone.status == 401


def test_the_interactive_documentation_renders_under_the_content_security_policy(
    open_browser: OpenBrowser,
) -> None:
    browser = open_at(open_browser, "desktop")
    page = browser.page
    asked: list[str] = []

    def seen(request: Request) -> None:
        asked.append(request.url)

    page.on("request", seen)
    assert browser.go("/api/v1/docs") == 200
    try:
        page.wait_for_selector(".swagger-ui .info .title")
    finally:
        print("errors:", browser.errors, "asked:", asked)
    page.wait_for_selector(".opblock-tag-section")
    assert "Withhold API" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() >= 15  # every operation is listed
    assert not browser.errors, browser.errors  # nothing blocked by the policy, nothing failed to load
    assert all(url.startswith(browser.server.url) or url.startswith("data:") for url in asked), asked
    browser.shoot("api-docs-desktop")
    page.click("#operations-cases-screen_posted .opblock-summary")
    page.wait_for_selector("#operations-cases-screen_posted .opblock-body")
    browser.shoot("api-docs-screen-desktop")
    assert not browser.errors, browser.errors
