"""What the self-help result shows and the summary it downloads: the core's findings put in words by the
client report (the same content a team's client reads, with the steps a person alone takes next), each
protection's standing (what is still unknown; the legal questions a lawyer or the judge weighs), and the
one-year asylum date in words. Nothing here decides the law."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.http import HttpResponse
from markupsafe import Markup
from pypdf import PdfReader, PdfWriter

from withhold.facts.case import Case
from withhold.interview.bank import question_text
from withhold.interview.review import standings
from withhold.language import Language
from withhold.reports import build_report
from withhold.reports.model import ClientReport
from withhold.reports.pdf import render_pdf
from withhold.reports.render import render_client_body
from withhold.reports.texts import texts as report_texts
from withhold.web.texts import text as ui

ONE_YEAR = "asylum.one_year"
FILE_NAME = "withhold-summary.pdf"
BASIC_WORDS = {"claim.country": "selfhelp.unknown_country", "proceedings.kind": "selfhelp.unknown_kind"}


def _report(case: Case, language: Language, today: dt.date) -> ClientReport:
    report = build_report(case, today, "client", language, today, self_help=True)
    assert isinstance(report, ClientReport)
    return report


def result_context(case: Case, language: Language, today: dt.date) -> dict[str, Any]:
    report = _report(case, language, today)
    waiting: list[dict[str, Any]] = []
    for standing in standings(case, today):
        if standing.final:
            continue
        title = report_texts().say(language, "protections", standing.protection, "name")
        if standing.unknown_basics:
            head = ui("selfhelp.cannot_say", language, protection=title)
            lines = [ui(BASIC_WORDS[path], language) for path in standing.unknown_basics]
        else:
            head = ui("selfhelp.needs_judgement", language, protection=title)
            lines = [question_text(case, path, language) for path in standing.needs_assessment]
        waiting.append({"head": head, "lines": lines})
    return {
        # Jinja2 escaped every value of the case in it (autoescape): safe to place as it is.
        "body": Markup(render_client_body(report)),
        "waiting": waiting,
        "one_year": next(
            (line for line in (*report.upcoming, *report.passed) if line.deadline == ONE_YEAR), None
        ),
    }


def summary_pdf(case: Case, language: Language, today: dt.date) -> HttpResponse:
    """The summary in the person's language and, when that is not English, the same in English for a
    lawyer after it, as one PDF."""
    data = render_pdf(_report(case, language, today))
    if language != "en":
        writer = PdfWriter()
        for part in (data, render_pdf(_report(case, "en", today))):
            writer.append(PdfReader(io.BytesIO(part)))
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAME}"'
    return response
