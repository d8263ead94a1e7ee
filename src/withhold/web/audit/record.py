"""Writing an audit entry: who did what to which case. Callers pass ids and fixed codes only."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from django.http import HttpRequest

from withhold.web.accounts.models import Organization
from withhold.web.audit.models import Action, Actor, AuditEntry

if TYPE_CHECKING:
    from withhold.web.api.models import ApiToken

_CODE = re.compile(r"^[a-z0-9_:.-]{0,40}$")


def record(
    request: HttpRequest,
    organization: Organization,
    action: Action,
    case_id: uuid.UUID | None = None,
    *,
    version: int | None = None,
    what: str = "",
    intake_id: uuid.UUID | None = None,
    token_id: uuid.UUID | None = None,
) -> AuditEntry:
    """Append one entry. ``what`` must be a short code (letters, digits, ``_:.-``): free text from a case
    cannot pass. ``intake_id``: the client intake link the person acted on; ``token_id``: the API token
    the person made or revoked."""
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
        intake_id=intake_id,
        token_id=token_id,
    )


def by_client(
    organization: Organization,
    action: Action,
    case_id: uuid.UUID,
    intake_id: uuid.UUID,
    *,
    version: int | None = None,
    what: str = "",
) -> AuditEntry:
    """Append one entry of what the client did through the intake link ``intake_id``: no account, so no
    user (not the person who made the link, whoever is logged in on the browser): the link is named."""
    if not _CODE.fullmatch(what):
        raise ValueError("an audit entry's `what` is a fixed code, never text from a case")
    return AuditEntry.objects.create(
        user=None,
        username="",
        actor=Actor.CLIENT_INTAKE,
        intake_id=intake_id,
        organization=organization,
        case_id=case_id,
        action=action,
        version=version,
        what=what,
    )


def intake_sitting(
    organization: Organization, case_id: uuid.UUID, intake_id: uuid.UUID, *, version: int, answers: int
) -> None:
    """The entry of a sitting of the client on the intake link ``intake_id``, as
    :func:`interview_sitting` for a person: one entry a sitting, its count of answers kept up to date."""
    what = f"answers:{answers}"
    entries = AuditEntry.objects.filter(
        organization=organization,
        case_id=case_id,
        action=Action.INTERVIEWED,
        version=version,
        actor=Actor.CLIENT_INTAKE,
        intake_id=intake_id,
    )
    latest = entries.order_by("-id").values_list("pk", flat=True).first()
    if latest is None:
        by_client(organization, Action.INTERVIEWED, case_id, intake_id, version=version, what=what)
    else:
        AuditEntry.objects.filter(pk=latest).update(what=what)


def interview_sitting(
    request: HttpRequest, organization: Organization, case_id: uuid.UUID, *, version: int, answers: int
) -> None:
    """The entry of an interview sitting (``version``, the one the sitting made): written by its first
    answer, its count of answers (``answers:N``) brought up to date by each further one, in the same
    transaction as the answer. The count is the only thing an entry ever has changed."""
    what = f"answers:{answers}"
    user = request.user if request.user.is_authenticated else None
    entries = AuditEntry.objects.filter(
        organization=organization,
        case_id=case_id,
        action=Action.INTERVIEWED,
        version=version,
        user=user,
        actor=Actor.PERSON,
    )
    latest = entries.order_by("-id").values_list("pk", flat=True).first()
    if latest is None:
        record(request, organization, Action.INTERVIEWED, case_id, version=version, what=what)
    else:
        AuditEntry.objects.filter(pk=latest).update(what=what)


def by_token(
    token: ApiToken,
    action: Action,
    case_id: uuid.UUID | None = None,
    *,
    version: int | None = None,
    what: str = "",
) -> AuditEntry:
    """Append one entry of what a program did through the API token ``token``
    (:class:`withhold.web.api.models.ApiToken`): the token is named (``token_id``), and ``user`` is the
    person who made it, so the entry says whose program it was."""
    if not _CODE.fullmatch(what):
        raise ValueError("an audit entry's `what` is a fixed code, never text from a case")
    maker = token.created_by
    return AuditEntry.objects.create(
        user=maker,
        username=maker.get_username() if maker is not None else "",
        actor=Actor.API_TOKEN,
        token_id=token.id,
        organization_id=token.organization_id,
        case_id=case_id,
        action=action,
        version=version,
        what=what,
    )
