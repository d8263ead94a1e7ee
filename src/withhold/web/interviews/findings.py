"""The findings review (``/cases/<id>/findings/``): the legal assessments a result depends on, for the
attorney, each with the client's own answers that bear on it and, where the law lets those answers point it
one way, the law's suggestion (:func:`withhold.interview.review.findings_to_review`), marked as a
suggestion until the attorney confirms it. Confirming (a value, or "leave open" on purpose) records the
review through the core (:func:`withhold.interview.review.reviewed`) and is saved like any edit: a new
version and an audit entry, in one transaction.

Nothing is decided here: the list, the suggestions and what a status waits for are the core's; this
module only puts them in words (a question's text, an answer's label, never a path or a code)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from withhold.facts.case import Case
from withhold.facts.describe import fact_description
from withhold.facts.loading import CaseFileError
from withhold.facts.paths import generic
from withhold.facts.source import CaseFacts
from withhold.interview.bank import item_index, question_for, question_text
from withhold.interview.review import (
    FindingToReview,
    bearing,
    findings_to_review,
    reviewed,
    reviewed_of,
)
from withhold.interview.words import answer_words
from withhold.language import Language
from withhold.law.protections import PROTECTIONS
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases import store
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Change
from withhold.web.cases.summary import as_of_for
from withhold.web.interviews.texts import TEXTS
from withhold.web.language import language_of
from withhold.web.texts import text as ui

OPEN = "open"
"""The value of "Leave open" among a finding's options."""

TITLES = {protection.name: protection.title for protection in PROTECTIONS}


@dataclass(frozen=True)
class Said:
    """One of the client's answers, in words: the question asked and the answer given."""

    question: str
    answer: str
    lang: str = ""
    """``en`` when the question has no words but the case format's English description."""


@dataclass(frozen=True)
class Shown:
    """One finding as the review shows it."""

    number: int
    path: str
    question: str
    help: str
    cites: str
    protections: tuple[str, ...]
    """The titles (English, the core's) of the protections an assessment could still change."""
    recorded: str
    """What the case records now, in words; empty when nothing."""
    reviewed: bool
    bearing: tuple[Said, ...]
    suggestion: str
    """The suggested answer in words; empty when there is no suggestion."""
    rule_title: str
    citations: tuple[str, ...]
    caveat: str
    because: tuple[Said, ...]
    options: tuple[tuple[str, str], ...]
    """(value sent, label): the finding's answers, then "Leave open"."""
    chosen: str
    """The option checked: what is recorded, else nothing."""
    error: str = ""


def said(case: Case, path: str, value: Any, language: Language) -> Said:
    try:
        asked = question_text(case, path, language)
    except KeyError:  # no question for it: the case format's English words, never the path
        return Said(fact_description(path) or "", answer_words(path, value, language), "en")
    return Said(asked, answer_words(path, value, language))


def options(path: str, language: Language) -> tuple[tuple[str, str], ...]:
    """A finding's answers, sent as ``yes``/``no`` or by position (1, 2, ...), then "Leave open"."""
    question = question_for(path)
    if question.kind == "yes_no":
        found = [("yes", TEXTS["yes"].get(language)), ("no", TEXTS["no"].get(language))]
    else:
        found = [(str(n), label.get(language)) for n, label in enumerate(question.choices.values(), 1)]
    return (*found, (OPEN, ui("findings_review.leave_open", language)))


def value_of(path: str, sent: str) -> tuple[bool, Any]:
    """The value an option sent stands for: (True, value), (True, None) for "Leave open", or (False,
    None) when it is none of the finding's options."""
    question = question_for(path)
    if sent == OPEN:
        return True, None
    if question.kind == "yes_no":
        return (True, sent == "yes") if sent in ("yes", "no") else (False, None)
    values = list(question.choices)
    if sent.isascii() and sent.isdigit() and 1 <= int(sent) <= len(values):
        return True, values[int(sent) - 1]
    return False, None


def sent_for(path: str, value: Any) -> str:
    """The option that stands for a recorded ``value`` (see :func:`value_of`)."""
    question = question_for(path)
    if isinstance(value, bool):
        return "yes" if value else "no"
    values = list(question.choices)
    return str(values.index(str(value)) + 1) if str(value) in values else ""


def shown(
    case: Case, found: list[FindingToReview], language: Language, errors: dict[str, str]
) -> list[Shown]:
    facts = CaseFacts(case)
    reviewed_paths = reviewed_of(case)
    result: list[Shown] = []
    for number, item in enumerate(found, 1):
        value = facts.read(item.path)
        suggestion = item.suggestion
        answers = tuple(said(case, path, v, language) for path, v in item.bearing)
        because = tuple(said(case, p, v, language) for p, v in suggestion.because) if suggestion else ()
        result.append(
            Shown(
                number=number,
                path=item.path,
                question=question_text(case, item.path, language),
                help=item.question.help.get(language),
                cites=item.question.cites,
                protections=tuple(TITLES.get(name, name) for name in item.protections),
                recorded=answer_words(item.path, value.value, language) if value.known else "",
                reviewed=item.path in reviewed_paths,
                bearing=answers,
                suggestion=answer_words(item.path, suggestion.value, language) if suggestion else "",
                rule_title=suggestion.rule.title if suggestion else "",
                citations=suggestion.rule.citations if suggestion else (),
                caveat=(suggestion.rule.caveat or "") if suggestion else "",
                # Said again under the suggestion only when it rests on answers not listed above.
                because=() if set(because) <= set(answers) else because,
                options=options(item.path, language),
                chosen=sent_for(item.path, value.value) if value.known else "",
                error=errors.get(item.path, ""),
            )
        )
    return result


