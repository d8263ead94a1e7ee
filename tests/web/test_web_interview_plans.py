"""The interview's next page is planned once per saved state of a case and audience: the page shown and
the reply to it share its plan, and a saved answer (a new state) is planned afresh."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.test import Client
from web_answers import EMPTY, interview_url, page_dont_know

from withhold.facts.loading import validate_case
from withhold.interview.pages import Audience, next_page
from withhold.web.cases.models import CaseRecord
from withhold.web.interviews import plans


@pytest.fixture
def planner_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    calls: list[tuple[str, ...]] = []

    def counted(case: Any, as_of: dt.date, audience: Audience = Audience.CLIENT, dont_know: Any = ()) -> Any:
        page = next_page(case, as_of, audience, dont_know)
        calls.append(page.paths if page else ())
        return page

    monkeypatch.setattr(plans, "next_page", counted)
    return calls


@pytest.mark.django_db
def test_a_step_plans_each_state_once(
    planner_calls: list[tuple[str, ...]],
    empty_record: CaseRecord,
    attorney: Client,
) -> None:
    url = interview_url(empty_record)
    first = attorney.get(url).context["page"]
    assert attorney.get(url).context["page"] == first  # a reload asks the planner nothing new
    answer = attorney.post(url, page_dont_know(first.paths))
    assert answer.status_code == 302
    assert planner_calls == [first.paths]  # the reply was checked against the page it answers
    second = attorney.get(url).context["page"]
    assert CaseRecord.objects.get(pk=empty_record.pk).version == 2
    assert second.paths != first.paths
    assert planner_calls == [first.paths, second.paths]
    attorney.get(interview_url(empty_record, "attorney"))  # the other audience: planned for itself
    assert len(planner_calls) == 3


@pytest.mark.django_db
def test_the_page_is_the_planners_for_that_saved_state(empty_record: CaseRecord) -> None:
    case = validate_case(EMPTY)
    as_of = dt.date(2026, 11, 23)
    client = Audience.CLIENT
    page = plans.page_for(empty_record.id, (empty_record.version, 0), case, as_of, client)
    assert page is not None
    assert page == next_page(case, as_of, client)
    assert plans.page_for(empty_record.id, (empty_record.version, 0), case, as_of, client) is page
    attorney = plans.page_for(empty_record.id, (empty_record.version, 0), case, as_of, Audience.ATTORNEY)
    assert attorney == next_page(case, as_of, Audience.ATTORNEY)
    changed = validate_case(
        {**EMPTY, "interview": {"asked": list(page.paths), "dont_know": list(page.paths)}}
    )
    # The same version amended by a sitting's next answer is another state, with its own page.
    after = plans.page_for(empty_record.id, (empty_record.version, 1), changed, as_of, client)
    assert after == next_page(changed, as_of, client)
    assert after != page


def test_only_a_bounded_number_of_pages_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plans, "next_page", lambda case, as_of, audience: None)
    monkeypatch.setattr(plans, "SIZE", 3)
    plans.forget()
    case = validate_case(EMPTY)
    ids = [uuid.uuid4() for _ in range(10)]
    for version, case_id in enumerate(ids):
        plans.page_for(case_id, (version, 0), case, dt.date(2026, 11, 23), Audience.CLIENT)
    assert len(plans._pages) == 3
    assert [key[0] for key in plans._pages] == ids[-3:]  # the oldest went first
    plans.forget()
    assert not plans._pages
