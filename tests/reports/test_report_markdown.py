"""Reports as Markdown: the same sections as the HTML, the disclaimer and version, readable as plain
text, and case text that cannot turn into formatting or HTML."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from report_cases import EXAMPLE_NAMES, report_of

from withhold.facts.loading import parse_case
from withhold.language import Language
from withhold.reports import Audience, build_report
from withhold.reports.render import markdown_escape, render_html, render_markdown
from withhold.reports.texts import texts


def html_sections(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", title).strip() for title in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]


def markdown_sections(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, re.MULTILINE)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("audience", ["attorney", "client"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_markdown_has_the_sections_of_the_html(name: str, audience: Audience, language: Language) -> None:
    report = report_of(name, audience, language)
    text = render_markdown(report)
    html_titles = [title.replace("&#39;", "'") for title in html_sections(render_html(report))]
    assert markdown_sections(text) == html_titles
    assert text.startswith(f"# {report.page.title}\n")
    assert report.page.law_as_of_text in text and report.page.version in text
    assert text.count(texts().say(language, "ui", "not_legal_advice")) >= 2  # at the top and the end
    assert "\n\n\n" not in text and "{{" not in text and "{%" not in text


def test_the_attorney_markdown_names_rules_and_facts_as_code() -> None:
    text = render_markdown(report_of("social-group-undetermined", "attorney", "en"))
    assert "`claim.particular_social_group.cognizable`" in text
    assert "`asylum.bar.one_year`" in text or "`deadline.asylum.one_year`" in text


def test_case_text_stays_text_in_markdown() -> None:
    case = parse_case(
        'withhold: case/1\nperson: {given_name: "*Ana* <img src=x>", family_name: "_Test_ [link](x) | #"}\n',
        "yaml",
    )
    text = render_markdown(build_report(case, dt.date(2026, 11, 23), "client", "en"))
    assert r"\*Ana\* \<img src=x\> \_Test\_ \[link\](x) \| \#" in text
    named = [line for line in text.splitlines() if "Ana" in line]
    assert named and all(re.search(r"(?<!\\)[<>]", line) is None for line in named)  # all escaped


def test_markdown_escape_keeps_identifiers_readable() -> None:
    assert markdown_escape("asylum.filed_on") == "asylum.filed_on"  # an inner underscore is never emphasis
    assert markdown_escape("_x_ *y*\n`z`") == r"\_x\_ \*y\* \`z\`"
