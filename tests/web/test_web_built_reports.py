"""Report PDFs are built on the task queue (issue 19): the first download asks for the build and shows a
page that follows it; the worker builds it; the page sees it finish and offers the file; every later
download of the same report is served from the store at once, without laying it out again; the PDF is
kept encrypted; a changed case builds anew; every download is audited; another organization gets 404; a
build that fails says so in plain words, and the queue's own table keeps no error text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult
from web_people import INVENTED, SECRET_WORDS
from web_queue import run_queue

from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.audit.models import AuditEntry
from withhold.web.builds import reports
from withhold.web.builds.models import Build, BuiltPart, State
from withhold.web.cases import store
from withhold.web.cases.models import CaseRecord, Change


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each report laid out, by audience and language (the real renderer still runs)."""
    made: list[str] = []
    real = reports.render_report

    def counted(report: Any, output: str) -> bytes:
        made.append(f"{report.page.audience}:{report.page.language}")
        return real(report, output)

    monkeypatch.setattr(reports, "render_report", counted)
    return made


def progress_of(client: Client, record: CaseRecord, audience: str, language: str) -> str:
    response = client.get(f"/cases/{record.id}/report/{audience}/{language}/progress/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_worker_builds_the_report_and_the_page_sees_it_finish(
    record: CaseRecord, attorney: Client, builds: list[str]
) -> None:
    url = f"/cases/{record.id}/report/client/es.pdf"
    asked = attorney.get(url)
    assert asked.status_code == 200 and asked["Content-Type"].startswith("text/html")
    page = asked.content.decode()
    assert (
        f'hx-get="/cases/{record.id}/report/client/es/progress/"' in page and 'hx-trigger="every 2s"' in page
    )
    assert builds == []  # nothing was built inside the request
    assert DBTaskResult.objects.count() == 1
    assert "Waiting its turn" in progress_of(attorney, record, "client", "es")
    assert attorney.get(url).status_code == 200 and DBTaskResult.objects.count() == 1  # asked once

    assert run_queue() == 1
    done = progress_of(attorney, record, "client", "es")
    assert "The report is ready." in done and "hx-trigger" not in done  # polling stops
    assert f'href="{url}"' in done
    pdf = attorney.get(url)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert builds == ["client:es"]
    assert AuditEntry.objects.filter(case_id=record.id, what="report:client:es").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_report_is_built_once_then_served_from_the_store_encrypted(
    record: CaseRecord, attorney: Client, builds: list[str]
) -> None:
    url = f"/cases/{record.id}/report/attorney/en.pdf"
    attorney.get(url)
    run_queue()
    first, again = attorney.get(url), attorney.get(url)
    assert first.content == again.content and first.content.startswith(b"%PDF")
    assert builds == ["attorney:en"]
    assert AuditEntry.objects.filter(case_id=record.id, what="report:attorney:en").count() == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT pdf FROM builds_builtpart")
        (stored,) = cursor.fetchone()
        cursor.execute("SELECT request FROM builds_build")
        (asked,) = cursor.fetchone()
    assert not stored.startswith("%PDF") and b"%PDF" not in stored.encode()
    for text in (stored, asked):
        assert "Quixotelli" not in text and not [word for word in SECRET_WORDS if word in text]
    (task,) = DBTaskResult.objects.all()
    assert task.args_kwargs == {"args": [str(Build.objects.get().id)], "kwargs": {}}  # only the build's id


@pytest.mark.django_db(transaction=True)
def test_a_changed_case_builds_anew_and_the_old_report_is_dropped(
    record: CaseRecord, attorney: Client, builds: list[str]
) -> None:
    url = f"/cases/{record.id}/report/client/en.pdf"
    attorney.get(url)
    run_queue()
    before = attorney.get(url).content
    document: dict[str, Any] = {**INVENTED, "person": {**INVENTED["person"], "given_name": "Otra"}}
    store.save(CaseRecord.objects.get(pk=record.pk), validate_case(document), None, Change.EDITED)
    assert attorney.get(url)["Content-Type"].startswith("text/html")  # not the old file
    run_queue()
    after = attorney.get(url).content
    assert builds == ["client:en", "client:en"] and before != after and after.startswith(b"%PDF")
    assert Build.objects.filter(state=State.READY).count() == 1 and BuiltPart.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_failed_build_says_so_and_the_queue_keeps_no_error_text(
    record: CaseRecord, attorney: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(report: Any, output: str) -> bytes:
        raise ValueError(f"layout broke on {INVENTED['person']['family_name']}")

    monkeypatch.setattr(reports, "render_report", broken)
    attorney.get(f"/cases/{record.id}/report/client/en.pdf")
    run_queue()
    shown = progress_of(attorney, record, "client", "en")
    assert "could not be built" in shown and 'role="alert"' in shown and "Try again" in shown
    assert "layout broke" not in shown
    (task,) = DBTaskResult.objects.all()
    assert task.status == "SUCCESSFUL" and not task.traceback and task.return_value is None
    assert Build.objects.get().problem == "unexpected"


@pytest.mark.django_db
def test_another_organization_gets_not_found(
    record: CaseRecord,
    attorney: Client,
    client_for: Callable[..., Client],
    other_organization: Organization,
) -> None:
    outsider = client_for(other_organization)
    attorney.get(f"/cases/{record.id}/report/client/es.pdf")
    for url in (f"/cases/{record.id}/report/client/es.pdf", f"/cases/{record.id}/report/client/es/progress/"):
        assert outsider.get(url).status_code == 404
    assert Build.objects.count() == 1


@pytest.mark.django_db
def test_with_the_immediate_backend_the_first_download_is_the_file(
    record: CaseRecord, attorney: Client, immediate_tasks: None, builds: list[str]
) -> None:
    response = attorney.get(f"/cases/{record.id}/report/client/es.pdf")
    assert response["Content-Type"] == "application/pdf" and builds == ["client:es"]


@pytest.mark.django_db
def test_a_build_left_unfinished_by_a_stopped_worker_is_asked_for_again(
    record: CaseRecord, attorney: Client
) -> None:
    import datetime as dt

    from django.utils import timezone

    url = f"/cases/{record.id}/report/client/en.pdf"
    attorney.get(url)
    Build.objects.update(state=State.BUILDING, created_at=timezone.now() - dt.timedelta(minutes=16))
    assert "taking longer than usual" in progress_of(attorney, record, "client", "en")
    attorney.get(url)
    assert Build.objects.count() == 2 and Build.objects.filter(state=State.QUEUED).count() == 1
