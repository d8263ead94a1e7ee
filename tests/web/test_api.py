"""The REST API (/api/v1/, web/api) through Django's test client: tokens and their 401s, each endpoint,
each role's permissions, another organization's case (404), stale changes (409), bodies that do not fit
(422 naming the field, 413 when too large), the rate limit (429), pagination, the OpenAPI document (3.1, validated),
the documentation page (no script or style from elsewhere), the tokens page, and ``POST /screen``, which
keeps nothing. The cross-organization matrix of every API case URL is in test_web_access.py."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from api_tokens import ApiClient, token
from django.apps import apps
from django.test import Client
from django.utils import timezone
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from web_people import INVENTED, SECRET_WORDS

from withhold.deadlines.schedule import schedule
from withhold.facts.loading import validate_case
from withhold.roadmap import roadmap
from withhold.screening import screen
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import PERMISSIONS, Can, Role
from withhold.web.api.models import ApiToken
from withhold.web.audit.models import Action, Actor, AuditEntry
from withhold.web.cases.models import BlankForm, CaseRecord, CaseVersion
from withhold.web.cases.store import today
from withhold.web.tasks.deadlines import title_of
from withhold.web.tasks.models import Closed, Task

API = "/api/v1"


@pytest.fixture
def api_for(member: Callable[..., Any]) -> Callable[..., ApiClient]:
    """A client of the API with a new token of ``organization`` and ``role``, made by an administrator."""

    def make(organization: Organization, role: str = Role.ATTORNEY) -> ApiClient:
        maker = member(organization, Role.ADMIN, username=f"maker-{organization.pk}-{role}")
        made, secret = token(organization, role, maker)
        client = ApiClient(secret)
        client.token = made  # type: ignore[attr-defined]
        return client

    return make


@pytest.fixture
def api(api_for: Callable[..., ApiClient], organization: Organization) -> ApiClient:
    return api_for(organization, Role.ATTORNEY)


def detail(response: Any) -> Any:
    return response.json()["detail"]


def places(response: Any) -> list[list[Any]]:
    return [item["loc"] for item in detail(response)]


# --- tokens -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_token_says_what_it_is_and_what_its_role_may_do(api: ApiClient, organization: Organization) -> None:
    response = api.get(f"{API}/token")
    assert response.status_code == 200
    body = response.json()
    assert body["role"] == "attorney"
    assert body["organization"] == organization.name
    assert body["prefix"].startswith("whk_") and len(body["prefix"]) == 12
    assert set(body["permissions"]) == {p.value for p in PERMISSIONS[Role.ATTORNEY]}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_missing_wrong_or_revoked_token_is_401_in_json(api: ApiClient, record: CaseRecord) -> None:
    anyone = Client()
    secret = api.headers["Authorization"].split()[1]
    for headers in (
        {},
        {"Authorization": "Bearer"},
        {"Authorization": f"Basic {secret}"},
        {"Authorization": "Bearer whk_not-a-token"},
        {"Authorization": "Bearer " + "x" * 5000},
        {"Authorization": f"Bearer {secret}x"},
    ):
        for url in (f"{API}/token", f"{API}/cases", f"{API}/cases/{record.id}"):
            response = anyone.get(url, headers=headers)
            assert response.status_code == 401, (headers, url)
            assert response.json() == {"detail": "Unauthorized"}
            assert response["WWW-Authenticate"] == "Bearer"
    ApiToken.objects.filter(pk=api.token.pk).update(revoked_at=timezone.now())  # type: ignore[attr-defined]
    assert api.get(f"{API}/token").status_code == 401


@pytest.mark.django_db
def test_an_address_that_is_no_operation_is_a_json_404(api: ApiClient) -> None:
    assert api.get(f"{API}/").status_code == 404  # ninja's own root (its page says where the docs are)
    for url in (f"{API}/nothing", f"{API}/cases/x/y/z/w"):
        response = api.get(url)
        assert response.status_code == 404 and response.json() == {"detail": "Not Found"}, url
    wrong = api.get(f"{API}/cases/not-an-id")
    assert wrong.status_code == 422 and places(wrong) == [["path", "case_id"]]


@pytest.mark.django_db
def test_only_the_digest_of_a_token_is_kept(api: ApiClient) -> None:
    secret = api.headers["Authorization"].split()[1]
    kept = ApiToken.objects.get(pk=api.token.pk)  # type: ignore[attr-defined]
    assert secret not in json.dumps([str(v) for v in kept.__dict__.values()])
    assert len(kept.digest) == 64 and kept.prefix == secret[:12]


@pytest.mark.django_db
def test_a_request_marks_the_token_used(api: ApiClient) -> None:
    assert ApiToken.objects.get(pk=api.token.pk).last_used_at is None  # type: ignore[attr-defined]
    api.get(f"{API}/token")
    assert ApiToken.objects.get(pk=api.token.pk).last_used_at is not None  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_over_the_rate_limit_is_429_with_retry_after(api: ApiClient, settings: Any) -> None:
    settings.WITHHOLD_API_RATE = "3/min"
    assert [api.get(f"{API}/token").status_code for _ in range(3)] == [200, 200, 200]
    refused = api.get(f"{API}/token")
    assert refused.status_code == 429
    assert refused.json() == {"detail": "Too many requests."}
    assert 1 <= int(refused["Retry-After"]) <= 60
    # The next window starts afresh.
    ApiToken.objects.filter(pk=api.token.pk).update(rate_window=0)  # type: ignore[attr-defined]
    assert api.get(f"{API}/token").status_code == 200


@pytest.mark.django_db
def test_the_limit_is_per_token(
    api_for: Callable[..., ApiClient], organization: Organization, settings: Any
) -> None:
    settings.WITHHOLD_API_RATE = "2/hour"
    first, second = api_for(organization, Role.VIEWER), api_for(organization, Role.SCREENER)
    assert [first.get(f"{API}/token").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get(f"{API}/token").status_code == 200


# --- the docket -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_cases_are_listed_a_page_at_a_time_and_by_workflow(
    api: ApiClient,
    organization: Organization,
    make_case: Callable[..., CaseRecord],
    other_organization: Organization,
) -> None:
    made = [make_case(organization) for _ in range(5)]
    make_case(other_organization)
    CaseRecord.objects.filter(pk=made[1].pk).update(workflow="closed")
    page = api.get(f"{API}/cases?limit=2&offset=1").json()
    assert page["count"] == 5
    assert [item["number"] for item in page["items"]] == [2, 3]
    assert set(page["items"][0]) == {
        "id",
        "number",
        "workflow",
        "version",
        "amended",
        "created_at",
        "updated_at",
    }
    closed = api.get(f"{API}/cases?workflow=closed").json()
    assert [item["id"] for item in closed["items"]] == [str(made[1].id)]
    listed = api.get(f"{API}/cases").content.decode()
    assert not [word for word in SECRET_WORDS if word in listed]


@pytest.mark.django_db
def test_a_page_is_bounded(api: ApiClient) -> None:
    for query, field in (
        ("limit=101", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        (f"offset={10**30}", "offset"),
        ("workflow=lost", "workflow"),
        ("limit=x", "limit"),
    ):
        response = api.get(f"{API}/cases?{query}")
        assert response.status_code == 422, query
        assert places(response)[0][-1] == field, query


# --- creating, reading, changing, deleting -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_case_is_created_from_a_case_file_versioned_and_audited_naming_the_token(
    api: ApiClient, organization: Organization
) -> None:
    response = api.post(f"{API}/cases", INVENTED)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["version"] == 1 and body["number"] == 1 and body["document"] == INVENTED
    record = CaseRecord.objects.get(pk=body["id"])
    assert record.organization == organization
    version = CaseVersion.objects.get(case=record)
    assert version.change == "imported" and version.created_by == api.token.created_by  # type: ignore[attr-defined]
    entry = AuditEntry.objects.get(case_id=record.id)
    assert (entry.action, entry.actor, entry.token_id, entry.version) == (
        Action.IMPORTED,
        Actor.API_TOKEN,
        api.token.id,
        1,
    )  # type: ignore[attr-defined]
    assert entry.user == api.token.created_by and entry.username.startswith("maker-")  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_the_audit_log_page_says_a_program_acted(
    api: ApiClient, organization: Organization, client_for: Callable[..., Client]
) -> None:
    api.post(f"{API}/cases", INVENTED)
    page = client_for(organization, Role.ATTORNEY).get("/audit/").content.decode()
    assert f"A program (API token made by maker-{organization.pk}-attorney)" in page


@pytest.mark.django_db
def test_a_case_file_may_be_sent_as_yaml(api: ApiClient) -> None:
    text = "withhold: case/1\nperson:\n  given_name: Zephyrine\n"
    response = api.client.post(f"{API}/cases", text, content_type="application/yaml", headers=api.headers)
    assert response.status_code == 201
    assert response.json()["document"]["person"] == {"given_name": "Zephyrine"}


@pytest.mark.django_db
def test_a_wrong_case_file_names_each_field_and_nothing_is_saved(api: ApiClient) -> None:
    wrong = {**INVENTED, "claim": {"country": "SV", "nexsu": "yes"}, "law_as_of": "2026-13-01"}
    response = api.post(f"{API}/cases", wrong)
    assert response.status_code == 422
    problems = {tuple(item["loc"]): item["msg"] for item in detail(response)}
    assert "did you mean claim.nexus?" in problems[("body", "claim.nexsu")]
    assert ("body", "law_as_of") in problems
    for body, field in (
        ({"person": {}}, "withhold"),
        ([1, 2], None),
        ({"withhold": "case/1", "person": {"given_name": "Z" * 100_000}}, "person.given_name"),
    ):
        response = api.post(f"{API}/cases", body)
        assert response.status_code == 422, body
        if field:
            assert places(response)[0] == ["body", field]
        assert len(response.content) < 2_000
    assert CaseRecord.objects.count() == 0 and AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_a_body_that_is_not_json_or_too_large_is_refused_plainly(api: ApiClient, record: CaseRecord) -> None:
    for url in (f"{API}/cases", f"{API}/screen"):
        for text in (
            "{not json",
            '{"withhold": "case/1", "withhold": "case/1"}',
            "[" * 5000 + "]" * 5000,
            b"\xff\xfe",
        ):
            response = api.client.post(url, text, content_type="application/json", headers=api.headers)
            assert response.status_code == 422, (url, text[:10])
            assert places(response)[0][0] == "body"
    put = f"{API}/cases/{record.id}"
    for text in ("{not json", "[" * 5000 + "]" * 5000, b"\xff"):
        response = api.client.put(put, text, content_type="application/json", headers=api.headers)
        assert response.status_code == 422, text[:10]
        assert detail(response)[0]["loc"] == ["body"]
    huge = json.dumps({"withhold": "case/1", "notes": "x" * 3_500_000})
    response = api.client.post(f"{API}/screen", huge, content_type="application/json", headers=api.headers)
    assert response.status_code == 413
    assert detail(response) == "the body is too large"
    assert CaseRecord.objects.count() == 1


@pytest.mark.django_db
def test_reading_a_case_gives_its_file_and_version_and_is_audited_as_an_export(
    api: ApiClient, record: CaseRecord
) -> None:
    response = api.get(f"{API}/cases/{record.id}")
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["version"], body["amended"], body["workflow"]) == (
        str(record.id),
        1,
        0,
        "active",
    )
    assert body["document"] == INVENTED
    entry = AuditEntry.objects.get(case_id=record.id, action=Action.EXPORTED)
    assert entry.token_id == api.token.id and entry.what == "api:json"  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_a_replaced_case_is_a_new_version_and_a_stale_one_is_409(api: ApiClient, record: CaseRecord) -> None:
    changed = {**INVENTED, "notes": "Heard again"}
    response = api.put(f"{API}/cases/{record.id}", {"version": 1, "amended": 0, "document": changed})
    assert response.status_code == 200, response.content
    assert response.json()["version"] == 2 and response.json()["document"]["notes"] == "Heard again"
    entry = AuditEntry.objects.get(case_id=record.id, action=Action.CHANGED)
    assert (entry.version, entry.actor, entry.token_id) == (2, Actor.API_TOKEN, api.token.id)  # type: ignore[attr-defined]
    stale = api.put(f"{API}/cases/{record.id}", {"version": 1, "document": INVENTED})
    assert stale.status_code == 409
    assert places(stale) == [["body", "version"]]
    assert "now version 2" in detail(stale)[0]["msg"]
    record.refresh_from_db()
    assert record.version == 2 and record.document["notes"] == "Heard again"
    same = api.put(f"{API}/cases/{record.id}", {"version": 2, "document": changed})
    assert same.json()["version"] == 2  # nothing changed: no new version
    assert CaseVersion.objects.filter(case=record).count() == 2


@pytest.mark.django_db
def test_a_change_started_before_an_interview_answer_amended_the_version_is_stale(
    api: ApiClient, record: CaseRecord
) -> None:
    CaseRecord.objects.filter(pk=record.pk).update(amended=1)
    response = api.put(f"{API}/cases/{record.id}", {"version": 1, "amended": 0, "document": INVENTED})
    assert response.status_code == 409
    assert "amended 1" in detail(response)[0]["msg"]


@pytest.mark.django_db
def test_a_wrong_change_names_the_field_and_saves_nothing(api: ApiClient, record: CaseRecord) -> None:
    for body, place in (
        ({"document": INVENTED}, ["body", "version"]),
        ({"version": "one", "document": INVENTED}, ["body", "version"]),
        ({"version": 10**40, "document": INVENTED}, ["body", "version"]),
        (
            {"version": 1, "document": {**INVENTED, "person": {"given_name": 7}}},
            ["body", "document", "person.given_name"],
        ),
        ({"version": 1, "document": "text"}, ["body", "document"]),
        ({"version": 1, "document": INVENTED, "extra": 1}, None),
    ):
        response = api.put(f"{API}/cases/{record.id}", body)
        if place is None:
            assert response.status_code == 200  # an unknown key of the wrapper is ignored, as ninja does
            continue
        assert response.status_code == 422, body
        assert places(response)[0] == place, body
        assert len(response.content) < 2_000
    record.refresh_from_db()
    assert record.version == 1


@pytest.mark.django_db
def test_a_patch_merges_part_of_the_file_and_changes_the_workflow(api: ApiClient, record: CaseRecord) -> None:
    response = api.patch(
        f"{API}/cases/{record.id}", {"version": 1, "document": {"claim": {"nexus": None}, "notes": "Two"}}
    )
    assert response.status_code == 200, response.content
    document = response.json()["document"]
    assert document["claim"] == {"country": "SV", "grounds": ["political_opinion"], "nexus": None}
    assert document["notes"] == "Two" and document["person"] == INVENTED["person"]
    assert response.json()["version"] == 2
    closed = api.patch(f"{API}/cases/{record.id}", {"version": 2, "workflow": "closed"})
    assert closed.status_code == 200 and closed.json()["workflow"] == "closed"
    assert AuditEntry.objects.filter(
        case_id=record.id, what="workflow:closed", token_id=api.token.id
    ).exists()  # type: ignore[attr-defined]
    assert api.patch(f"{API}/cases/{record.id}", {"version": 1, "workflow": "active"}).status_code == 409
    assert api.patch(f"{API}/cases/{record.id}", {"version": 2}).status_code == 422
    wrong = api.patch(f"{API}/cases/{record.id}", {"version": 2, "document": {"claim": {"nexsu": True}}})
    assert places(wrong) == [["body", "document", "claim.nexsu"]]


@pytest.mark.django_db
def test_deleting_a_case_is_audited(api: ApiClient, record: CaseRecord) -> None:
    assert api.delete(f"{API}/cases/{record.id}").status_code == 204
    assert not CaseRecord.objects.filter(pk=record.pk).exists()
    assert AuditEntry.objects.filter(case_id=record.id, action=Action.DELETED, token_id=api.token.id).exists()  # type: ignore[attr-defined]
    assert api.delete(f"{API}/cases/{record.id}").status_code == 404


# --- what the core makes of a case ----------------------------------------------------------------------


@pytest.mark.django_db
def test_screening_deadlines_and_roadmap_are_the_cores_json(api: ApiClient, record: CaseRecord) -> None:
    case = validate_case(INVENTED)
    as_of = case.law_as_of
    assert as_of is not None
    assert api.get(f"{API}/cases/{record.id}/screening").json() == json.loads(
        json.dumps(screen(case, as_of).to_json())
    )
    traced = api.get(f"{API}/cases/{record.id}/screening?trace=true&as_of=2025-01-01").json()
    assert traced == json.loads(
        json.dumps(screen(case, __import__("datetime").date(2025, 1, 1)).to_json(include_trace=True))
    )
    assert api.get(f"{API}/cases/{record.id}/deadlines").json() == json.loads(
        json.dumps(schedule(case, as_of, today()).to_json())
    )
    assert api.get(f"{API}/cases/{record.id}/roadmap").json() == json.loads(
        json.dumps(roadmap(case, as_of, today()).to_json())
    )
    assert AuditEntry.objects.filter(case_id=record.id, action=Action.VIEWED).count() == 4
    for query in ("as_of=1970-01-01", "as_of=2026-02-30", "as_of=yesterday"):
        response = api.get(f"{API}/cases/{record.id}/screening?{query}")
        assert response.status_code == 422 and places(response)[0] == ["query", "as_of"], query


@pytest.mark.django_db
def test_posting_a_case_to_screen_keeps_nothing(api: ApiClient, record: CaseRecord) -> None:
    models = apps.get_models()
    before = {model: model.objects.count() for model in models}
    audit_before = list(AuditEntry.objects.values_list("id", flat=True))
    response = api.post(f"{API}/screen", INVENTED)
    assert response.status_code == 200
    case = validate_case(INVENTED)
    assert case.law_as_of is not None
    assert response.json() == json.loads(json.dumps(screen(case, case.law_as_of).to_json()))
    assert (
        api.post(f"{API}/screen?as_of=2020-05-01", {"withhold": "case/1"}).json()["law_as_of"] == "2020-05-01"
    )
    assert api.post(f"{API}/screen", {"withhold": "case/2"}).status_code == 422
    assert {model: model.objects.count() for model in models} == before
    assert list(AuditEntry.objects.values_list("id", flat=True)) == audit_before


# --- the report and the I-589 -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_report_is_asked_for_followed_and_downloaded(
    api: ApiClient, record: CaseRecord, immediate_tasks: None
) -> None:
    asked = api.post(f"{API}/cases/{record.id}/report?audience=client&language=es")
    assert asked.status_code == 202, asked.content
    build = asked.json()
    assert build["state"] == "ready" and build["version"] == 1
    status = api.get(build["status_url"]).json()
    assert status["download_url"] == build["download_url"]
    pdf = api.get(build["download_url"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"] == f'attachment; filename="case-{record.number}-client-es.pdf"'
    assert AuditEntry.objects.filter(
        case_id=record.id, action=Action.DOWNLOADED, what="report:client:es"
    ).exists()
    again = api.post(f"{API}/cases/{record.id}/report?audience=client&language=es").json()
    assert again["id"] == build["id"]  # the same file is built once
    for query, field in (("audience=judge", "audience"), ("language=xx", "language")):
        response = api.post(f"{API}/cases/{record.id}/report?{query}")
        assert response.status_code == 422 and places(response)[0] == ["query", field]


@pytest.mark.django_db
def test_a_report_not_built_yet_is_409_and_its_status_says_queued(api: ApiClient, record: CaseRecord) -> None:
    build = api.post(f"{API}/cases/{record.id}/report").json()
    assert build["state"] == "queued" and build["download_url"] is None
    waiting = api.get(f"{API}/cases/{record.id}/report/{build['id']}/pdf")
    assert waiting.status_code == 409
    assert "not ready" in detail(waiting)[0]["msg"]


@pytest.mark.django_db
def test_the_i589_is_filled_from_the_kept_blank_form_or_409_says_none_is_kept(
    api: ApiClient, record: CaseRecord, organization: Organization, blank_i589: Any
) -> None:
    missing = api.get(f"{API}/cases/{record.id}/i589")
    assert missing.status_code == 409
    assert "no blank Form I-589 is kept" in detail(missing)[0]["msg"]
    BlankForm.objects.create(
        organization=organization,
        form="i589",
        pdf=blank_i589.read_bytes(),
        edition="03/01/23",
        uploaded_at=timezone.now(),
    )
    filled = api.get(f"{API}/cases/{record.id}/i589")
    assert filled.status_code == 200 and filled.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(case_id=record.id, action=Action.EXPORTED, what="i589:kept").exists()


# --- tasks -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_tasks_are_added_listed_assigned_and_done(
    api: ApiClient, record: CaseRecord, organization: Organization, member: Callable[..., Any]
) -> None:
    member(organization, Role.SCREENER, username="sam-screener")
    added = api.post(
        f"{API}/cases/{record.id}/tasks",
        {"title": "Call Zephyrine", "due": "2026-12-20", "assignee": "sam-screener"},
    )
    assert added.status_code == 201, added.content
    task = added.json()
    assert (task["title"], task["due"], task["assignee"], task["done"]) == (
        "Call Zephyrine",
        "2026-12-20",
        "sam-screener",
        False,
    )
    listed = api.get(f"{API}/cases/{record.id}/tasks").json()
    # Beside it, the tasks the application made from the case's deadlines (web/tasks/deadlines.py).
    persons = [item for item in listed["items"] if item["deadline"] is None]
    assert [item["id"] for item in persons] == [task["id"]]
    assert listed["count"] == len(listed["items"]) and all(i["title"] for i in listed["items"])
    done = api.patch(f"{API}/tasks/{task['id']}", {"done": True, "assignee": None})
    assert done.json()["done"] and done.json()["assignee"] is None and done.json()["closed_because"] == "done"
    stored = Task.objects.get(pk=task["id"])
    assert stored.title == {"text": "Call Zephyrine"} and stored.closed_because == Closed.DONE
    actions = list(
        AuditEntry.objects.filter(case_id=record.id, token_id=api.token.id).values_list("action", "what")
    )  # type: ignore[attr-defined]
    assert (Action.TASK_ADDED, f"task:{stored.id.hex}") in actions and (
        Action.TASK_DONE,
        f"task:{stored.id.hex}",
    ) in actions
    assert not [
        w for w in SECRET_WORDS if w in json.dumps(list(AuditEntry.objects.values_list("what", flat=True)))
    ]
    reopened = api.patch(f"{API}/tasks/{task['id']}", {"done": False, "due": None})
    assert not reopened.json()["done"] and reopened.json()["due"] is None


@pytest.mark.django_db
def test_a_wrong_task_names_the_field(
    api: ApiClient, record: CaseRecord, make_case: Callable[..., CaseRecord], other_organization: Organization
) -> None:
    url = f"{API}/cases/{record.id}/tasks"
    for body, field in (
        ({}, "title"),
        ({"title": ""}, "title"),
        ({"title": "x" * 501}, "title"),
        ({"title": "Call", "due": "soon"}, "due"),
        ({"title": "Call", "assignee": "nobody-here"}, "assignee"),
    ):
        response = api.post(url, body)
        assert response.status_code == 422, body
        assert places(response)[0][-1] == field, body
    outsider = make_case(other_organization)
    theirs = Task.objects.create(organization=other_organization, case=outsider, title={"text": "Theirs"})
    assert api.patch(f"{API}/tasks/{theirs.id}", {"done": True}).status_code == 404
    assert Task.objects.filter(organization=record.organization, deadline_key="").count() == 0


@pytest.mark.django_db
def test_a_deadlines_task_keeps_its_title_and_date_but_can_be_assigned_and_done(
    api: ApiClient, record: CaseRecord
) -> None:
    task, _ = Task.objects.update_or_create(  # saving the case may have made it already
        case=record,
        deadline_key="asylum.one_year",
        defaults={"organization": record.organization, "due": today()},
    )
    for body, field in (({"title": "Mine"}, "title"), ({"due": "2027-01-01"}, "due")):
        response = api.patch(f"{API}/tasks/{task.id}", body)
        assert response.status_code == 422 and places(response) == [["body", field]]
    done = api.patch(f"{API}/tasks/{task.id}", {"done": True}).json()
    assert done["done"] and done["deadline"] == "asylum.one_year"
    assert done["title"] == title_of("asylum.one_year") != "asylum.one_year"  # the deadline's own words
    Task.objects.filter(pk=task.pk).update(closed_because=Closed.MET)
    assert api.patch(f"{API}/tasks/{task.id}", {"done": False}).status_code == 409


# --- each role ---------------------------------------------------------------------------------------


def calls(record: CaseRecord) -> list[tuple[str, str, Any, Can]]:
    """Every API call on a case, with a body that fits, and the permission it needs."""
    case = f"{API}/cases/{record.id}"
    return [
        ("get", f"{API}/cases", None, Can.VIEW),
        ("post", f"{API}/cases", INVENTED, Can.CREATE),
        ("get", case, None, Can.EXPORT),
        ("put", case, {"version": 1, "document": INVENTED}, Can.EDIT),
        ("patch", case, {"version": 1, "workflow": "active"}, Can.EDIT),
        ("get", f"{case}/screening", None, Can.VIEW),
        ("get", f"{case}/deadlines", None, Can.VIEW),
        ("get", f"{case}/roadmap", None, Can.VIEW),
        ("post", f"{case}/report", None, Can.VIEW),
        ("get", f"{case}/i589", None, Can.EXPORT),
        ("get", f"{case}/tasks", None, Can.VIEW),
        ("post", f"{case}/tasks", {"title": "Call"}, Can.INTERVIEW),
        ("post", f"{API}/screen", INVENTED, Can.VIEW),
        ("delete", case, None, Can.DELETE),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_each_roles_token_does_exactly_what_the_role_may(
    role: Role, api_for: Callable[..., ApiClient], organization: Organization, record: CaseRecord
) -> None:
    client = api_for(organization, role)
    for method, url, body, permission in calls(record):
        response = client.call(method, url, body)
        if permission in PERMISSIONS[role]:
            assert response.status_code in (200, 201, 202, 204, 409), (
                role,
                method,
                url,
                response.status_code,
            )
        else:
            assert response.status_code == 403, (role, method, url, response.status_code)
            assert "may not" in response.json()["detail"]


# --- the OpenAPI document and the documentation page ---------------------------------------------------


@pytest.mark.django_db
def test_the_openapi_document_is_valid_openapi_3_1_with_the_case_model() -> None:
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200

    def once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), f"a key twice: {keys}"  # Swagger UI refuses such a document
        return dict(pairs)

    document = json.loads(response.content, object_pairs_hook=once)
    assert document["openapi"].startswith("3.1")
    validate(document, cls=OpenAPIV31SpecValidator)  # raises on any error
    schemas = document["components"]["schemas"]
    assert "Case" in schemas and "Person" in schemas and "claim" in schemas["Case"]["properties"]
    body = document["paths"]["/api/v1/cases"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Case"}
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids)) and "screen_posted" in ids
    for path in (
        "/api/v1/screen",
        "/api/v1/cases/{case_id}/screening",
        "/api/v1/cases/{case_id}/i589",
        "/api/v1/tasks/{task_id}",
    ):
        assert path in document["paths"]


@pytest.mark.django_db
def test_the_documentation_page_loads_nothing_from_elsewhere() -> None:
    response = Client().get(f"{API}/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "/static/ninja/swagger-ui.css" in page
    assert "cdn" not in page.lower() and "https://" not in page
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


# --- the tokens page ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_administrator_makes_a_token_sees_it_once_and_revokes_it(
    client_for: Callable[..., Client], organization: Organization
) -> None:
    admin = client_for(organization, Role.ADMIN)
    page = admin.get("/api-tokens/")
    assert page.status_code == 200 and "No token is in use." in page.content.decode()
    made = admin.post("/api-tokens/", {"name": "LegalServer sync", "role": "screener"})
    text = made.content.decode()
    secret = text.split('token-secret">')[1].split("<")[0]
    assert secret.startswith("whk_") and len(secret) == 47
    assert "it is not shown again" in text
    token = ApiToken.objects.get()
    assert (token.name, token.role, token.organization) == ("LegalServer sync", "screener", organization)
    assert secret not in admin.get("/api-tokens/").content.decode()
    entry = AuditEntry.objects.get(action=Action.TOKEN_CREATED)
    assert entry.token_id == token.id and entry.what == "role:screener"
    api = ApiClient(secret)
    assert api.get(f"{API}/token").json()["role"] == "screener"
    revoked = admin.post(f"/api-tokens/{token.id}/revoke/", follow=True)
    assert "no longer works" in revoked.content.decode()
    assert api.get(f"{API}/token").status_code == 401
    assert AuditEntry.objects.filter(action=Action.TOKEN_REVOKED, token_id=token.id).count() == 1


@pytest.mark.django_db
def test_a_token_needs_a_name_and_a_role(
    client_for: Callable[..., Client], organization: Organization
) -> None:
    admin = client_for(organization, Role.ADMIN)
    response = admin.post("/api-tokens/", {"name": "  ", "role": "owner"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "role"}
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_only_administrators_manage_tokens_and_only_their_own(
    client_for: Callable[..., Client], organization: Organization, other_organization: Organization
) -> None:
    for role in (Role.ATTORNEY, Role.SCREENER, Role.VIEWER):
        client = client_for(organization, role)
        assert client.get("/api-tokens/").status_code == 403
        assert client.post("/api-tokens/", {"name": "x", "role": "admin"}).status_code == 403
    theirs, _ = token(other_organization, Role.ATTORNEY)
    admin = client_for(organization, Role.ADMIN)
    assert admin.post(f"/api-tokens/{theirs.id}/revoke/").status_code == 404
    assert admin.get("/api-tokens/").status_code == 200
    assert ApiToken.objects.get(pk=theirs.pk).revoked_at is None
    assert not ApiToken.objects.filter(organization=organization).exists()


def test_a_wrong_rate_setting_is_a_check_error(settings: Any) -> None:
    from withhold.web.api.apps import rate_setting

    assert rate_setting() == []
    for wrong in ("600", "many/min", "0/min", "600/fortnight"):
        settings.WITHHOLD_API_RATE = wrong
        errors = rate_setting()
        assert [error.id for error in errors] == ["withhold.E101"], wrong
        assert "is not a rate such as 600/min" in errors[0].msg
