"""The interview in the browser, end to end in English and in Spanish: pages of questions chosen by the core
for the audience interviewed (the client by default, the attorney on request), "I don't know" per question,
back, a progress bar, a language switch at any point, and the result. Invented people only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from web_answers import EMPTY, interview_url, page_answers, page_dont_know

from withhold.interview.bank import question_for
from withhold.interview.pages import Audience
from withhold.language.gender import reading
from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion


def interview(
    client: Client, record: CaseRecord, language: str, switch_at: int | None = None, audience: str = ""
) -> list[tuple[tuple[str, ...], str, str]]:
    """Answer every page (text and countries with "I don't know"); return each (paths, language, section
    title) shown."""
    url = interview_url(record, audience)
    shown: list[tuple[tuple[str, ...], str, str]] = []
    for step in range(120):
        if step == switch_at:
            language = "es" if language == "en" else "en"
            client.post("/language/", {"language": language, "next": url})
        page = client.get(url)
        assert page.status_code == 200
        if "page" not in page.context:
            assert page.templates[0].name == "interviews/result.html"
            return shown
        asked = page.context["page"]
        items = page.context["items"]
        assert [item.path for item in items] == list(asked.paths)
        html = page.content.decode()
        assert f'max="{page.context["total"]}" value="{page.context["asked"]}"' in html
        sex = case_of(CaseRecord.objects.get(pk=record.pk).document).person.sex
        for item in items:
            if "[" not in item.path:  # in the words of the language, agreeing with the person
                assert item.text == question_for(item.path).text.get(reading(language, sex))
        shown.append((asked.paths, language, page.context["section_title"]))
        response = client.post(url, page_answers(asked.paths))
        assert response.status_code == 302, (asked.paths, response.status_code)
        assert response["Location"] == interview_url(record, audience or "client")
    raise AssertionError("the interview did not end")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_client_interview_runs_to_its_result(
    language: str, make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, EMPTY)
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    shown = interview(attorney, record, language)
    asked = [path for paths, _, _ in shown for path in paths]
    assert len(shown) >= 3
    assert not any(question_for(path).judgement for path in asked)  # a client is never asked a finding
    case = case_of(CaseRecord.objects.get(pk=record.pk).document)
    assert case.interview.language == language
    assert case.interview.asked == asked
    assert CaseRecord.objects.get(pk=record.pk).version == 2  # one sitting, one version
    assert CaseVersion.objects.get(case=record, number=2).answers == len(asked)
    result = attorney.get(interview_url(record)).content.decode()
    word = {"en": "What your answers show", "es": "Lo que muestran sus respuestas"}[language]
    assert word in result


@pytest.mark.django_db
def test_the_attorney_interview_asks_findings_one_at_a_time(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, EMPTY)
    shown = interview(attorney, record, "en", audience="attorney")
    assert all(len(paths) == 1 for paths, _, _ in shown)
    assert any(question_for(paths[0]).judgement for paths, _, _ in shown)


@pytest.mark.django_db
def test_the_language_can_change_in_the_middle(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, EMPTY)
    shown = interview(attorney, record, "en", switch_at=2)
    assert [language for _, language, _ in shown[:2]] == ["en", "en"]
    assert {language for _, language, _ in shown[2:]} == {"es"}
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).interview.language == "es"


@pytest.mark.django_db
def test_dont_know_back_and_a_stale_page(empty_record: CaseRecord, attorney: Client) -> None:
    url = interview_url(empty_record)
    first = attorney.get(url).context["page"]
    nothing = attorney.post(url, {"action": "answer", "path": list(first.paths)})
    assert nothing.status_code == 422
    assert nothing.context["items"][0].error == "Please answer this question, or choose “I don't know”."
    assert b'role="alert"' in nothing.content
    attorney.post(url, page_dont_know(first.paths))
    case = case_of(CaseRecord.objects.get(pk=empty_record.pk).document)
    assert case.interview.dont_know == list(first.paths)
    second = attorney.get(url).context["page"]
    assert second.paths != first.paths  # not asked again
    attorney.post(url, {"action": "back", "audience": "client"})
    case = case_of(CaseRecord.objects.get(pk=empty_record.pk).document)
    assert case.interview.asked == [] and case.interview.dont_know == []
    assert attorney.get(url).context["page"].paths == first.paths
    stale = attorney.post(url, {"action": "answer", "path": "claim.nexus", "answer-1": "1"})
    assert stale.status_code == 302
    # One sitting, one version; the stale answer changed nothing.
    assert CaseRecord.objects.get(pk=empty_record.pk).version == 2
    assert CaseVersion.objects.get(case=empty_record, number=2).answers == len(first.paths)


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
    url = interview_url(record)
    for _ in range(30):
        page = attorney.get(url).context["page"]
        if "claim.grounds" in page.paths:
            break
        attorney.post(url, page_dont_know(page.paths))
    else:
        pytest.skip("the interview did not ask for the grounds")
    number = page.paths.index("claim.grounds") + 1
    others = page_dont_know(page.paths)
    others.pop(f"dont_know-{number}")
    grounds = f"answer-{number}"
    assert attorney.post(url, others).status_code == 422  # nothing chosen
    assert attorney.post(url, {**others, grounds: ["1", "none"]}).status_code == 422
    assert attorney.post(url, {**others, grounds: ["none"]}).status_code == 302
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).claim.grounds == []


@pytest.mark.django_db
def test_the_client_is_interviewed_until_a_finding_is_reviewed(
    empty_record: CaseRecord, attorney: Client
) -> None:
    url = interview_url(empty_record)
    page = attorney.get(f"/cases/{empty_record.id}/interview/")
    assert page.context["audience"] == Audience.CLIENT
    html = page.content.decode()
    assert 'href="?audience=client" aria-current="page">Interview the client</a>' in html
    assert 'href="?audience=attorney">Attorney interview</a>' in html
    attorney_page = attorney.get(f"{url}?audience=attorney")
    assert attorney_page.context["audience"] == Audience.ATTORNEY
    assert 'href="?audience=attorney" aria-current="page"' in attorney_page.content.decode()
    assert attorney.get(f"{url}?audience=judge").context["audience"] == Audience.CLIENT  # no such audience
    reviewed = attorney.post(
        f"/cases/{empty_record.id}/findings/", {"path": "claim.credible", "value": "open"}
    )
    assert reviewed.status_code == 302
    assert attorney.get(url).context["audience"] == Audience.ATTORNEY  # a finding was reviewed
    assert attorney.get(f"{url}?audience=client").context["audience"] == Audience.CLIENT
