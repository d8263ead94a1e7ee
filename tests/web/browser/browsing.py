"""What the browser tests share: how Chromium is launched, the server they talk to, one person's browser,
and the accessibility check every page visited goes through."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import BrowserContext, Page, ViewportSize

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (``scripts/browser-packages.sh``): Playwright's own browser download is never used."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = f"{CHROMIUM} is missing: scripts/browser-packages.sh installs Debian's chromium"
"""The one reason the browser tests skip (``make test`` runs that script first)."""

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
NARROWEST = 320
"""WCAG 1.4.10 (reflow): content fits 320 CSS pixels without scrolling sideways."""

PHONE_DEVICE: dict[str, Any] = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}
"""What a phone's browser context is besides its size: a mobile viewport, touch, two device pixels a CSS pixel."""

BLOCKING = ("serious", "critical")
"""The axe-core impacts that fail a test; the others are printed."""

SCREENSHOTS = os.environ.get("WITHHOLD_SCREENSHOTS", "")
"""Where :meth:`Browser.shoot` writes the screenshots (``WITHHOLD_SCREENSHOTS=docs/web``); none if unset."""

_AXE = Axe()  # reads the axe.min.js the package ships once
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
"""axe-core's default rules (WCAG 2.0-2.2 A and AA, and its best practices), and WCAG 2.2's target size
(2.5.8, AA), which axe-core leaves off unless asked."""


@dataclass
class Server:
    url: str
    passwords: dict[str, str]
    """The demo users' passwords, by username (``withhold_demo`` makes new ones on each run)."""
    env: dict[str, str] = field(default_factory=dict)
    """The server's environment: what a management command run against its database needs."""


def check_accessibility(page: Page, where: str) -> None:
    """axe-core on the page as it is now: a serious or critical violation fails, naming its targets."""
    violations = _AXE.run(page, options=AXE_OPTIONS).response["violations"]
    lines = {
        v["id"]: f"  {v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:8]}"
        for v in violations
    }
    if lines:
        print(f"axe-core on {where}:\n" + "\n".join(lines.values()))
    blocking = [lines[v["id"]] for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe-core: serious or critical violations on {where}:\n" + "\n".join(blocking)


@dataclass
class Browser:
    """One person's browser: a Chromium with a fresh profile, and the errors its pages reported."""

    context: BrowserContext
    page: Page
    server: Server
    scripts: bool = True
    errors: list[str] = field(default_factory=list)

    def go(self, path: str) -> int:
        """Opens ``path``; returns the HTTP status."""
        response = self.page.goto(self.server.url + path)
        assert response is not None
        return response.status

    def path(self) -> str:
        return self.page.url.removeprefix(self.server.url)

    def follow(self, selector: str) -> None:
        """Clicks ``selector`` (a link, a submit button) and waits for the page it leads to."""
        with self.page.expect_navigation():
            self.page.click(selector)

    def press_enter(self) -> None:
        """Presses Enter on the focused control and waits for the page it leads to."""
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def check(self, what: str) -> None:
        """The page is accessible (axe-core) and raised no error (a blocked script or style, say)."""
        assert self.scripts, "axe-core is a script: with scripts off it would wait forever"
        check_accessibility(self.page, f"{what} ({self.path()})")
        assert not self.errors, f"the browser reported errors on {what}: {self.errors}"

    def first_case(self) -> str:
        """The path of the first case on the docket shown."""
        href: str = self.page.eval_on_selector("table.docket tbody th a", "link => link.getAttribute('href')")
        return href

    def log_in(self, username: str) -> None:
        """Logs in from the login page; a language chosen there stays."""
        if "/accounts/login/" not in self.page.url:
            self.go("/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", self.server.passwords[username])
        self.follow("main form button[type=submit]")
        assert self.path() == "/cases/", self.path()

    def log_out(self) -> None:
        self.follow("form[action='/accounts/logout/'] button")

    def choose_language(self, language: str) -> None:
        self.follow(f"form.language button[value='{language}']")
        assert self.page.get_attribute("html", "lang") == language

    def fits(self, width: int) -> None:
        """Nothing scrolls sideways at ``width`` CSS pixels (tables scroll inside their own box)."""
        height = self.page.viewport_size["height"] if self.page.viewport_size else 844
        self.page.set_viewport_size({"width": width, "height": height})
        # Against the layout viewport: a phone browser widens ``innerWidth`` to fit what overflows.
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{self.path()} scrolls sideways by {overflow}px at {width}px wide"

    def fits_a_phone(self) -> None:
        """At a phone's size nothing scrolls sideways, nor at the narrowest width; left at the phone's size."""
        self.page.set_viewport_size(PHONE)
        self.fits(PHONE["width"])
        self.fits(NARROWEST)
        self.page.set_viewport_size(PHONE)

    def shoot(self, name: str, whole: bool = False) -> None:
        """A screenshot, ``name.png`` in :data:`SCREENSHOTS` (none if unset), in CSS pixels: the window, or
        the ``whole`` page top to bottom."""
        if not SCREENSHOTS:
            return
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=folder / f"{name}.png", full_page=whole, scale="css", animations="disabled")

    def download(self, selector: str) -> tuple[str, bytes]:
        """Clicks ``selector``; returns the file it downloads, by its suggested name and content."""
        with self.page.expect_download() as started:
            self.page.click(selector)
        found = started.value
        path = found.path()
        assert path is not None
        return found.suggested_filename, Path(path).read_bytes()


