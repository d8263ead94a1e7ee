"""The pages of work on many cases: importing a spreadsheet (CSV) or a ZIP of case files (upload, preview,
confirm, report; the columns page and the template), and screening the whole docket on the task queue
(start, progress, results, CSV).

An upload, an import's report and a screening are the organization's: another organization's address is
"not found" (404), never "forbidden".
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from withhold.batch import PROTECTIONS, write_rows
from withhold.facts.limits import law_as_of_problem
from withhold.law.deadlines.catalogue import DEADLINES
from withhold.law.protections import PROTECTIONS as PROTECTION_RULES
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import member_view
from withhold.web.cases.models import CaseRecord
from withhold.web.cases.store import today
from withhold.web.cases.views.downloads import attachment
from withhold.web.imports import importing
from withhold.web.imports.columns import LIST_SEPARATOR, columns, template_csv
from withhold.web.imports.models import DocketScreening, State, Upload
from withhold.web.imports.reading import ROWS_MAX, UploadError, read_upload
from withhold.web.language import language_of
from withhold.web.texts import text as ui

ENCODINGS = {"utf-8": "UTF-8", "utf-16": "UTF-16", "windows-1252": "Windows-1252 (Excel)"}
"""The encodings a CSV is read in, by the names people know them by."""

SLOW = dt.timedelta(seconds=90)
"""Waiting this long for the worker: it is probably not running (the page says so)."""
STUCK = dt.timedelta(minutes=15)
"""Screening this long: the worker was probably stopped in the middle (the page says so)."""

# --- importing ------------------------------------------------------------------------------------------


class UploadForm(forms.Form):
    file = forms.FileField(label="CSV or ZIP file")


@member_view(Can.CREATE)
def upload_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    language = language_of(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    problem = ""
    if request.method == "POST" and not form.is_valid():
        problem = ui("imports.file_missing", language)
    elif request.method == "POST":
        upload = form.cleaned_data["file"]
        if upload.size is not None and upload.size > int(settings.WITHHOLD_REQUEST_MAX_BYTES):
            problem = ui("imports.file_too_large", language)
        else:
            data = upload.read()
            try:
                read_upload(upload.name or "", data)
            except UploadError as error:
                problem = file_problem(error, language)
            else:
                importing.forget_old(membership.organization)
                kept = Upload.objects.create(
                    organization=membership.organization,
                    created_by=request.user,
                    data=data,
                    name={"name": (upload.name or "")[:200]},
                )
                return redirect("imports:preview", upload_id=kept.id)
    context = {"form": form, "problem": problem, "rows_max": ROWS_MAX}
    return render(request, "imports/upload.html", context)


def file_problem(error: UploadError, language: Any) -> str:
    text = ui(f"imports.file_{error.key}", language, n=error.n or ROWS_MAX)
    if error.names:
        text += " " + ", ".join(error.names)
    return text


def _upload(membership: Membership, upload_id: uuid.UUID) -> Upload:
    found = Upload.objects.filter(id=upload_id, organization=membership.organization).first()
    if found is None:
        raise Http404
    return found


@member_view(Can.CREATE)
def preview(request: HttpRequest, membership: Membership, upload_id: uuid.UUID) -> HttpResponse:
    upload = _upload(membership, upload_id)
    if upload.imported_at is not None:
        return report_page(request, upload)
    if importing.expired(upload):
        upload.delete()
        return render(request, "imports/expired.html", status=410)
    checked = importing.check(membership.organization, upload)
    language = language_of(request)
    rows: list[dict[str, Any]] = [
        {
            "row": row,
            "name": row.name,
            "duplicates": checked.duplicates.get(row.number),
            "cases": ", ".join(
                ui("layout.case_n", language, n=n) for n in checked.duplicates.get(row.number) or ()
            ),
            "problems": [_problem_text(p.column, p.key, p.message, request) for p in row.problems],
        }
        for row in checked.read.rows
    ]
    # The words every row repeats, looked up once (a preview may have 2,000 rows).
    keys = ("file", "row", "person", "outcome", "has_problems", "whole_row", "already_in", "given_twice")
    words = {key: ui(f"imports.{key}", language) for key in (*keys, "will_be_imported")}
    words["a_number"] = ui("docket.a_number", language)
    new = sum(1 for row in checked.good if row.number not in checked.duplicates)
    context = {
        "upload": upload,
        "name": upload.name.get("name", ""),
        "read": checked.read,
        "encoding": ENCODINGS.get(checked.read.encoding, checked.read.encoding),
        "rows": rows,
        "words": words,
        "new": new,
        "duplicated": len(checked.duplicates),
        "bad": len(checked.bad),
        "expires": upload.created_at + importing.PREVIEW_FOR,
    }
    return render(request, "imports/preview.html", context)


def _problem_text(column: str, key: str, message: str, request: HttpRequest) -> dict[str, str]:
    language = language_of(request)
    words = ui(f"imports.problem_{key}", language) if key else message
    return {"column": column, "text": words, "english": "" if key else "en"}


@member_view(Can.CREATE)
@require_POST
def confirm(request: HttpRequest, membership: Membership, upload_id: uuid.UUID) -> HttpResponse:
    upload = _upload(membership, upload_id)
    if upload.imported_at is None and importing.expired(upload):
        upload.delete()
        return render(request, "imports/expired.html", status=410)
    if importing.claim(upload):
        from withhold.web.imports.tasks import import_upload

        user_id = request.user.pk if request.user.is_authenticated else None
        import_upload.enqueue(str(upload.id), user_id, request.POST.get("duplicates") == "import")
    return redirect("imports:preview", upload_id=upload.id)


@member_view(Can.CREATE)
def import_progress(request: HttpRequest, membership: Membership, upload_id: uuid.UUID) -> HttpResponse:
    """Where a confirmed import stands (the page polls this every two seconds until its report is there)."""
    upload = _upload(membership, upload_id)
    if upload.report is not None and request.htmx:  # type: ignore[attr-defined]
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # the whole page, with the report
        return response
    return render(request, "imports/_import_progress.html", _import_context(upload))


def _import_context(upload: Upload) -> dict[str, Any]:
    waited = timezone.now() - (upload.imported_at or upload.created_at)
    slow = (upload.done == 0 and waited > SLOW) or waited > STUCK
    return {"upload": upload, "slow": slow}


def report_page(request: HttpRequest, upload: Upload) -> HttpResponse:
    if upload.report is None:
        return render(request, "imports/report.html", {"working": True, **_import_context(upload)})
    report = upload.report
    skipped = [
        {**row, "texts": [_problem_text(c, k, m, request) for c, k, m in row.get("problems", [])]}
        for row in report["skipped"]
    ]
    ids = [made["id"] for made in report["created"]]
    found = CaseRecord.objects.filter(organization=upload.organization, id__in=ids).only("id", "summary")
    names = {str(record.id): str((record.summary or {}).get("name", "")) for record in found}
    created = [{**made, "name": names.get(made["id"], "")} for made in report["created"]]
    context = {
        "upload": upload,
        "name": upload.name.get("name", ""),
        "report": report,
        "created": created,
        "skipped": skipped,
        "failed": bool(report.get("failed")),
    }
    return render(request, "imports/report.html", context)


@member_view(Can.CREATE)
def columns_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    context = {"columns": columns(), "separator": LIST_SEPARATOR, "rows_max": ROWS_MAX}
    return render(request, "imports/columns.html", context)


@member_view(Can.CREATE)
def template(request: HttpRequest, membership: Membership) -> HttpResponse:
    return attachment(template_csv(), "text/csv; charset=utf-8", "withhold-cases-template.csv")


# --- screening the docket -------------------------------------------------------------------------------


class ScreenForm(forms.Form):
    as_of = forms.DateField(label="Law as of", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, language: Any = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language

    def clean_as_of(self) -> dt.date:
        day: dt.date = self.cleaned_data["as_of"]
        if law_as_of_problem(day):
            raise forms.ValidationError(ui("docket_screening.bad_date", self.language))
        return day


@member_view(Can.VIEW)
def screenings(request: HttpRequest, membership: Membership) -> HttpResponse:
    language = language_of(request)
    day = today()
    form = ScreenForm(request.POST or None, initial={"as_of": day}, language=language)
    if request.method == "POST":
        if not membership.can(Can.EDIT):
            raise PermissionDenied
        if form.is_valid():
            as_of = form.cleaned_data["as_of"]
            screening = start_screening(request, membership, as_of, day)
            return redirect("imports:screening", screening_id=screening.id)
    past = DocketScreening.objects.filter(organization=membership.organization).defer("rows")[:10]
    context = {
        "form": form,
        "past": past,
        "can_start": membership.can(Can.EDIT),
        "as_of_value": str(request.POST.get("as_of", ""))[:10] or day.isoformat(),
    }
    return render(request, "imports/screenings.html", context)


def start_screening(
    request: HttpRequest, membership: Membership, as_of: dt.date, day: dt.date
) -> DocketScreening:
    from withhold.web.imports.tasks import screen_docket

    older = timezone.now() - KEPT_FOR
    DocketScreening.objects.filter(organization=membership.organization, created_at__lt=older).delete()
    screening = DocketScreening.objects.create(
        organization=membership.organization, created_by=request.user, as_of=as_of, today=day
    )
    audit(request, membership.organization, Action.BATCH_SCREENED, what=f"as_of:{as_of.isoformat()}")
    result = screen_docket.enqueue(str(screening.id))
    DocketScreening.objects.filter(pk=screening.pk).update(task_id=str(result.id)[:64])
    screening.refresh_from_db()
    return screening


def _screening(membership: Membership, screening_id: uuid.UUID) -> DocketScreening:
    found = DocketScreening.objects.filter(id=screening_id, organization=membership.organization).first()
    if found is None:
        raise Http404
    return found


KEPT_FOR = dt.timedelta(days=30)
"""How long a screening's results are kept (a new one started drops the older ones)."""


