"""The interview as a person meets it: sections in a natural order, and pages of questions that belong
together, for one of two audiences.

The **client** (the person, or a screener reading the questions aloud) is asked facts a person can know,
in plain words, starting with who they are and their story; the questions asked of everyone (bars,
criminal history) come after the story, and findings (the bank's judgement questions) are never put to
a client: the attorney makes them on the findings review (:mod:`withhold.interview.review`). Practice
guides for asylum intake teach this order: trauma-informed interviewing starts with the person and keeps
the bars for later, with a word on why everyone is asked them.

The **attorney** is asked what the planner (:mod:`withhold.interview.planner`) finds can still change a
status, findings included, in its order (bars before elements: never a wasted question), after the two
facts no result is final without (what kind of case, which country).

Within a section the client's interview still skips what cannot matter: a legal fact is asked only while
some answer to it could change a status (the planner's reading of the law), an intake fact (asked for the
record: names, court, the story) only while unknown and its conditions hold. The current section is the
earliest with something left to ask; within it, less sensitive questions come first (never a
trauma-heavy one first), then the bank's order. Questions of one group (a hearing, a conviction, one
event of the story) are asked on one page. Nothing is kept between pages: the case file's interview
record (asked, "I don't know", skipped for now) is the whole state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from withhold.facts.case import Case
from withhold.facts.paths import generic
from withhold.facts.source import CaseFacts
from withhold.interview.bank import SECTIONS, Question, bank, item_index, question_for
from withhold.interview.planner import facts_that_could_change, next_question
from withhold.logic.evaluate import Evaluation
from withhold.parameters import load as load_parameters

PAGE_MOST = 8
"""Questions on one page at most: a group longer than this is split."""

NEVER_ASKED_OF_CLIENT = frozenset({"proceedings.circuit"})
"""Facts a client cannot know: the circuit follows from the court's location (issue 15)."""


class Audience(StrEnum):
    CLIENT = "client"
    ATTORNEY = "attorney"


@dataclass(frozen=True)
class Page:
    section: str
    """The section the page belongs to (:data:`withhold.interview.bank.SECTIONS`)."""
    paths: tuple[str, ...]
    """The concrete fact paths asked on this page, in order (one or several)."""
    remaining: int
    """At most this many questions are left as things stand, this page's included (an answer can open
    new ones: a count of hearings opens each hearing's questions)."""
    first_of_section: bool
    """Nothing of this section was asked before: the section's introduction is shown."""


def asks(audience: Audience, question: Question) -> bool:
    """Whether ``audience`` is ever asked ``question``: a client never a finding (nor the circuit)."""
    if audience is Audience.CLIENT:
        return not question.judgement and question.path not in NEVER_ASKED_OF_CLIENT
    return True


def sections_asked(audience: Audience) -> tuple[str, ...]:
    """The sections with a question for ``audience``, in order: a client's pages count these (the
    findings are never a client's part)."""
    asked = {question.section for question in bank().values() if asks(audience, question)}
    return tuple(section for section in SECTIONS if section in asked)


def not_to_ask(case: Case, dont_know: Iterable[str] = ()) -> set[str]:
    """The concrete paths not to ask now: answered "I don't know", or skipped for now."""
    return set(dont_know) | set(case.interview.dont_know or ()) | set(case.interview.skipped or ())


def next_page(
    case: Case, as_of: dt.date, audience: Audience = Audience.CLIENT, dont_know: Iterable[str] = ()
) -> Page | None:
    """The next page of the interview for ``audience``, or None when nothing is left to ask."""
    skip = not_to_ask(case, dont_know)
    facts = CaseFacts(case)
    if audience is Audience.ATTORNEY:
        return _attorney_page(case, as_of, skip, facts)
    due = _client_due(case, as_of, skip, facts)
    if not due:
        return None
    first_section = min(SECTIONS.index(question_for(path).section) for path in due)
    section = SECTIONS[first_section]
    here = sorted((path for path in due if question_for(path).section == section), key=_order)
    lead = here[0]
    paths = [lead, *(path for path in here[1:] if _together(lead, path))][:PAGE_MOST]
    asked_before = {question_for(path).section for path in case.interview.asked or ()}
    return Page(section, tuple(paths), len(due), section not in asked_before)


