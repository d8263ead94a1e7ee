"""A report PDF (:mod:`withhold.reports`) as a build: what it is made of, and how it is made.

A report is the same file while nothing it is made of changes: the case's version (and its amendments in
place, ``CaseRecord.amended``), the day the law is taken as of, the day its dates are counted from (it
says "in 12 days"), the audience and the language, and Withhold's own version (the law and the texts).
The build keeps the case file as it was asked for, so the PDF says what the case said then, even if the
worker takes it up after a later edit.
"""

from __future__ import annotations

import datetime as dt

from withhold.reports import build_report
from withhold.reports import render as render_report
from withhold.web.builds.models import Build
from withhold.web.builds.store import Made, Part, key_of
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord


def label(audience: str, language: str) -> str:
    return f"{audience}:{language}"


def key(record: CaseRecord, as_of: dt.date, today: dt.date, audience: str, language: str) -> str:
    return key_of("report", str(record.id), record.version, record.amended, as_of, today, audience, language)


def request(
    record: CaseRecord, as_of: dt.date, today: dt.date, audience: str, language: str
) -> dict[str, object]:
    return {
        "document": record.document,
        "as_of": as_of.isoformat(),
        "today": today.isoformat(),
        "audience": audience,
        "language": language,
    }


def build(found: Build) -> Made:
    asked = found.request
    case = case_of(asked["document"])
    report = build_report(
        case,
        dt.date.fromisoformat(asked["as_of"]),
        asked["audience"],
        asked["language"],
        dt.date.fromisoformat(asked["today"]),
    )
    return Made((Part(render_report(report, "pdf")),))
