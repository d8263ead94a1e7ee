"""Whose case it is: the responsible attorney and the screener, chosen among the organization's people
whose role fits, changed by those who may edit the case, each change audited; a new case made by an
attorney is theirs; the docket's "My cases"; the workload page, whose numbers link to what they count.
Everyone here is invented."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from web_people import INVENTED

from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases import store
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.tasks.models import Task

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def people(member: Callable[..., Any], organization: Organization) -> dict[str, Any]:
    return {
        "attorney": member(organization, Role.ATTORNEY, "abogada-ondina"),
        "attorney2": member(organization, Role.ATTORNEY, "abogado-lino"),
        "screener": member(organization, Role.SCREENER, "evaluador-tadeo"),
        "viewer": member(organization, Role.VIEWER, "lector-bruno"),
        "admin": member(organization, Role.ADMIN, "admin-clara"),
    }


def assign(client: Client, record: CaseRecord, attorney: Any = "", screener: Any = "") -> Any:
    return client.post(
        f"/cases/{record.id}/assign/",
        {"attorney": getattr(attorney, "pk", attorney), "screener": getattr(screener, "pk", screener)},
    )


@pytest.mark.django_db
def test_a_new_case_made_by_an_attorney_is_theirs_and_by_a_screener_nobodys(people: dict[str, Any]) -> None:
    made = logged_in(people["attorney"]).post("/cases/new/", {"given_name": "Zephyrine"})
    assert made.status_code == 302
    by_screener = logged_in(people["screener"]).post("/cases/new/", {"given_name": "Zephyrine"})
    assert by_screener.status_code == 302
    first, second = CaseRecord.objects.order_by("number")
    assert first.attorney == people["attorney"] and first.screener is None
    assert second.attorney is None and second.screener is None


@pytest.mark.django_db
def test_an_attorney_assigns_the_case_and_each_change_is_audited_without_text(
    record: CaseRecord, people: dict[str, Any]
) -> None:
    client = logged_in(people["attorney"])
    assert client.get(f"/cases/{record.id}/assign/").status_code == 200
    response = assign(client, record, people["attorney2"], people["screener"])
    assert response.status_code == 302 and response["Location"].endswith("#team")
    record.refresh_from_db()
    assert record.attorney == people["attorney2"] and record.screener == people["screener"]
    entries = AuditEntry.objects.filter(action=Action.ASSIGNED, case_id=record.id).order_by("id")
    assert [(e.username, e.what) for e in entries] == [
        ("abogada-ondina", "attorney"),
        ("abogada-ondina", "screener"),
    ]
    assign(client, record, people["attorney2"], people["screener"])  # nothing changed: nothing audited
    assert AuditEntry.objects.filter(action=Action.ASSIGNED).count() == 2
    assign(client, record, people["attorney2"], "")  # the screener taken off
    record.refresh_from_db()
    assert record.screener is None
    assert (
        list(AuditEntry.objects.filter(action=Action.ASSIGNED).order_by("id").values_list("what", flat=True))[
            -1
        ]
        == "screener"
    )
    page = client.get(f"/cases/{record.id}/").content.decode()
    assert "abogado-lino" in page and "Who works on this case" in page


@pytest.mark.django_db
def test_an_attorney_can_be_the_screener_but_a_screener_cannot_be_the_attorney(
    record: CaseRecord, people: dict[str, Any]
) -> None:
    client = logged_in(people["attorney"])
    assert assign(client, record, people["attorney"], people["attorney2"]).status_code == 302
    refused = assign(client, record, people["screener"], "")
    assert refused.status_code == 400
    assert refused.context["form"].errors["attorney"] == [
        "Choose an attorney of your organization, or nobody."
    ]
    viewer = assign(client, record, people["attorney"], people["viewer"])
    assert viewer.status_code == 400
    assert "Choose an attorney or a screener of your organization" in viewer.content.decode()
    record.refresh_from_db()
    assert record.attorney == people["attorney"] and record.screener == people["attorney2"]


@pytest.mark.django_db
def test_a_person_of_another_organization_cannot_be_assigned(
    record: CaseRecord, people: dict[str, Any], member: Callable[..., Any], other_organization: Organization
) -> None:
    outsider = member(other_organization, Role.ATTORNEY, "abogado-de-otra-parte")
    response = assign(logged_in(people["attorney"]), record, outsider, "")
    assert response.status_code == 400 and "attorney" in response.context["form"].errors
    record.refresh_from_db()
    assert record.attorney is None
    assert not AuditEntry.objects.filter(action=Action.ASSIGNED).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["screener", "viewer", "admin"])
def test_only_those_who_edit_the_case_assign_it(who: str, record: CaseRecord, people: dict[str, Any]) -> None:
    response = assign(logged_in(people[who]), record, people["attorney"], people["screener"])
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.attorney is None and record.screener is None


@pytest.mark.django_db
def test_another_organizations_user_gets_not_found(
    record: CaseRecord, client_for: Callable[..., Client], other_organization: Organization
) -> None:
    outsider = client_for(other_organization, Role.ATTORNEY)
    assert outsider.get(f"/cases/{record.id}/assign/").status_code == 404
    assert outsider.post(f"/cases/{record.id}/assign/", {"attorney": "", "screener": ""}).status_code == 404


@pytest.mark.django_db
def test_a_new_attorney_takes_over_the_cases_open_deadline_tasks(
    organization: Organization, people: dict[str, Any]
) -> None:
    doc = copy.deepcopy(INVENTED)
    record = store.create(organization, validate_case(doc), people["attorney"])
    deadline = Task.objects.filter(case=record).exclude(deadline_key="").first()
    assert deadline is not None and deadline.assignee == people["attorney"]
    own = Task.objects.create(
        organization=organization, case=record, title={"text": "Invented"}, assignee=people["screener"]
    )
    assign(logged_in(people["attorney"]), record, people["attorney2"], "")
    deadline.refresh_from_db()
    own.refresh_from_db()
    assert deadline.assignee == people["attorney2"]
    assert own.assignee == people["screener"]  # a person's task stays with whom it was given


@pytest.mark.django_db
def test_a_first_attorney_takes_the_deadline_tasks_nobody_had(
    organization: Organization, people: dict[str, Any], make_case: Callable[..., CaseRecord]
) -> None:
    record = make_case(organization)  # made by nobody: no attorney, its deadline tasks nobody's
    tasks = Task.objects.filter(case=record).exclude(deadline_key="")
    assert tasks.exists() and not tasks.filter(assignee__isnull=False).exists()
    assign(logged_in(people["attorney"]), record, people["attorney"], "")
    assert set(tasks.values_list("assignee", flat=True)) == {people["attorney"].pk}


@pytest.mark.django_db
def test_my_cases_on_the_docket_and_the_other_filters_still_work(
    organization: Organization, people: dict[str, Any], make_case: Callable[..., CaseRecord]
) -> None:
    mine_as_attorney, mine_as_screener, theirs, nobodys = (make_case(organization) for _ in range(4))
    CaseRecord.objects.filter(pk=mine_as_attorney.pk).update(attorney=people["attorney"])
    CaseRecord.objects.filter(pk=mine_as_screener.pk).update(
        attorney=people["attorney2"], screener=people["attorney"]
    )
    CaseRecord.objects.filter(pk=theirs.pk).update(attorney=people["attorney2"], workflow=Workflow.ON_HOLD)
    client = logged_in(people["attorney"])

    def numbers(query: str) -> list[int]:
        response = client.get(f"/cases/?{query}")
        assert response.status_code == 200
        return sorted(row.number for row in response.context["page"].object_list)

    assert numbers("") == sorted([mine_as_attorney.number, mine_as_screener.number, nobodys.number])
    assert numbers("who=mine") == sorted([mine_as_attorney.number, mine_as_screener.number])
    assert numbers("who=mine&q=Quixotelli") == sorted([mine_as_attorney.number, mine_as_screener.number])
    assert numbers("who=mine&q=Nobodyelse") == []
    assert numbers(f"who={people['attorney2'].pk}&status=all") == sorted(
        [mine_as_screener.number, theirs.number]
    )
    assert numbers(f"who={people['attorney2'].pk}&role=attorney&status=on_hold") == [theirs.number]
    assert numbers(f"who={people['attorney'].pk}&role=screener") == [mine_as_screener.number]
    assert numbers("who=nobody") == [nobodys.number]
    page = client.get("/cases/?who=mine").content.decode()
    assert '<option value="mine" selected>My cases</option>' in page


@pytest.mark.django_db
def test_a_person_of_another_organization_is_no_filter_of_the_docket(
    organization: Organization,
    other_organization: Organization,
    member: Callable[..., Any],
    make_case: Callable[..., CaseRecord],
    client_for: Callable[..., Client],
) -> None:
    ours = member(organization, Role.ATTORNEY, "abogada-nuestra")
    record = make_case(organization)
    CaseRecord.objects.filter(pk=record.pk).update(attorney=ours)
    outsider = client_for(other_organization, Role.ATTORNEY)
    response = outsider.get(f"/cases/?who={ours.pk}&role=attorney")
    assert response.status_code == 200 and response.context["total"] == 0
    assert response.context["who"] == ""  # not one of theirs: everyone's (their own) cases


@pytest.mark.django_db
def test_the_workload_page_counts_each_persons_cases_tasks_and_deadlines_and_links_them(
    organization: Organization, people: dict[str, Any], make_case: Callable[..., CaseRecord]
) -> None:
    today = store.today()
    soon = copy.deepcopy(INVENTED)
    soon["law_as_of"] = today.isoformat()
    soon["proceedings"]["detained"] = False
    soon["proceedings"]["hearings"] = [
        {"kind": "individual", "date": (today + dt.timedelta(days=20)).isoformat()}
    ]
    hers = store.create(
        organization, validate_case(soon), people["attorney"]
    )  # filings due in 14 days or less
    shared = make_case(organization)
    CaseRecord.objects.filter(pk=shared.pk).update(attorney=people["attorney"], screener=people["screener"])
    make_case(organization)  # nobody's
    closed = make_case(organization)
    CaseRecord.objects.filter(pk=closed.pk).update(attorney=people["attorney"], workflow=Workflow.CLOSED)
    Task.objects.create(
        organization=organization,
        case=shared,
        title={"text": "Invented late task"},
        due=today - dt.timedelta(days=1),
        assignee=people["screener"],
    )
    Task.objects.create(
        organization=organization, case=shared, title={"text": "Invented task"}, assignee=people["screener"]
    )
    response = logged_in(people["viewer"]).get("/cases/workload/")
    assert response.status_code == 200
    loads = {load.name: load for load in response.context["loads"]}
    assert set(loads) == {"abogada-ondina", "abogado-lino", "evaluador-tadeo"}  # attorneys and screeners
    ondina, tadeo = loads["abogada-ondina"], loads["evaluador-tadeo"]
    assert (ondina.as_attorney, ondina.as_screener) == (2, 0)  # the closed case is not counted
    assert (tadeo.as_attorney, tadeo.as_screener) == (0, 1)
    assert (tadeo.open_tasks, tadeo.overdue) == (2, 1)
    own_deadline_tasks = Task.objects.filter(case=hers, closed_at__isnull=True).count()
    assert ondina.open_tasks == own_deadline_tasks
    summary = store.fresh_summary(CaseRecord.objects.get(pk=hers.pk))
    due_soon = [
        d
        for d in summary["deadlines"]
        if today <= dt.date.fromisoformat(d["date"]) <= today + dt.timedelta(days=14)
    ]
    assert ondina.deadlines_soon == len(due_soon) >= 1
    assert response.context["unassigned"] == 1
    page = response.content.decode()
    who = people["screener"].pk
    assert f'href="/cases/tasks/?who={who}&amp;show=overdue"' in page
    assert f'href="/cases/?who={people["attorney"].pk}&amp;soon=1"' in page
    assert 'href="/cases/?who=nobody"' in page
    # The link counts what the number says: the docket of her cases with a deadline soon.
    listed = logged_in(people["viewer"]).get(f"/cases/?who={people['attorney'].pk}&soon=1")
    assert [row.number for row in listed.context["page"].object_list] == [hers.number]
    overdue = logged_in(people["viewer"]).get(f"/cases/tasks/?who={who}&show=overdue")
    assert [row.title for row in overdue.context["rows"]] == ["Invented late task"]


@pytest.mark.django_db
def test_another_organizations_workload_shows_none_of_ours(
    organization: Organization,
    other_organization: Organization,
    people: dict[str, Any],
    make_case: Callable[..., CaseRecord],
    client_for: Callable[..., Client],
) -> None:
    record = make_case(organization)
    CaseRecord.objects.filter(pk=record.pk).update(attorney=people["attorney"])
    outsider = client_for(other_organization, Role.ATTORNEY)
    response = outsider.get("/cases/workload/")
    assert response.status_code == 200
    assert {load.name for load in response.context["loads"]} == {f"attorney-{other_organization.pk}"}
    assert response.context["unassigned"] == 0
    assert b"abogada-ondina" not in response.content
