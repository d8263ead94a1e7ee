"""Guessing intake links is refused as logins are: an address that looked up too many links that do not
exist (:data:`~django.conf.settings.WITHHOLD_INTAKE_MISS_LIMIT` in the login's cool-off time, 30 minutes)
is refused every look-up for the rest of that time. A token is 256 random bits, so guessing one cannot
succeed anyway; this keeps a machine from trying at all, cheaply (one row a miss, old rows removed as new
ones come). The address is the one the login lockout counts (``WITHHOLD_PROXY_COUNT``)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from withhold.web.accounts.lockout import client_address
from withhold.web.intake.models import IntakeMiss


def _address(request: HttpRequest) -> str:
    return (client_address(request) or "")[:64]


def _since() -> object:
    return timezone.now() - settings.AXES_COOLOFF_TIME


def locked(request: HttpRequest) -> bool:
    """Whether the request's address has missed too often lately."""
    misses = IntakeMiss.objects.filter(address=_address(request), at__gte=_since())
    return misses.count() >= int(settings.WITHHOLD_INTAKE_MISS_LIMIT)


def missed(request: HttpRequest) -> None:
    """Counts a look-up that found no link (and forgets misses older than the cool-off time)."""
    IntakeMiss.objects.filter(at__lt=_since()).delete()
    IntakeMiss.objects.create(address=_address(request), at=timezone.now())
