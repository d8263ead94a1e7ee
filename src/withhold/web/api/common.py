"""What every endpoint shares: the token of the request, the case it may reach, the case file it sent, and
errors as JSON that name the field.

A case is looked up within the token's organization only: another organization's case is "not found"
(404), never "forbidden", as on the web pages (``withhold.web.cases.access``); then the token's role must
have the permission (403). A case file sent to the API is read as the web's import reads an uploaded one
(:func:`withhold.web.cases.documents.parse`: the core's loader, its bounds and its messages by field).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError

from withhold.facts.case import Case
from withhold.facts.limits import bounded, law_as_of_problem
from withhold.facts.loading import CaseFileError
from withhold.web.accounts.roles import Can
from withhold.web.api.models import ApiToken
from withhold.web.cases.documents import Syntax, parse
from withhold.web.cases.models import CaseRecord


class RefusedError(HttpError):
    """An error answered as ``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``, like a validation
    error: it names the field (``loc``) and the problem."""

    def __init__(self, status: int, issues: list[dict[str, Any]]) -> None:
        super().__init__(status, "; ".join(issue["msg"] for issue in issues))
        self.issues = issues


def issue(loc: list[str | int], msg: str, kind: str) -> dict[str, Any]:
    return {"loc": loc, "msg": bounded(msg), "type": kind}


def token_of(request: HttpRequest) -> ApiToken:
    token = getattr(request, "auth", None)
    if not isinstance(token, ApiToken):  # every endpoint but the documentation is authenticated
        raise HttpError(401, "Unauthorized")
    return token


def allow(request: HttpRequest, permission: Can) -> ApiToken:
    """The request's token, if its role has ``permission`` (else 403)."""
    token = token_of(request)
    if not token.can(permission):
        raise HttpError(403, f"this token's role ({token.role}) may not do this ({permission.value})")
    return token


def case_for(request: HttpRequest, case_id: uuid.UUID, permission: Can) -> tuple[ApiToken, CaseRecord]:
    """The token and the case ``case_id`` of its organization (404 for any other), if the token's role has
    ``permission`` (403)."""
    token = token_of(request)
    record = CaseRecord.objects.filter(id=case_id, organization_id=token.organization_id).first()
    if record is None:
        raise HttpError(404, "Not Found")
    return allow(request, permission), record


def case_issues(error: CaseFileError, where: list[str | int]) -> RefusedError:
    """The core's problems with a case file, each naming its field (``claim.nexus``) under ``where``."""
    return RefusedError(
        422,
        [
            issue([*where, *([found.path] if found.path else [])], found.message, "case_file")
            for found in error.issues
        ],
    )


def case_in_body(request: HttpRequest) -> Case:
    """The case file that is the whole body: JSON, or YAML when the ``Content-Type`` says so."""
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise RefusedError(422, [issue(["body"], "the body is not UTF-8 text", "case_file")]) from None
    syntax: Syntax = "yaml" if "yaml" in (request.content_type or "") else "json"
    try:
        return parse(text, syntax)
    except CaseFileError as error:
        raise case_issues(error, ["body"]) from None


def case_in(document: dict[str, Any], where: list[str | int]) -> Case:
    """A case file sent inside a body (``document``), read as the body itself would be."""
    try:
        return parse(json.dumps(document, ensure_ascii=False), "json")
    except CaseFileError as error:
        raise case_issues(error, where) from None


def law_date(asked: dt.date | None, case: Case, today: dt.date) -> dt.date:
    """The date the law is taken as of: ``as_of`` if asked (within the law's dates, else 422 naming it),
    else the case's ``law_as_of``, else today (as the CLI and the web do)."""
    if asked is None:
        return case.law_as_of or today
    problem = law_as_of_problem(asked)
    if problem:
        raise RefusedError(422, [issue(["query", "as_of"], problem, "value_error")])
    return asked


__all__ = ["RefusedError", "allow", "case_for", "case_in", "case_in_body", "issue", "law_date"]
