"""How the browser tests read and answer a page of the interview: what the page shows (its questions, by
their place on the page, and what kind of answer each takes), and an answer to each as a person gives it,
by clicking and typing. Nothing here knows which page comes next: the core decides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Page, expect

ARRIVED = dt.date.today() - dt.timedelta(days=120)
"""The arrival date given in the interview: the one-year asylum deadline is then still ahead."""
HEARING = dt.date.today() + dt.timedelta(days=60)
BORN = dt.date(2015, 5, 1)
CHILD = "Nayeli"
"""An invented child's name, typed where a name is asked."""
ACCOUNT = "An invented account, written for the test."
"""What is typed where a person tells something in their own words."""
TYPED = {
    "person.a_number": "A012345678",
    "person.native_language": "Spanish",
    "proceedings.court": "Houston, Texas",
    "story.events[0].place": "Choloma",
}
"""Invented answers to the short text questions that are not names."""
COUNTS = {"proceedings.hearings": "1", "family.children": "1", "story.events": "1"}
"""One hearing, one child and one event of the story (each then has a page of several questions); no
conviction."""
COUNTRY = "HN"

FORM = "main form[action*='/interview/']"

PAGE = """() => {
  const form = document.querySelector("main form[action*='/interview/']");
  const paths = form ? [...form.querySelectorAll("input[name=path]")].map(input => input.value) : [];
  const text = (root, selector) => ((root || document).querySelector(selector) || {innerText: ""}).innerText.trim();
  const kind = item => {
    const has = selector => !!item.querySelector(selector);
    return has("input[type=radio][value=no]") ? "yes_no" : has("input[type=radio]") ? "choice"
      : has("input[type=checkbox][name^=answer]") ? "choices" : has("input[type=date]") ? "date"
      : has("input[type=number][step='1']") ? "count" : has("input[type=number]") ? "number"
      : has("select") ? "country" : has("textarea") ? "long" : "text";
  };
  return {
    paths, lang: document.documentElement.lang, title: text(null, "main h1"),
    intro: text(null, "main p.intro"),
    next: text(form, "button[value=answer]"), skip: text(form, "button[value=skip]"),
    progress: (document.querySelector("#progress") || {getAttribute: () => ""}).getAttribute("value"),
    items: form ? [...form.querySelectorAll("fieldset.item")].map(item => ({
      text: text(item, "legend"), kind: kind(item), error: text(item, "p.error"),
    })) : [],
  };
}"""
"""What the interview page shows, read in one go: the page's paths (none on the result page), its section's
title and introduction, the buttons' words, the progress and each question's words, kind and message."""


def shown_page(page: Page) -> dict[str, Any]:
    shown: dict[str, Any] = page.evaluate(PAGE)
    return shown


def answer_item(page: Page, number: int, path: str, kind: str) -> None:
    """Answers question ``number`` of the page as a person would: "No", the first choice, a date (only
    the month, where a person may remember no more), zero (one hearing, one child, one event), Honduras, an
    invented name or account."""
    field = f"{FORM} #q{number}-answer"
    if kind == "yes_no":
        page.check(f"{FORM} input[name=answer-{number}][value=no]")
    elif kind == "choice":
        page.check(f"{FORM} input[name=answer-{number}] >> nth=0")
    elif kind == "choices":
        page.check(f"{FORM} input[type=checkbox][name=answer-{number}] >> nth=0")
    elif kind == "date":
        day = HEARING if "hearings[" in path else BORN if "date_of_birth" in path else ARRIVED
        page.fill(field, day.isoformat())
    elif kind in ("number", "count"):
        page.fill(field, COUNTS.get(path, "0"))
    elif kind == "country":
        page.select_option(field, COUNTRY)
    elif kind == "long":
        page.fill(field, ACCOUNT)
    elif path.endswith(".date"):  # a date as a person remembers it, typed
        page.fill(field, ARRIVED.strftime("%Y-%m"))
    else:
        page.fill(field, TYPED.get(path, CHILD))


def dont_know_item(page: Page, number: int, kind: str = "") -> None:
    """ "I don't know" to question ``number``, anything given before taken back first (a radio's "I don't
    know" is one of its options: choosing it is enough)."""
    field = f"{FORM} #q{number}-answer"
    if kind in ("date", "number", "count", "text", "long"):
        page.fill(field, "")
    elif kind == "country":
        page.select_option(field, "")
    elif kind == "choices":
        for box in page.locator(f"{FORM} input[type=checkbox][name=answer-{number}]").all():
            box.uncheck()
    page.check(f"{FORM} #q{number}-dont-know")


def answer_page(page: Page, dont_know: bool = False) -> dict[str, Any]:
    """Answers every question of the page shown (or "I don't know" to each), then "Save and continue";
    a question whose answer is refused (the page comes back saying why) gets "I don't know", as a person
    who cannot give another would answer. Returns what the page showed first."""
    shown = shown_page(page)
    for number, (path, item) in enumerate(zip(shown["paths"], shown["items"], strict=True), 1):
        if dont_know:
            dont_know_item(page, number, item["kind"])
        else:
            answer_item(page, number, path, item["kind"])
    press(page, "answer")
    again = shown_page(page)
    if again["paths"] == shown["paths"] and any(item["error"] for item in again["items"]):
        for number, item in enumerate(again["items"], 1):
            if item["error"]:
                dont_know_item(page, number, item["kind"])
        press(page, "answer")
    return shown


def press(page: Page, action: str) -> None:
    with answered(page):
        page.click(f"main button[name=action][value={action}]")


@contextmanager
def answered(page: Page) -> Iterator[None]:
    """Waits for the interview's reply sent inside the block: with scripts, htmx swaps the new ``main``
    in (no navigation) and moves the focus to its heading; without, the page loads anew."""
    if not page.evaluate("!!window.htmx"):
        with page.expect_navigation():
            yield
        return
    page.evaluate("document.querySelector('main').setAttribute('data-answered', '')")
    yield
    page.wait_for_selector("main:not([data-answered])", state="attached")
    expect(page.locator("main h1")).to_be_focused()
