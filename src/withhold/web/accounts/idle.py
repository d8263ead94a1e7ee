"""Sessions end after ``SESSION_COOKIE_AGE`` seconds without a request (30 minutes unless
``WITHHOLD_SESSION_MINUTES`` says otherwise).

A signed-in session is renewed by a request at most once every :data:`RENEW_EVERY` seconds, instead of on
every request (Django's ``SESSION_SAVE_EVERY_REQUEST``, which writes the session to the database on every
page and every interview answer). A session therefore ends between ``SESSION_COOKIE_AGE - RENEW_EVERY``
and ``SESSION_COOKIE_AGE`` seconds after the last request: never later than the idle limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse

RENEW_EVERY = 60
RENEWED_AT = "withhold_renewed_at"


def clock() -> float:
    return time.time()


class RenewIdleSession:
    """Marks a signed-in session modified when it was last renewed :data:`RENEW_EVERY` seconds ago or more,
    so the session middleware saves it with a fresh expiry. Placed after ``SessionMiddleware``. Logging
    out in the view flushes the session, so nothing is renewed for a person who has just left."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if SESSION_KEY in session:
            now = int(clock())
            if now - int(session.get(RENEWED_AT, 0)) >= RENEW_EVERY:
                session[RENEWED_AT] = now
        return self.get_response(request)
