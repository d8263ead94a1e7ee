"""Nobody reaches another organization's case, and each role does only what it may.

The URLs are taken from the URLconf itself: every pattern with a ``case_id`` is walked, so a new case URL
is covered without touching this file.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from web_evidence_samples import pdf
from web_people import SECRET_WORDS

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import PERMISSIONS, Can, Role
from withhold.web.cases.access import CASE_PERMISSION
from withhold.web.cases.models import CaseRecord
from withhold.web.evidence.documents import keep
from withhold.web.evidence.models import EvidenceDocument
from withhold.web.notes.models import Note
from withhold.web.tasks.models import Task

SAMPLE_KWARGS = {
    "number": 1,
    "section": "claim",
    "syntax": "yaml",
    "audience": "client",
    "language": "en",
    "link_id": uuid.UUID(int=1),
}


def walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


def case_urls() -> list[tuple[str, URLPattern]]:
    """The web pages of one case (the API's, reached with a token instead of a session, are walked by
    :func:`api_case_urls`)."""
    return [
        (name, p)
        for name, p in walk(get_resolver().url_patterns)
        if "case_id" in p.pattern.regex.groupindex and not name.startswith("api:")
    ]


def url_of(name: str, pattern: URLPattern, record: CaseRecord) -> str:
    kwargs: dict[str, Any] = {"case_id": record.id}
    kwargs.update({k: v for k, v in SAMPLE_KWARGS.items() if k in pattern.pattern.regex.groupindex})
    if "doc_id" in pattern.pattern.regex.groupindex:
        kwargs["doc_id"] = evidence_of(record).id
    if "note_id" in pattern.pattern.regex.groupindex:
        kwargs["note_id"] = note_of(record).id
    if "task_id" in pattern.pattern.regex.groupindex:
        kwargs["task_id"] = task_of(record).id
    return reverse(name, kwargs=kwargs)


def note_of(record: CaseRecord) -> Note:
    """A note of the case (written on first use, by nobody now a member), as :func:`evidence_of`."""
    found = Note.objects.filter(case=record).first()
    return found or Note.objects.create(case=record, text={"text": "Zephyrine Quixotelli called"})


def task_of(record: CaseRecord) -> Task:
    """A person's task on the case (made on first use), as :func:`evidence_of`."""
    found = Task.objects.filter(case=record, deadline_key="").first()
    return found or Task.objects.create(
        organization=record.organization, case=record, title={"text": "Call Zephyrine Quixotelli"}
    )


def evidence_of(record: CaseRecord) -> EvidenceDocument:
    """A document of the case (kept on first use): a URL of one document names a real one, so that a 404
    from outside says the case's organization was checked, not that the document does not exist."""
    found = EvidenceDocument.objects.filter(case=record).first()
    return found or keep(record, "Quixotelli-letter.pdf", pdf(1), {"title": "Letter of Zephyrine Quixotelli"})


def test_the_walk_finds_every_kind_of_case_url() -> None:
    names = {name for name, _ in case_urls()}
    assert {
        "cases:detail",
        "cases:edit_section",
        "cases:restore",
        "cases:export",
        "cases:report",
        "interviews:question",
        "cases:delete",
        "cases:ics",
        "intake:new",
        "intake:revoke",
        "cases:report_progress",
        "filing:package",
        "filing:progress",
        "filing:part",
        "evidence:page",
        "evidence:upload",
        "evidence:view",
        "evidence:download",
        "evidence:edit",
        "evidence:delete",
        "cases:assign",
        "notes:add",
        "notes:edit",
        "notes:delete",
        "tasks:add",
        "tasks:edit",
        "tasks:done",
        "tasks:reopen",
    } <= names


def test_every_case_url_checks_the_case_and_a_permission() -> None:
    for name, pattern in case_urls():
        assert isinstance(getattr(pattern.callback, CASE_PERMISSION, None), Can), name


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_another_organizations_user_gets_not_found_on_every_case_url(
    role: Role,
    record: CaseRecord,
    other_organization: Organization,
    client_for: Callable[..., Client],
) -> None:
    outsider = client_for(other_organization, role)
    for name, pattern in case_urls():
        url = url_of(name, pattern, record)
        for method in ("get", "post"):
            response = getattr(outsider, method)(url)
            assert response.status_code == 404, (role, name, method, response.status_code)
            assert b"Quixotelli" not in response.content
            assert not [word for word in SECRET_WORDS if word.encode() in response.content], (name, method)
    record.refresh_from_db()
    assert record.version == 1  # nothing was changed from outside
    assert EvidenceDocument.objects.filter(case=record).count() == 1  # nothing uploaded or deleted
    assert Note.objects.filter(case=record).count() == 1  # nothing written, changed or deleted
    assert note_of(record).text == {"text": "Zephyrine Quixotelli called"}
    assert Task.objects.filter(case=record, deadline_key="").count() == 1
    task = task_of(record)
    assert task.is_open and task.title == {"text": "Call Zephyrine Quixotelli"}
    record.refresh_from_db()
    assert record.attorney is None and record.screener is None  # nobody assigned from outside


