"""Cases through the API: list, create, read, replace, patch, delete; and what the core makes of a case
(its screening, deadlines and road through court), its report PDF and its Form I-589.

Every change goes through the web's own store (:mod:`withhold.web.cases.store`): it is a new version
(``CaseVersion``, made by the token's maker) with its audit entry in the same transaction, the entry naming
the token (:func:`withhold.web.audit.record.by_token`). A save made from a state that is no longer the
case's (``version`` and ``amended`` as read) is refused with 409, as the web editor refuses it.
"""

import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from withhold.deadlines.schedule import schedule
from withhold.forms import FormError, fill_i589
from withhold.language import LANGUAGES
from withhold.reports import AUDIENCES
from withhold.roadmap import roadmap as road_of
from withhold.screening import screen as screen_case
from withhold.web.accounts.roles import Can
from withhold.web.api.common import RefusedError, allow, case_for, case_in, case_in_body, issue, law_date
from withhold.web.api.pages import Pages
from withhold.web.api.schemas import (
    BuildOut,
    CaseListed,
    CaseOut,
    CasePatch,
    CaseReplace,
)
from withhold.web.audit.models import Action
from withhold.web.audit.record import by_token
from withhold.web.builds import reports
from withhold.web.builds import store as builds
from withhold.web.builds.models import Build, BuiltPart, Kind, State
from withhold.web.cases import store
from withhold.web.cases.documents import case_of, ordered
from withhold.web.cases.models import BlankForm, CaseRecord, Change, Workflow
from withhold.web.cases.store import today
from withhold.web.cases.views.downloads import attachment

router = Router(tags=["cases"])

CASE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Case"}},
            "application/yaml": {"schema": {"$ref": "#/components/schemas/Case"}},
        },
    }
}
"""A case file as the whole body: JSON, or YAML with ``Content-Type: application/yaml``."""
PDF = {
    200: {
        "description": "The PDF.",
        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
    }
}


def case_out(record: CaseRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "number": record.number,
        "workflow": record.workflow,
        "version": record.version,
        "amended": record.amended,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "document": ordered(record.document),
    }


# --- the docket ----------------------------------------------------------------------------------------


@router.get("/cases", response=list[CaseListed], summary="List the organization's cases")
@paginate(Pages)
def list_cases(request: HttpRequest, workflow: Workflow | None = None) -> Any:
    """The organization's cases by number, a page at a time (``limit``, ``offset``); ``workflow`` keeps
    those of one workflow status. Names are not listed: read a case for its file."""
    token = allow(request, Can.VIEW)
    found = CaseRecord.objects.filter(organization_id=token.organization_id)
    if workflow is not None:
        found = found.filter(workflow=workflow)
    return found.order_by("number").only(
        "id", "number", "workflow", "version", "amended", "created_at", "updated_at"
    )


@router.post("/cases", response={201: CaseOut}, openapi_extra=CASE_BODY, summary="Create a case")
def create_case(request: HttpRequest) -> Any:
    """A new case from a case file (the body), as the web's import makes one: version 1, audited."""
    token = allow(request, Can.CREATE)
    case = case_in_body(request)

    def audited(record: CaseRecord) -> None:
        by_token(token, Action.IMPORTED, record.id, version=1, what="api")

    record = store.create(token.organization, case, token.created_by, Change.IMPORTED, then=audited)
    return Status(201, case_out(record))


# --- one case ----------------------------------------------------------------------------------------


@router.get("/cases/{case_id}", response=CaseOut, summary="Read a case file")
def get_case(request: HttpRequest, case_id: uuid.UUID) -> Any:
    """The case file (case/1) with its ``version`` and ``amended``, to send back with a change. Reading the
    whole file is an export, as its download on the web is (audited)."""
    token, record = case_for(request, case_id, Can.EXPORT)
    by_token(token, Action.EXPORTED, record.id, version=record.version, what="api:json")
    return case_out(record)


def _save(
    request: HttpRequest,
    record: CaseRecord,
    document: dict[str, Any],
    body: CaseReplace | CasePatch,
    where: list[str | int],
) -> CaseRecord:
    token = allow(request, Can.EDIT)
    case = case_in(document, where)

    def audited(saved: CaseRecord) -> None:
        if saved.version != record.version:
            by_token(token, Action.CHANGED, record.id, version=saved.version, what="api:document")

    try:
        return store.save(
            record, case, token.created_by, Change.EDITED, then=audited, expected=(body.version, body.amended)
        )
    except store.StaleError:
        raise _stale(record) from None


def _stale(record: CaseRecord) -> RefusedError:
    record.refresh_from_db(fields=["version", "amended"])
    message = (
        f"the case was saved since it was read: it is now version {record.version} (amended "
        f"{record.amended}); read it again and make the change on that"
    )
    return RefusedError(409, [issue(["body", "version"], message, "stale")])


