"""What every page needs to know about the person reading it: their organization, role and language."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from withhold.web.accounts.roles import Can
from withhold.web.cases.access import membership_of
from withhold.web.language import language_of


def membership(request: HttpRequest) -> dict[str, Any]:
    found = membership_of(request) if hasattr(request, "user") else None
    can = {permission.value: bool(found and found.can(permission)) for permission in Can}
    return {"membership": found, "can": can, "language": language_of(request)}
