"""Reports as PDF, read back as text: every page carries the disclaimer, the law-as-of date, the version
and its page number; the engine's statuses, the citations and the dates are there; the file says its
title and language and is tagged. Kept to a few PDFs: each takes about a second to lay out."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader
from report_cases import as_of, example, flat, report_of

from withhold import __version__
from withhold.deadlines.schedule import schedule
from withhold.language import Language, date_in_words
from withhold.reports import Audience
from withhold.reports.pdf import render_pdf
from withhold.reports.texts import texts
from withhold.screening import screen

CASES = [
    ("missed-deadline-withholding-open", "attorney", "en"),
    ("social-group-undetermined", "attorney", "es"),
    ("drug-trafficking-cat-deferral-only", "client", "es"),
]


@cache
def pdf(name: str, audience: Audience, language: Language) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(report_of(name, audience, language))))


@cache
def page_texts(name: str, audience: Audience, language: Language) -> tuple[str, ...]:
    return tuple(flat(page.extract_text()) for page in pdf(name, audience, language).pages)


@pytest.mark.parametrize(("name", "audience", "language"), CASES)
def test_every_page_carries_the_disclaimer_date_version_and_page_number(
    name: str, audience: Audience, language: Language
) -> None:
    reader = pdf(name, audience, language)
    law_as_of = report_of(name, audience, language).page.law_as_of_text
    disclaimer = texts().say(language, "ui", "not_legal_advice")
    page_word, of_word = texts().say(language, "ui", "page"), texts().say(language, "ui", "of")
    total = len(reader.pages)
    assert total >= 3
    for number, text in enumerate(page_texts(name, audience, language), start=1):
        assert disclaimer in text, f"page {number}"
        assert f"{law_as_of} · Withhold {__version__}" in text, f"page {number}"
        assert f"{page_word} {number} {of_word} {total}" in text, f"page {number}"


@pytest.mark.parametrize(("name", "audience", "language"), CASES)
def test_the_statuses_citations_and_dates_are_in_the_pdf(
    name: str, audience: Audience, language: Language
) -> None:
    case = example(name)
    day = as_of(case)
    screening = screen(case, day)
    text = " ".join(page_texts(name, audience, language))
    words = texts()
    field = "label" if audience == "attorney" else "plain"
    for determination in screening.determinations:
        assert words.say(language, "statuses", determination.status.value, field) in text
        # Citations may wrap across lines; spaces are normalised, so compare without them.
        assert "; ".join(determination.protection.citations).replace(" ", "") in text.replace(" ", "")
    for entry in schedule(case, day).entries:
        if entry.date is not None and audience == "attorney":
            assert entry.date.isoformat() in text
    if audience == "client":
        upcoming = [e for e in schedule(case, day).entries if e.date is not None and e.date >= day]
        for entry in upcoming:
            assert entry.date is not None
            assert date_in_words(entry.date, language, weekday=True) in text


def test_the_pdf_says_its_title_and_language_and_is_tagged() -> None:
    reader = pdf(*CASES[2])
    report = report_of(*CASES[2])
    assert reader.metadata is not None and reader.metadata.title is not None
    assert reader.metadata.title.startswith(report.page.title)
    assert report.page.person not in reader.metadata.title  # the name is in the file, not its metadata
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
