"""The second step of a login: a code from the person's authenticator app (django-otp's TOTP device) or one
of their one-time recovery codes (django-otp's static device), for when the phone is lost.

Recovery codes are 12 digits, shown once as ``1234-5678-9012``; ten are made when two-factor login is turned
on, and making new ones replaces them all. Digits only, so that the login's code field keeps its number
keypad on a phone, and so that a code is read aloud or copied the same way in every language.

How they are stored. django-otp's static plugin keeps each token in plain text (``StaticToken.token``, 16
characters), and a plain recovery code in the database would be a password in the clear. We keep the plugin
(its one-time deletion on use, its throttling after wrong codes, its device that the OTP middleware marks the
session verified by, its own migrations: the accounts app needs none) but give it a keyed digest of each code
instead of the code: HMAC-SHA256 under a key derived from ``SECRET_KEY`` (Django's ``salted_hmac``), its
first 16 hex digits. A copy of the database alone tells nothing about a code; a code is checked by digesting
what was typed and asking the plugin for that token. A fast keyed digest, not a password hash, is right here:
the codes are random (40 bits), not chosen by a person, so there is no dictionary to try, and guessing
online is slowed by the plugin's throttling and counted by the login's lockout. If ``SECRET_KEY`` changes,
the codes stop working (the authenticator app still does, and new codes can be made).
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.db import transaction
from django.utils.crypto import salted_hmac
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

COUNT = 10
"""Recovery codes made at a time."""
DIGITS = 12
GROUP = 4
"""Digits between the hyphens of a code as it is shown."""
DEVICE_NAME = "recovery codes"
_KEY_SALT = "withhold.web.accounts.recovery-code"
_SEPARATORS = re.compile(r"[\s-]+")
_AUTHENTICATOR_CODE = re.compile(r"\d{6}")
_RECOVERY_CODE = re.compile(rf"\d{{{DIGITS}}}")


def authenticator_of(user: Any) -> TOTPDevice | None:
    """The person's confirmed authenticator app: two-factor login is on when there is one."""
    found: TOTPDevice | None = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return found


def _typed(code: str) -> str:
    """A code as typed, without the spaces and hyphens a person may copy along with it."""
    return _SEPARATORS.sub("", code)


def _digest(code: str) -> str:
    return salted_hmac(_KEY_SALT, _typed(code), algorithm="sha256").hexdigest()[:16]


def _shown(digits: str) -> str:
    return "-".join(digits[i : i + GROUP] for i in range(0, DIGITS, GROUP))


def new_recovery_codes(user: Any) -> list[str]:
    """Ten fresh codes for ``user``, replacing any earlier ones (which stop working). Only their digests
    are kept: the codes returned are shown once and never again."""
    codes = [_shown("".join(secrets.choice("0123456789") for _ in range(DIGITS))) for _ in range(COUNT)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=_digest(code)) for code in codes)
    return codes


def recovery_codes_left(user: Any) -> int:
    left: int = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return left


def remove_second_factor(user: Any) -> None:
    """Two-factor login off: the authenticator app and the recovery codes are both forgotten."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


def verify(user: Any, token: str) -> Device | None:
    """The device that accepts ``token`` (6 digits: the authenticator app; 12: a recovery code, used up by
    this), or None. A wrong code counts toward that device's throttling; a code of neither shape is
    refused without trying either."""
    code = _typed(token)
    if _AUTHENTICATOR_CODE.fullmatch(code):
        authenticator = authenticator_of(user)
        if authenticator is not None and authenticator.verify_token(code):
            return authenticator
    elif _RECOVERY_CODE.fullmatch(code):
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(_digest(code)):
                return device
    return None
