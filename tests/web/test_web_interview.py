"""The interview in the browser, end to end in English and in Spanish: one question per page chosen by the
core's planner, "I don't know", back, a progress bar, a language switch at any point, and the result."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from web_answers import EMPTY, answer_for

from withhold.interview.bank import question_for
from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion


def interview(
    client: Client, record: CaseRecord, language: str, switch_at: int | None = None
) -> list[tuple[str, str, str]]:
    """Answer every question (text questions with "I don't know"); return each (path, language, text)."""
    url = f"/cases/{record.id}/interview/"
    shown: list[tuple[str, str, str]] = []
    for step in range(120):
        if step == switch_at:
            language = "es" if language == "en" else "en"
            client.post("/language/", {"language": language, "next": url})
        page = client.get(url)
        assert page.status_code == 200
        if "plan" not in page.context:
            assert page.templates[0].name == "interviews/result.html"
            return shown
        plan, question = page.context["plan"], page.context["question"]
        assert page.context["text"] == question.render(language, None) or "{n}" in question.text.en
        assert f'max="{page.context["total"]}" value="{page.context["asked"]}"' in page.content.decode()
        shown.append((plan.path, language, page.context["text"]))
        response = client.post(url, answer_for(question.kind, plan.path))
        assert response.status_code == 302, (plan.path, response.status_code)
    raise AssertionError("the interview did not end")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_an_interview_runs_to_its_result(
    language: str, make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, EMPTY)
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    shown = interview(attorney, record, language)
    assert len(shown) >= 3
    assert all(text == question_for(path).text.get(language) for path, _, text in shown if "[" not in path)
    case = case_of(CaseRecord.objects.get(pk=record.pk).document)
    assert case.interview.language == language
    assert len(case.interview.asked or []) == len(shown)
    assert CaseRecord.objects.get(pk=record.pk).version == 2  # one sitting, one version
    assert CaseVersion.objects.get(case=record, number=2).answers == len(shown)
    result = attorney.get(f"/cases/{record.id}/interview/")
    word = {"en": "What your answers show", "es": "Lo que muestran sus respuestas"}[language]
    assert word in result.content.decode()


@pytest.mark.django_db
def test_the_language_can_change_in_the_middle(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, EMPTY)
    shown = interview(attorney, record, "en", switch_at=2)
    assert [language for _, language, _ in shown[:2]] == ["en", "en"]
    assert {language for _, language, _ in shown[2:]} == {"es"}
    assert all(text == question_for(path).text.es for path, _, text in shown[2:] if "[" not in path)
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).interview.language == "es"


@pytest.mark.django_db
def test_dont_know_back_and_wrong_answers(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, EMPTY)
    url = f"/cases/{record.id}/interview/"
    first = attorney.get(url).context["plan"].path
    nothing = attorney.post(url, {"action": "answer", "path": first})
    assert nothing.status_code == 422
    assert nothing.context["error"] == question_for(first).invalid.en
    assert b'role="alert"' in nothing.content
    attorney.post(url, {"action": "dont_know", "path": first})
    case = case_of(CaseRecord.objects.get(pk=record.pk).document)
    assert case.interview.dont_know == [first]
    second = attorney.get(url).context["plan"].path
    assert second != first  # not asked again
    attorney.post(url, {"action": "back"})
    case = case_of(CaseRecord.objects.get(pk=record.pk).document)
    assert case.interview.asked == [] and case.interview.dont_know == []
    assert attorney.get(url).context["plan"].path == first
    stale = attorney.post(url, {"action": "answer", "path": "claim.nexus", "answer": "1"})
    assert stale.status_code == 302
    # One sitting, one version; the stale answer changed nothing.
    assert CaseRecord.objects.get(pk=record.pk).version == 2
    assert CaseVersion.objects.get(case=record, number=2).answers == 1  # "I don't know" counts, back does not


@pytest.mark.django_db
def test_choices_must_be_chosen_none_is_explicit(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    document = {
        **EMPTY,
        "proceedings": {"kind": "removal", "circuit": "9"},
        "entry": {"last_arrival_date": "2024-08-10"},
        "asylum": {"filed_on": "2024-09-01"},
        "convictions": [],
    }
    record = make_case(organization, document)
    url = f"/cases/{record.id}/interview/"
    for _ in range(30):
        page = attorney.get(url)
        if page.context["plan"].path == "claim.grounds":
            break
        attorney.post(url, {"action": "dont_know", "path": page.context["plan"].path})
    else:
        pytest.skip("the planner did not ask for the grounds")
    assert attorney.post(url, {"action": "answer", "path": "claim.grounds"}).status_code == 422
    assert attorney.post(url, {"answer": ["1", "none"], "path": "claim.grounds"}).status_code == 422
    attorney.post(url, {"answer": ["none"], "path": "claim.grounds"})
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).claim.grounds == []
