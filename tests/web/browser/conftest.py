"""The browser tests: the real server (``withhold serve``, gunicorn) in a process of its own, over an
embedded database in a fresh data directory with the demo organization and the example cases (invented
people only), driven by Playwright through Debian's Chromium. Every page visited is checked with axe-core,
which the ``axe-playwright-python`` package ships: nothing is fetched at run time.

The server is a process of its own so that nothing here touches Django in the test process: Playwright's
sync API keeps an event loop, and Django refuses database calls from a thread that has one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, DESKTOP, Browser, OpenBrowser, Server
from cryptography.fernet import Fernet
from live_server import serving
from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Playwright,
    Response,
    ViewportSize,
    sync_playwright,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
MANAGE = [sys.executable, "-m", "withhold.web.manage"]
BROWSER_DATABASE = "WITHHOLD_BROWSER_DATABASE_URL"
"""The database the browser tests' server uses, when set (PostgreSQL in ``make test``); else SQLite."""


def manage(env: dict[str, str], *command: str) -> str:
    """Runs a management command as the server's own (``env``); what it printed."""
    done = subprocess.run(
        [*MANAGE, *command], env=env, check=True, timeout=120, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``withhold serve`` on a free loopback port, set up as ``make run`` does (demo users, examples)."""
    data = tmp_path_factory.mktemp("withhold-browser")
    # Its own database: a fresh SQLite file in the data directory, or the PostgreSQL database
    # scripts/test-web-postgres.sh names (the one the Django tests leave alone: they make test_<name>).
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if os.environ.get(BROWSER_DATABASE):
        env["DATABASE_URL"] = os.environ[BROWSER_DATABASE]
    env.update(
        DJANGO_SETTINGS_MODULE="withhold.web.settings.local",
        WITHHOLD_DATA_DIR=str(data),
        WITHHOLD_FERNET_KEYS=Fernet.generate_key().decode("ascii"),
    )
    with serving(env, data / "server.log") as url:
        demo = manage(env, "withhold_demo", "--examples", str(EXAMPLES))
        if os.environ.get(BROWSER_DATABASE):  # the server really is on the database it was given
            vendor = manage(env, "shell", "-c", "from django.db import connection; print(connection.vendor)")
            assert vendor.split()[-1:] == ["postgresql"], vendor
        passwords = dict(re.findall(r"username (\S+)\s+password (\S+)", demo))
        assert {"demo", "demo-admin"} <= passwords.keys(), "withhold_demo printed no logins"
        yield Server(url, passwords, env)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    # Module scope: the sync API's event loop is gone before the Django tests that follow run.
    with sync_playwright() as started:
        yield started


@pytest.fixture
def open_browser(
    playwright: Playwright, server: Server, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OpenBrowser]:
    """Opens Debian's Chromium (headless, no sandbox, nothing fetched in the background) with a fresh
    profile; ``open_browser(PHONE, is_mobile=True)`` and the like pass options to the context."""
    opened: list[BrowserContext] = []

    def open_one(viewport: ViewportSize = DESKTOP, **options: Any) -> Browser:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=viewport,
            accept_downloads=True,
            locale="en-US",
            **options,
        )
        opened.append(context)
        context.set_default_timeout(20_000)
        page = context.pages[0] if context.pages else context.new_page()
        browser = Browser(context, page, server, scripts=options.get("java_script_enabled", True))

        def on_console(message: ConsoleMessage) -> None:
            # A script or style the content security policy blocked, or a failed load, shows up here.
            if message.type == "error":
                browser.errors.append(message.text)

        def on_response(response: Response) -> None:
            if response.status >= 400 and response.request.resource_type != "document":
                browser.errors.append(f"{response.status} for {response.url.removeprefix(server.url)}")

        page.on("console", on_console)
        page.on("response", on_response)
        page.on("pageerror", lambda error: browser.errors.append(str(error)))
        return browser

    yield open_one
    for context in opened:
        context.close()