@pytest.mark.django_db
def test_another_cases_document_is_not_found_through_ones_own_case(
    record: CaseRecord,
    make_case: Callable[..., CaseRecord],
    other_organization: Organization,
    client_for: Callable[..., Client],
) -> None:
    """A document is looked up within the case of the URL: an outsider's own case does not open it."""
    theirs = make_case(other_organization)
    outsider = client_for(other_organization, Role.ATTORNEY)
    document = evidence_of(record)
    for name in ("evidence:view", "evidence:download", "evidence:edit", "evidence:delete"):
        url = reverse(name, kwargs={"case_id": theirs.id, "doc_id": document.id})
        for method in ("get", "post"):
            response = getattr(outsider, method)(url)
            assert response.status_code == 404, (name, method, response.status_code)
    assert EvidenceDocument.objects.filter(pk=document.pk).exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(record: CaseRecord) -> None:
    client = Client()
    for name, pattern in case_urls():
        response = client.get(url_of(name, pattern, record))
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/"), name
    assert Client().get("/cases/").status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_each_role_reaches_exactly_the_case_pages_its_permissions_allow(
    role: Role, record: CaseRecord, organization: Organization, client_for: Callable[..., Client]
) -> None:
    client = client_for(organization, role)
    allowed = PERMISSIONS[role]
    for name, pattern in case_urls():
        permission = getattr(pattern.callback, CASE_PERMISSION)
        if name in ("cases:workflow", "cases:restore", "intake:revoke"):
            continue  # POST only; checked below (the intake link's in test_web_intake)
        if name == "filing:part":
            continue  # a built package's part: 404 before one is built (test_web_filing_package)
        if name in ("notes:edit", "notes:delete"):
            continue  # its writer's, or by a wider permission: checked in test_web_notes
        response = client.get(url_of(name, pattern, record))
        if permission in allowed:
            assert response.status_code == 200, (role, name, response.status_code)
        else:
            assert response.status_code == 403, (role, name, response.status_code)


@pytest.mark.django_db
def test_a_viewer_cannot_change_restore_or_delete(
    record: CaseRecord, organization: Organization, client_for: Callable[..., Client]
) -> None:
    viewer = client_for(organization, Role.VIEWER)
    assert viewer.post(reverse("cases:workflow", args=[record.id]), {"workflow": "closed"}).status_code == 403
    assert viewer.post(reverse("cases:restore", args=[record.id, 1])).status_code == 403
    assert (
        viewer.post(reverse("cases:delete", args=[record.id]), {"confirm": record.number}).status_code == 403
    )
    assert (
        viewer.post(reverse("interviews:question", args=[record.id]), {"action": "back"}).status_code == 403
    )
    assert CaseRecord.objects.filter(pk=record.pk, workflow="active").exists()
    record.refresh_from_db()
    assert record.version == 1  # nothing restored, no answer taken back


@pytest.mark.django_db
def test_the_docket_shows_only_the_organizations_own_cases(
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    other_organization: Organization,
    client_for: Callable[..., Client],
) -> None:
    make_case(organization)
    outsider = client_for(other_organization, Role.ATTORNEY)
    searched = outsider.get("/cases/?status=all&q=Quixotelli")
    assert searched.status_code == 200
    assert searched.context["total"] == 0
    listed = outsider.get("/cases/?status=all")
    assert listed.context["total"] == 0
    assert b"Quixotelli" not in listed.content
    assert not [word for word in SECRET_WORDS if word.encode() in listed.content]


@pytest.mark.django_db
def test_only_administrators_manage_people(
    organization: Organization, client_for: Callable[..., Client]
) -> None:
    assert client_for(organization, Role.ADMIN).get("/accounts/people/").status_code == 200
    for role in (Role.ATTORNEY, Role.SCREENER, Role.VIEWER):
        assert client_for(organization, role).get("/accounts/people/").status_code == 403


# --- the API (/api/v1/): the same isolation for a program's token -------------------------------------------

API_BODIES: dict[str, Any] = {
    "put": {"version": 1, "document": {"withhold": "case/1"}},
    "patch": {"version": 1, "workflow": "closed"},
    "post": {"title": "Invented task"},
    "delete": None,
    "get": None,
}
"""A body that fits each method's operations, so that what answers is the case's lookup, not a 422."""


def api_case_urls(record: CaseRecord) -> list[tuple[str, str]]:
    """Every operation of the API's OpenAPI document on one case or on what belongs to one (a report's
    build, a task), with the ids of real ones of ``record``: taken from the document, so a new endpoint
    is covered without touching this file."""
    from withhold.web.api.api import api
    from withhold.web.builds.models import Build
    from withhold.web.tasks.models import Task

    build = Build.objects.create(
        organization=record.organization, case=record, kind="report", key="k", version=1, request={}
    )
    task = Task.objects.create(organization=record.organization, case=record, title={"text": "Ours"})
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "{" not in path:
            continue  # the docket, a new case, the token, POST /screen: no case of another organization
        url = path.format(case_id=record.id, build_id=build.id, task_id=task.id)
        found.extend((method, url) for method in operations)
    return found


def test_the_api_walk_finds_every_kind_of_case_url(record: CaseRecord) -> None:
    urls = api_case_urls(record)
    assert {method for method, _ in urls} == {"get", "post", "put", "patch", "delete"}
    assert len(urls) >= 14
    assert any(url.endswith("/pdf") for _, url in urls) and any("/tasks/" in url for _, url in urls)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_another_organizations_token_gets_not_found_on_every_api_case_url(
    role: Role, record: CaseRecord, other_organization: Organization
) -> None:
    from api_tokens import ApiClient, token

    from withhold.web.tasks.models import Task

    _, secret = token(other_organization, role)
    outsider = ApiClient(secret)
    urls = api_case_urls(record)
    tasks = Task.objects.count()  # the walk's own, and those the case's deadlines made
    for method, url in urls:
        response = outsider.call(method, url, API_BODIES[method])
        assert response.status_code == 404, (role, method, url, response.status_code)
        assert response.json() == {"detail": "Not Found"}
    record.refresh_from_db()
    assert (record.version, record.workflow) == (1, "active")  # nothing was changed from outside
    assert Task.objects.count() == tasks  # none added from outside
