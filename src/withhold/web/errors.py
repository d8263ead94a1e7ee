"""Error pages that say what went wrong in general words and nothing about the request or the case, in the
reader's language (the words are the web texts' ``errors`` group)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from withhold.web.language import language_of
from withhold.web.texts import text


def _page(status: int, request: HttpRequest) -> HttpResponse:
    # The language is all that is read from the request: it is set by the middleware from the session
    # (English when the middleware has not run, as after an error before it).
    language = language_of(request)
    title, words = text(f"errors.{status}", language), text(f"errors.{status}.text", language)
    # Rendered without the request: no context processor runs, nothing of the session can leak in.
    context = {"status": status, "title": title, "text": words, "language": language}
    return HttpResponse(render_to_string("error.html", context), status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(400, request)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(403, request)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(404, request)


def too_large(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(413, request)


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(500, request)
