"""Reports as HTML: accessible (language, title, headings, tables with header cells), every case text
escaped, and no English left in a Spanish client report."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest
from report_cases import EXAMPLE_NAMES, as_of, example, report_of, visible_text

from withhold.facts.loading import parse_case
from withhold.language import Language
from withhold.law.deadlines.catalogue import DEADLINES
from withhold.law.protections import PROTECTIONS
from withhold.reports import Audience, build_report
from withhold.reports.render import css_string, render_html
from withhold.reports.texts import texts
from withhold.roadmap.stages import ROADS
from withhold.screening import screen


@cache
def html_of(name: str, audience: Audience, language: Language) -> str:
    return render_html(report_of(name, audience, language))


@cache
def text_of(name: str, audience: Audience, language: Language) -> str:
    return visible_text(html_of(name, audience, language))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("audience", ["attorney", "client"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_example_renders_an_accessible_page(name: str, audience: Audience, language: Language) -> None:
    html = html_of(name, audience, language)
    words = texts()
    assert re.search(rf'<html lang="{language}"', html)
    title = words.say(language, "ui", f"title_{audience}")
    assert re.search(rf"<title>{re.escape(title)} · [^<]+</title>", html)
    assert html.count("<h1>") == 1
    assert html.count("<h2") >= 6
    # Every table has header cells that say what they head.
    tables = html.count("<table")
    # A client report for whom no protection is open has no "what it would mean" table.
    meanings = html.count('class="meanings"')
    assert tables >= 3 or (audience == "client" and meanings == 0 and tables == 2)
    assert html.count("<th ") == html.count('<th scope="col"') + html.count('<th scope="row"')
    assert html.count("<thead>") + html.count('class="details"') == tables
    # The running footer: disclaimer, law-as-of date, version, page X of Y, on every page.
    pages = [block for block in re.findall(r"@page \{(.*?)\n\}", html, re.DOTALL) if "content:" in block]
    assert len(pages) == 1  # one rule for every page: the footer is on each of them
    footer = pages[0]
    assert css_string(words.say(language, "ui", "not_legal_advice")) in footer
    page = report_of(name, audience, language).page
    assert css_string(f"{page.law_as_of_text} · {page.version}") in footer
    assert "counter(page)" in footer and "counter(pages)" in footer
    text = text_of(name, audience, language)
    assert words.say(language, "ui", "not_legal_advice") in text
    assert report_of(name, audience, language).page.law_as_of_text in text


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_attorney_report_shows_each_status_with_its_authority(name: str) -> None:
    case = example(name)
    screening = screen(case, as_of(case))
    text = text_of(name, "attorney", "en")
    for determination in screening.determinations:
        label = texts().say("en", "statuses", determination.status.value, "label")
        assert f"{determination.protection.title} {label}" in text
        assert "; ".join(determination.protection.citations) in text
        for reason in determination.reasons:
            assert reason.label in text or reason.title in text


@cache
def english_only(minimum_words: int, groups: tuple[str, ...] | None = None) -> list[str]:
    """English fixed texts that differ from their Spanish, cut at placeholders into runs of words."""
    found: list[str] = []
    for key, text in texts().entries.items():
        if (groups is not None and key[0] not in groups) or text.en == text.es:
            continue
        for run in re.split(r"\{[^{}]*\}", text.en):
            run = run.strip(" .,:;()")
            if len(run.split()) >= minimum_words:
                found.append(run)
    return found


ENGINE_ENGLISH = (
    [p.title for p in PROTECTIONS]
    + [rule.title for _, rule in DEADLINES]
    + [stage.title for road in ROADS.values() for stage in road]
    + [stage.happens for road in ROADS.values() for stage in road]
)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_spanish_client_report_has_no_english_left(name: str) -> None:
    english = english_only(3) + ENGINE_ENGLISH
    text = text_of(name, "client", "es")
    assert [run for run in english if run in text] == []
    # The same check finds the English texts in the English report: it is not looking for nothing.
    assert len([run for run in english if run in text_of(name, "client", "en")]) > 40


def test_a_spanish_attorney_report_translates_its_own_texts() -> None:
    # The engine's reasons stay in English (the notice says so); the report's own texts do not.
    text = text_of("social-group-undetermined", "attorney", "es")
    assert texts().say("es", "ui", "english_engine") in text
    assert [english for english in english_only(4, ("ui",)) if english in text] == []


INVENTED = """\
withhold: case/1
law_as_of: 2026-11-23
person: {given_name: "<script>alert(1)</script>", family_name: "O'Brien & *Sons* \\"#1\\"", a_number: "A012345678"}
proceedings: {kind: removal, court: "<b>Court</b> | [x](javascript:y)"}
notes: "</style><h1>injected</h1>"
"""


def test_case_text_is_escaped_everywhere() -> None:
    case = parse_case(INVENTED, "yaml")
    html = render_html(build_report(case, dt.date(2026, 11, 23), "attorney", "en"))
    assert "<script>" not in html and "<b>Court</b>" not in html and "<h1>injected" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/style&gt;&lt;h1&gt;injected&lt;/h1&gt;" in html
    style = html[html.index("<style>") : html.index("</style>")]
    assert "<" not in style.replace("<style>", "") and "O'Brien" not in style  # written as CSS escapes
    assert '@top-left { content: "' in style


def test_css_strings_cannot_be_broken_out_of() -> None:
    escaped = str(css_string('a"b\\c</style>'))
    assert escaped.startswith('"') and escaped.endswith('"')
    assert '"' not in escaped[1:-1] and "<" not in escaped and "\\" + "00003c" in escaped
