"""The interview page: the next page of questions for the audience interviewed (the client, or the
attorney), or the result when nothing is left to ask them; and the reply to it. Each reply is saved at once,
then the page redirects to the next page (post/redirect/get: reloading never answers twice). The answers
of one sitting make one version and one audit entry (:class:`withhold.web.cases.store.Sitting`).

The client is interviewed while no finding has been reviewed (``interview.reviewed`` is empty), the
attorney after; either can be chosen (``?audience=client`` or ``attorney``), and each reply carries the
audience it was made in. A page is read back whole (:mod:`withhold.web.interviews.page_form`): with one
answer that does not fit, the page is shown again (422) with the message by that question and everything
typed kept, and nothing is saved; "Skip for now" saves what fits and skips the rest for now.

A reply sent by htmx (``HX-Request``) is answered with the next page itself: one round trip per step
instead of two. htmx swaps the page in without a navigation, so there is nothing to reload; the page is
the one the redirect would have led to (same URL, same saved state, same plan)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from withhold.facts.case import Case
from withhold.interview.answers import asked_of, back, back_page, come_back_to_skipped, skipped_of
from withhold.interview.pages import Audience, Page
from withhold.interview.review import standings
from withhold.language import Language
from withhold.screening import screen
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can, allowed
from withhold.web.audit.record import interview_sitting as audit
from withhold.web.cases import store
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Change
from withhold.web.cases.summary import as_of_for
from withhold.web.interviews.page_form import (
    answered_page,
    is_current,
    page_context,
    read_page,
    words,
)
from withhold.web.interviews.plans import page_for
from withhold.web.interviews.standing import standing_rows
from withhold.web.interviews.texts import TEXTS
from withhold.web.language import language_of


def default_audience(case: Case) -> Audience:
    """The client, until the attorney has reviewed a finding; the attorney after."""
    return Audience.ATTORNEY if case.interview.reviewed else Audience.CLIENT


def audience_of(request: HttpRequest, case: Case) -> Audience:
    """The audience a request names (a reply's form field, else the address's ``?audience=``), or the
    case's default when it names none that exists."""
    named = request.POST.get("audience") if request.method == "POST" else None
    named = named or request.GET.get("audience")
    try:
        return Audience(str(named)) if named else default_audience(case)
    except ValueError:
        return default_audience(case)


def interview_url(record: CaseRecord, audience: Audience) -> str:
    return f"{reverse('interviews:question', args=[record.id])}?audience={audience.value}"


