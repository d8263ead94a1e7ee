"""Shared helpers for the report tests: the bundled examples, reports built from them (cached: building
one screens the case, and several tests read the same report), and the visible text of an HTML page.

Every person in these tests is invented (the examples' people, and the ones written here)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from withhold.facts.case import Case
from withhold.facts.loading import parse_case
from withhold.language import Language
from withhold.reports import Audience, Report, build_report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_NAMES = tuple(sorted(path.stem for path in EXAMPLES.glob("*.yaml")))
DEFAULT_AS_OF = dt.date(2026, 11, 23)


@cache
def example(name: str) -> Case:
    return parse_case((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"), "yaml")


def as_of(case: Case) -> dt.date:
    return case.law_as_of or DEFAULT_AS_OF


@cache
def report_of(name: str, audience: Audience, language: Language) -> Report:
    case = example(name)
    return build_report(case, as_of(case), audience, language)


class _Text(HTMLParser):
    """The text a reader sees: everything outside tags, without the <style> and <title> contents."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return flat(" ".join(parser.parts))


def flat(text: str) -> str:
    return " ".join(text.split())
