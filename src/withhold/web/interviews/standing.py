"""Each protection's status as a page may show it: the core's status when it is final, else why it is not
yet (:func:`withhold.interview.review.standings`): findings the attorney has not assessed ("needs your
assessment"), or the country of feared harm or the kind of case still unknown ("cannot say yet"). A page
never shows "eligible" or any other final word for a status that is not final; it decides nothing itself,
it only puts the core's answer in words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from withhold.facts.case import Case
from withhold.interview.bank import question_text
from withhold.interview.review import Standing
from withhold.language import Language
from withhold.logic.protection import Determination
from withhold.reports.texts import texts as report_texts
from withhold.screening import Screening
from withhold.web.texts import text

BASIC_WORDS = {"claim.country": "standing.unknown_country", "proceedings.kind": "standing.unknown_kind"}
"""What each of :data:`withhold.interview.review.BASICS` says when it is unknown (web texts' keys)."""


@dataclass(frozen=True)
class StandingRow:
    determination: Determination
    title: str
    """The protection's name in the reader's language (the client report's words)."""
    final: bool
    label: str
    """The status's word when final; else "Cannot say yet" or "Needs your assessment"."""
    needs_assessment: tuple[str, ...]
    """The questions of the findings the attorney has not assessed yet, in words."""
    unknown_basics: tuple[str, ...]
    """What is not known yet that every result needs, as sentences."""

    @property
    def badge(self) -> str:
        """The badge's and the card's class: the status's when final, else ``undetermined`` (open)."""
        return self.determination.status.value if self.final else "undetermined"


def standing_rows(
    case: Case, screening: Screening, found: Iterable[Standing], language: Language
) -> list[StandingRow]:
    """A row for each determination of ``screening``, with the standing the core gave its protection."""
    by_name = {standing.protection: standing for standing in found}
    rows: list[StandingRow] = []
    for determination in screening.determinations:
        standing = by_name.get(determination.protection.name)
        title = _title(determination, language)
        if standing is None or standing.final:
            label = text(f"status.{determination.status.value}", language)
            rows.append(StandingRow(determination, title, True, label, (), ()))
            continue
        label = text(
            "standing.cannot_say" if standing.unknown_basics else "standing.needs_assessment", language
        )
        waiting = tuple(_question(case, path, language) for path in standing.needs_assessment)
        basics = tuple(text(BASIC_WORDS[path], language) for path in standing.unknown_basics)
        rows.append(StandingRow(determination, title, False, label, waiting, basics))
    return rows


def _title(determination: Determination, language: Language) -> str:
    try:
        return report_texts().say(language, "protections", determination.protection.name, "name")
    except KeyError:  # a protection the reports do not name yet: the core's title (English)
        return determination.protection.title


def _question(case: Case, path: str, language: Language) -> str:
    try:
        return question_text(case, path, language)
    except KeyError:  # a finding the bank has no question for: never shown as its path
        return text("standing.other_finding", language)