def reviewable(case: Case, as_of: dt.date) -> list[FindingToReview]:
    """Every finding the review lists: those waiting, and those reviewed (so an assessment can be changed)."""
    return findings_to_review(case, as_of) + _reviewed_elsewhere(case, as_of)


def _reviewed_elsewhere(case: Case, as_of: dt.date) -> list[FindingToReview]:
    """The reviewed findings no status waits for any more (a confirmed value closes them): listed too, so
    the attorney sees what they recorded and can change it. Only paths the case can hold (an item its list
    has) and the bank has a question for."""
    waiting = {item.path for item in findings_to_review(case, as_of)}
    facts = CaseFacts(case)
    found: list[FindingToReview] = []
    for path in sorted(reviewed_of(case) - waiting):
        try:
            question = question_for(path)
            value = facts.read(path)
        except (KeyError, IndexError, ValueError, TypeError):
            continue
        if not question.judgement:
            continue
        found.append(FindingToReview(path, question, (), value, True, _bearing(facts, path), None))
    return sorted(found, key=lambda item: (item.question.order, item.path))


def _bearing(facts: CaseFacts, path: str) -> tuple[tuple[str, Any], ...]:
    """The client's known answers bearing on the finding ``path`` (``bearing.yaml``), for its item."""
    item = item_index(path)
    found: list[tuple[str, Any]] = []
    for listed in bearing().get(generic(path), ()):
        concrete_path = listed.replace("[]", f"[{item}]", 1) if item is not None else listed
        if "[]" in concrete_path:
            continue
        try:
            value = facts.read(concrete_path)
        except (KeyError, IndexError, ValueError, TypeError):
            continue
        if value.known:
            found.append((concrete_path, value.value))
    return tuple(found)


@case_view(Can.EDIT)
def review(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    case = case_of(record.document)
    as_of = as_of_for(case, store.today())
    found = reviewable(case, as_of)
    if request.method == "POST":
        return _confirm(request, membership, record, case, found, language)
    return _page(request, record, case, found, language, {})


def _page(
    request: HttpRequest,
    record: CaseRecord,
    case: Case,
    found: list[FindingToReview],
    language: Language,
    errors: dict[str, str],
) -> HttpResponse:
    items = shown(case, found, language, errors)
    waiting = [item for item in items if not item.reviewed and not item.recorded]
    recorded = [item for item in items if not item.reviewed and item.recorded]
    done = [item for item in items if item.reviewed]
    context = {"record": record, "waiting": waiting, "recorded": recorded, "done": done, "OPEN": OPEN}
    return render(request, "interviews/findings.html", context, status=422 if errors else 200)


def _confirm(
    request: HttpRequest,
    membership: Membership,
    record: CaseRecord,
    case: Case,
    found: list[FindingToReview],
    language: Language,
) -> HttpResponse:
    here = reverse("interviews:findings", args=[record.id])
    path = str(request.POST.get("path", ""))
    item = next((item for item in found if item.path == path), None)
    action = request.POST.get("action", "confirm")
    if item is None or (action == "accept" and item.suggestion is None):
        messages.warning(request, ui("findings_review.stale", language))
        return redirect(here)
    if action == "accept":
        assert item.suggestion is not None
        value = item.suggestion.value
    else:
        fits, value = value_of(path, str(request.POST.get("value", ""))[:20])
        if not fits:
            return _page(
                request, record, case, found, language, {path: ui("findings_review.choose", language)}
            )
    try:
        changed = reviewed(case, path, value)
    except (CaseFileError, KeyError):
        return _page(request, record, case, found, language, {path: item.question.invalid.get(language)})

    def audited(saved: CaseRecord) -> None:
        if saved.version != record.version:
            audit(
                request,
                membership.organization,
                Action.CHANGED,
                record.id,
                version=saved.version,
                what="findings",
            )

    saved = store.save(record, changed, request.user, Change.EDITED, then=audited)
    if saved.version != record.version:
        messages.success(request, ui("findings_review.saved", language, n=saved.version))
    else:
        messages.info(request, ui("flash.nothing_changed", language))
    return redirect(here + _next_anchor(saved, item))


def _next_anchor(saved: CaseRecord, done: FindingToReview) -> str:
    """Where the page opens after a review: at the next finding still waiting (so a long list is worked
    through without scrolling back to it each time), else at the top."""
    case = case_of(saved.document)
    after = reviewable(case, as_of_for(case, store.today()))
    reviewed_paths = reviewed_of(case)
    key = (done.question.order, done.path)
    for number, item in enumerate(after, 1):
        if (
            item.path not in reviewed_paths
            and not item.value.known
            and (item.question.order, item.path) > key
        ):
            return f"#finding-{number}"
    return ""


def waiting_count(case: Case, as_of: dt.date) -> int:
    """The findings a result depends on that are neither recorded nor reviewed: the case page's count."""
    return sum(1 for item in findings_to_review(case, as_of) if not item.reviewed and not item.value.known)
