"""Login throttling, on top of django-axes: 5 failures lock one username from one address (axes' own
count, ``AXES_LOCKOUT_PARAMETERS``), and :data:`~django.conf.settings.WITHHOLD_ADDRESS_FAILURE_LIMIT`
failures across every username lock the address itself, so one machine cannot try a few passwords on each
of many accounts. The second limit is higher, since a clinic's whole office may share one address.

Both count the address the request came from: ``REMOTE_ADDR``, or behind
``WITHHOLD_PROXY_COUNT`` reverse proxies the one the outermost proxy saw (:func:`client_address`), never an
address a client can write itself."""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold  # type: ignore[import-untyped]
from axes.conf import settings  # type: ignore[import-untyped]
from axes.handlers.database import AxesDatabaseHandler  # type: ignore[import-untyped]
from axes.models import AccessAttempt  # type: ignore[import-untyped]
from django.db.models import Sum
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address a request came from (``AXES_CLIENT_IP_CALLABLE``). With ``WITHHOLD_PROXY_COUNT`` proxies
    in front, each appends the address it saw to ``X-Forwarded-For``: the entry that many places from the
    right is the client's as the outermost proxy saw it (a client can put anything before it, nothing
    after). Without proxies the header is ignored: anyone could send one."""
    proxies = int(getattr(settings, "WITHHOLD_PROXY_COUNT", 0))
    remote: str | None = request.META.get("REMOTE_ADDR")
    if proxies <= 0:
        return remote
    seen = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return seen[-proxies] if len(seen) >= proxies else remote


class AddressLimitHandler(AxesDatabaseHandler):  # type: ignore[misc]  # django-axes has no type hints
    """django-axes' database handler, that also refuses a login from an address with too many recent
    failures across all usernames (it counts the same attempts axes records, within its cool-off time)."""

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        """Checked before a login is tried: refused when either limit is reached."""
        return bool(super().is_locked(request, credentials)) or address_locked(request)

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
    ) -> None:
        """After axes recorded the failure: the lockout page, when it was the address's last allowed one
        (axes itself says so only for its per-username count)."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and address_locked(request):
            request.axes_locked_out = True  # type: ignore[attr-defined]
            request.axes_credentials = credentials  # type: ignore[attr-defined]


def address_locked(request: HttpRequest) -> bool:
    return failures_from(request) >= int(settings.WITHHOLD_ADDRESS_FAILURE_LIMIT)


def failures_from(request: HttpRequest) -> int:
    """The recent failed logins from the request's address, whatever the username."""
    address = getattr(request, "axes_ip_address", None) or client_address(request)
    attempts = AccessAttempt.objects.filter(ip_address=address)
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)
