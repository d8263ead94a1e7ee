"""An upload's rows checked against the docket, and imported: each row whole, as its own case, or not at all.

Each good row becomes a case through the same function as a case file imported alone
(:func:`withhold.web.cases.store.create`, version 1 marked imported, with its own audit entry, in the
row's own transaction): a row that fails leaves nothing behind and does not stop the others. A row whose
A-number is already in the docket (found by the search digests, :mod:`withhold.web.cases.search`), or
given by an earlier row of the same upload, is a possible duplicate: it is imported only when the person
importing says so.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from withhold.web.accounts.models import Organization
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases import search, store
from withhold.web.cases.models import CaseRecord, Change
from withhold.web.imports.models import Upload
from withhold.web.imports.reading import Read, Row, read_upload

logger = logging.getLogger(__name__)

PREVIEW_FOR = dt.timedelta(hours=1)
"""How long an upload waits for its import to be confirmed; then its bytes are deleted."""
REPORT_FOR = dt.timedelta(days=30)
"""How long the report of an import is kept (case numbers and rows' problems, encrypted)."""


@dataclass
class Checked:
    read: Read
    duplicates: dict[int, list[int]] = field(default_factory=dict)
    """By row number: the numbers of the docket's cases with the same A-number (an empty list: an earlier
    row of this upload has it)."""

    @property
    def good(self) -> list[Row]:
        return [row for row in self.read.rows if row.case is not None]

    @property
    def bad(self) -> list[Row]:
        return [row for row in self.read.rows if row.case is None]


def check(organization: Organization, upload: Upload) -> Checked:
    read = read_upload(str(upload.name.get("name", "")), bytes(upload.data or b""))
    checked = Checked(read)
    cases = CaseRecord.objects.filter(organization=organization)
    seen: set[str] = set()
    for row in checked.good:
        term = search.a_number_term(row.a_number) if row.a_number else None
        if term is None:
            continue
        numbers = list(
            search.matching(cases, row.a_number).order_by("number").values_list("number", flat=True)
        )
        if numbers or term in seen:
            checked.duplicates[row.number] = numbers
        seen.add(term)
    return checked


def expired(upload: Upload) -> bool:
    return upload.imported_at is None and timezone.now() - upload.created_at > PREVIEW_FOR


def forget_old(organization: Organization) -> None:
    """Deletes the organization's uploads never confirmed in time, and reports past their keeping."""
    now = timezone.now()
    Upload.objects.filter(
        organization=organization, imported_at=None, created_at__lt=now - PREVIEW_FOR
    ).delete()
    Upload.objects.filter(organization=organization, created_at__lt=now - REPORT_FOR).delete()


def problems_of(row: Row) -> list[list[str]]:
    return [[problem.column, problem.key, problem.message] for problem in row.problems]


def claim(upload: Upload) -> bool:
    """Marks the upload as being imported; False when it was already (a second click of the button, or a
    second tab, imports nothing twice)."""
    return bool(Upload.objects.filter(pk=upload.pk, imported_at=None).update(imported_at=timezone.now()))


PROGRESS_EVERY = 10
"""Rows imported between two updates of the progress the page shows."""


def run(
    request: HttpRequest, organization: Organization, upload: Upload, duplicates_too: bool
) -> dict[str, Any]:
    """Imports the good rows of a claimed upload (:func:`claim`); returns (and keeps, encrypted) the report
    of what was done, and drops the uploaded file. ``request`` says who imports (its user)."""
    checked = check(organization, upload)
    created: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    Upload.objects.filter(pk=upload.pk).update(total=len(checked.read.rows), done=0)
    for number, row in enumerate(checked.read.rows, start=1):
        if number % PROGRESS_EVERY == 0:
            Upload.objects.filter(pk=upload.pk).update(done=number)
        where = {"row": row.number, "source": row.source}
        if row.case is None:
            skipped.append({**where, "why": "problems", "problems": problems_of(row)})
            continue
        if row.number in checked.duplicates and not duplicates_too:
            skipped.append({**where, "why": "duplicate", "cases": checked.duplicates[row.number]})
            continue

        def audited(made: CaseRecord) -> None:
            audit(request, organization, Action.IMPORTED, made.id, version=1, what="bulk")

        try:
            made = store.create(organization, row.case, request.user, Change.IMPORTED, then=audited)
        except Exception as error:  # that row is not saved (its transaction is undone); the others go on
            logger.error("a row of a bulk import could not be saved: %s", type(error).__name__)
            skipped.append({**where, "why": "not_saved", "problems": []})
            continue
        created.append({**where, "id": str(made.id), "number": made.number})
    report = {"kind": checked.read.kind, "created": created, "skipped": skipped}
    Upload.objects.filter(pk=upload.pk).update(data=None, report=report, done=len(checked.read.rows))
    audit(
        request, organization, Action.IMPORTED_BULK, what=f"{checked.read.kind}:{len(created)}:{len(skipped)}"
    )
    return report
