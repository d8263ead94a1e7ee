"""The API's request and response shapes. The case file itself is the core's model
(:class:`withhold.facts.case.Case`): the OpenAPI document carries its schema (``Case`` and its parts,
under ``components/schemas``), and every case file sent is read by the core's loader."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import WithJsonSchema

from withhold.facts.case import Case
from withhold.web.accounts.roles import Role
from withhold.web.cases.models import Workflow

BIGGEST = 2**31 - 1
"""The largest number a client may send where the database keeps one (a version, an offset)."""

CASE_REF = {"$ref": "#/components/schemas/Case"}
CASE_MARK = "x-withhold-case"
"""Marks a case file in the generated schemas; the OpenAPI document makes each a reference to ``Case``."""
CaseDocument = Annotated[
    dict[str, Any],
    WithJsonSchema({"type": "object", CASE_MARK: True, "description": "A case file (case/1)."}),
]
"""A case file as JSON: described by the core's model, read by the core's loader (never by a second one)."""


def case_schemas() -> dict[str, Any]:
    """The core's case model and each of its parts, by name, as OpenAPI components."""
    schema = Case.model_json_schema(ref_template="#/components/schemas/{model}")
    parts: dict[str, Any] = schema.pop("$defs", {})
    return {**parts, "Case": schema}


class TokenOut(Schema):
    id: uuid.UUID
    name: str
    role: Role
    prefix: str = Field(description="The token's first characters, as the tokens page shows them.")
    organization: str
    permissions: list[str] = Field(description="What the token's role may do (the web's permissions).")


class CaseListed(Schema):
    id: uuid.UUID
    number: int = Field(description='"Case 12": the case\'s number within the organization.')
    workflow: Workflow
    version: int
    amended: int
    created_at: dt.datetime
    updated_at: dt.datetime


class CaseOut(CaseListed):
    document: CaseDocument


class CaseCreated(CaseOut):
    pass


class Stamp(Schema):
    version: int = Field(ge=1, le=BIGGEST, description="The case's `version` when the client read it.")
    amended: int = Field(
        0,
        ge=0,
        le=BIGGEST,
        description="The case's `amended` when the client read it (answers an interview added to the "
        "same version since): a save from an older state is refused (409).",
    )


class CaseReplace(Stamp):
    document: CaseDocument


class CasePatch(Stamp):
    document: dict[str, Any] | None = Field(
        None,
        description="Part of a case file: each key given replaces that key, and a mapping is merged key by "
        "key (a list or a value, null included, replaces what was there; null means unknown). To remove "
        "a key, replace the whole case (PUT).",
    )
    workflow: Workflow | None = None


class BuildOut(Schema):
    id: uuid.UUID
    state: str = Field(description="queued, building, ready or failed.")
    version: int = Field(description="The case version the report is made from.")
    problem: str = Field(description="Why it failed (a fixed code), when it did.")
    status_url: str
    download_url: str | None = Field(description="Where the PDF is, once it is ready.")


class TaskOut(Schema):
    id: uuid.UUID
    case: uuid.UUID
    title: str | None = Field(
        description="A person's task: its title as written. A deadline's task: the deadline's title (English)."
    )
    deadline: str | None = Field(description="A deadline's task: the engine's key of the deadline.")
    due: dt.date | None
    assignee: str | None = Field(description="The username of the person it is assigned to.")
    done: bool
    closed_because: str | None = Field(description="done, met (the case records it) or gone.")
    created_at: dt.datetime


TITLE_MAX = 500


class TaskNew(Schema):
    title: str = Field(min_length=1, max_length=TITLE_MAX)
    due: dt.date | None = None
    assignee: str | None = Field(None, max_length=150, description="A username of the organization.")


class TaskChange(Schema):
    title: str | None = Field(None, min_length=1, max_length=TITLE_MAX)
    due: dt.date | None = None
    assignee: str | None = Field(None, max_length=150)
    done: bool | None = None
