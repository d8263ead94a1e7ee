"""One page of the interview as a browser form, for whoever shows it: the case's interview page
(:mod:`withhold.web.interviews.views`) and the client's own intake link both render a page with the
template include ``interviews/_page_form.html`` and read it back here.

A page (:class:`withhold.interview.pages.Page`) asks one or several questions that belong together (a
hearing's kind and date, one child). Each question is numbered on the page (1, 2, ...) and its fields are
named by that number: ``answer-N`` (its value, or several for a list of choices; a choice is sent by its
position, as the terminal numbers it), ``dont_know-N`` ("I don't know": for a yes-or-no question or a
choice it is one more option of ``answer-N``), ``not_filed-N`` (the asylum filing date only). The page's
paths are sent back as hidden ``path`` fields, in order, so a reply to a page that is no longer the one
to answer is recognized (:func:`is_current`).

:func:`read_page` reads the whole page: each question's reply, and for each question that has none that
fits, its message. :func:`answered_page` puts the replies into the case through the core, all of them or,
if one does not fit the case file, none ("Save and continue"), or those that fit with the rest skipped for
now ("Skip for now": nothing typed is lost, and nothing is forced). What was typed is shown again with the
messages (:func:`page_context` with ``typed``), so a page with one wrong answer keeps the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from withhold.facts.case import Case
from withhold.facts.limits import PLACE_MAX
from withhold.facts.loading import CaseFileError, validate_case
from withhold.interview.answers import skipped_for_now, with_answer
from withhold.interview.bank import question_for, question_text
from withhold.interview.pages import Page
from withhold.interview.sections import sections
from withhold.interview.typed_answer import NOT_FILED_PATH, Answer, DontKnow, Invalid
from withhold.language import Language
from withhold.language.gender import reading
from withhold.web.cases.countries import countries
from withhold.web.interviews.steps import LONGEST, NONE, answered, reply_of
from withhold.web.interviews.texts import TEXTS

DONT_KNOW = "dont_know"
"""The value of "I don't know" among a yes-or-no question's or a choice's options, and of its box."""

OPTION_KINDS = frozenset({"yes_no", "choice"})
"""Kinds whose options are radio buttons: "I don't know" is one more of them."""

FIELD_KINDS = frozenset({"date", "number", "count", "text", "country"})
"""Kinds answered in one field, with an "I don't know" box."""

HINTED = frozenset({"number", "count", "text"})
"""Kinds whose field says the form an answer takes (the question's own message) beneath it. A date's field
is the phone's date picker, which shows its own format: a hint of another format would only confuse."""


class Form(Protocol):
    """What :func:`read_page` reads: a submitted form (Django's ``QueryDict``), or any mapping whose
    ``getlist`` gives a field's values."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def getlist(self, key: str) -> list[Any]: ...


def words(language: Language) -> dict[str, str]:
    """The interview's texts (:data:`withhold.web.interviews.texts.TEXTS`) in ``language``."""
    return {key: text.get(language) for key, text in TEXTS.items()}


@dataclass(frozen=True)
class Item:
    """One question of a page, as the template shows it."""

    number: int
    """Its place on the page, from 1: its fields' names end with it."""
    path: str
    kind: str
    text: str
    help: str
    cites: str
    """The authority, shown to a lawyer only (empty on a client's page)."""
    hint: str
    """The form an answer takes (a number), for a one-field question that needs it; else empty."""
    judgement: bool
    options: tuple[tuple[str, str], ...]
    """(value sent, label) of a yes-or-no question, a choice or a list of choices."""
    countries: tuple[tuple[str, str], ...]
    """(code, name) of every country, for a country question."""
    long: bool
    """A text question whose answer may be long (an account in the person's words): a box of lines."""
    not_filed: bool
    """The asylum filing date: "I have not filed it yet" is offered."""
    values: tuple[str, ...]
    """What the person typed or chose, shown again with a message."""
    dont_know: bool
    not_filed_checked: bool
    error: str

    @property
    def answer_name(self) -> str:
        return f"answer-{self.number}"

    @property
    def dont_know_name(self) -> str:
        return f"dont_know-{self.number}"

    @property
    def not_filed_name(self) -> str:
        return f"not_filed-{self.number}"

    @property
    def value(self) -> str:
        """The one value a single field shows."""
        return self.values[0] if self.values else ""


@dataclass(frozen=True)
class PageReply:
    """What a submitted page says: for each question either a reply that fits its kind (an answer, or
    "I don't know"), or a message saying why not (nothing given, or not an answer of its form)."""

    answers: dict[str, Answer | DontKnow]
    errors: dict[str, str]

    @property
    def complete(self) -> bool:
        """Every question of the page has a reply that fits."""
        return not self.errors


def is_current(form: Form, page: Page) -> bool:
    """Whether ``form`` answers ``page`` (its hidden paths are the page's, in order)."""
    return [str(path) for path in form.getlist("path")] == list(page.paths)


def read_page(form: Form, page: Page, language: Language) -> PageReply:
    """Each question's reply on a submitted page (see the module's docstring for the fields)."""
    answers: dict[str, Answer | DontKnow] = {}
    errors: dict[str, str] = {}
    for number, path in enumerate(page.paths, 1):
        question = question_for(path)
        values = [str(value) for value in form.getlist(f"answer-{number}")]
        dont_know = bool(form.get(f"dont_know-{number}")) or DONT_KNOW in values
        values = [value for value in values if value != DONT_KNOW]
        not_filed = bool(form.get(f"not_filed-{number}")) and path == NOT_FILED_PATH
        given = any(value.strip() for value in values) or not_filed
        if dont_know and given:
            errors[path] = TEXTS["both"].get(language)
        elif dont_know:
            answers[path] = DontKnow()
        elif not given:
            errors[path] = TEXTS["blank"].get(language)
        else:
            reply = reply_of(values, not_filed, question, language)
            if isinstance(reply, Answer | DontKnow):  # "I don't know" typed in words counts as chosen
                answers[path] = reply
            else:  # not an answer of its form (the typed keys for help or back are not answers here)
                errors[path] = question.invalid.get(language)
    return PageReply(answers, errors)


def answered_page(
    case: Case,
    page: Page,
    reply: PageReply,
    language: Language,
    *,
    skip_rest: bool = False,
    today: dt.date | None = None,
) -> Case | dict[str, str]:
    """The case after a page's replies, in the page's order; or, when an answer is refused (a date
    outside the dates a case can hold, a text too long; an answer that contradicts the case or, with
    ``today``, a date in the future where the past is meant), the message for each such question, and
    nothing is changed. With ``skip_rest`` ("Skip for now"), the questions without a reply that fits,
    and any whose answer is refused, are skipped for now instead: never an error."""
    errors: dict[str, str] = {}
    for path in page.paths:
        found = reply.answers.get(path)
        changed = answered(case, path, found, language, today) if found is not None else None
        if isinstance(changed, Case):
            case = changed
        elif skip_rest:
            case = skipped_for_now(case, path, language=language)
        elif isinstance(changed, Invalid):
            errors[path] = changed.message
        else:
            errors[path] = reply.errors.get(path) or question_for(path).invalid.get(language)
    return errors or case


def page_context(
    case: Case,
    page: Page,
    language: Language,
    errors: Mapping[str, str] | None = None,
    typed: Form | None = None,
    *,
    for_lawyer: bool = False,
) -> dict[str, Any]:
    """What ``interviews/_page_form.html`` (and the page around it) shows for ``page``: the section's
    title, its introduction on the section's first page, and each question with its help (and, for a
    lawyer, its authority), its options and, with ``errors``, its message and what was ``typed``. The
    texts agree with the person the case is about."""
    errors = errors or {}
    language = reading(language, case.person.sex)
    section = sections()[page.section]
    items = [
        _item(case, number, path, language, errors.get(path, ""), typed, for_lawyer)
        for number, path in enumerate(page.paths, 1)
    ]
    return {
        "page": page,
        "items": items,
        "section_title": section.title.get(language),
        "section_intro": section.intro.get(language) if page.first_of_section else "",
        "errors": len(errors),
        "wrong": [item for item in items if item.error],
        "errors_text": (
            TEXTS["page_errors_one"].get(language)
            if len(errors) == 1
            else TEXTS["page_errors"].get(language).format(n=len(errors))
        ),
        "t": words(language),
        "DONT_KNOW": DONT_KNOW,
        "NONE": NONE,
    }


def _item(
    case: Case, number: int, path: str, language: Language, error: str, typed: Form | None, for_lawyer: bool
) -> Item:
    question = question_for(path)
    values: tuple[str, ...] = ()
    dont_know = not_filed = False
    if typed is not None:
        sent = [str(value)[:LONGEST] for value in typed.getlist(f"answer-{number}")]
        dont_know = bool(typed.get(f"dont_know-{number}")) or DONT_KNOW in sent
        values = tuple(value for value in sent if value != DONT_KNOW)
        not_filed = bool(typed.get(f"not_filed-{number}"))
    return Item(
        number=number,
        path=path,
        kind=question.kind,
        text=question_text(case, path, language),
        help=question.help.get(language),
        cites=TEXTS["authority"].get(language).format(cites=question.cites)
        if for_lawyer and question.cites
        else "",
        hint=question.invalid.get(language) if question.kind in HINTED else "",
        judgement=question.judgement,
        options=_options(question.kind, question.choices, language),
        countries=countries(language) if question.kind == "country" else (),
        long=question.kind == "text" and long_text(question.path),
        not_filed=path == NOT_FILED_PATH,
        values=values,
        dont_know=dont_know,
        not_filed_checked=not_filed,
        error=error,
    )


def _options(kind: str, choices: Mapping[str, Any], language: Language) -> tuple[tuple[str, str], ...]:
    if kind == "yes_no":
        return (("yes", TEXTS["yes"].get(language)), ("no", TEXTS["no"].get(language)))
    # Sent by position (1, 2, ...), as the terminal numbers them, so a value that looks like a number
    # (the circuits) is never taken for a position.
    return tuple((str(number), label.get(language)) for number, label in enumerate(choices.values(), 1))


@cache
def long_text(path: str) -> bool:
    """Whether the text fact ``path`` (generic) holds more than a place's name: the case file takes a
    text longer than :data:`~withhold.facts.limits.PLACE_MAX` there (an account in the person's own
    words), so it gets a box of several lines."""
    try:
        with_answer(validate_case({"withhold": "case/1"}), path.replace("[]", "[0]"), "x" * (PLACE_MAX + 1))
    except (CaseFileError, KeyError, TypeError, ValueError):
        return False
    return True