DESKTOP_WIDTHS = (1024, 1366, 1920)
"""The desktop widths the layout is checked at (a small laptop, the commonest laptop, a large screen)."""
PHONE_WIDTHS = (PHONE["width"], NARROWEST)

LAYOUT = """() => {
  const problems = [];
  const root = document.documentElement;
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  if (root.scrollWidth > root.clientWidth) {
    // Which elements stick out, the innermost first (their parents stick out because of them).
    const out = [...document.body.querySelectorAll("*")].filter(el => shown(el)
      && el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest(".table-wrap, pre"));
    const innermost = out.filter(el => !out.some(other => other !== el && el.contains(other)));
    problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px: `
      + innermost.slice(0, 4).map(el => `${name(el)} "${(el.innerText || "").trim().slice(0, 40)}"`).join(", "));
  }
  const main = document.querySelector("main");
  const style = getComputedStyle(main);
  const inner = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  // The main column fills the window up to its maximum width (72rem), unless narrow by design (an error).
  const most = Math.min(root.clientWidth, 72 * parseFloat(getComputedStyle(root).fontSize));
  if (!main.matches(".narrow") && main.getBoundingClientRect().width < most - 1) {
    problems.push(`main is ${Math.round(main.getBoundingClientRect().width)}px wide of ${most}px`);
  }
  // Each block the content is made of spans the main column (a .narrow block is narrow by design).
  for (const child of main.children) {
    const display = getComputedStyle(child).display;
    if (!shown(child) || child.matches(".narrow, .visually-hidden, .skip")) continue;
    if (!["block", "flex", "grid", "table", "list-item"].includes(display)) continue;
    const width = child.getBoundingClientRect().width;
    if (width < 0.9 * inner) {
      problems.push(`${name(child)} is ${Math.round(width)}px wide in a column of ${Math.round(inner)}px`);
    }
  }
  for (const table of main.querySelectorAll("table")) {
    if (!shown(table)) continue;
    const box = table.getBoundingClientRect();
    const holder = table.parentElement.getBoundingClientRect();
    if (box.width < 0.9 * holder.width) {
      problems.push(`${name(table)} is ${Math.round(box.width)}px wide in ${Math.round(holder.width)}px`);
    }
    const heads = [...table.querySelectorAll("thead th")];
    // Its header row shown: laid out as a table. Hidden (a phone): the rows are stacked as cards.
    const asTable = heads.length > 0 && shown(heads[0]);
    for (const row of table.querySelectorAll("tbody tr")) {
      const cells = [...row.children];
      if (asTable) {
        // A header sits over its own column: same left and right edges as the column's cells.
        if (cells.length !== heads.length) continue;  // a row that spans columns
        cells.forEach((cell, i) => {
          const a = heads[i].getBoundingClientRect(), b = cell.getBoundingClientRect();
          if (Math.abs(a.left - b.left) > 2 || Math.abs(a.right - b.right) > 2) {
            problems.push(`${name(table)}: column ${i + 1} header spans ${Math.round(a.left)}-${Math.round(a.right)}px, `
              + `its cell ${Math.round(b.left)}-${Math.round(b.right)}px`);
          }
        });
      } else {
        // Stacked as cards (a phone): each cell within the table's width, one under the other.
        for (const cell of cells) {
          if (!shown(cell)) continue;
          const b = cell.getBoundingClientRect();
          if (b.left < box.left - 1 || b.right > box.right + 1) {
            problems.push(`${name(table)}: a cell spans ${Math.round(b.left)}-${Math.round(b.right)}px, `
              + `outside the table's ${Math.round(box.left)}-${Math.round(box.right)}px`);
          }
        }
      }
      if (problems.length > 40) break;
    }
  }
  return [...new Set(problems)];
}"""
"""Every way the layout is known to have broken: the page scrolls sideways, the main column or a block of
it is squeezed, a table is narrower than its place, or a header does not sit over its column."""