def _screening_context(screening: DocketScreening) -> dict[str, Any]:
    waited = timezone.now() - screening.created_at
    rows = screening.rows or []
    titles = {key: rule.title for key, rule in DEADLINES}
    protections = {rule.name: rule.title for rule in PROTECTION_RULES}
    names = _names(screening, rows)
    shown = [
        {
            **row,
            "name": names.get(str(row.get("case_id")), ""),
            "statuses": [(name, row.get(name, "")) for name in PROTECTIONS],
            "best": protections.get(row.get("best_protection", ""), ""),
            "deadline_title": titles.get(_deadline_key(row.get("next_deadline", "")), ""),
        }
        for row in rows
    ]
    return {
        "screening": screening,
        "rows": shown,
        "errors": sum(1 for row in rows if row.get("errors")),
        "slow": (screening.state == State.QUEUED and waited > SLOW)
        or (screening.state == State.RUNNING and waited > STUCK),
        "percent": int(100 * screening.done / screening.total) if screening.total else 0,
        "protection_keys": PROTECTIONS,
    }


def _deadline_key(key: str) -> str:
    """The deadline's id in the catalogue (``filing.master_hearing[0]`` is the first hearing's)."""
    return key.split("[", 1)[0]


def _names(screening: DocketScreening, rows: list[dict[str, Any]]) -> dict[str, str]:
    """The names the docket shows for the screened cases, read from the cases now (the stored rows hold
    none); a case deleted since has none."""
    ids = [row.get("case_id") for row in rows]
    found = CaseRecord.objects.filter(organization=screening.organization, id__in=ids).only("id", "summary")
    return {str(record.id): str((record.summary or {}).get("name", "")) for record in found}


@member_view(Can.VIEW)
def screening_page(request: HttpRequest, membership: Membership, screening_id: uuid.UUID) -> HttpResponse:
    screening = _screening(membership, screening_id)
    return render(request, "imports/screening.html", _screening_context(screening))


@member_view(Can.VIEW)
def screening_progress(request: HttpRequest, membership: Membership, screening_id: uuid.UUID) -> HttpResponse:
    screening = _screening(membership, screening_id)
    if screening.finished and request.htmx:  # type: ignore[attr-defined]
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # the whole page, with its results
        return response
    return render(request, "imports/_screening_progress.html", _screening_context(screening))


@member_view(Can.VIEW)
def screening_csv(request: HttpRequest, membership: Membership, screening_id: uuid.UUID) -> HttpResponse:
    screening = _screening(membership, screening_id)
    if screening.state != State.READY:
        raise Http404
    rows = [{k: v for k, v in row.items() if k not in ("case_id", "number")} for row in screening.rows or []]
    audit(request, membership.organization, Action.DOWNLOADED, what="docket_screening_csv")
    name = f"docket-screening-{screening.as_of.isoformat()}.csv"
    return attachment(write_rows(rows, "csv"), "text/csv; charset=utf-8", name)