@router.put("/cases/{case_id}", response=CaseOut, summary="Replace a case file")
def replace_case(request: HttpRequest, case_id: uuid.UUID, body: CaseReplace) -> Any:
    """The whole case file replaced, as a new version; nothing changes if it is the same. 409 if the case
    was saved since ``version``/``amended`` were read."""
    _, record = case_for(request, case_id, Can.EDIT)
    return case_out(_save(request, record, body.document, body, ["body", "document"]))


def merged(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``change``: mappings merged key by key, anything else (a list, a value, null)
    replacing what was there."""
    result = dict(base)
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


@router.patch("/cases/{case_id}", response=CaseOut, summary="Change part of a case file, or its workflow")
def patch_case(request: HttpRequest, case_id: uuid.UUID, body: CasePatch) -> Any:
    """Part of the case file (``document``, merged into it) and/or its ``workflow`` status. 409 if the case
    was saved since ``version``/``amended`` were read."""
    token, record = case_for(request, case_id, Can.EDIT)
    if body.document is None and body.workflow is None:
        raise RefusedError(
            422, [issue(["body"], "nothing to change: give `document`, `workflow` or both", "missing")]
        )
    if body.document is not None:
        record = _save(request, record, merged(record.document, body.document), body, ["body", "document"])
    elif store.stamp(record) != (body.version, body.amended):
        raise _stale(record)
    if body.workflow is not None and body.workflow != record.workflow:
        with transaction.atomic():
            CaseRecord.objects.filter(pk=record.pk).update(workflow=body.workflow)
            by_token(
                token, Action.CHANGED, record.id, version=record.version, what=f"workflow:{body.workflow}"
            )
        record.refresh_from_db()
    return case_out(record)


@router.delete("/cases/{case_id}", response={204: None}, summary="Delete a case")
def delete_case(request: HttpRequest, case_id: uuid.UUID) -> Any:
    """The case, its versions and everything kept for it. Audited; it cannot be undone."""
    token, record = case_for(request, case_id, Can.DELETE)
    with transaction.atomic():  # the deletion and its audit entry: both written, or neither
        record.delete()
        by_token(token, Action.DELETED, case_id)
    return Status(204, None)


# --- what the core makes of it ----------------------------------------------------------------------------


@router.get("/cases/{case_id}/screening", response=dict[str, Any], summary="Screen a case")
def screening(
    request: HttpRequest, case_id: uuid.UUID, as_of: dt.date | None = None, trace: bool = False
) -> Any:
    """The four protections (asylum, statutory withholding, CAT withholding and deferral) under the law as
    of ``as_of`` (default: the case's ``law_as_of``, else today): the JSON of ``withhold screen -f json``."""
    token, record = case_for(request, case_id, Can.VIEW)
    case = case_of(record.document)
    found = screen_case(case, law_date(as_of, case, today())).to_json(include_trace=trace)
    by_token(token, Action.VIEWED, record.id, version=record.version, what="api:screening")
    return found


@router.get("/cases/{case_id}/deadlines", response=list[dict[str, Any]], summary="A case's deadlines")
def deadlines(request: HttpRequest, case_id: uuid.UUID, as_of: dt.date | None = None) -> Any:
    """Every deadline, counted from today: the JSON of ``withhold deadlines -f json``."""
    token, record = case_for(request, case_id, Can.VIEW)
    case = case_of(record.document)
    day = today()
    found = schedule(case, law_date(as_of, case, day), day).to_json()
    by_token(token, Action.VIEWED, record.id, version=record.version, what="api:deadlines")
    return found


@router.get("/cases/{case_id}/roadmap", response=dict[str, Any], summary="A case's road through court")
def roadmap(request: HttpRequest, case_id: uuid.UUID, as_of: dt.date | None = None) -> Any:
    """Each stage of the proceeding, where the case stands, and the dates: the JSON of ``withhold roadmap
    -f json``."""
    token, record = case_for(request, case_id, Can.VIEW)
    case = case_of(record.document)
    day = today()
    found = road_of(case, law_date(as_of, case, day), day).to_json()
    by_token(token, Action.VIEWED, record.id, version=record.version, what="api:roadmap")
    return found


# --- the report PDF, built on the task queue ----------------------------------------------------------------


def build_out(record: CaseRecord, build: Build) -> dict[str, Any]:
    status = reverse("api:report_status", kwargs={"case_id": record.id, "build_id": build.id})
    ready = build.state == State.READY
    return {
        "id": build.id,
        "state": build.state,
        "version": build.version,
        "problem": build.problem,
        "status_url": status,
        "download_url": reverse("api:report_pdf", kwargs={"case_id": record.id, "build_id": build.id})
        if ready
        else None,
    }


@router.post("/cases/{case_id}/report", response={202: BuildOut}, summary="Ask for a case's report PDF")
def ask_report(
    request: HttpRequest, case_id: uuid.UUID, audience: str = "attorney", language: str = "en"
) -> Any:
    """The report of the case as it is now, for the ``attorney`` or the ``client``, in ``language``: built in
    the background (as on the web, the same file is built once). Follow ``status_url`` until its state is
    ready, then download it from ``download_url``."""
    token, record = case_for(request, case_id, Can.VIEW)
    if audience not in AUDIENCES:
        raise RefusedError(422, [issue(["query", "audience"], f"one of {', '.join(AUDIENCES)}", "enum")])
    if language not in LANGUAGES:
        raise RefusedError(422, [issue(["query", "language"], f"one of {', '.join(LANGUAGES)}", "enum")])
    case = case_of(record.document)
    day = today()
    as_of = case.law_as_of or day
    key = reports.key(record, as_of, day, audience, language)
    build = builds.find(record, Kind.REPORT, key) or builds.start(
        record,
        Kind.REPORT,
        key,
        reports.request(record, as_of, day, audience, language),
        token.created_by,
        label=reports.label(audience, language),
    )
    return Status(202, build_out(record, build))


def _build(record: CaseRecord, build_id: uuid.UUID) -> Build:
    found = (
        Build.objects.filter(id=build_id, case=record, kind=Kind.REPORT).defer("request", "result").first()
    )
    if found is None:
        raise HttpError(404, "Not Found")
    return found


@router.get(
    "/cases/{case_id}/report/{build_id}",
    response=BuildOut,
    url_name="report_status",
    summary="Where a report's build stands",
)
def report_status(request: HttpRequest, case_id: uuid.UUID, build_id: uuid.UUID) -> Any:
    _, record = case_for(request, case_id, Can.VIEW)
    return build_out(record, _build(record, build_id))


@router.get(
    "/cases/{case_id}/report/{build_id}/pdf",
    openapi_extra={"responses": PDF},
    url_name="report_pdf",
    summary="Download a built report",
)
def report_pdf(request: HttpRequest, case_id: uuid.UUID, build_id: uuid.UUID) -> Any:
    token, record = case_for(request, case_id, Can.VIEW)
    build = _build(record, build_id)
    if build.state != State.READY:
        raise RefusedError(
            409, [issue(["path", "build_id"], f"the report is not ready: it is {build.state}", "not_ready")]
        )
    pdf = BuiltPart.objects.values_list("pdf", flat=True).get(build=build, number=1)
    by_token(token, Action.DOWNLOADED, record.id, version=build.version, what=f"report:{build.label}")
    return attachment(pdf, "application/pdf", f"case-{record.number}-{build.label.replace(':', '-')}.pdf")


# --- Form I-589 ---------------------------------------------------------------------------------------


@router.get("/cases/{case_id}/i589", openapi_extra={"responses": PDF}, summary="The case's filled Form I-589")
def i589(request: HttpRequest, case_id: uuid.UUID) -> Any:
    """The organization's kept blank I-589 (kept on the web: Blank I-589), filled from the case. 409 when
    no blank form is kept, or the kept one cannot be filled."""
    token, record = case_for(request, case_id, Can.EXPORT)
    blank = (
        BlankForm.objects.filter(organization_id=token.organization_id, form=BlankForm.Kind.I589)
        .values_list("pdf", flat=True)
        .first()
    )
    if blank is None:
        message = "no blank Form I-589 is kept for the organization: an administrator or attorney keeps one on the web (Blank I-589)"
        raise RefusedError(409, [issue(["path", "case_id"], message, "no_blank_form")])
    case = case_of(record.document)
    try:
        filled = fill_i589(case, bytes(blank), case.law_as_of or today())
    except FormError:
        message = "the kept blank Form I-589 cannot be filled (an edition Withhold has no map for): keep the current one"
        raise RefusedError(409, [issue(["path", "case_id"], message, "blank_form_unusable")]) from None
    by_token(token, Action.EXPORTED, record.id, version=record.version, what="i589:kept")
    return attachment(filled.pdf, "application/pdf", f"case-{record.number}-i589.pdf")


# --- screening a case file without keeping it -----------------------------------------------------------------


@router.post(
    "/screen", response=dict[str, Any], openapi_extra=CASE_BODY, summary="Screen a case file, keep nothing"
)
def screen_posted(request: HttpRequest, as_of: dt.date | None = None, trace: bool = False) -> Any:
    """The screening of the case file sent (the JSON of ``withhold screen -f json``). Nothing is stored: no
    case, no version, no audit entry, and the body is never logged."""
    allow(request, Can.VIEW)
    case = case_in_body(request)
    return screen_case(case, law_date(as_of, case, today())).to_json(include_trace=trace)
