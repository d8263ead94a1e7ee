"""The case page's deadlines: grouped as the terminal and the reports group them, what is due first."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from django.test import Client

from withhold.web.accounts.models import Organization
from withhold.web.cases.models import CaseRecord

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "missed-deadline-withholding-open.yaml"


@pytest.mark.django_db
def test_the_deadlines_are_grouped_due_soon_later_past_then_unknown(
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    attorney: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen on 2026-11-23, the example's own law date: the master hearing's filing deadline falls that
    # day, the individual hearing's in March 2027, the one-year deadline and the EAD clock are past, and
    # the appeal and motion deadlines wait on a decision that has not been made.
    monkeypatch.setattr("withhold.web.cases.views.page.today", lambda: dt.date(2026, 11, 23))
    record = make_case(organization, yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    html = attorney.get(f"/cases/{record.id}/").content.decode()
    section = html[html.index('id="deadlines"') : html.index('id="evidence"')]
    headings = re.findall(r"<h3>(.*?)</h3>", section)
    assert headings == ["Due soon (within 14 days)", "Later", "Past", "Cannot be computed yet"]
    groups = re.split(r"<h3>.*?</h3>", section)[1:]
    assert "2026-11-23" in groups[0] and "2027-03-01" not in groups[0]
    assert "2027-03-01" in groups[1]
    assert "2023-08-10" in groups[2] and "2024-06-18" in groups[2]
    assert 'class="deadline unknown"' in groups[3]
    assert all('class="deadline unknown"' not in group for group in groups[:3])


@pytest.mark.django_db
def test_days_are_counted_from_today_and_another_law_date_is_said_in_a_banner(
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    attorney: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Issue 14: the case file takes the law as of 2026-11-23, but today is 2026-12-06. The master
    # hearing's filing deadline of 2026-11-23 is 13 days past, never "due today", and a banner says which
    # law applies.
    monkeypatch.setattr("withhold.web.cases.views.page.today", lambda: dt.date(2026, 12, 6))
    record = make_case(organization, yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    html = attorney.get(f"/cases/{record.id}/").content.decode()
    assert "screened under the law as of 2026-11-23, not today&#x27;s (2026-12-06)" in html
    section = html[html.index('id="deadlines"') : html.index('id="evidence"')]
    assert "13 days ago" in section and '<span class="small">today</span>' not in section
    today_law = attorney.get(f"/cases/{record.id}/", {"as_of": "2026-12-06"}).content.decode()
    assert "screened under the law as of" not in today_law


@pytest.mark.django_db
def test_every_screen_of_a_case_with_another_law_date_says_so(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    # The example takes the law as of 2026-11-23; the clock of the test run is later.
    record = make_case(organization, yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    for path in ("", "versions/", "versions/1/", "edit/", "edit/document/", "i589/", "delete/", "interview/"):
        html = attorney.get(f"/cases/{record.id}/{path}").content.decode()
        assert "screened under the law as of 2026-11-23" in html, path
        assert f'href="/cases/{record.id}/?as_of=' in html, path
