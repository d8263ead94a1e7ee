"""Tasks on a case: a person's (written, changed, done, opened again; audited by id, encrypted), "My tasks",
and the tasks the application makes from the deadlines the core computes, kept in step with the case
through every save: made once, moved with their date, closed when the case records the filing or the
deadline goes, opened again when it comes back, never duplicated. Everyone here is invented."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.test import Client
from web_people import INVENTED, SECRET_WORDS

from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases import store
from withhold.web.cases.models import CaseRecord, Change, Workflow
from withhold.web.tasks import deadlines
from withhold.web.tasks.models import Closed, Task

ONE_YEAR = "asylum.one_year"
INDIVIDUAL = "filing.individual_hearing[0]"


def document(
    arrival: str | None = "2026-03-01",
    hearings: tuple[tuple[str, str], ...] = (),
    filed: str | None = None,
    decision: str | None = None,
    notes: str = "",
) -> dict[str, Any]:
    """The invented person's case: arrived on ``arrival``, these hearings (kind, date), not detained."""
    doc = copy.deepcopy(INVENTED)
    doc["proceedings"]["detained"] = False
    doc["proceedings"]["hearings"] = [{"kind": kind, "date": day} for kind, day in hearings]
    doc["entry"] = {"last_arrival_date": arrival} if arrival else {}
    if filed:
        doc["asylum"] = {"filed_on": filed}
    if decision:
        doc["proceedings"]["decision"] = {"date": decision, "served": "oral"}
    if notes:
        doc["notes"] = notes
    return doc


def save(record: CaseRecord, doc: dict[str, Any], user: Any = None) -> CaseRecord:
    return store.save(record, validate_case(doc), user, Change.EDITED)


def deadline_tasks(record: CaseRecord) -> dict[str, Task]:
    found = Task.objects.filter(case=record).exclude(deadline_key="")
    return {task.deadline_key: task for task in found}


@pytest.fixture
def lawyer(member: Callable[..., Any], organization: Organization) -> Any:
    return member(organization, Role.ATTORNEY, "abogada-ondina")


@pytest.fixture
def case_of_lawyer(organization: Organization, lawyer: Any) -> CaseRecord:
    """A case the attorney made (so it is hers), with a one-year date and no hearing."""
    return store.create(organization, validate_case(document()), lawyer)


# --- deadline tasks ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_case_with_a_one_year_date_gets_one_task_for_its_attorney(
    case_of_lawyer: CaseRecord, lawyer: Any
) -> None:
    tasks = deadline_tasks(case_of_lawyer)
    assert set(tasks) == {ONE_YEAR}
    task = tasks[ONE_YEAR]
    assert task.due == dt.date(2027, 3, 1) and task.is_open
    assert task.assignee == lawyer
    assert task.title is None  # never stored: the deadline's own title is shown
    assert task.organization_id == case_of_lawyer.organization_id  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_many_saves_never_duplicate_and_a_moved_date_moves_the_task(case_of_lawyer: CaseRecord) -> None:
    first = deadline_tasks(case_of_lawyer)[ONE_YEAR]
    for n in range(6):
        save(case_of_lawyer, document(notes=f"invented note {n}"))
        deadlines.sync(case_of_lawyer)  # a second sync of the same state changes nothing
    assert Task.objects.filter(case=case_of_lawyer).count() == 1
    save(case_of_lawyer, document(arrival="2026-04-15"))
    moved = deadline_tasks(case_of_lawyer)[ONE_YEAR]
    assert moved.id == first.id and moved.due == dt.date(2027, 4, 15)
    assert Task.objects.filter(case=case_of_lawyer).count() == 1


@pytest.mark.django_db
def test_recording_the_filing_closes_the_task_as_met_and_taking_it_back_opens_it(
    case_of_lawyer: CaseRecord,
) -> None:
    save(case_of_lawyer, document(filed="2026-06-01"))
    task = deadline_tasks(case_of_lawyer)[ONE_YEAR]
    assert not task.is_open and task.closed_because == Closed.MET
    save(case_of_lawyer, document(filed="2026-06-01", notes="again"))
    assert deadline_tasks(case_of_lawyer)[ONE_YEAR].closed_because == Closed.MET
    save(case_of_lawyer, document())  # the filing date was a mistake
    task = deadline_tasks(case_of_lawyer)[ONE_YEAR]
    assert task.is_open and task.closed_because == ""
    assert Task.objects.filter(case=case_of_lawyer).count() == 1


