"""Who may reach a case. Every view that touches a case is wrapped by :func:`case_view`: the case is looked
up within the user's own organization only (another organization's case is "not found", never
"forbidden", so its existence is not revealed), then the role's permission is checked.

The test suite walks every URL with a ``case_id`` and checks both: that each one's view carries
:data:`CASE_PERMISSION`, and that a user of another organization gets 404 from it.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.cases.models import CaseRecord

CASE_PERMISSION = "withhold_case_permission"
"""The attribute :func:`case_view` sets on a view: the permission it checks."""

View = Callable[..., HttpResponse]


_CACHED = "_withhold_membership"


def membership_of(request: HttpRequest) -> Membership | None:
    """The user's membership, looked up once per request."""
    if hasattr(request, _CACHED):
        return getattr(request, _CACHED)  # type: ignore[no-any-return]
    user = request.user
    found: Membership | None = None
    if user.is_authenticated and user.is_active:
        found = Membership.objects.select_related("organization").filter(user=user).first()
    setattr(request, _CACHED, found)
    return found


def member_view(permission: Can) -> Callable[[View], View]:
    """A view for members of an organization with ``permission``; it receives the membership."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = membership_of(request)
            if membership is None or not membership.can(permission):
                raise PermissionDenied
            return view(request, membership, *args, **kwargs)

        return wrapped

    return decorate


def case_view(permission: Can) -> Callable[[View], View]:
    """A view of one case (URL keyword ``case_id``): it receives the membership and the case record."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, case_id: uuid.UUID, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = membership_of(request)
            if membership is None:
                raise Http404
            try:
                record = CaseRecord.objects.get(id=case_id, organization=membership.organization)
            except CaseRecord.DoesNotExist:
                raise Http404 from None
            if not membership.can(permission):
                raise PermissionDenied
            return view(request, membership, record, *args, **kwargs)

        setattr(wrapped, CASE_PERMISSION, permission)
        return wrapped

    return decorate
