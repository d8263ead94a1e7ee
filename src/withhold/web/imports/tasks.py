"""The tasks of work on many cases: an import confirmed (:func:`import_upload`), and the docket's
screening (:func:`screen_docket`).

The docket's screening as a task on the queue: every active case of the organization screened by
``withhold batch``'s own row function (:func:`withhold.batch.screen_item`), one row a case.

The task is given the screening's id only; the rows are kept encrypted with it. Whatever goes wrong with
one case is that case's row's error (as in ``withhold batch``); whatever stops the whole task marks the
screening failed, and the log gets the error's type, never its message.
"""

from __future__ import annotations

import json
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django_tasks import task

from withhold.batch import Item, screen_item
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.imports import importing
from withhold.web.imports.models import DocketScreening, State, Upload

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 5
"""Cases screened between two updates of the progress the page shows."""


def cases_of(screening: DocketScreening) -> list[CaseRecord]:
    """The organization's active cases, by number."""
    found = CaseRecord.objects.filter(organization=screening.organization, workflow=Workflow.ACTIVE)
    return list(found.order_by("number"))


def row_of(record: CaseRecord, as_of: object, today: object) -> dict[str, object]:
    """A case's row: ``withhold batch``'s, for the case file as stored (the same as its JSON export)."""
    item = Item(str(record.number), json.dumps(record.document, ensure_ascii=False), "json")
    row = screen_item(item, as_of, today)  # type: ignore[arg-type]
    return {"case_id": str(record.id), "number": record.number, **row}


@task()
def screen_docket(screening_id: str) -> None:
    claimed = DocketScreening.objects.filter(pk=screening_id, state=State.QUEUED).update(
        state=State.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return
    screening = DocketScreening.objects.select_related("organization").get(pk=screening_id)
    try:
        records = cases_of(screening)
        DocketScreening.objects.filter(pk=screening_id).update(total=len(records))
        rows = []
        for done, record in enumerate(records, start=1):
            rows.append(row_of(record, screening.as_of, screening.today))
            if done % PROGRESS_EVERY == 0:
                DocketScreening.objects.filter(pk=screening_id).update(done=done)
    except Exception as error:  # the screening says it failed; the log, the error's type only
        logger.error("a docket screening failed: %s", type(error).__name__)
        DocketScreening.objects.filter(pk=screening_id).update(state=State.FAILED, finished_at=timezone.now())
        return
    DocketScreening.objects.filter(pk=screening_id).update(
        state=State.READY, rows=rows, done=len(rows), finished_at=timezone.now()
    )


@task()
def import_upload(upload_id: str, user_id: int | None, duplicates_too: bool) -> None:
    """Imports a confirmed upload (claimed by :func:`withhold.web.imports.importing.claim`), as the person
    who confirmed it: each case made and its audit entry name them."""
    upload = Upload.objects.select_related("organization").filter(pk=upload_id).first()
    if upload is None or upload.report is not None or upload.imported_at is None:
        return
    request = HttpRequest()
    request.user = get_user_model().objects.filter(pk=user_id, is_active=True).first() or AnonymousUser()
    try:
        importing.run(request, upload.organization, upload, duplicates_too)
    except Exception as error:  # the report says it failed; the log, the error's type only
        logger.error("a bulk import failed: %s", type(error).__name__)
        failed = {"kind": "", "created": [], "skipped": [], "failed": True}
        Upload.objects.filter(pk=upload_id, report=None).update(report=failed, data=None)
