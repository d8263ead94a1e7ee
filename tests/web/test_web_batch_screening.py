"""Screening the whole docket from the web (issue 20, item 7): an attorney starts it, the task queue runs
``withhold batch``'s own row function over the organization's active cases, the page follows its progress
and shows one row a case; the rows are those ``withhold batch`` writes for the same case files; a CSV to
download; the rows kept encrypted; audited; another organization gets 404."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from typer.testing import CliRunner
from web_people import INVENTED, SECRET_WORDS
from web_queue import run_queue

from withhold.batch import COLUMNS
from withhold.cli.app import app
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.models import CaseRecord, Workflow
from withhold.web.cases.store import today
from withhold.web.imports.models import DocketScreening, State

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMPARED = ("asylum", "statutory_withholding", "cat_withholding", "cat_deferral", "best_protection")


@pytest.fixture
def docket(make_case: Callable[..., CaseRecord], organization: Organization) -> list[CaseRecord]:
    """Three active cases (the invented person, two examples) and one archived."""
    import yaml

    made = [make_case(organization, INVENTED)]
    for name in ("clean-asylum.yaml", "drug-trafficking-cat-deferral-only.yaml"):
        made.append(make_case(organization, yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))))
    closed = make_case(organization, {"withhold": "case/1", "person": {"given_name": "Cerrado"}})
    CaseRecord.objects.filter(pk=closed.pk).update(workflow=Workflow.CLOSED)
    return made


def started(client: Client, as_of: str | None = None) -> DocketScreening:
    response = client.post("/bulk/screening/", {"as_of": as_of or today().isoformat()})
    assert response.status_code == 302, response.content.decode()[:1500]
    return DocketScreening.objects.get(id=response["Location"].rstrip("/").split("/")[-1])


def batch_rows(records: list[CaseRecord], tmp_path: Path, as_of: str) -> dict[str, dict[str, Any]]:
    """What ``withhold batch`` writes for the cases' files as the web exports them (JSON)."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for record in records:
        (folder / f"{record.number}.json").write_text(json.dumps(record.document), encoding="utf-8")
    out = tmp_path / "rows.jsonl"
    args = ["batch", str(folder), "-o", str(out), "--as-of", as_of, "--today", today().isoformat(), "-j", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {row["source"].removesuffix(".json"): row for row in rows}


@pytest.mark.django_db(transaction=True)
def test_the_queue_screens_every_active_case_as_withhold_batch_does(
    docket: list[CaseRecord], attorney: Client, organization: Organization, tmp_path: Path
) -> None:
    screening = started(attorney, "2026-11-23")
    assert screening.state == State.QUEUED
    page = attorney.get(f"/bulk/screening/{screening.id}/").content.decode()
    assert "Waiting for the background worker" in page and 'hx-trigger="every 2s"' in page
    assert run_queue() == 1
    screening.refresh_from_db()
    assert (screening.state, screening.total, screening.done) == (State.READY, 3, 3)
    web = {str(row["number"]): row for row in screening.rows}
    assert set(web) == {str(record.number) for record in docket}  # the archived case is left out
    cli = batch_rows(docket, tmp_path, "2026-11-23")
    for number, row in web.items():
        assert {k: row[k] for k in COLUMNS if k != "source"} == {
            k: cli[number][k] for k in COLUMNS if k != "source"
        }
    clean = next(row for row in screening.rows if row["best_protection"] == "asylum")
    assert clean["asylum"] == "eligible" and clean["law_as_of"] == "2026-11-23"
    page = attorney.get(f"/bulk/screening/{screening.id}/").content.decode()
    assert "3 active cases screened under the law as of 2026-11-23." in page
    for record in docket:
        assert f'href="/cases/{record.id}/"' in page and f"Case {record.number}</a>" in page
    assert "Eligible" in page and "Zephyrine Quixotelli</td>" in page  # the name the docket shows
    assert "Zephyrine" not in json.dumps(screening.rows)  # read from the case, never kept in the rows
    entry = AuditEntry.objects.get(action=Action.BATCH_SCREENED)
    assert (entry.organization, entry.case_id, entry.what) == (organization, None, "as_of:2026-11-23")


@pytest.mark.django_db(transaction=True)
def test_the_progress_reloads_the_page_when_done_and_the_rows_are_encrypted(
    docket: list[CaseRecord], attorney: Client
) -> None:
    screening = started(attorney)
    progress = attorney.get(f"/bulk/screening/{screening.id}/progress/", HTTP_HX_REQUEST="true")
    assert progress.status_code == 200 and "Waiting for the background worker" in progress.content.decode()
    run_queue()
    done = attorney.get(f"/bulk/screening/{screening.id}/progress/", HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Refresh"] == "true"
    with connection.cursor() as cursor:
        cursor.execute("SELECT rows FROM imports_docketscreening")
        raw = str(cursor.fetchone())
    assert "eligible" not in raw and "asylum" not in raw
    for word in SECRET_WORDS:
        assert word not in raw


@pytest.mark.django_db(transaction=True)
def test_the_results_download_as_csv_like_the_command_writes(
    docket: list[CaseRecord], attorney: Client, tmp_path: Path
) -> None:
    screening = started(attorney, "2026-11-23")
    assert attorney.get(f"/bulk/screening/{screening.id}/results.csv").status_code == 404  # not ready yet
    run_queue()
    response = attorney.get(f"/bulk/screening/{screening.id}/results.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="docket-screening-2026-11-23.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == 3
    cli = batch_rows(docket, tmp_path, "2026-11-23")
    for row in rows:
        assert {k: row[k] for k in COMPARED} == {k: cli[row["source"]][k] for k in COMPARED}
    for word in SECRET_WORDS:
        assert word not in response.content.decode()
    assert AuditEntry.objects.filter(action=Action.DOWNLOADED, what="docket_screening_csv").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_case_that_cannot_be_screened_is_its_row_s_error(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    good = make_case(organization, INVENTED)
    broken = make_case(organization, {"withhold": "case/1"})
    # A stored document another version of Withhold would refuse (an unknown key): its row says so.
    CaseRecord.objects.filter(pk=broken.pk).update(document={"withhold": "case/1", "claim": {"nexsu": "x"}})
    screening = started(attorney)
    run_queue()
    screening.refresh_from_db()
    by_number = {row["number"]: row for row in screening.rows}
    assert "claim.nexsu" in by_number[broken.number]["errors"] and by_number[good.number]["errors"] == ""
    page = attorney.get(f"/bulk/screening/{screening.id}/").content.decode()
    assert "1 case could not be screened" in page and "claim.nexsu" in page


def test_only_an_attorney_starts_it_and_another_organization_gets_not_found(
    docket: list[CaseRecord],
    attorney: Client,
    client_for: Callable[..., Client],
    organization: Organization,
    other_organization: Organization,
    settings: Any,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    clients = {role: client_for(organization, role) for role in (Role.SCREENER, Role.VIEWER, Role.ADMIN)}
    for client in clients.values():
        assert client.post("/bulk/screening/", {"as_of": "2026-11-23"}).status_code == 403
        assert "Only an attorney can start" in client.get("/bulk/screening/").content.decode()
    assert DocketScreening.objects.count() == 0
    screening = started(attorney, "2026-11-23")
    assert screening.state == State.READY  # the immediate backend ran it inside the request
    assert clients[Role.VIEWER].get(f"/bulk/screening/{screening.id}/").status_code == 200
    stranger = client_for(other_organization, Role.ATTORNEY)
    for suffix in ("", "progress/", "results.csv"):
        assert stranger.get(f"/bulk/screening/{screening.id}/{suffix}").status_code == 404
    assert str(screening.id) not in stranger.get("/bulk/screening/").content.decode()


def test_a_date_the_law_cannot_be_evaluated_as_of_is_refused(
    attorney: Client, organization: Organization
) -> None:
    response = attorney.post("/bulk/screening/", {"as_of": "1900-01-01"})
    assert (
        response.status_code == 200
        and "The law cannot be evaluated as of that day" in response.content.decode()
    )
    assert attorney.post("/bulk/screening/", {"as_of": "not a date"}).status_code == 200
    assert DocketScreening.objects.count() == 0


def test_the_docket_offers_it_to_an_attorney_only(
    attorney: Client, client_for: Callable[..., Client], organization: Organization
) -> None:
    page = attorney.get("/cases/").content.decode()
    assert 'href="/bulk/screening/"' in page and 'href="/bulk/import/"' in page
    screener = client_for(organization, Role.SCREENER).get("/cases/").content.decode()
    assert 'href="/bulk/screening/"' not in screener and 'href="/bulk/import/"' in screener


def test_the_chosen_day_is_the_law_s_day_for_every_row(
    docket: list[CaseRecord], attorney: Client, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    screening = started(attorney, "2025-01-15")
    assert {row["law_as_of"] for row in screening.rows} == {"2025-01-15"}
    assert screening.as_of == dt.date(2025, 1, 15) and screening.today == today()


def test_the_results_in_spanish(docket: list[CaseRecord], attorney: Client, settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    attorney.post("/language/", {"language": "es"})
    assert "Evaluar todos los casos" in attorney.get("/bulk/screening/").content.decode()
    screening = started(attorney, "2026-11-23")
    page = attorney.get(f"/bulk/screening/{screening.id}/").content.decode()
    assert "3 casos activos evaluados según la ley vigente al 2026-11-23." in page
    assert "Suspensión de remoción" in page and "Elegible" in page


def test_old_results_are_dropped_when_a_new_screening_starts_and_a_stuck_one_says_so(
    docket: list[CaseRecord], attorney: Client, organization: Organization
) -> None:
    from django.utils import timezone

    old = DocketScreening.objects.create(organization=organization, as_of=today(), today=today())
    DocketScreening.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=40))
    stuck = DocketScreening.objects.create(
        organization=organization, as_of=today(), today=today(), state=State.RUNNING, total=3, done=1
    )
    DocketScreening.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - dt.timedelta(minutes=20))
    page = attorney.get(f"/bulk/screening/{stuck.id}/").content.decode()
    assert "Screened 1 of 3 cases" in page and "the background worker may not be running" in page
    started(attorney)
    assert not DocketScreening.objects.filter(pk=old.pk).exists()
    assert DocketScreening.objects.filter(pk=stuck.pk).exists()
