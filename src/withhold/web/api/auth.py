"""Making, revoking and checking API tokens, and their rate limit.

A request names its token in ``Authorization: Bearer <token>``. The token is looked up by its digest; a
missing, unknown or revoked one is refused (401) before anything else is read. One update per request
marks the token used and counts the request in the rate limit's current window (a fixed window of the
configured length, ``WITHHOLD_API_RATE``); the throttle then refuses a request over the limit (429, with
``Retry-After``: the seconds until the window ends). The count is in the database, so it holds across
every server process.
"""

from __future__ import annotations

import math
import secrets
import time
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from withhold.web.accounts.models import Organization, token_digest
from withhold.web.api.models import ApiToken
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit

PREFIX = "whk_"
"""Every token starts so (a secret scanner can recognise one that leaked)."""
SHOWN = 12
"""Characters of a token kept and shown to tell it apart: the prefix and 8 of its 43 random ones."""
LONGEST = 200
"""A token is 47 characters: anything much longer is not one, and is not even hashed."""


# --- making and revoking ---------------------------------------------------------------------------------


def issue(
    organization: Organization, name: str, role: str, maker: AbstractBaseUser | None
) -> tuple[ApiToken, str]:
    """A new token row and its secret (not audited: :func:`make` is the page's way)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organization=organization,
        name=name,
        role=role,
        digest=token_digest(secret),
        prefix=secret[:SHOWN],
        created_by=maker,
    )
    return token, secret


def make(request: HttpRequest, organization: Organization, name: str, role: str) -> tuple[ApiToken, str]:
    """A new token of ``organization`` with ``role``, made by the person of ``request``; returns the row
    and the secret, which is never stored and never shown again. Audited (``token_created``)."""
    user = request.user if isinstance(request.user, AbstractBaseUser) else None
    with transaction.atomic():
        token, secret = issue(organization, name, role, user)
        audit(request, organization, Action.TOKEN_CREATED, what=f"role:{role}", token_id=token.id)
    return token, secret


def revoke(request: HttpRequest, token: ApiToken) -> bool:
    """Turn ``token`` off for good (False if it was already). Audited (``token_revoked``)."""
    with transaction.atomic():
        changed = ApiToken.objects.filter(pk=token.pk, revoked_at=None).update(revoked_at=timezone.now())
        if changed:
            audit(request, token.organization, Action.TOKEN_REVOKED, token_id=token.id)
    return bool(changed)


# --- the rate limit --------------------------------------------------------------------------------------

PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


@cache
def rate_of(text: str) -> Rate:
    """``600/min`` as a rate; a setting that is not one stops the server at the first request."""
    count, _, period = text.partition("/")
    if not count.strip().isdigit() or period.strip() not in PERIODS or int(count) < 1:
        raise ValueError(f"WITHHOLD_API_RATE: {text[:40]!r} is not a rate such as 600/min")
    return Rate(int(count), PERIODS[period.strip()])


def rate() -> Rate:
    return rate_of(str(settings.WITHHOLD_API_RATE))


# --- checking a request ----------------------------------------------------------------------------------


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``: the request's ``auth`` is the token's row (organization loaded),
    its ``rate_count`` this request's place in the current window."""

    def __call__(self, request: HttpRequest) -> ApiToken | None:
        # As ninja's HttpBearer, but never logs the header (ninja's does in DEBUG: it holds the secret).
        scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret:
            return None
        return self.authenticate(request, secret.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if not token.startswith(PREFIX) or len(token) > LONGEST:
            return None
        digest = token_digest(token)
        window = int(time.time()) // rate().seconds
        counted = ApiToken.objects.filter(digest=digest, revoked_at=None).update(
            last_used_at=timezone.now(),
            rate_count=Case(When(rate_window=window, then=F("rate_count") + 1), default=Value(1)),
            rate_window=window,
        )
        if not counted:
            return None
        found = ApiToken.objects.select_related("organization", "created_by").filter(digest=digest).first()
        if found is None or found.revoked_at is not None:  # revoked between the two statements
            return None
        return found


class TokenRate(BaseThrottle):
    """At most ``WITHHOLD_API_RATE`` requests per token and window (counted by :class:`TokenAuth`)."""

    def allow_request(self, request: HttpRequest) -> bool:
        token: Any = getattr(request, "auth", None)
        if not isinstance(token, ApiToken):
            return True
        limit = rate()
        if token.rate_count <= limit.requests:
            return True
        ends = (token.rate_window + 1) * limit.seconds
        request.retry_after = max(1, math.ceil(ends - time.time()))  # type: ignore[attr-defined]
        return False

    def wait(self) -> float | None:
        return None  # said per request (see the API's handler of Throttled): a throttle object is shared