@pytest.mark.django_db
def test_a_case_that_already_records_the_filing_makes_no_task(organization: Organization) -> None:
    record = store.create(organization, validate_case(document(filed="2026-06-01")), None)
    assert deadline_tasks(record) == {}


@pytest.mark.django_db
def test_a_hearing_added_then_removed_then_added_again_keeps_one_task(case_of_lawyer: CaseRecord) -> None:
    save(case_of_lawyer, document(hearings=(("individual", "2027-05-17"),)))
    tasks = deadline_tasks(case_of_lawyer)
    assert set(tasks) == {ONE_YEAR, INDIVIDUAL}
    hearing_task = tasks[INDIVIDUAL]
    assert hearing_task.is_open and hearing_task.due is not None and hearing_task.due < dt.date(2027, 5, 17)
    save(case_of_lawyer, document())  # the hearing was taken off the calendar
    gone = deadline_tasks(case_of_lawyer)[INDIVIDUAL]
    assert not gone.is_open and gone.closed_because == Closed.GONE
    assert deadline_tasks(case_of_lawyer)[ONE_YEAR].is_open  # the other one is untouched
    save(case_of_lawyer, document(hearings=(("individual", "2027-06-21"),)))
    back = deadline_tasks(case_of_lawyer)[INDIVIDUAL]
    assert back.id == hearing_task.id and back.is_open and back.due is not None
    assert back.due > hearing_task.due
    assert Task.objects.filter(case=case_of_lawyer).count() == 2


@pytest.mark.django_db
def test_a_hearing_whose_date_becomes_unknown_keeps_its_task_open_without_a_day(
    case_of_lawyer: CaseRecord,
) -> None:
    save(case_of_lawyer, document(hearings=(("individual", "2027-05-17"),)))
    doc = document(hearings=(("individual", "2027-05-17"),))
    del doc["proceedings"]["hearings"][0]["date"]
    save(case_of_lawyer, doc)
    task = deadline_tasks(case_of_lawyer)[INDIVIDUAL]
    assert task.is_open and task.due is None  # the deadline stands; its day is not known


@pytest.mark.django_db
def test_a_decision_makes_the_appeal_task(case_of_lawyer: CaseRecord) -> None:
    save(case_of_lawyer, document(decision="2027-04-01"))
    task = deadline_tasks(case_of_lawyer)["appeal.bia"]
    assert task.is_open and task.due is not None and task.due > dt.date(2027, 4, 1)


@pytest.mark.django_db
def test_only_the_deadlines_a_person_files_for_make_tasks(case_of_lawyer: CaseRecord) -> None:
    """The asylum filing date starts a work permit clock (a date from which, not by which) and the yearly
    fee: neither makes a task; motions and a petition for review are choices, not filings due."""
    save(case_of_lawyer, document(filed="2026-06-01", decision="2027-04-01"))
    keys = set(deadline_tasks(case_of_lawyer))
    assert keys == {ONE_YEAR, "appeal.bia"}
    assert {deadlines.deadline_id(key) for key in keys} <= deadlines.ACTED_ON


@pytest.mark.django_db
def test_a_task_marked_done_stays_done_until_its_date_moves(
    case_of_lawyer: CaseRecord, client_for: Callable[..., Client], organization: Organization
) -> None:
    task = deadline_tasks(case_of_lawyer)[ONE_YEAR]
    client = client_for(organization, Role.SCREENER)
    assert client.post(f"/cases/{case_of_lawyer.id}/tasks/{task.id}/done/").status_code == 302
    save(case_of_lawyer, document(notes="a later save"))
    task.refresh_from_db()
    assert task.closed_because == Closed.DONE
    save(case_of_lawyer, document(arrival="2026-05-04"))
    task.refresh_from_db()
    assert task.is_open and task.due == dt.date(2027, 5, 4)  # a new date: to be done again


@pytest.mark.django_db
def test_a_closed_case_keeps_its_open_tasks_and_gets_no_new_ones(case_of_lawyer: CaseRecord) -> None:
    CaseRecord.objects.filter(pk=case_of_lawyer.pk).update(workflow=Workflow.CLOSED)
    case_of_lawyer.refresh_from_db()
    save(case_of_lawyer, document(hearings=(("individual", "2027-05-17"),), filed="2026-06-01"))
    tasks = deadline_tasks(case_of_lawyer)
    assert set(tasks) == {ONE_YEAR} and tasks[ONE_YEAR].is_open


