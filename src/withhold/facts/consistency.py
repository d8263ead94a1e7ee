"""Facts that cannot all be right: checks across the facts of a case, as warnings naming the fields.

A case file can be valid field by field and still be wrong as a whole: an arrival after the evaluation
date, a decision before the arrival, a hearing before the Notice to Appear, a circuit that is not the
court's. Deadlines computed from such dates would be wrong without a word, so every face shows these
warnings before it shows any date. A stored case is never refused for them (it may be mid-correction).

Some cannot be true at all (:attr:`Conflict.impossible`): a date in the future where the past is meant,
a birth after the arrival, a hearing or a decision before the Notice to Appear, a decision sent before it
was made. The interview refuses an answer that makes one of those, with the reason
(:mod:`withhold.interview.refusals`), rather than saving it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from withhold.facts.case import Case, partial_date_span
from withhold.facts.courts import circuit_of
from withhold.facts.loading import CaseIssue

FUTURE = "future"
BORN_AFTER_ARRIVAL = "born_after_arrival"
HEARING_BEFORE_NOTICE = "hearing_before_notice"
DECIDED_BEFORE_NOTICE = "decided_before_notice"
SERVED_BEFORE_DECIDED = "served_before_decided"
IMPOSSIBLE = (FUTURE, BORN_AFTER_ARRIVAL, HEARING_BEFORE_NOTICE, DECIDED_BEFORE_NOTICE, SERVED_BEFORE_DECIDED)
"""The kinds of conflict that cannot be true, whatever happened."""

NOTICE = "proceedings.notice_to_appear_date"


@dataclass(frozen=True)
class Conflict:
    """Facts of a case that contradict each other (or today)."""

    kind: str
    path: str
    """The fact the warning is about."""
    message: str
    """What is wrong, in English (the warning after the path)."""
    value: object = None
    """The value at ``path``."""
    other: str | None = None
    """The fact it contradicts, if one (none for a date in the future)."""
    other_value: object = None
    """The value at ``other``; for a date in the future, today."""

    @property
    def impossible(self) -> bool:
        return self.kind in IMPOSSIBLE

    @property
    def issue(self) -> CaseIssue:
        return CaseIssue(self.path, self.message)

    def involves(self, path: str) -> bool:
        return path in (self.path, self.other)


def check(case: Case, as_of: dt.date) -> tuple[CaseIssue, ...]:
    """Warnings about facts that contradict each other or the evaluation date."""
    return tuple(conflict.issue for conflict in conflicts(case, as_of))


def conflicts(case: Case, today: dt.date | None) -> tuple[Conflict, ...]:
    """Every contradiction in ``case``; dates in the future only when ``today`` is given (the core has no
    clock: the faces pass the day they count from)."""
    return tuple(_conflicts(case, today))


def _conflicts(case: Case, today: dt.date | None) -> Iterator[Conflict]:
    arrival = case.entry.last_arrival_date
    decision = case.proceedings.decision
    notice = case.proceedings.notice_to_appear_date
    past_only = {
        "entry.last_arrival_date": arrival,
        "asylum.filed_on": case.asylum.filed_on,
        "person.date_of_birth": case.person.date_of_birth,
        NOTICE: notice,
        "proceedings.decision.date": decision.date if decision else None,
        "proceedings.decision.served_on": decision.served_on if decision else None,
        "proceedings.final_order_date": case.proceedings.final_order_date,
    }
    for index, conviction in enumerate(case.convictions or []):
        past_only[f"convictions[{index}].date"] = conviction.date
    for path, day in past_only.items():
        if today is not None and day is not None and day > today:
            yield Conflict(
                FUTURE,
                path,
                f"{day.isoformat()} is after the evaluation date {today.isoformat()}; it must be in the past",
                day,
                other_value=today,
            )
    birth = case.person.date_of_birth
    if birth and arrival and birth > arrival:
        yield Conflict(
            BORN_AFTER_ARRIVAL,
            "person.date_of_birth",
            "is after entry.last_arrival_date",
            birth,
            "entry.last_arrival_date",
            arrival,
        )
    if arrival and case.asylum.filed_on and case.asylum.filed_on < arrival:
        # Possible (an application filed before a later trip abroad and return), so only a warning.
        yield Conflict(
            "filed_before_arrival",
            "asylum.filed_on",
            f"is before entry.last_arrival_date ({arrival.isoformat()}); the one-year period runs from the "
            "most recent arrival (Matter of F-P-R-): check both dates",
            case.asylum.filed_on,
            "entry.last_arrival_date",
            arrival,
        )
    if decision and decision.date:
        yield from _decision(case, decision.date, decision.served_on, arrival, notice)
    yield from _hearings(case, arrival, notice)
    yield from _circuit(case)
    yield from _story(case, today)


def _decision(
    case: Case,
    decided: dt.date,
    served: dt.date | None,
    arrival: dt.date | None,
    notice: dt.date | None,
) -> Iterator[Conflict]:
    path = "proceedings.decision.date"
    if arrival and decided < arrival:
        yield Conflict(
            "decided_before_arrival",
            path,
            f"is before entry.last_arrival_date ({arrival.isoformat()})",
            decided,
            "entry.last_arrival_date",
            arrival,
        )
    if notice and decided < notice:
        # The Notice to Appear begins the removal proceedings the judge decides (8 CFR 1003.14(a)).
        yield Conflict(
            DECIDED_BEFORE_NOTICE,
            path,
            f"is before {NOTICE} ({notice.isoformat()}): a decision before the Notice to Appear",
            decided,
            NOTICE,
            notice,
        )
    if served and served < decided:
        yield Conflict(
            SERVED_BEFORE_DECIDED,
            "proceedings.decision.served_on",
            "is before proceedings.decision.date",
            served,
            path,
            decided,
        )
    final = case.proceedings.final_order_date
    # In withholding-only proceedings the final order is the reinstated or administrative order, which
    # comes before the decision on withholding: expected, and the petition for review runs from it
    # (Riley v. Bondi, No. 23-1270 (U.S. June 26, 2025)).
    if final and final < decided and case.proceedings.kind != "withholding_only":
        yield Conflict(
            "final_before_decided",
            "proceedings.final_order_date",
            "is before proceedings.decision.date",
            final,
            path,
            decided,
        )


def _hearings(case: Case, arrival: dt.date | None, notice: dt.date | None) -> Iterator[Conflict]:
    hearings = case.proceedings.hearings or []
    decision = case.proceedings.decision
    for index, hearing in enumerate(hearings):
        path = f"proceedings.hearings[{index}].date"
        if hearing.date and arrival and hearing.date < arrival:
            yield Conflict(
                "hearing_before_arrival",
                path,
                f"is before entry.last_arrival_date ({arrival.isoformat()}): a hearing before the case began",
                hearing.date,
                "entry.last_arrival_date",
                arrival,
            )
        if hearing.date and notice and hearing.date < notice:
            # A hearing is set by the court once the Notice to Appear is filed (INA 239(a)(1)(G)(i)).
            yield Conflict(
                HEARING_BEFORE_NOTICE,
                path,
                f"is before {NOTICE} ({notice.isoformat()}): a hearing before the Notice to Appear",
                hearing.date,
                NOTICE,
                notice,
            )
        if (
            hearing.date
            and decision
            and decision.date
            and hearing.date > decision.date
            and hearing.kind == "individual"
        ):
            yield Conflict(
                "individual_after_decision",
                path,
                "an individual hearing after proceedings.decision.date: check whether it is still scheduled",
                hearing.date,
                "proceedings.decision.date",
                decision.date,
            )
    judge = case.proceedings.filing_deadline
    if judge:
        for index, hearing in enumerate(hearings):
            if hearing.kind == "individual" and hearing.date and judge > hearing.date:
                yield Conflict(
                    "deadline_after_hearing",
                    "proceedings.filing_deadline",
                    f"is after the individual hearing proceedings.hearings[{index}].date ({hearing.date.isoformat()})",
                    judge,
                    f"proceedings.hearings[{index}].date",
                    hearing.date,
                )


def _circuit(case: Case) -> Iterator[Conflict]:
    """A circuit the case gives that is not where its court sits: the circuit given is applied (the judge
    may complete the case in another circuit), but one of the two may be a mistake."""
    given, court = case.proceedings.circuit, case.proceedings.court
    found = circuit_of(court) if court else None
    if given and found and given != found:
        yield Conflict(
            "circuit_not_the_courts",
            "proceedings.circuit",
            f"is {given}, but proceedings.court is in circuit {found} (28 U.S.C. 41): the circuit given is "
            "applied; check it if the case was not moved to another circuit",
            given,
            "proceedings.court",
            court,
        )


# --- the story (issue 15) ----------------------------------------------------------------------------

_BEFORE_BIRTH_POSSIBLE = frozenset({"family_member_harmed", "family_member_killed"})
"""Harm to a family member can come before the person was born (a parent killed before their birth)."""


def _story(case: Case, today: dt.date | None) -> Iterator[Conflict]:
    """An event of the person's story dated after today (when given), or before their birth. A partial
    date (``2021-03``, ``2021``) is wrong only if every day it can mean is: the month of today is not in
    the future."""
    birth = case.person.date_of_birth
    for index, event in enumerate(case.story.events or []):
        if event.date is None:
            continue
        path = f"story.events[{index}].date"
        first, last = partial_date_span(event.date)
        if today is not None and first > today:
            yield Conflict(
                FUTURE,
                path,
                f"{event.date} is after the evaluation date {today.isoformat()}; it must be in the past",
                first,
                other_value=today,
            )
        only_family = bool(event.harm) and set(event.harm or ()) <= _BEFORE_BIRTH_POSSIBLE
        if birth and last < birth and not only_family:
            yield Conflict(
                "event_before_birth",
                path,
                f"{event.date} is before person.date_of_birth ({birth.isoformat()})",
                last,
                "person.date_of_birth",
                birth,
            )
