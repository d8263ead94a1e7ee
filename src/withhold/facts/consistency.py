"""Dates that cannot all be right: checks across the facts of a case, as warnings naming the fields.

A case file can be valid field by field and still be wrong as a whole: an arrival after the evaluation
date, a decision before the arrival, a hearing before the case began. Deadlines computed from such dates
would be wrong without a word, so every face shows these warnings before it shows any date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from withhold.facts.case import Case, partial_date_span
from withhold.facts.loading import CaseIssue


def check(case: Case, as_of: dt.date) -> tuple[CaseIssue, ...]:
    """Warnings about dates that contradict each other or the evaluation date."""
    return (*_issues(case, as_of), *_story_issues(case, as_of))


def _issues(case: Case, as_of: dt.date) -> Iterator[CaseIssue]:
    arrival = case.entry.last_arrival_date
    decision = case.proceedings.decision
    past_only = {
        "entry.last_arrival_date": arrival,
        "asylum.filed_on": case.asylum.filed_on,
        "person.date_of_birth": case.person.date_of_birth,
        "proceedings.decision.date": decision.date if decision else None,
        "proceedings.decision.served_on": decision.served_on if decision else None,
        "proceedings.final_order_date": case.proceedings.final_order_date,
    }
    for index, conviction in enumerate(case.convictions or []):
        past_only[f"convictions[{index}].date"] = conviction.date
    for path, day in past_only.items():
        if day is not None and day > as_of:
            yield CaseIssue(
                path,
                f"{day.isoformat()} is after the evaluation date {as_of.isoformat()}; it must be in the past",
            )
    birth = case.person.date_of_birth
    if birth and arrival and birth > arrival:
        yield CaseIssue("person.date_of_birth", "is after entry.last_arrival_date")
    if arrival and case.asylum.filed_on and case.asylum.filed_on < arrival:
        yield CaseIssue(
            "asylum.filed_on",
            f"is before entry.last_arrival_date ({arrival.isoformat()}); the one-year period runs from the "
            "most recent arrival (Matter of F-P-R-): check both dates",
        )
    if decision and decision.date:
        if arrival and decision.date < arrival:
            yield CaseIssue(
                "proceedings.decision.date", f"is before entry.last_arrival_date ({arrival.isoformat()})"
            )
        if decision.served_on and decision.served_on < decision.date:
            yield CaseIssue("proceedings.decision.served_on", "is before proceedings.decision.date")
        final = case.proceedings.final_order_date
        # In withholding-only proceedings the final order is the reinstated or administrative order, which
        # comes before the decision on withholding: expected, and the petition for review runs from it
        # (Riley v. Bondi, No. 23-1270 (U.S. June 26, 2025)).
        if final and final < decision.date and case.proceedings.kind != "withholding_only":
            yield CaseIssue("proceedings.final_order_date", "is before proceedings.decision.date")
    for index, hearing in enumerate(case.proceedings.hearings or []):
        if hearing.date and arrival and hearing.date < arrival:
            yield CaseIssue(
                f"proceedings.hearings[{index}].date",
                f"is before entry.last_arrival_date ({arrival.isoformat()}): a hearing before the case began",
            )
        if (
            hearing.date
            and decision
            and decision.date
            and hearing.date > decision.date
            and hearing.kind == "individual"
        ):
            yield CaseIssue(
                f"proceedings.hearings[{index}].date",
                "an individual hearing after proceedings.decision.date: check whether it is still scheduled",
            )
    judge = case.proceedings.filing_deadline
    if judge:
        for index, hearing in enumerate(case.proceedings.hearings or []):
            if hearing.kind == "individual" and hearing.date and judge > hearing.date:
                yield CaseIssue(
                    "proceedings.filing_deadline",
                    f"is after the individual hearing proceedings.hearings[{index}].date ({hearing.date.isoformat()})",
                )


# --- the story (issue 15) ----------------------------------------------------------------------------

_BEFORE_BIRTH_POSSIBLE = frozenset({"family_member_harmed", "family_member_killed"})
"""Harm to a family member can come before the person was born (a parent killed before their birth)."""


def _story_issues(case: Case, as_of: dt.date) -> Iterator[CaseIssue]:
    """An event of the person's story dated after the evaluation date, or before their birth. A partial
    date (``2021-03``, ``2021``) is wrong only if every day it can mean is: the month of the evaluation
    date is not in the future."""
    birth = case.person.date_of_birth
    for index, event in enumerate(case.story.events or []):
        if event.date is None:
            continue
        path = f"story.events[{index}].date"
        first, last = partial_date_span(event.date)
        if first > as_of:
            yield CaseIssue(
                path, f"{event.date} is after the evaluation date {as_of.isoformat()}; it must be in the past"
            )
        only_family = bool(event.harm) and set(event.harm or ()) <= _BEFORE_BIRTH_POSSIBLE
        if birth and last < birth and not only_family:
            yield CaseIssue(path, f"{event.date} is before person.date_of_birth ({birth.isoformat()})")
