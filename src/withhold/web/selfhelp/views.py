"""Self-help (``/self-help/``): the client interview and a result in plain words, for a person without a
lawyer and without an account, in any language Withhold speaks; nothing kept on the server.

Every request carries the answers so far (:mod:`withhold.web.selfhelp.state`) and the language; the
server reads them, answers with the next page, and forgets them. No session, no database row, no log line
with an answer: the answers travel in the page, in a file the person downloads (``case/1``, which any
Withhold organization imports), and in the summary PDF. Nothing of the person's ever goes in an address
(an address ends up in logs): every step is a form posted. The page never needs a script.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError
from withhold.interview.answers import (
    asked_of,
    back_page,
    come_back_to_skipped,
    document_of,
    recorded,
    skipped_of,
)
from withhold.interview.pages import Audience, Page, next_page, sections_asked
from withhold.interview.sections import sections
from withhold.language import LANGUAGES, Language, check_language
from withhold.web.cases.documents import MAX_BYTES, parse, syntax_of, to_json
from withhold.web.interviews.page_form import answered_page, is_current, page_context, read_page
from withhold.web.selfhelp import result, state
from withhold.web.selfhelp.languages import choices, direction, from_request, review_note
from withhold.web.texts import text as ui

NEW_CASE: dict[str, Any] = {"withhold": "case/1"}
FILE_NAME = "withhold-answers.json"


def _today() -> dt.date:
    return dt.date.today()


@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def self_help(request: HttpRequest) -> HttpResponse:
    language = from_request(request)
    if request.method != "POST":
        return _welcome(request, language)
    action = str(request.POST.get("action", ""))[:20]
    if action == "start":
        case = recorded(Case.model_validate(NEW_CASE), language=language)
        return _next(request, case, language)
    if action == "resume":
        return _resume(request, language)
    if action == "language" and not request.POST.get("state"):
        return _welcome(request, _switched(request, language))
    try:
        case = state.opened(str(request.POST.get("state", "")))
    except state.StateError:
        return _refused(request, language)
    if action == "language":
        language = _switched(request, language)
        case = recorded(case, language=language)
        if request.POST.get("at") == "result":
            return _result(request, case, language)
        return _next(request, case, language)
    if action in ("answer", "skip"):
        return _answer(request, case, language, skip=action == "skip")
    if action == "back":
        return _next(request, back_page(case) if asked_of(case) else case, language)
    if action == "again":
        return _next(request, come_back_to_skipped(case), language)
    if action == "finish":
        return _result(request, case, language)
    if action == "download_case":
        return _download_case(case)
    if action == "download_summary":
        return result.summary_pdf(case, language, _today())
    return _next(request, case, language)


def _switched(request: HttpRequest, language: Language) -> Language:
    wanted = str(request.POST.get("to", ""))[:8]
    return wanted if wanted in LANGUAGES else language


def _page(
    request: HttpRequest, template: str, language: Language, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    check_language(language)
    with translation.override(language):
        response = render(
            request,
            template,
            {
                **context,
                "language": language,
                "direction": direction(language),
                "languages": choices(),
                "review_note": review_note(language),
                "action": request.path,
            },
            status=status,
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Not "no-referrer": a browser then posts the forms with "Origin: null", which the cross-site request
    # check refuses (seen in a real browser). Same-origin sends nothing to any other site.
    response["Referrer-Policy"] = "same-origin"
    return response


def _welcome(
    request: HttpRequest, language: Language, problems: tuple[str, ...] = (), status: int = 200
) -> HttpResponse:
    return _page(request, "selfhelp/welcome.html", language, {"problems": problems, "at": "welcome"}, status)


def _refused(request: HttpRequest, language: Language) -> HttpResponse:
    """Answers that are not a set this server handed out: said plainly; the person's browser still has the
    page before, with their answers, one step back."""
    return _page(request, "selfhelp/refused.html", language, {"at": "refused"}, 400)


def refused_by_check(request: HttpRequest) -> HttpResponse:
    """A form the cross-site request check refused (cookies cleared, a page left open for long): the same
    plain word in the person's language, never Django's English page."""
    return _page(request, "selfhelp/refused.html", from_request(request), {"at": "refused"}, 403)


def _resume(request: HttpRequest, language: Language) -> HttpResponse:
    upload = request.FILES.get("file")
    if upload is None:
        return _welcome(request, language, (ui("selfhelp.resume_none", language),), 400)
    if upload.size is None or upload.size > MAX_BYTES:
        return _welcome(request, language, (ui("selfhelp.resume_too_large", language),), 400)
    try:
        text = upload.read().decode("utf-8")
        case = parse(text, syntax_of(upload.name or ""))
    except UnicodeDecodeError:
        return _welcome(request, language, (ui("selfhelp.resume_not_text", language),), 400)
    except CaseFileError as error:
        shown = tuple(str(issue)[:200] for issue in error.issues[:5])
        return _welcome(request, language, (ui("selfhelp.resume_invalid", language), *shown), 400)
    recorded_language = case.interview.language
    if request.POST.get("language") is None and recorded_language in LANGUAGES:
        language = recorded_language
    return _next(request, recorded(case, language=language), language)


def _next(request: HttpRequest, case: Case, language: Language) -> HttpResponse:
    page = next_page(case, _today(), Audience.CLIENT)
    if page is None:
        return _result(request, case, language)
    return _questions(request, case, page, language)


def _questions(
    request: HttpRequest,
    case: Case,
    page: Page,
    language: Language,
    errors: dict[str, str] | None = None,
) -> HttpResponse:
    context = page_context(case, page, language, errors, request.POST if errors else None)
    parts = sections_asked(Audience.CLIENT)
    # The section's opening words for a person alone, on its first page and on the very first page.
    opens = page.first_of_section or not asked_of(case)
    context.update(
        wrong=[item for item in context["items"] if item.error],
        section_intro=sections()[page.section].opening(alone=True).get(language) if opens else "",
        part=parts.index(page.section) + 1,
        parts=len(parts),
        show_back=bool(asked_of(case)),
        state=state.sealed(case),
        at="page",
    )
    return _page(request, "selfhelp/page.html", language, context, 422 if errors else 200)


def _answer(request: HttpRequest, case: Case, language: Language, *, skip: bool) -> HttpResponse:
    page = next_page(case, _today(), Audience.CLIENT)
    if page is None:
        return _result(request, case, language)
    if not is_current(request.POST, page):
        return _questions(request, case, page, language)
    reply = read_page(request.POST, page, language)
    if not skip and not reply.complete:
        return _questions(request, case, page, language, reply.errors)
    changed = answered_page(case, page, reply, language, skip_rest=skip, today=_today())
    if isinstance(changed, dict):  # an answer that contradicts another: asked again with the reason
        return _questions(request, case, page, language, changed)
    return _next(request, changed, language)


def _result(request: HttpRequest, case: Case, language: Language) -> HttpResponse:
    context = result.result_context(case, language, _today())
    context.update(state=state.sealed(case), skipped=len(skipped_of(case)), at="result")
    return _page(request, "selfhelp/result.html", language, context)


def _download_case(case: Case) -> HttpResponse:
    response = HttpResponse(to_json(document_of(case)), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAME}"'
    return response
