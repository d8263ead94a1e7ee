"""The secrets of an intake link: the token in its address, and the secret a device keeps in a cookie once
it started the link. Each is 32 random bytes (``secrets.token_urlsafe``: 43 characters), stored only as a
keyed digest (HMAC-SHA256 under a key derived from ``SECRET_KEY``, as the recovery codes are), and
compared in constant time. A fast keyed digest is right here, not a password hash: the secrets are random,
with nothing to guess from a dictionary, and guessing online is counted (:mod:`withhold.web.intake.guessing`).
If ``SECRET_KEY`` changes, every link stops working (the team makes new ones)."""

from __future__ import annotations

import hmac
import re
import secrets

from django.utils.crypto import salted_hmac

TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
"""What ``secrets.token_urlsafe(32)`` makes: anything else is refused before any look-up."""

_LINK_SALT = "withhold.web.intake.link"
_DEVICE_SALT = "withhold.web.intake.device"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def well_formed(token: str) -> bool:
    return TOKEN.fullmatch(token) is not None


def link_digest(token: str) -> str:
    return salted_hmac(_LINK_SALT, token, algorithm="sha256").hexdigest()


def device_digest(secret: str) -> str:
    return salted_hmac(_DEVICE_SALT, secret, algorithm="sha256").hexdigest()


def same(digest: str, expected: str) -> bool:
    """Whether two digests are equal, in constant time (an empty ``expected`` matches nothing)."""
    return bool(expected) and hmac.compare_digest(digest.encode("ascii"), expected.encode("ascii"))