@pytest.mark.django_db
def test_every_way_of_saving_brings_the_tasks_up_to_date(
    case_of_lawyer: CaseRecord, client_for: Callable[..., Client], organization: Organization
) -> None:
    attorney = client_for(organization, Role.ATTORNEY)
    changed = document(hearings=(("individual", "2027-05-17"),))
    response = attorney.post(
        f"/cases/{case_of_lawyer.id}/edit/document/", {"text": yaml.safe_dump(changed), "version": 1}
    )
    assert response.status_code == 302
    assert INDIVIDUAL in deadline_tasks(case_of_lawyer)
    assert attorney.post(f"/cases/{case_of_lawyer.id}/versions/1/restore/").status_code == 302
    assert deadline_tasks(case_of_lawyer)[INDIVIDUAL].closed_because == Closed.GONE
    imported = attorney.post("/cases/import/", {"text": yaml.safe_dump(document(arrival="2026-07-07"))})
    assert imported.status_code == 302
    newest = CaseRecord.objects.filter(organization=organization).order_by("-number").first()
    assert newest is not None and deadline_tasks(newest)[ONE_YEAR].due == dt.date(2027, 7, 7)


@pytest.mark.django_db
def test_the_database_never_holds_two_tasks_for_one_deadline(case_of_lawyer: CaseRecord) -> None:
    task = deadline_tasks(case_of_lawyer)[ONE_YEAR]
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.create(organization=task.organization, case=case_of_lawyer, deadline_key=ONE_YEAR)
    deadlines._make(case_of_lawyer, ONE_YEAR, dt.date(2030, 1, 1))  # a racing sync finds it made
    assert Task.objects.filter(case=case_of_lawyer, deadline_key=ONE_YEAR).count() == 1


@pytest.mark.django_db
def test_a_race_lost_inside_get_or_create_is_no_error(
    case_of_lawyer: CaseRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    Task.objects.filter(case=case_of_lawyer).delete()

    def lost_race(*args: Any, **kwargs: Any) -> Any:
        raise IntegrityError("one_task_per_deadline")

    monkeypatch.setattr(Task.objects, "get_or_create", lost_race)
    deadlines.sync(case_of_lawyer)  # the other save's sync made it: nothing raised


@pytest.mark.django_db
def test_the_deadline_tasks_title_is_the_deadlines_own_on_the_case_page(
    case_of_lawyer: CaseRecord, client_for: Callable[..., Client], organization: Organization
) -> None:
    page = client_for(organization, Role.VIEWER).get(f"/cases/{case_of_lawyer.id}/")
    text = page.content.decode()
    assert "File the asylum application (Form I-589) within one year of the last arrival" in text
    assert "From the deadlines" in text
    assert "Mark done" not in text  # a viewer reads the tasks, cannot change them


# --- a person's tasks -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ATTORNEY, Role.SCREENER])
def test_those_who_work_on_the_case_add_change_complete_and_reopen_a_task(
    role: Role, record: CaseRecord, client_for: Callable[..., Client], organization: Organization
) -> None:
    client = client_for(organization, role)
    me = get_user_model().objects.get(username=f"{role}-{organization.pk}")
    added = client.post(
        f"/cases/{record.id}/tasks/add/",
        {"title": "Ask Zephyrine Quixotelli for the police report", "due": "2027-01-15", "assignee": me.pk},
    )
    assert added.status_code == 302
    task = Task.objects.get(case=record, deadline_key="")
    assert task.title == {"text": "Ask Zephyrine Quixotelli for the police report"}
    assert task.due == dt.date(2027, 1, 15) and task.assignee == me and task.created_by == me
    changed = client.post(
        f"/cases/{record.id}/tasks/{task.id}/edit/",
        {"title": "Ask for the police report and its translation", "due": "2027-01-20", "assignee": ""},
    )
    assert changed.status_code == 302
    task.refresh_from_db()
    assert task.title == {"text": "Ask for the police report and its translation"}
    assert task.due == dt.date(2027, 1, 20) and task.assignee is None
    assert client.post(f"/cases/{record.id}/tasks/{task.id}/done/").status_code == 302
    task.refresh_from_db()
    assert task.closed_because == Closed.DONE and task.closed_at is not None
    assert client.post(f"/cases/{record.id}/tasks/{task.id}/reopen/").status_code == 302
    task.refresh_from_db()
    assert task.is_open
    entries = AuditEntry.objects.filter(case_id=record.id).exclude(action=Action.VIEWED)
    code = f"task:{task.id.hex[:16]}"
    assert [(e.action, e.what) for e in entries.order_by("id")] == [
        (Action.TASK_ADDED, code),
        (Action.TASK_CHANGED, code),
        (Action.TASK_DONE, code),
        (Action.TASK_CHANGED, f"reopened:{task.id.hex[:16]}"),
    ]
    assert all(e.user == me for e in entries)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.VIEWER, Role.ADMIN])
