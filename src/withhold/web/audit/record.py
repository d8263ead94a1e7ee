"""Writing an audit entry: who did what to which case. Callers pass ids and fixed codes only."""

from __future__ import annotations

import re
import uuid

from django.http import HttpRequest

from withhold.web.accounts.models import Organization
from withhold.web.audit.models import Action, AuditEntry

_CODE = re.compile(r"^[a-z0-9_:.-]{0,40}$")


def record(
    request: HttpRequest,
    organization: Organization,
    action: Action,
    case_id: uuid.UUID | None = None,
    *,
    version: int | None = None,
    what: str = "",
) -> AuditEntry:
    """Append one entry. ``what`` must be a short code (letters, digits, ``_:.-``): free text from a case
    cannot pass."""
    if not _CODE.fullmatch(what):
        raise ValueError("an audit entry's `what` is a fixed code, never text from a case")
    user = request.user if request.user.is_authenticated else None
    return AuditEntry.objects.create(
        user=user,
        username=user.get_username() if user is not None else "",
        organization=organization,
        case_id=case_id,
        action=action,
        version=version,
        what=what,
    )
