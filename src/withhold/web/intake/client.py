"""The client's pages of an intake link (``/intake/<token>/``): no account, no session, nothing of the case.

What a request to the link meets, in order:

1. an address that guessed too many links lately: "too many tries" (429), nothing looked up;
2. a token malformed or unknown: "this link does not work" (404), the miss counted;
3. a link turned off (410) or expired (410): said plainly and kindly, nothing of the case;
4. a link started on another device: "already in use on another device" (403);
5. a link nobody started: a welcome page with "Start". Opening the link starts nothing (a messaging app
   that fetches the link for a preview must not take it): pressing "Start" (a POST) does, and binds the
   link to this browser with a random secret in a cookie scoped to the link's own path, of which only a
   keyed digest is stored (:mod:`withhold.web.intake.tokens`);
6. on that browser: the next page of the client interview (the core's pages for the client audience),
   until nothing is left to ask; then only "Thank you. Your legal team will contact you."

Each page of answers is saved whole through the case store, as a version of its own sitting and one audit
entry, both the client's (the link's, never the account of whoever made it), and only if the case is still
as the page was planned from: when the team saved meanwhile, the page is planned again from what they
saved (:class:`withhold.web.cases.store.StaleError`), so nothing of theirs is overwritten, and the client is
told the questions changed if they did. The client never sees a result, a name or an answer; the pages
speak the link's language, which the client can switch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.http import require_http_methods

from withhold.facts.case import Case
from withhold.interview.answers import asked_of, skipped_of
from withhold.interview.bank import item_index, question_for
from withhold.interview.pages import Audience, Page, next_page, sections_asked
from withhold.interview.sections import sections
from withhold.language import LANGUAGES, Language
from withhold.web.accounts.models import Organization
from withhold.web.audit.models import Action
from withhold.web.audit.record import by_client, intake_sitting
from withhold.web.cases import store
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, Change
from withhold.web.cases.summary import as_of_for
from withhold.web.intake import guessing, tokens
from withhold.web.intake.models import IntakeLink
from withhold.web.interviews.page_form import answered_page, is_current, page_context, read_page
from withhold.web.language import chosen
from withhold.web.selfhelp.languages import choices, direction
from withhold.web.texts import text as ui

COOKIE = "withhold_intake"
"""The cookie that holds the device's secret, scoped to the link's own path."""

TRIES = 3
"""Times a page of answers is planned and saved again when the team saved in between."""


def _url(token: str) -> str:
    return reverse("intake:client", kwargs={"token": token})


@require_http_methods(["GET", "HEAD", "POST"])
def intake_page(request: HttpRequest, token: str) -> HttpResponse:
    if guessing.locked(request):
        return _closed(request, None, "too_many", 429)
    link = _find(token)
    if link is None:
        guessing.missed(request)
        return _closed(request, None, "unknown", 404)
    now = timezone.now()
    if link.revoked_at is not None:
        return _closed(request, link, "revoked", 410)
    if now >= link.expires_at:
        return _closed(request, link, "expired", 410)
    mine = _on_this_device(request, link)
    if link.device_digest and not mine:
        return _closed(request, link, "in_use", 403)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "language":
            return _switch_language(request, link, token)
        if not link.device_digest:
            return _start(request, link, token)
        if action in ("answer", "skip") and link.finished_at is None:
            return _answer(request, link, token)
        return redirect(_url(token))
    if not link.device_digest:
        return _welcome(request, link)
    if link.finished_at is not None:
        return _thanks(request, link)
    return _next(request, link, token)


@require_http_methods(["GET", "HEAD", "POST"])
def not_a_link(request: HttpRequest) -> HttpResponse:
    """An address under ``/intake/`` that is no link's: counted as a miss, like an unknown token."""
    if guessing.locked(request):
        return _closed(request, None, "too_many", 429)
    guessing.missed(request)
    return _closed(request, None, "unknown", 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the cross-site request check (``CSRF_FAILURE_VIEW``): on the client's pages, a
    plain word in their language (a page left open for days, cookies cleared); elsewhere Django's own."""
    if request.path.startswith("/self-help/"):
        from withhold.web.selfhelp.views import refused_by_check  # the self-help pages' own plain word

        return refused_by_check(request)
    if not request.path.startswith("/intake/"):
        return django_csrf_failure(request, reason)
    match = request.resolver_match
    token = str(match.kwargs.get("token", "")) if match is not None else ""
    return _closed(request, _find(token), "refused", 403)


def _find(token: str) -> IntakeLink | None:
    """The link the token opens: a malformed token is never looked up; the digest found is compared again
    in constant time."""
    if not tokens.well_formed(token):
        return None
    digest = tokens.link_digest(token)
    link = IntakeLink.objects.filter(token_digest=digest).first()
    if link is None or not tokens.same(digest, link.token_digest):
        return None
    return link


def _on_this_device(request: HttpRequest, link: IntakeLink) -> bool:
    secret = request.COOKIES.get(COOKIE, "")[:100]
    return bool(secret) and tokens.same(tokens.device_digest(secret), link.device_digest)


# --- pages ---------------------------------------------------------------------------------------------


def _page(
    request: HttpRequest, template: str, language: Language, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """An intake page in ``language`` (Django's own words too: a date's month), never the team's layout."""
    context = {**context, "language": language, "direction": direction(language), "languages": choices()}
    with translation.override(language):
        response = render(request, template, context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _day(moment: dt.datetime, language: Language) -> str:
    with translation.override(language):
        return str(formats.date_format(timezone.localtime(moment).date(), "DATE_FORMAT"))


def _closed(request: HttpRequest, link: IntakeLink | None, why: str, status: int) -> HttpResponse:
    """A link that cannot be used, said plainly in its language, then in the other one (an unknown link's
    language is unknown: English first); nothing of the case, nor whose link it is."""
    first = _language(link) if link is not None else "en"
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    said = []
    for language in (first, "es" if first == "en" else "en"):  # the link's language, then one more
        words = (
            ui(f"intake.{why}", language, n=minutes) if why == "too_many" else ui(f"intake.{why}", language)
        )
        said.append({"language": language, "title": ui(f"intake.{why}_title", language), "text": words})
    return _page(request, "intake/closed.html", first, {"said": said, "why": why}, status)


def _welcome(request: HttpRequest, link: IntakeLink) -> HttpResponse:
    language = _language(link)
    context = {"until": _day(link.expires_at, language), "action": request.path}
    return _page(request, "intake/welcome.html", language, context)


def _thanks(request: HttpRequest, link: IntakeLink) -> HttpResponse:
    return _page(request, "intake/thanks.html", _language(link), {"action": request.path})


def _language(link: IntakeLink) -> Language:
    return link.language if link.language in LANGUAGES else "en"


def _organization(link: IntakeLink) -> Organization:
    """The organization the link's case belongs to (the case itself is not read: it stays encrypted)."""
    return Organization.objects.get(cases__id=link.case_id)


def _start(request: HttpRequest, link: IntakeLink, token: str) -> HttpResponse:
    """Binds the link to this browser: the first to press "Start" takes it (a second press that lost the
    race is refused like any other device)."""
    secret = tokens.new_secret()
    now = timezone.now()
    with transaction.atomic():
        taken = IntakeLink.objects.filter(
            pk=link.pk, device_digest="", revoked_at=None, expires_at__gt=now
        ).update(device_digest=tokens.device_digest(secret), started_at=now)
        if taken:
            by_client(_organization(link), Action.INTAKE_STARTED, link.case_id, link.id)
    if not taken:
        return _closed(request, link, "in_use", 403)
    response = redirect(_url(token))
    response.set_cookie(
        COOKIE,
        secret,
        max_age=max(1, int((link.expires_at - now).total_seconds())),
        path=_url(token),
        secure=bool(settings.SESSION_COOKIE_SECURE),
        httponly=True,
        samesite="Lax",  # the link is opened from a message: a top-level navigation from elsewhere
    )
    return response


def _switch_language(request: HttpRequest, link: IntakeLink, token: str) -> HttpResponse:
    language = chosen(request.POST.get("language"))
    if language is not None and language != link.language:
        IntakeLink.objects.filter(pk=link.pk).update(language=language)
    return redirect(_url(token))


# --- the questions -------------------------------------------------------------------------------------


def _planned(link: IntakeLink) -> tuple[CaseRecord, Case, Page | None]:
    """The case as it is now, and its next page for the client."""
    record = CaseRecord.objects.get(pk=link.case_id)
    case = case_of(record.document)
    return record, case, next_page(case, as_of_for(case, store.today()), Audience.CLIENT)


def _next(request: HttpRequest, link: IntakeLink, token: str) -> HttpResponse:
    _, case, page = _planned(link)
    if page is None:
        return _finish(request, link)
    return _questions(request, link, case, page)


def _finish(request: HttpRequest, link: IntakeLink) -> HttpResponse:
    IntakeLink.objects.filter(pk=link.pk, finished_at=None).update(finished_at=timezone.now())
    return _thanks(request, link)


def _questions(
    request: HttpRequest,
    link: IntakeLink,
    case: Case,
    page: Page,
    *,
    errors: dict[str, str] | None = None,
    stale: bool = False,
) -> HttpResponse:
    """The page of questions, as the team's interview shows one (``interviews/_page_form.html``), in the
    client's own layout: no result, no back into what the team answered, and nothing of the case."""
    language = _language(link)
    context = page_context(case, page, language, errors, request.POST if errors else None)
    # Worded without the case's own words: a conviction is "conviction 2", never its offense as recorded.
    items = [
        replace(item, text=question_for(item.path).render(language, item_index(item.path), None))
        for item in context["items"]
    ]
    intro = context["section_intro"]
    if not intro and link.answers == 0:  # the first page the client sees: the section's word on why
        intro = sections()[page.section].intro.get(language)
    # The end of the client's interview is only "thank you": what was skipped is left to the legal team.
    shown_words = {**context["t"], "skip_note": ui("intake.skip_note", language)}
    every = sections_asked(Audience.CLIENT)
    context.update(
        t=shown_words,
        items=items,
        wrong=[item for item in items if item.error],
        section_intro=intro,
        part=every.index(page.section) + 1,
        parts=len(every),
        stale=stale,
        show_back=False,
        action=request.path,
    )
    return _page(request, "intake/page.html", language, context, 422 if errors else 200)


def _answer(request: HttpRequest, link: IntakeLink, token: str) -> HttpResponse:
    """A page of answers: saved whole if every one fits ("Skip for now": what fits, the rest skipped), else
    the page again with what was typed and why; saved only over the state it was planned from."""
    language = _language(link)
    skip = request.POST.get("action") == "skip"
    for _ in range(TRIES):
        record, case, page = _planned(link)
        if page is None:
            return _finish(request, link)
        if not is_current(request.POST, page):
            # Planned from an older state (the team saved, or an answer opened other questions).
            return _questions(request, link, case, page, stale=True)
        reply = read_page(request.POST, page, language)
        if not skip and not reply.complete:
            return _questions(request, link, case, page, errors=reply.errors)
        changed = answered_page(case, page, reply, language, skip_rest=skip, today=store.today())
        if isinstance(changed, dict):
            return _questions(request, link, case, page, errors=changed)
        skipped = len(set(skipped_of(changed)) - set(skipped_of(case)))
        answers = len(asked_of(changed)) - len(asked_of(case)) - skipped
        try:
            _save(link, record, changed, answers)
        except store.StaleError:
            continue  # the team saved in between: plan again from what they saved
        return redirect(_url(token))
    _, case, page = _planned(link)
    if page is None:
        return _finish(request, link)
    return _questions(request, link, case, page, stale=True)


def _save(link: IntakeLink, record: CaseRecord, case: Any, answers: int) -> None:
    """The page's answers, in the client's sitting on this link (one version and one audit entry), with
    the link's count of answers, in one transaction; only over the state the page was planned from."""
    organization = _organization(link)

    def audited(saved: CaseRecord) -> None:
        count = store.answers_in(saved)
        intake_sitting(organization, record.id, link.id, version=saved.version, answers=count)
        IntakeLink.objects.filter(pk=link.pk).update(
            answers=F("answers") + answers, last_answer_at=timezone.now()
        )

    sitting = store.Sitting(dt.timedelta(seconds=settings.WITHHOLD_INTERVIEW_SITTING), answers)
    store.save(
        record,
        case,
        None,
        Change.INTAKE,
        then=audited,
        summary_later=True,
        sitting=sitting,
        intake=link.id,
        expected=store.stamp(record),
    )
