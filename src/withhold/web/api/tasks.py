"""A case's tasks through the API: list them, add a person's task, change one (title, due date,
assignee, done).

A deadline's task (made by the application from a deadline the engine computes) takes its title and its
date from the deadline: they are not written here (422 naming the field); it can be assigned and marked
done. A task's title is free text, stored encrypted and never put in the audit log, which names the task
by its id.
"""

import uuid
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.api.common import RefusedError, allow, case_for, issue, token_of
from withhold.web.api.models import ApiToken
from withhold.web.api.pages import Pages
from withhold.web.api.schemas import TaskChange, TaskNew, TaskOut
from withhold.web.audit.models import Action
from withhold.web.audit.record import by_token
from withhold.web.tasks.deadlines import title_of
from withhold.web.tasks.models import Closed, Task

router = Router(tags=["tasks"])

WRITE_TASKS = Can.WRITE
"""Adding and changing tasks: the web's own permission for it (attorneys and screeners). Reading them: VIEW."""


def task_out(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "case": getattr(task, "case_id"),  # noqa: B009 (the column, without a query)
        # A deadline's task: the deadline's own title from the core's catalogue (English), never stored.
        "title": (task.title or {}).get("text") if not task.deadline_key else title_of(task.deadline_key),
        "deadline": task.deadline_key or None,
        "due": task.due,
        "assignee": task.assignee.get_username() if task.assignee is not None else None,
        "done": task.closed_at is not None,
        "closed_because": task.closed_because or None,
        "created_at": task.created_at,
    }


def _assignee(token: ApiToken, username: str | None, where: list[str | int]) -> Any:
    """The member of the token's organization named ``username`` (None: nobody), else 422."""
    if username is None:
        return None
    found = (
        Membership.objects.filter(
            organization_id=token.organization_id, user__username=username, user__is_active=True
        )
        .select_related("user")
        .first()
    )
    if found is None:
        raise RefusedError(
            422, [issue(where, "no active member of the organization has this username", "value_error")]
        )
    return found.user


def _what(task: Task) -> str:
    return f"task:{task.id.hex}"


@router.get("/cases/{case_id}/tasks", response=list[TaskOut], summary="A case's tasks")
@paginate(Pages)
def list_tasks(request: HttpRequest, case_id: uuid.UUID) -> Any:
    _, record = case_for(request, case_id, Can.VIEW)
    found = Task.objects.filter(case=record).select_related("assignee").order_by("due", "created_at")
    return [task_out(task) for task in found]


@router.post("/cases/{case_id}/tasks", response={201: TaskOut}, summary="Add a task to a case")
def add_task(request: HttpRequest, case_id: uuid.UUID, body: TaskNew) -> Any:
    token, record = case_for(request, case_id, WRITE_TASKS)
    assignee = _assignee(token, body.assignee, ["body", "assignee"])
    with transaction.atomic():
        task = Task.objects.create(
            organization_id=token.organization_id,
            case=record,
            title={"text": body.title},
            due=body.due,
            assignee=assignee,
            created_by=token.created_by,
        )
        by_token(token, Action.TASK_ADDED, record.id, version=record.version, what=_what(task))
    return Status(201, task_out(task))


@router.patch("/tasks/{task_id}", response=TaskOut, summary="Change a task, or mark it done")
def change_task(request: HttpRequest, task_id: uuid.UUID, body: TaskChange) -> Any:
    """Only what is given changes (``due`` or ``assignee`` null: none). ``done``: true closes the task,
    false opens again a task marked done."""
    token = token_of(request)
    task = (
        Task.objects.filter(id=task_id, organization_id=token.organization_id)
        .select_related("case", "assignee")
        .first()
    )
    if task is None:
        raise HttpError(404, "Not Found")
    allow(request, WRITE_TASKS)
    given = body.model_fields_set
    if task.deadline_key:
        for field in ("title", "due"):
            if field in given:
                message = (
                    f"a deadline's task takes its {'title' if field == 'title' else 'date'} from the deadline"
                )
                raise RefusedError(422, [issue(["body", field], message, "deadline_task")])
    if "title" in given and body.title is None:
        raise RefusedError(422, [issue(["body", "title"], "a task needs a title", "missing")])
    action = Action.TASK_CHANGED
    if "title" in given:
        task.title = {"text": body.title}
    if "due" in given:
        task.due = body.due
    if "assignee" in given:
        task.assignee = _assignee(token, body.assignee, ["body", "assignee"])
    if "done" in given and body.done is not None:
        if body.done and task.closed_at is None:
            task.mark_done()
            action = Action.TASK_DONE
        elif not body.done and task.closed_because == Closed.DONE:
            task.reopen()
        elif not body.done and task.closed_at is not None:
            message = (
                "this task was closed by the case itself (the filing is recorded, or the deadline is gone)"
            )
            raise RefusedError(409, [issue(["body", "done"], message, "closed_by_case")])
    with transaction.atomic():
        task.save()
        by_token(token, action, task.case.id, version=task.case.version, what=_what(task))
    return task_out(task)
