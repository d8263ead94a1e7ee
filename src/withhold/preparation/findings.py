"""Everything the core says about a case on a date, computed once: the screening, the deadlines, the road
through court, the date warnings, and the preparation (checklist, comparison, case warnings, other
relief). The reports and the web's case page render these; they never re-decide them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from withhold.deadlines.schedule import Schedule, schedule
from withhold.facts.case import Case
from withhold.facts.consistency import check as check_dates
from withhold.facts.loading import CaseIssue
from withhold.preparation.comparison import Comparison, compare
from withhold.preparation.evidence import Checklist, checklist
from withhold.preparation.other_relief import ReliefFlag, other_relief
from withhold.preparation.warnings import CaseWarning, case_warnings
from withhold.roadmap import Roadmap, roadmap
from withhold.screening import Screening, screen


@dataclass(frozen=True)
class Findings:
    case: Case
    as_of: dt.date
    """The day the law is taken as of."""
    today: dt.date
    """The day deadlines and days are counted from."""
    screening: Screening
    schedule: Schedule
    road: Roadmap
    date_issues: tuple[CaseIssue, ...]
    checklist: Checklist
    comparison: Comparison
    warnings: tuple[CaseWarning, ...]
    relief: tuple[ReliefFlag, ...]


def findings(case: Case, as_of: dt.date, today: dt.date | None = None) -> Findings:
    """Under the law as of ``as_of``, counted from ``today`` (default: the same day)."""
    counted_from = as_of if today is None else today
    screening = screen(case, as_of)
    return Findings(
        case=case,
        as_of=as_of,
        today=counted_from,
        screening=screening,
        schedule=schedule(case, as_of, counted_from),
        road=roadmap(case, as_of, counted_from),
        date_issues=check_dates(case, counted_from),
        checklist=checklist(case, screening),
        comparison=compare(screening),
        warnings=case_warnings(case, screening),
        relief=other_relief(case, as_of),
    )