@case_view(Can.INTERVIEW)
def question(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    language = language_of(request)
    case = case_of(record.document)
    as_of = as_of_for(case, store.today())
    audience = audience_of(request, case)
    if audience is Audience.ATTORNEY and not _assesses(membership):
        # Findings are legal judgements: only who may edit the case (the attorney) is asked them; a
        # screener interviews the client.
        audience = Audience.CLIENT
    page = page_for(record.id, store.stamp(record), case, as_of, audience)
    if request.method == "POST":
        return _reply(request, membership, record, case, page, audience, language)
    return _shown(request, membership, record, case, as_of, page, audience, language)


def _shown(
    request: HttpRequest,
    membership: Membership,
    record: CaseRecord,
    case: Case,
    as_of: dt.date,
    page: Page | None,
    audience: Audience,
    language: Language,
) -> HttpResponse:
    """The page planned for this state of the case, or the result when there is none."""
    if page is None:
        return _result(
            request, membership, record, case, as_of, audience, language, assesses=_assesses(membership)
        )
    return _page(request, record, case, page, audience, language, assesses=_assesses(membership))


def _assesses(membership: Membership) -> bool:
    """Whether this member may be asked findings (the attorney's interview, the findings review)."""
    return allowed(membership.role, Can.EDIT)


def _common(
    record: CaseRecord, case: Case, audience: Audience, language: Language, assesses: bool = True
) -> dict[str, Any]:
    return {
        "record": record,
        "audience": audience.value,
        "audiences": [
            (Audience.CLIENT.value, TEXTS["audience_client"].get(language)),
            (Audience.ATTORNEY.value, TEXTS["audience_attorney"].get(language)),
        ]
        if assesses
        else [],
        "audience_note": TEXTS[f"audience_{audience.value}_note"].get(language),
        "action_url": interview_url(record, audience),
        "t": words(language),
    }


def _page(
    request: HttpRequest,
    record: CaseRecord,
    case: Case,
    page: Page,
    audience: Audience,
    language: Language,
    errors: dict[str, str] | None = None,
    assesses: bool = True,
) -> HttpResponse:
    asked = len(asked_of(case))
    context = {
        **_common(record, case, audience, language, assesses),
        **page_context(
            case,
            page,
            language,
            errors,
            request.POST if errors else None,
            for_lawyer=audience is Audience.ATTORNEY,
        ),
        "asked": asked,
        "total": asked + page.remaining,
        "progress": TEXTS["progress"].get(language).format(answered=asked, remaining=page.remaining),
        "show_back": bool(asked),
    }
    return render(request, "interviews/page.html", context, status=422 if errors else 200)


def _result(
    request: HttpRequest,
    membership: Membership,
    record: CaseRecord,
    case: Case,
    as_of: dt.date,
    audience: Audience,
    language: Language,
    assesses: bool = True,
) -> HttpResponse:
    screening = screen(case, as_of)
    rows = standing_rows(case, screening, standings(case, as_of), language)
    skipped = len(skipped_of(case))
    context = {
        **_common(record, case, audience, language, assesses),
        "screening": screening,
        "rows": rows,
        "waiting": any(row.needs_assessment for row in rows),
        "asked": len(asked_of(case)),
        "skipped": skipped,
        "skipped_text": (
            TEXTS["skipped_one"].get(language)
            if skipped == 1
            else TEXTS["skipped_n"].get(language).format(n=skipped)
        ),
        "done": TEXTS["done_client" if audience is Audience.CLIENT else "done"].get(language),
    }
    return render(request, "interviews/result.html", context)


def _reply(
    request: HttpRequest,
    membership: Membership,
    record: CaseRecord,
    case: Case,
    page: Page | None,
    audience: Audience,
    language: Language,
) -> HttpResponse:
    action = request.POST.get("action", "answer")
    here = interview_url(record, audience)
    if action == "back":
        if not asked_of(case):
            messages.info(request, TEXTS["first_page"].get(language))
            return redirect(here)
        undone = back_page(case) if audience is Audience.CLIENT else back(case)
        _save(request, membership, record, undone, answers=0)
        return redirect(here)
    if action == "come_back":
        if skipped_of(case):
            _save(request, membership, record, come_back_to_skipped(case), answers=0)
        return redirect(here)
    if action not in ("answer", "skip") or page is None or not is_current(request.POST, page):
        messages.warning(request, TEXTS["stale_page"].get(language))
        return redirect(here)
    reply = read_page(request.POST, page, language)
    skip = action == "skip"
    if not skip and not reply.complete:
        return _page(
            request,
            record,
            case,
            page,
            audience,
            language,
            errors=reply.errors,
            assesses=_assesses(membership),
        )
    changed = answered_page(case, page, reply, language, skip_rest=skip, today=store.today())
    if isinstance(changed, dict):
        return _page(
            request, record, case, page, audience, language, errors=changed, assesses=_assesses(membership)
        )
    newly_skipped = len(set(skipped_of(changed)) - set(skipped_of(case)))
    answers = len(asked_of(changed)) - len(asked_of(case)) - newly_skipped
    saved = _save(request, membership, record, changed, answers=answers)
    if getattr(request, "htmx", False):
        # The page the redirect would lead to, without the second round trip: the case as stored (read
        # back from the saved mapping, as the interview page reads it), planned for the saved version.
        now = case_of(saved.document)
        as_of = as_of_for(now, store.today())
        following = page_for(saved.id, store.stamp(saved), now, as_of, audience)
        return _shown(request, membership, saved, now, as_of, following, audience, language)
    return redirect(here)


def _save(
    request: HttpRequest, membership: Membership, record: CaseRecord, case: Any, answers: int = 1
) -> CaseRecord:
    """The answers, saved at once as part of their sitting (the sitting's version, see
    :mod:`withhold.web.cases.store`), and the sitting's audit entry with its count of answers, in the same
    transaction; the docket summary is made when the docket next reads the case."""

    def audited(saved: CaseRecord) -> None:
        count = store.answers_in(saved)
        audit(request, membership.organization, record.id, version=saved.version, answers=count)

    sitting = store.Sitting(dt.timedelta(seconds=settings.WITHHOLD_INTERVIEW_SITTING), answers)
    return store.save(
        record, case, request.user, Change.INTERVIEW, then=audited, summary_later=True, sitting=sitting
    )