def check_layout(page: Page, where: str, widths: tuple[int, ...]) -> None:
    """The layout holds at each of ``widths`` (CSS pixels; the window's height is kept): see :data:`LAYOUT`.
    The window is left at its size before."""
    before = page.viewport_size or DESKTOP
    found: dict[int, list[str]] = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": before["height"]})
        problems: list[str] = page.evaluate(LAYOUT)
        if problems:
            found[width] = problems
    page.set_viewport_size(before)
    assert not found, f"the layout of {where} breaks:\n" + "\n".join(
        f"  at {width}px: " + "\n    ".join(problems[:8]) for width, problems in found.items()
    )


OpenBrowser = Callable[..., Browser]
"""The ``open_browser`` fixture (tests/web/browser/conftest.py)."""


def open_at(open_browser: OpenBrowser, size: str) -> Browser:
    """A browser at ``size``: "desktop", or "phone" (:data:`PHONE`, as :data:`PHONE_DEVICE`)."""
    assert size in ("desktop", "phone"), size
    return open_browser(PHONE, **PHONE_DEVICE) if size == "phone" else open_browser(DESKTOP)


def focused(page: Page) -> dict[str, Any]:
    """The focused element: what it is, whether its focus ring shows, and whether it can be seen."""
    found: dict[str, Any] = page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          const x = box.left + box.width / 2, y = box.top + Math.min(box.height / 2, 10);
          const top = document.elementFromPoint(x, y);
          return {
            tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
            type: el.getAttribute('type') || '', checked: !!el.checked,
            href: el.getAttribute('href') || '', text: (el.innerText || el.value || '').trim().slice(0, 60),
            inForm: !!el.closest('main form'),
            ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
            covered: !!top && top !== el && !el.contains(top) && !(top.htmlFor && top.htmlFor === el.id),
          };
        }"""
    )
    return found


def tab_to(page: Page, wanted: Callable[[dict[str, Any]], bool], most: int = 40) -> dict[str, Any]:
    """Presses Tab until ``wanted`` holds for the focused element, checking each stop's focus is visible
    (WCAG 2.4.7) and not hidden under something else (2.4.11)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] == "body":
            continue
        assert now["ring"], f"no visible focus on {now}"
        assert now["inView"] and not now["covered"], f"the focused element cannot be seen: {now}"
        if wanted(now):
            return now
    raise AssertionError(f"Tab never reached the control after {most} presses")
