"""One page of the client interview for the intake link: its questions as the page shows them, and the
replies read from the submitted form and put into the case by the core (:mod:`withhold.interview.answers`),
as the team's interview does. Each question of a page has its own fields (``answer-0``, ``dont_know-0``,
...); a page is saved whole or not at all, and what was typed is shown again with the reason when a reply
does not fit.

Nothing of the case is shown: a question is worded without the case's own words (a conviction is
"conviction 2", never its offense as recorded), and no field is filled in from the case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from django.http import QueryDict

from withhold.facts.case import Case
from withhold.facts.limits import FREE_TEXT_MAX, PLACE_MAX
from withhold.facts.loading import CaseFileError, validate_case
from withhold.interview.answers import skipped_for_now, with_answer
from withhold.interview.bank import Question, item_index, question_for
from withhold.interview.pages import Page
from withhold.interview.sections import sections
from withhold.interview.typed_answer import NOT_FILED_PATH, Invalid, Reply
from withhold.language import Language
from withhold.web.cases.countries import countries
from withhold.web.interviews.steps import NONE, NOT_FILED, answered, reply_of
from withhold.web.interviews.texts import TEXTS
from withhold.web.texts import text as ui

LONGEST = FREE_TEXT_MAX
"""The most characters one answer field takes (an account in the person's words): past it the page says
so (the case file bounds each kind of text again, and its message names the bound)."""
DONT_KNOW = "dont_know"
"""The value of "I don't know" where it is one of a question's options (a radio or a checkbox)."""
MOST_VALUES = 64
"""The most values one question's field sends (its checkboxes): past it the page says so."""


@dataclass
class Item:
    """One question of the page, as shown."""

    index: int
    path: str
    question: Question
    text: str
    help: str
    options: list[tuple[str, str]]
    hint: str
    not_filed: bool
    long: bool = False
    """A text whose answer may be long (the story in the person's words): a box of several lines."""
    values: list[str] = field(default_factory=list)
    dont_know: bool = False
    error: str = ""

    @property
    def kind(self) -> str:
        return self.question.kind


def _options(question: Question, language: Language) -> list[tuple[str, str]]:
    if question.kind == "yes_no":
        return [("yes", TEXTS["yes"].get(language)), ("no", TEXTS["no"].get(language))]
    if question.kind == "country":
        return list(countries(language))
    # By position (1, 2, ...), as the team's interview and the terminal send them.
    return [(str(n), label.get(language)) for n, label in enumerate(question.choices.values(), 1)]


def items(page: Page, language: Language) -> list[Item]:
    found = []
    for index, path in enumerate(page.paths):
        question = question_for(path)
        hint = question.invalid.get(language) if question.kind in ("date", "number", "count", "text") else ""
        found.append(
            Item(
                index=index,
                path=path,
                question=question,
                # Never the offense as recorded: the client sees nothing the case says.
                text=question.render(language, item_index(path), None),
                help=question.help.get(language),
                options=_options(question, language),
                hint=hint,
                not_filed=path == NOT_FILED_PATH,
                long=question.kind == "text" and long_text(question.path),
            )
        )
    return found


@dataclass(frozen=True)
class Heading:
    title: str
    intro: str
    part: int
    parts: int


def heading(page: Page, language: Language, first_seen: bool = False) -> Heading:
    """The section the page is in ("Part 2 of 8"), and its introduction when the section begins, or when
    this is the first page the person sees (a link sent for an interview begun by the team: the questions
    asked of everyone still come with the word on why)."""
    every = list(sections())
    found = sections()[page.section]
    intro = found.intro.get(language) if page.first_of_section or first_seen else ""
    return Heading(found.title.get(language), intro, every.index(page.section) + 1, len(every))


def read(post: QueryDict, page: Page, language: Language) -> tuple[list[Item], list[Reply]]:
    """The page's items with what was sent for each (kept to show again) and each one's reply; an item
    whose reply is :class:`Invalid` carries its message."""
    shown = items(page, language)
    replies: list[Reply] = []
    for item in shown:
        values = post.getlist(f"answer-{item.index}")
        item.dont_know = bool(post.get(f"dont_know-{item.index}"))
        if len(values) > MOST_VALUES or any(len(value) > LONGEST for value in values):
            item.error = ui("intake.too_long", language)
            replies.append(Invalid(item.error))
            continue
        item.values = values
        if DONT_KNOW in values:  # one of the options: with another one as well, it cannot be both
            item.dont_know = True
            values = [value for value in values if value != DONT_KNOW]
        if item.dont_know and any(value.strip() for value in values):
            item.error = item.question.invalid.get(language)
            replies.append(Invalid(item.error))
            continue
        one = QueryDict(mutable=True)
        one.setlist("answer", values)
        if item.dont_know:
            one["action"] = "dont_know"
        if item.not_filed and post.get(f"not_filed-{item.index}"):
            one[NOT_FILED] = "1"
        reply = reply_of(one, item.question, language)
        if isinstance(reply, Invalid):
            item.error = reply.message
        replies.append(reply)
    return shown, replies


def apply(
    case: Case, shown: list[Item], replies: list[Reply], language: Language, today: dt.date
) -> Case | None:
    """The case with every reply of the page put in, in order; None (with the message on its item) when one
    is refused: it does not fit the case file, or contradicts the case or ``today`` (a date in the future
    where the past is meant, an arrival before birth), said with the reason."""
    if any(isinstance(reply, Invalid) for reply in replies):
        return None
    current = case
    for item, reply in zip(shown, replies, strict=True):
        changed = answered(current, item.path, reply, language, today)
        if isinstance(changed, Invalid):
            item.error = changed.message
            return None
        current = changed
    return current


def skipped(case: Case, shown: list[Item], replies: list[Reply], language: Language, today: dt.date) -> Case:
    """The case after "Skip for now": each reply that fits is kept, every other question of the page is
    skipped for now (asked again when the person comes back to what they skipped): never an error, and
    nothing is forced."""
    current = case
    for item, reply in zip(shown, replies, strict=True):
        changed = None if isinstance(reply, Invalid) else answered(current, item.path, reply, language, today)
        if changed is None or isinstance(changed, Invalid):
            current = skipped_for_now(current, item.path, language=language)
        else:
            current = changed
    return current


@cache
def long_text(path: str) -> bool:
    """Whether the text fact ``path`` (generic) may hold more than a place's name: the case file takes a
    longer text there (an account in the person's own words)."""
    try:
        with_answer(validate_case({"withhold": "case/1"}), path.replace("[]", "[0]"), "x" * (PLACE_MAX + 1))
    except (CaseFileError, KeyError, TypeError, ValueError):
        return False
    return True


__all__ = [
    "DONT_KNOW",
    "NONE",
    "NOT_FILED",
    "Heading",
    "Item",
    "apply",
    "heading",
    "items",
    "long_text",
    "read",
    "skipped",
]
