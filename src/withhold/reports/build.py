"""Build a report: run the core once for the case and the date, then lay out what it found for the
attorney or for the client, in English or Spanish."""

from __future__ import annotations

import datetime as dt

from withhold import __version__
from withhold.facts.case import Case
from withhold.facts.describe import person_name
from withhold.language import LANGUAGES, Language, date_in_words
from withhold.language.gender import reading
from withhold.language.status import is_right_to_left
from withhold.preparation.findings import findings
from withhold.reports.attorney import attorney_report
from withhold.reports.client import client_report
from withhold.reports.model import AUDIENCES, Audience, Page, Report
from withhold.reports.texts import texts


def build_report(
    case: Case,
    as_of: dt.date,
    audience: Audience,
    language: Language,
    today: dt.date | None = None,
    *,
    self_help: bool = False,
) -> Report:
    """The report of ``case`` under the law in force on ``as_of``, its dates counted from ``today``
    (default: the same day). Pure: no I/O, no clock."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; expected one of {', '.join(AUDIENCES)}")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    language = reading(language, case.person.sex)  # every text agrees with the client it speaks of
    found = findings(case, as_of, today)
    page = _page(case, as_of, found.today, audience, language)
    if audience == "attorney":
        return attorney_report(found, page)
    return client_report(found, page, self_help=self_help)


def _page(case: Case, as_of: dt.date, today: dt.date, audience: Audience, language: Language) -> Page:
    words = texts()
    other_law_date = ""
    if as_of != today:
        other_law_date = words.say(
            language,
            "ui",
            "other_law_date",
            date=_law_date(as_of, audience, language),
            today=_law_date(today, audience, language),
        )
    return Page(
        audience=audience,
        language=language,
        title=words.say(language, "ui", f"title_{audience}"),
        person=person_name(case.person),
        a_number=case.person.a_number or "",
        law_as_of=as_of,
        law_as_of_text=words.say(language, "ui", "law_as_of", date=_law_date(as_of, audience, language)),
        other_law_date=other_law_date,
        version=words.say(language, "ui", "version", version=__version__),
        disclaimer=words.say(language, "ui", "not_legal_advice"),
        confidential=words.say(language, "ui", f"confidential_{audience}"),
        page_word=words.say(language, "ui", "page"),
        of_word=words.say(language, "ui", "of"),
        direction="rtl" if is_right_to_left(language) else "ltr",
    )


def _law_date(as_of: dt.date, audience: Audience, language: Language) -> str:
    """ISO for the attorney (as the CLI and the court's own dates); in words for the client."""
    return as_of.isoformat() if audience == "attorney" else date_in_words(as_of, language)
