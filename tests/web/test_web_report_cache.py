"""A report built once is served again while nothing it is made of changes (issue 18, item 7): the same
bytes without laying out the PDF again; a changed case, another audience or language builds anew; every
download is still audited; another organization still gets nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from web_people import INVENTED

from withhold.facts.loading import validate_case
from withhold.web.accounts.models import Organization
from withhold.web.audit.models import AuditEntry
from withhold.web.cases import built_reports, store
from withhold.web.cases.models import CaseRecord, Change
from withhold.web.cases.views import downloads


@pytest.fixture(autouse=True)
def _nothing_kept() -> Iterator[None]:
    built_reports.forget()
    yield
    built_reports.forget()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each report laid out, by audience and language (the real renderer still runs)."""
    made: list[str] = []
    real = downloads.render_report

    def counted(report: Any, output: str) -> bytes:
        made.append(f"{report.page.audience}:{report.page.language}")
        return real(report, output)

    monkeypatch.setattr(downloads, "render_report", counted)
    return made


@pytest.mark.django_db
def test_a_repeat_download_is_the_same_file_not_built_again(
    record: CaseRecord, attorney: Client, builds: list[str]
) -> None:
    url = f"/cases/{record.id}/report/client/es.pdf"
    first, again = attorney.get(url), attorney.get(url)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and first.content.startswith(b"%PDF")
    assert builds == ["client:es"]
    downloads_audited = AuditEntry.objects.filter(case_id=record.id, what="report:client:es").count()
    assert downloads_audited == 2  # served from memory, still audited


@pytest.mark.django_db
def test_a_changed_case_or_another_report_is_built_anew(
    record: CaseRecord, attorney: Client, builds: list[str]
) -> None:
    url = f"/cases/{record.id}/report/attorney/en.pdf"
    before = attorney.get(url).content
    attorney.get(f"/cases/{record.id}/report/attorney/es.pdf")
    attorney.get(f"/cases/{record.id}/report/client/en.pdf")
    document: dict[str, Any] = {**INVENTED, "person": {**INVENTED["person"], "given_name": "Otra"}}
    store.save(CaseRecord.objects.get(pk=record.pk), validate_case(document), None, Change.EDITED)
    after = attorney.get(url).content
    assert builds == ["attorney:en", "attorney:es", "client:en", "attorney:en"]
    assert before != after


@pytest.mark.django_db
def test_another_organization_gets_nothing_kept(
    record: CaseRecord,
    attorney: Client,
    client_for: Callable[..., Client],
    other_organization: Organization,
    builds: list[str],
) -> None:
    url = f"/cases/{record.id}/report/client/es.pdf"
    assert attorney.get(url).status_code == 200
    assert client_for(other_organization).get(url).status_code == 404
    assert builds == ["client:es"]


def test_the_oldest_report_goes_first_past_the_bound() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 7)
    keys = [built_reports.key("o", f"case-{n}", {"n": n}, day, day, "client", "es") for n in range(70)]
    for number, found in enumerate(keys):
        assert built_reports.built(found, lambda number=number: bytes([number])) == bytes([number])  # type: ignore[misc]
    assert built_reports.built(keys[-1], lambda: b"rebuilt") == bytes([69])  # kept
    assert built_reports.built(keys[0], lambda: b"rebuilt") == b"rebuilt"  # gone: built again
