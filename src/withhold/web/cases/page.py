"""What the case page shows, gathered from the core in one pass (:func:`withhold.preparation.findings.findings`)
and shaped for the template: nothing here decides the law; it only looks up the words for what the core
returned (the fact a missing path names, the question the interview would ask for it, a status that is not
final yet in words that say so: :mod:`withhold.web.interviews.standing`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from withhold.deadlines.schedule import Entry, Schedule
from withhold.deadlines.sections import Part, sections
from withhold.facts.case import Case
from withhold.facts.describe import fact_description, is_finding, person_name
from withhold.interview.answers import asked_of
from withhold.interview.bank import item_index, question_for
from withhold.interview.review import standings
from withhold.language import Language
from withhold.law.deadlines.model import Standing
from withhold.logic.protection import Determination, Status
from withhold.preparation.findings import Findings, findings
from withhold.preparation.warnings import CaseWarning
from withhold.web.interviews.findings import waiting_count
from withhold.web.interviews.standing import StandingRow, standing_rows


@dataclass(frozen=True)
class Fact:
    path: str
    description: str
    question: str
    finding: bool


@dataclass(frozen=True)
class DeadlineGroup:
    name: Part
    """Which group (``soon``, ``later``, ``past``, ``unknown``, ``exempt``): the web texts'
    ``deadline_group`` key."""
    entries: tuple[Entry, ...]


OPEN_STANDINGS = frozenset({Standing.UPCOMING, Standing.MISSED, Standing.UNKNOWN})

PAGE_ORDER: tuple[Part, ...] = ("soon", "later", "past", "unknown", "exempt")
"""The schedule's parts (:func:`withhold.deadlines.sections.sections`) in the page's order: what is due
first."""


@dataclass(frozen=True)
class ProtectionCard:
    determination: Determination
    missing: tuple[Fact, ...]
    standing: StandingRow
    """The status in words: the core's when final, else why it is not final yet."""


@dataclass(frozen=True)
class CasePage:
    name: str
    found: Findings
    protections: tuple[ProtectionCard, ...]
    deadlines: tuple[DeadlineGroup, ...]
    questions: tuple[Fact, ...]
    nothing_known: bool
    """Nothing decided and nothing asked yet (a new case): the page offers the interview first."""
    findings_waiting: int
    """Findings a result depends on that are neither recorded nor reviewed (the findings review's
    "waiting")."""

    @property
    def best_is_final(self) -> bool:
        """The best protection the screening names can be said: it is final (for "none": every status
        is). Else the page says "not determined yet"."""
        best = self.found.screening.best_protection
        if best == "none":
            return all(card.standing.final for card in self.protections)
        return all(
            card.standing.final for card in self.protections if card.determination.protection.name == best
        )

    @property
    def urgent_deadlines(self) -> tuple[Entry, ...]:
        """What is due soon, and what was missed: the first things to do."""
        return tuple(
            entry
            for group in self.deadlines
            for entry in group.entries
            if group.name == "soon" or entry.status is Standing.MISSED
        )

    @property
    def serious_warnings(self) -> tuple[CaseWarning, ...]:
        return tuple(warning for warning in self.found.warnings if warning.severity == "high")

    @property
    def open_deadlines(self) -> int:
        """Deadlines still to act on or to date: upcoming, missed, or not computable yet."""
        return sum(1 for group in self.deadlines for e in group.entries if e.status in OPEN_STANDINGS)

    @property
    def open_evidence(self) -> int:
        """Evidence still to gather: needed or requested, not on file nor known to be unavailable."""
        return sum(1 for item in self.found.checklist.items if item.status in ("needed", "requested"))


def fact(path: str, language: Language) -> Fact:
    try:
        question = question_for(path).render(language, item_index(path))
    except KeyError:
        question = ""
    return Fact(path, fact_description(path), question, is_finding(path))


def grouped(schedule: Schedule) -> tuple[DeadlineGroup, ...]:
    """The schedule's entries grouped as the terminal and the reports group them; empty groups left out."""
    found = sections(schedule)
    return tuple(DeadlineGroup(part, tuple(found[part])) for part in PAGE_ORDER if found[part])


def case_page(case: Case, as_of: dt.date, language: Language, today: dt.date | None = None) -> CasePage:
    """The case under the law as of ``as_of``, its deadlines counted from ``today``."""
    found = findings(case, as_of, today)
    rows = standing_rows(case, found.screening, standings(case, as_of), language)
    cards = tuple(
        ProtectionCard(d, tuple(fact(path, language) for path in d.missing), row)
        for d, row in zip(found.screening.determinations, rows, strict=True)
    )
    undecided = all(d.status is Status.UNDETERMINED for d in found.screening.determinations)
    return CasePage(
        name=person_name(case.person),
        found=found,
        protections=cards,
        deadlines=grouped(found.schedule),
        questions=tuple(fact(path, language) for path in found.screening.questions[:10]),
        nothing_known=undecided and not asked_of(case),
        findings_waiting=waiting_count(case, as_of),
    )
