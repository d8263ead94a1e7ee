"""The REST API, ``/api/v1/`` (django-ninja): its OpenAPI 3.1 document at ``/api/v1/openapi.json`` and its
interactive documentation at ``/api/v1/docs`` (Swagger UI from the installed package's own static files,
no script or style inline, so it works under the site's Content-Security-Policy and without the internet).

Every answer is JSON, errors too: 401 without a working token, 403 when its role may not, 404 for what is
not the organization's, 409 for a stale change, 422 naming the field of a body or query that does not fit,
429 over the rate limit (with ``Retry-After``). A body is read within the bounds of a case file (the core's
JSON reader: size, nesting, number of values); messages are cut to a bounded length and never repeat a
value whole.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.operation import Operation
from ninja.parser import Parser

from withhold import __version__
from withhold.facts.limits import PROBLEMS_SHOWN, bounded, cut
from withhold.facts.reading import DocumentError, read_json
from withhold.web.accounts.roles import PERMISSIONS
from withhold.web.api import cases, tasks
from withhold.web.api.auth import TokenAuth, TokenRate
from withhold.web.api.common import RefusedError, issue, token_of
from withhold.web.api.schemas import CASE_MARK, CASE_REF, TokenOut, case_schemas

DESCRIPTION = """\
Withhold's cases, screening, deadlines, road through court, reports, Form I-589 and tasks, for the
programs a legal-aid team already uses.

Authenticate with `Authorization: Bearer <token>`: an administrator makes a token on the web
(API tokens), for one role; the token may do what a person of that role may, on its organization's cases
only. Case files are `case/1` (the `Case` schema below). Every change is a new version of the case and is
in the organization's audit log, naming the token. Decision support, not legal advice.
"""


class BoundedParser(Parser):
    """JSON bodies read by the core's reader: the bounds of a case file (size, nesting, values), duplicate
    keys refused, a wrong body said in plain words."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        return read_json(request.body.decode("utf-8"))  # type: ignore[return-value]


class WithholdApi(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """An operation's id is its function's name (``screen_posted``): unique in this API."""
        return str(operation.view_func.__name__)

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in case_schemas().items():
            if components.get(name, definition) != definition:
                raise ValueError(f"two schemas named {name}")  # caught by the OpenAPI test
            components[name] = definition
        return _case_refs(schema)


def _case_refs(node: Any) -> Any:
    """Each place marked as a case file (:data:`~withhold.web.api.schemas.CASE_MARK`) made a reference to
    the ``Case`` schema."""
    if isinstance(node, dict):
        if node.get(CASE_MARK):
            return {**CASE_REF, **({"description": node["description"]} if "description" in node else {})}
        for key, value in node.items():
            node[key] = _case_refs(value)
    elif isinstance(node, list):
        return [_case_refs(value) for value in node]
    return node


api = WithholdApi(
    title="Withhold API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=TokenAuth(),
    throttle=TokenRate(),
    parser=BoundedParser(),
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": False, "persistAuthorization": False}),
)


def _answer(request: HttpRequest, status: int, detail: Any) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


def _place(loc: Any) -> list[str | int]:
    """Where a problem is, as ninja gives it, each part bounded; a body read whole into one parameter
    (``body``) is named once (``["body", "version"]``, not ``["body", "body", "version"]``)."""
    parts = [cut(part) if isinstance(part, str) else part for part in tuple(loc)[:12]]
    if parts[:2] == ["body", "body"]:
        del parts[1]
    return parts


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Ninja's 422, bounded: each problem's place, message and kind (never the value sent), the first
    :data:`PROBLEMS_SHOWN` only."""
    shown = [
        issue(
            _place(error.get("loc", ())),
            str(error.get("msg", "")),
            str(error.get("type", ""))[:40],
        )
        for error in exc.errors[:PROBLEMS_SHOWN]
    ]
    if len(exc.errors) > PROBLEMS_SHOWN:
        shown.append(issue([], f"and {len(exc.errors) - PROBLEMS_SHOWN:,} more problems", "more"))
    return _answer(request, 422, shown)


@api.exception_handler(HttpError)
def refused(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, RefusedError):
        return _answer(request, exc.status_code, exc.issues)
    # A body that cannot be read is answered as one that cannot be read as a case file: 422, naming it.
    cause = exc.__cause__
    if isinstance(cause, RequestDataTooBig):
        return _answer(request, 413, "the body is too large")
    if isinstance(cause, DocumentError):
        return _answer(request, 422, [issue(["body"], str(cause), "case_file")])
    if isinstance(cause, UnicodeDecodeError):
        return _answer(request, 422, [issue(["body"], "the body is not UTF-8 text", "case_file")])
    response = _answer(request, exc.status_code, bounded(str(exc)))
    if isinstance(exc, Throttled):
        response["Retry-After"] = str(getattr(request, "retry_after", 60))
    elif exc.status_code == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _answer(request, 404, "Not Found")


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _answer(request, 403, "Forbidden")


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return _answer(request, 413, "the body is too large")


@api.get("/token", response=TokenOut, tags=["token"], summary="The token in use")
def token_info(request: HttpRequest) -> Any:
    """What the token is and what its role may do: a cheap call to check that a token works."""
    token = token_of(request)
    return {
        "id": token.id,
        "name": token.name,
        "role": token.role,
        "prefix": token.prefix,
        "organization": token.organization.name,
        "permissions": sorted(permission.value for permission in PERMISSIONS.get(token.role, ())),
    }


api.add_router("", cases.router)
api.add_router("", tasks.router)

__all__ = ["__version__", "api"]
