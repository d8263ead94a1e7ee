"""Error pages that say what went wrong in general words and nothing about the request or the case."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

PAGES = {
    400: ("Bad request", "The request could not be read. Go back and try again."),
    403: ("Not allowed", "Your role does not allow this. Ask an administrator of your organization."),
    404: ("Not found", "There is nothing here, or it is not yours to see."),
    500: ("Something went wrong", "The error was logged without any case information. Please try again."),
}


def _page(status: int) -> HttpResponse:
    title, text = PAGES[status]
    # Rendered without the request: no context processor runs, nothing of the session can leak in.
    body = render_to_string("error.html", {"status": status, "title": title, "text": text})
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(400)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(500)