def test_a_viewer_or_an_administrator_cannot_add_or_close_a_task(
    role: Role, record: CaseRecord, client_for: Callable[..., Client], organization: Organization
) -> None:
    task = Task.objects.create(organization=organization, case=record, title={"text": "Invented task"})
    client = client_for(organization, role)
    assert client.post(f"/cases/{record.id}/tasks/add/", {"title": "Something"}).status_code == 403
    assert client.post(f"/cases/{record.id}/tasks/{task.id}/done/").status_code == 403
    assert client.post(f"/cases/{record.id}/tasks/{task.id}/edit/", {"title": "Other"}).status_code == 403
    task.refresh_from_db()
    assert task.is_open and task.title == {"text": "Invented task"}
    assert Task.objects.filter(case=record).count() == 1 + len(deadline_tasks(record))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "said"),
    [
        ({"title": "   ", "due": "2027-01-15"}, "title", "Say what is to be done."),
        ({"title": "x" * 301}, "title", "This is 301 characters long; a task can have at most 300."),
        ({"title": "File the brief", "due": "31/02/2026"}, "due", "This is not a day of the calendar."),
        ({"title": "File the brief", "due": "2026-02-31"}, "due", "This is not a day of the calendar."),
    ],
)
def test_bad_input_is_named_by_field_and_nothing_is_saved(
    data: dict[str, str], field: str, said: str, record: CaseRecord, attorney: Client
) -> None:
    before = Task.objects.count()
    response = attorney.post(f"/cases/{record.id}/tasks/add/", data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert said in errors[field][0]
    assert said in response.content.decode()
    assert Task.objects.count() == before
    assert not AuditEntry.objects.filter(action=Action.TASK_ADDED).exists()


@pytest.mark.django_db
def test_an_assignee_from_another_organization_or_a_viewer_is_refused(
    record: CaseRecord,
    attorney: Client,
    member: Callable[..., Any],
    organization: Organization,
    other_organization: Organization,
) -> None:
    outsider = member(other_organization, Role.ATTORNEY, "abogado-de-otra-parte")
    viewer = member(organization, Role.VIEWER, "lectora")
    for person in (outsider, viewer):
        response = attorney.post(
            f"/cases/{record.id}/tasks/add/", {"title": "File the brief", "assignee": person.pk}
        )
        assert response.status_code == 400
        assert (
            "Choose an attorney or a screener of your organization"
            in response.context["form"].errors["assignee"][0]
        )
    assert not Task.objects.filter(case=record, deadline_key="").exists()


@pytest.mark.django_db
def test_a_deadline_task_can_be_reassigned_but_its_title_and_day_stay_the_deadlines(
    case_of_lawyer: CaseRecord, client_for: Callable[..., Client], organization: Organization, member: Any
) -> None:
    task = deadline_tasks(case_of_lawyer)[ONE_YEAR]
    screener = member(organization, Role.SCREENER, "evaluador-tadeo")
    client = client_for(organization, Role.ATTORNEY)
    form = client.get(f"/cases/{case_of_lawyer.id}/tasks/{task.id}/edit/")
    assert list(form.context["form"].fields) == ["assignee"]
    response = client.post(
        f"/cases/{case_of_lawyer.id}/tasks/{task.id}/edit/",
        {"assignee": screener.pk, "title": "Something else", "due": "2030-01-01"},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.assignee == screener and task.due == dt.date(2027, 3, 1) and task.title is None


@pytest.mark.django_db
def test_a_tasks_title_is_encrypted_in_the_database(record: CaseRecord, attorney: Client) -> None:
    attorney.post(f"/cases/{record.id}/tasks/add/", {"title": "Call Zephyrine Quixotelli about Vexwood"})
    task = Task.objects.get(case=record, deadline_key="")
    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM tasks_task WHERE id = %s", [task.id.hex])
        (raw,) = cursor.fetchone()
    assert raw.startswith("gAAAAA")  # a Fernet token
    assert not [word for word in SECRET_WORDS if word in raw]
    assert not [word for e in AuditEntry.objects.all() for word in SECRET_WORDS if word in e.what]


@pytest.mark.django_db
def test_my_tasks_lists_my_open_tasks_overdue_first_then_by_day(
    organization: Organization, make_case: Callable[..., CaseRecord], member: Callable[..., Any]
) -> None:
    me = member(organization, Role.SCREENER, "evaluadora-iris")
    colleague = member(organization, Role.ATTORNEY, "abogado-lino")
    first, second = make_case(organization), make_case(organization)
    today = store.today()

    def task(case: CaseRecord, title: str, due: dt.date | None, who: Any, closed: bool = False) -> Task:
        return Task.objects.create(
            organization=organization,
            case=case,
            title={"text": title},
            due=due,
            assignee=who,
            closed_at=dt.datetime.now(dt.UTC) if closed else None,
            closed_because=Closed.DONE if closed else "",
        )

    task(first, "Later task", today + dt.timedelta(days=30), me)
    task(second, "Overdue task", today - dt.timedelta(days=3), me)
    task(first, "Undated task", None, me)
    task(second, "Soon task", today + dt.timedelta(days=2), me)
    task(first, "Done task", today, me, closed=True)
    task(first, "Colleague's task", today, colleague)
    client = Client()
    client.force_login(me, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get("/cases/tasks/")
    assert page.status_code == 200
    titles = [row.title for row in page.context["rows"]]
    assert titles == ["Overdue task", "Soon task", "Later task", "Undated task"]
    text = page.content.decode()
    assert f'href="/cases/{second.id}/#tasks"' in text and f"Case {second.number}" in text
    overdue = client.get("/cases/tasks/?show=overdue")
    assert [row.title for row in overdue.context["rows"]] == ["Overdue task"]
    theirs = client.get(f"/cases/tasks/?who={colleague.pk}")
    assert [row.title for row in theirs.context["rows"]] == ["Colleague's task"]


@pytest.mark.django_db
def test_another_organizations_task_is_not_found_through_ones_own_case(
    record: CaseRecord,
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    other_organization: Organization,
    client_for: Callable[..., Client],
    member: Callable[..., Any],
) -> None:
    task = Task.objects.create(organization=organization, case=record, title={"text": "Invented"})
    theirs = make_case(other_organization)
    outsider = client_for(other_organization, Role.ATTORNEY)
    for action in ("edit", "done", "reopen"):
        for method in ("get", "post"):
            response = getattr(outsider, method)(f"/cases/{theirs.id}/tasks/{task.id}/{action}/")
            assert response.status_code == 404, (action, method)
    # Their "My tasks" never lists it, even asked for one of our people.
    ours = member(organization, Role.ATTORNEY, "abogada-nuestra")
    task.assignee = ours
    task.save()
    listed = outsider.get(f"/cases/tasks/?who={ours.pk}")
    assert listed.status_code == 200 and listed.context["rows"] == []
    task.refresh_from_db()
    assert task.is_open


@pytest.mark.django_db
def test_a_save_that_changes_nothing_the_deadlines_read_skips_the_schedule(
    case_of_lawyer: CaseRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[CaseRecord] = []
    monkeypatch.setattr(deadlines, "sync", lambda record, today=None: calls.append(record))
    save(case_of_lawyer, document(notes="only the notes differ"))
    doc = document()
    doc["claim"]["country"] = "GT"
    save(case_of_lawyer, doc)
    assert calls == []
    save(case_of_lawyer, document(hearings=(("master", "2027-02-01"),)))
    save(case_of_lawyer, {**document(hearings=(("master", "2027-02-01"),)), "law_as_of": "2026-11-30"})
    assert len(calls) == 2
    assert {"proceedings", "entry", "asylum", "law_as_of"} <= deadlines.parts_read()


@pytest.mark.django_db
def test_the_command_makes_the_tasks_of_cases_saved_before_and_leaves_closed_cases(
    organization: Organization, make_case: Callable[..., CaseRecord]
) -> None:
    from django.core.management import call_command

    open_case, closed_case = make_case(organization), make_case(organization)
    Task.objects.all().delete()  # as if saved before the tasks existed
    CaseRecord.objects.filter(pk=closed_case.pk).update(workflow=Workflow.CLOSED)
    call_command("deadline_tasks")
    call_command("deadline_tasks")
    assert deadline_tasks(open_case) and not deadline_tasks(closed_case)
    assert Task.objects.filter(case=open_case).count() == len(deadline_tasks(open_case))
