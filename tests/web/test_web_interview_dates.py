"""The browser interview refuses a date that cannot be, with the reason in the page's language by its
question, and saves nothing of the page: the same core step as the terminal
(withhold.interview.answers.answered)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from web_answers import EMPTY, interview_url, page_dont_know

from withhold.facts.loading import validate_case
from withhold.interview.typed_answer import Answer, Invalid
from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord
from withhold.web.interviews.steps import answered

BORN = {**EMPTY, "person": {**EMPTY["person"], "date_of_birth": "1990-05-01"}}


def test_the_step_gives_the_reason_in_the_language() -> None:
    case = validate_case(BORN)
    refused = answered(
        case, "entry.last_arrival_date", Answer(dt.date(1989, 1, 1)), "es", dt.date(2026, 12, 7)
    )
    assert isinstance(refused, Invalid)
    assert "antes de la fecha de nacimiento que usted dio (1 de mayo de 1990)" in refused.message
    future = answered(
        case, "entry.last_arrival_date", Answer(dt.date(2199, 1, 1)), "en", dt.date(2026, 12, 7)
    )
    assert isinstance(future, Invalid) and future.message.startswith("That date is after today")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "reason"),
    [("en", "before the date of birth you gave (May 1, 1990)"), ("es", "(1 de mayo de 1990)")],
)
def test_an_arrival_before_birth_is_asked_again_with_the_reason(
    language: str,
    reason: str,
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    attorney: Client,
) -> None:
    record = make_case(organization, BORN)
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    url = interview_url(record)
    for _ in range(40):
        page = attorney.get(url).context["page"]
        if "entry.last_arrival_date" in page.paths:
            break
        attorney.post(url, page_dont_know(page.paths))
    else:
        pytest.skip("the interview did not ask for the last arrival")
    number = page.paths.index("entry.last_arrival_date") + 1
    others = page_dont_know(page.paths)
    others.pop(f"dont_know-{number}")
    version = CaseRecord.objects.get(pk=record.pk).version
    refused = attorney.post(url, {**others, f"answer-{number}": "1989-01-01"})
    assert refused.status_code == 422
    assert reason in refused.context["items"][number - 1].error
    assert b'role="alert"' in refused.content
    stored = CaseRecord.objects.get(pk=record.pk)
    assert case_of(stored.document).entry.last_arrival_date is None
    assert stored.version == version
    accepted = attorney.post(url, {**others, f"answer-{number}": "2024-01-15"})
    assert accepted.status_code == 302
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).entry.last_arrival_date == dt.date(
        2024, 1, 15
    )
