"""The interview page: the planner's next question (or the result when nothing left can change it), and
the reply to it. Each reply is saved at once, then the page redirects to the next question
(post/redirect/get: reloading never answers twice). The answers of one sitting make one version and one
audit entry (:class:`withhold.web.cases.store.Sitting`).

A reply sent by htmx (``HX-Request``) is answered with the next question's page itself: one round trip
per step instead of two. htmx swaps the page in without a navigation, so there is nothing to reload; the
page is the one the redirect would have led to (same URL, same saved state, same plan)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from withhold.facts.case import Case
from withhold.interview.answers import asked_of, back
from withhold.interview.bank import question_for, question_text
from withhold.interview.planner import Plan
from withhold.interview.typed_answer import NOT_FILED_PATH, Invalid
from withhold.language import Language
from withhold.screening import screen
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.record import interview_sitting as audit
from withhold.web.cases import store
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Change
from withhold.web.cases.summary import as_of_for
from withhold.web.interviews.plans import plan_for
from withhold.web.interviews.steps import NONE, NOT_FILED, answered, reply_of
from withhold.web.interviews.texts import TEXTS
from withhold.web.language import language_of


def words(language: Language) -> dict[str, str]:
    return {key: text.get(language) for key, text in TEXTS.items()}


@case_view(Can.INTERVIEW)
def question(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    case = case_of(record.document)
    as_of = as_of_for(case, store.today())
    plan = plan_for(record.id, store.stamp(record), case, as_of)
    if request.method == "POST":
        return _reply(request, membership, record, case, plan, language)
    return _page(request, record, case, as_of, plan, language)


def _page(
    request: HttpRequest,
    record: CaseRecord,
    case: Case,
    as_of: dt.date,
    plan: Plan | None,
    language: Language,
) -> HttpResponse:
    """The question of ``plan`` for this version of the case, or the result when there is none."""
    if plan is None:
        screening = screen(case, as_of)
        return render(
            request,
            "interviews/result.html",
            {"record": record, "screening": screening, "t": words(language), "asked": len(asked_of(case))},
        )
    return _question_page(request, record, case, plan, language, error="")


def _question_page(
    request: HttpRequest, record: CaseRecord, case: Any, plan: Plan, language: Language, error: str
) -> HttpResponse:
    asked = len(asked_of(case))
    found = question_for(plan.path)
    context = {
        "record": record,
        "plan": plan,
        "question": found,
        "text": question_text(case, plan.path, language),
        "help": found.help.get(language),
        "options": _options(found.kind, found.choices, language),
        "hint": found.invalid.get(language) if found.kind in ("date", "number", "count", "text") else "",
        "not_filed": plan.path == NOT_FILED_PATH,
        "asked": asked,
        "total": asked + plan.remaining,
        "progress": TEXTS["progress"].get(language).format(answered=asked, remaining=plan.remaining),
        "error": error,
        "t": words(language),
        "NONE": NONE,
        "NOT_FILED": NOT_FILED,
    }
    return render(request, "interviews/question.html", context, status=422 if error else 200)


def _options(kind: str, choices: dict[str, Any], language: Language) -> list[tuple[str, str]]:
    if kind == "yes_no":
        return [("yes", TEXTS["yes"].get(language)), ("no", TEXTS["no"].get(language))]
    # Sent by position (1, 2, ...), as the terminal numbers them, so a value that looks like a number
    # (the circuits) is never taken for a position.
    return [(str(number), label.get(language)) for number, label in enumerate(choices.values(), 1)]


def _reply(
    request: HttpRequest,
    membership: Membership,
    record: CaseRecord,
    case: Case,
    plan: Plan | None,
    language: Language,
) -> HttpResponse:
    action = request.POST.get("action", "answer")
    if action == "back":
        if not asked_of(case):
            messages.info(request, TEXTS["first"].get(language))
            return redirect("interviews:question", case_id=record.id)
        _save(request, membership, record, back(case), answers=0)
        return redirect("interviews:question", case_id=record.id)
    if plan is None or request.POST.get("path") != plan.path:
        messages.warning(request, TEXTS["stale"].get(language))
        return redirect("interviews:question", case_id=record.id)
    found = question_for(plan.path)
    reply = reply_of(request.POST, found, language)
    if isinstance(reply, Invalid):
        return _question_page(request, record, case, plan, language, error=reply.message)
    changed = answered(case, plan.path, reply, language, store.today())
    if isinstance(changed, Invalid):
        return _question_page(request, record, case, plan, language, error=changed.message)
    saved = _save(request, membership, record, changed)
    if getattr(request, "htmx", False):
        # The page the redirect would lead to, without the second round trip: the case as stored (read
        # back from the saved mapping, as the question page reads it), planned for the saved version.
        now = case_of(saved.document)
        as_of = as_of_for(now, store.today())
        return _page(request, saved, now, as_of, plan_for(saved.id, store.stamp(saved), now, as_of), language)
    return redirect("interviews:question", case_id=record.id)


def _save(
    request: HttpRequest, membership: Membership, record: CaseRecord, case: Any, answers: int = 1
) -> CaseRecord:
    """The answer, saved at once as part of its sitting (the sitting's version, see
    :mod:`withhold.web.cases.store`), and the sitting's audit entry with its count of answers, in the same
    transaction; the docket summary is made when the docket next reads the case."""

    def audited(saved: CaseRecord) -> None:
        count = store.answers_in(saved)
        audit(request, membership.organization, record.id, version=saved.version, answers=count)

    sitting = store.Sitting(dt.timedelta(seconds=settings.WITHHOLD_INTERVIEW_SITTING), answers)
    return store.save(
        record, case, request.user, Change.INTERVIEW, then=audited, summary_later=True, sitting=sitting
    )