def _attorney_page(case: Case, as_of: dt.date, skip: set[str], facts: CaseFacts) -> Page | None:
    always = [
        path
        for path, question in bank().items()
        if question.intake == "always" and path not in skip and not facts.read(path).known
    ]
    if always:
        path = min(always, key=_order)
        return Page(question_for(path).section, (path,), len(always), True)
    plan = next_question(case, as_of, skip)
    if plan is None:
        return None
    section = question_for(plan.path).section
    asked_before = {question_for(path).section for path in case.interview.asked or ()}
    return Page(section, (plan.path,), plan.remaining, section not in asked_before)


def _client_due(case: Case, as_of: dt.date, skip: set[str], facts: CaseFacts) -> list[str]:
    """Every concrete path the client could be asked now: legal facts an answer to which could change a
    status, and intake facts still unknown, whose conditions hold."""
    due: set[str] = set()
    evaluation = Evaluation(facts, as_of, load_parameters())
    for path in facts_that_could_change(evaluation):
        question = bank().get(generic(path))
        if question is not None and asks(Audience.CLIENT, question):
            due.add(path)
    for path, question in bank().items():
        if question.intake is None or not asks(Audience.CLIENT, question):
            continue
        due.update(concrete for concrete in concrete_paths(path, facts) if not facts.read(concrete).known)
    return [path for path in due if path not in skip and _conditions_hold(path, facts, skip)]


def concrete_paths(path: str, facts: CaseFacts) -> list[str]:
    """The concrete paths of a generic one: each item of the lists it is in (none while a list's length
    is unknown; only its count is asked then)."""
    if "[]" not in path:
        return [path]
    head, _, tail = path.partition("[]")
    found: list[str] = []
    for prefix in concrete_paths(head, facts):
        length = facts.read(prefix)
        count = length.value if length.known and isinstance(length.value, int) else 0
        found.extend(f"{prefix}[{index}]{tail}" for index in range(count))
    return [concrete for item in found for concrete in concrete_paths(item, facts)] if "[]" in tail else found


def _conditions_hold(path: str, facts: CaseFacts, skip: set[str]) -> bool:
    """A question's ``when`` conditions: unmet when the fact is known and not one of the values, or not
    asked yet (it is asked first). A condition the person could not answer ("I don't know", skipped)
    does not stop the question: the person may not know the kind of case and still have a hearing. A
    condition on an item's fact reads the same item."""
    index = item_index(path)
    for fact, values in question_for(path).when:
        concrete = fact.replace("[]", f"[{index}]", 1) if index is not None else fact
        read = facts.read(concrete)
        if read.known and not any(_same(read.value, value) for value in values):
            return False
        if not read.known and concrete not in skip:
            return False
    return True


def _same(value: Any, wanted: Any) -> bool:
    if isinstance(value, list):
        return wanted in value
    return bool(value == wanted or str(value) == str(wanted))


def _order(path: str) -> tuple[int, int, int, str]:
    """Less sensitive first (never a trauma-heavy question first: every event's short questions before
    anyone's account of it), item by item (one event's questions, then the next's; a list's count
    before, and what the bank puts after its items, after), then the bank's order, then the path."""
    question = question_for(path)
    index = item_index(path)
    if index is None:  # a list's count before its items; what comes after the items in the bank, after them
        index = -1 if question.order < _first_item_order(question.section) else PAGE_MOST * 1000
    return (
        question.sensitivity if question.group is None else _group_sensitivity(question.group),
        index,
        question.order,
        path,
    )


@cache
def _first_item_order(section: str) -> int:
    """The bank's order of the section's first question about a list item (a hearing, an event)."""
    orders = [q.order for q in bank().values() if q.section == section and "[]" in q.path]
    return min(orders, default=1 << 30)


@cache
def _group_sensitivity(group: str) -> int:
    """A group is placed by its least sensitive question, so it is asked on one page."""
    return min(q.sensitivity for q in bank().values() if q.group == group)


def asked_together(lead: str, path: str) -> bool:
    """Whether a page asks ``path`` with ``lead``: the same group, the same item (one page of the
    client's interview, which "back" undoes as a whole). A path the bank has no question for (a case
    file's record from another version of Withhold) is asked alone."""
    try:
        return _together(lead, path)
    except KeyError:
        return False


def _together(lead: str, path: str) -> bool:
    """Asked on the same page as ``lead``: same group, same item."""
    first, other = question_for(lead), question_for(path)
    return first.group is not None and first.group == other.group and item_index(lead) == item_index(path)
