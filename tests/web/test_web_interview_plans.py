"""The planner runs once per version of a case: the question page and the reply to it share its plan, and
a saved answer (a new version) is planned afresh."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.test import Client
from web_answers import EMPTY, interview_url

from withhold.facts.loading import validate_case
from withhold.interview.planner import next_question
from withhold.web.cases.models import CaseRecord
from withhold.web.interviews import plans


@pytest.fixture
def planner_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def counted(case: Any, as_of: dt.date, dont_know: Any = ()) -> Any:
        plan = next_question(case, as_of, dont_know)
        calls.append(plan.path if plan else "")
        return plan

    monkeypatch.setattr(plans, "next_question", counted)
    return calls


@pytest.mark.django_db
def test_a_step_plans_each_version_once(
    planner_calls: list[str],
    empty_record: CaseRecord,
    attorney: Client,
) -> None:
    url = interview_url(empty_record)
    first = attorney.get(url).context["plan"]
    assert attorney.get(url).context["plan"] == first  # a reload asks the planner nothing new
    answer = attorney.post(url, {"path": first.path, "action": "dont_know"})
    assert answer.status_code == 302
    assert planner_calls == [first.path]  # the reply was checked against the plan of its page
    second = attorney.get(url).context["plan"]
    assert CaseRecord.objects.get(pk=empty_record.pk).version == 2
    assert second.path != first.path
    assert planner_calls == [first.path, second.path]


@pytest.mark.django_db
def test_the_plan_is_the_planners_for_that_saved_state(empty_record: CaseRecord) -> None:
    case = validate_case(EMPTY)
    as_of = dt.date(2026, 11, 23)
    plan = plans.plan_for(empty_record.id, (empty_record.version, 0), case, as_of)
    assert plan is not None
    assert plan == next_question(case, as_of)
    assert plans.plan_for(empty_record.id, (empty_record.version, 0), case, as_of) is plan
    changed = validate_case({**EMPTY, "interview": {"asked": [plan.path], "dont_know": [plan.path]}})
    # The same version amended by a sitting's next answer is another state, with its own plan.
    after = plans.plan_for(empty_record.id, (empty_record.version, 1), changed, as_of)
    assert after == next_question(changed, as_of, [plan.path])
    assert after != plan


def test_only_a_bounded_number_of_plans_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plans, "next_question", lambda case, as_of: None)
    monkeypatch.setattr(plans, "SIZE", 3)
    plans.forget()
    case = validate_case(EMPTY)
    ids = [uuid.uuid4() for _ in range(10)]
    for version, case_id in enumerate(ids):
        plans.plan_for(case_id, (version, 0), case, dt.date(2026, 11, 23))
    assert len(plans._plans) == 3
    assert [key[0] for key in plans._plans] == ids[-3:]  # the oldest went first
    plans.forget()
    assert not plans._plans
