"""The client's account in the reports (issue 15): the attorney report tells every event and the fear in
the client's words, the client report tells it back briefly and plainly, the checklist says which events
each suggested document comes from; the client's words stay text. Every person is invented."""

from __future__ import annotations

import datetime as dt

from report_cases import report_of, visible_text

from withhold.facts.loading import parse_case
from withhold.reports import build_report
from withhold.reports.model import AttorneyReport, ClientReport
from withhold.reports.render import render_html, render_markdown

INTAKE = "story-client-intake-honduras"
AS_OF = dt.date(2026, 11, 23)


def test_the_attorney_report_tells_each_event_and_the_fear() -> None:
    report = report_of(INTAKE, "attorney", "en")
    assert isinstance(report, AttorneyReport) and report.story is not None
    assert [event.title for event in report.story.events] == [
        "Event 1 — about August 2023, Choloma, Cortés, Honduras",
        "Event 2 — January 20, 2024, Choloma, Cortés, Honduras",
    ]
    second = {line.label: line.text for line in report.story.events[1].lines}
    assert second["Harm"] == "beating or other physical harm; killing of a family member"
    assert second["Asked the police or other authorities for help"] == "no"
    assert second["Why no one asked the authorities for help"].startswith("The police did nothing")
    text = render_markdown(report)
    assert "## The client's account" in text
    assert "### Event 1 — about August 2023, Choloma, Cortés, Honduras" in text
    assert (
        "- **What the authorities did:** they did nothing, or nothing came of it; I went to the police"
        in text
    )
    assert "### Fear on return" in text and "### In the client's own words" in text
    assert text.index("## The client's account") < text.index("## Screening, protection by protection")
    page = visible_text(render_html(report))
    assert "Who did it The gang that controls the market" in page


def test_the_attorney_checklist_says_which_event_a_document_comes_from() -> None:
    report = report_of(INTAKE, "attorney", "en")
    assert isinstance(report, AttorneyReport)
    police = next(line for line in report.checklist if line.what.startswith("Official records"))
    assert police.from_story and "event 1 (about August 2023" in police.from_story[0]
    assert "From the client's account: From what you told us about event 1" in visible_text(
        render_html(report)
    )


def test_the_client_report_tells_it_back_in_plain_spanish() -> None:
    report = report_of(INTAKE, "client", "es")
    assert isinstance(report, ClientReport) and report.told_us is not None
    first = report.told_us.events[0]
    assert first.title == "Hecho 1 — hacia agosto de 2023, Choloma, Cortés, Honduras"
    assert [line.label for line in first.lines] == [
        "Qué pasó",
        "Lo que le hicieron",
        "Quién lo hizo",
        "Pidió ayuda a la policía o a otra autoridad",
        "Qué hicieron las autoridades",
    ]
    text = render_markdown(report)
    assert "## Lo que usted nos contó" in text and "### Lo que teme si regresa" in text
    assert text.index("## Lo que usted nos contó") < text.index("## Qué reunir")
    assert "Por lo que nos contó sobre el hecho 2 (20 de enero de 2024" in text  # under what to gather


def test_a_case_without_a_story_has_no_account() -> None:
    report = report_of("clean-asylum", "attorney", "en")
    assert isinstance(report, AttorneyReport) and report.story is None
    assert "The client's account" not in render_markdown(report)
    client = report_of("clean-asylum", "client", "en")
    assert isinstance(client, ClientReport) and client.told_us is None
    assert "What you told us" not in render_markdown(client)


def test_no_events_is_said_and_the_clients_words_stay_text() -> None:
    case = parse_case(
        "withhold: case/1\nstory:\n  events: []\n  in_own_words: '<script>alert(1)</script> *not bold*'\n"
    )
    attorney = build_report(case, AS_OF, "attorney", "en")
    html = render_html(attorney)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "The client said no one harmed or threatened them or their family." in visible_text(html)
    assert r"\*not bold\*" in render_markdown(attorney)
    client = build_report(case, AS_OF, "client", "es")
    assert "Usted nos contó que nadie le hizo daño" in render_markdown(client)
