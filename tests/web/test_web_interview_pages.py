"""Pages of several questions in the browser: "I don't know" per question, an answer that does not fit (the
page again, 422, the message by that question and everything typed kept, nothing saved), "Skip for now"
(different from "I don't know": what was answered is kept, the rest is asked again when the person comes
back to it), back a whole page, and a result that never says a final word where the core's status is not
final. Invented people only."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from web_answers import EMPTY, interview_url, page_answers, page_dont_know

from withhold.interview.bank import question_for
from withhold.interview.pages import Page
from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion

HEARING = {
    **EMPTY,
    "person": {"given_name": "Odalys", "nationality": "HN"},
    "proceedings": {"kind": "removal", "hearings": [{}]},
}
"""A case in court with one hearing whose kind and date are not known: its page asks both together."""


def stored(record: CaseRecord) -> Any:
    return case_of(CaseRecord.objects.get(pk=record.pk).document)


def to_a_page_of_several(client: Client, record: CaseRecord) -> Page:
    """Answers page by page (web_answers) until the page of the hearing's questions; returns it."""
    url = interview_url(record)
    for _ in range(40):
        page = client.get(url).context["page"]
        if "proceedings.hearings[0].kind" in page.paths:
            return page  # type: ignore[no-any-return]
        client.post(url, page_answers(page.paths))
    raise AssertionError("the hearing's page was not shown")


@pytest.fixture
def hearing_record(make_case: Callable[..., CaseRecord], organization: Organization) -> CaseRecord:
    return make_case(organization, HEARING)


@pytest.mark.django_db
def test_a_page_asks_a_hearings_questions_together_each_with_its_own_dont_know(
    hearing_record: CaseRecord, attorney: Client
) -> None:
    page = to_a_page_of_several(attorney, hearing_record)
    assert page.paths == ("proceedings.hearings[0].kind", "proceedings.hearings[0].date")
    shown = attorney.get(interview_url(hearing_record))
    html = shown.content.decode()
    assert html.count('<fieldset class="item') == 2
    assert html.count("I don&#x27;t know") == 2  # one per question
    assert 'name="answer-1" id="q1-dont-know" value="dont_know"' in html  # a choice: one more option
    assert 'name="dont_know-2" id="q2-dont-know"' in html  # a date: a box of its own
    assert "Skip for now" in html
    assert "proceedings." not in re.sub(r'<input type="hidden"[^>]*>', "", html)  # no path on screen
    before = len(stored(hearing_record).interview.asked)
    answered = attorney.post(
        interview_url(hearing_record),
        {"action": "answer", "path": list(page.paths), "answer-1": "1", "dont_know-2": "1"},
    )
    assert answered.status_code == 302
    case = stored(hearing_record)
    assert case.proceedings.hearings[0].kind == next(iter(question_for(page.paths[0]).choices))
    assert case.proceedings.hearings[0].date is None
    assert case.interview.asked[before:] == list(page.paths)
    assert case.interview.dont_know[-1:] == [page.paths[1]]
    assert CaseVersion.objects.get(case=hearing_record, number=2).answers == before + 2


@pytest.mark.django_db
def test_a_wrong_answer_on_a_page_is_shown_by_its_question_and_the_others_are_kept(
    hearing_record: CaseRecord, attorney: Client
) -> None:
    page = to_a_page_of_several(attorney, hearing_record)
    url = interview_url(hearing_record)
    before = stored(hearing_record)
    wrong = attorney.post(
        url, {"action": "answer", "path": list(page.paths), "answer-1": "2", "answer-2": "31/02/2027"}
    )
    assert wrong.status_code == 422
    html = wrong.content.decode()
    assert 'id="q2-error"' in html and 'id="q1-error"' not in html
    assert question_for(page.paths[1]).invalid.en in html
    assert re.search(r'id="q1-2" value="2" checked', html)  # the choice made is still chosen
    assert 'value="31/02/2027"' in html  # and what was typed is still there, to correct
    assert 'aria-describedby="q2-error"' in html and 'role="alert"' in html
    assert stored(hearing_record) == before  # nothing of the page was saved
    both = attorney.post(
        url,
        {
            "action": "answer",
            "path": list(page.paths),
            "answer-1": "2",
            "answer-2": "2027-01-15",
            "dont_know-2": "1",
        },
    )
    assert both.status_code == 422
    assert "please keep only one" in both.content.decode()
    fixed = attorney.post(
        url, {"action": "answer", "path": list(page.paths), "answer-1": "2", "answer-2": "2027-01-15"}
    )
    assert fixed.status_code == 302
    assert str(stored(hearing_record).proceedings.hearings[0].date) == "2027-01-15"


@pytest.mark.django_db
def test_an_answer_the_case_file_refuses_is_shown_like_a_wrong_one(
    hearing_record: CaseRecord, attorney: Client
) -> None:
    page = to_a_page_of_several(attorney, hearing_record)
    url = interview_url(hearing_record)
    before = stored(hearing_record)
    refused = attorney.post(
        url, {"action": "answer", "path": list(page.paths), "answer-1": "1", "answer-2": "0001-01-01"}
    )
    assert refused.status_code == 422
    assert 'id="q2-error"' in refused.content.decode()
    assert stored(hearing_record) == before


@pytest.mark.django_db
def test_skip_for_now_keeps_what_was_answered_and_the_rest_comes_back_at_the_end(
    hearing_record: CaseRecord, attorney: Client
) -> None:
    page = to_a_page_of_several(attorney, hearing_record)
    url = interview_url(hearing_record)
    skipped = attorney.post(
        url, {"action": "skip", "path": list(page.paths), "answer-1": "1", "answer-2": "soon"}
    )
    assert skipped.status_code == 302
    case = stored(hearing_record)
    assert case.proceedings.hearings[0].kind is not None  # answered: kept
    assert case.interview.skipped == [page.paths[1]]  # not answered (nor answerable): skipped for now
    assert page.paths[1] not in (case.interview.dont_know or [])  # skipped is not "I don't know"
    seen: list[tuple[str, ...]] = []
    for _ in range(60):  # to the end, skipping every page
        shown = attorney.get(url)
        if "page" not in shown.context:
            break
        seen.append(shown.context["page"].paths)
        assert (
            attorney.post(url, {"action": "skip", "path": list(shown.context["page"].paths)}).status_code
            == 302
        )
    else:
        raise AssertionError("the interview did not end")
    assert all(page.paths[1] not in paths for paths in seen)  # not asked again meanwhile
    result = attorney.get(url)
    html = result.content.decode()
    count = len(stored(hearing_record).interview.skipped)
    assert f"You skipped {count} questions for now." in html
    assert 'value="come_back"' in html and "Answer the questions you skipped" in html
    assert attorney.post(url, {"action": "come_back", "audience": "client"}).status_code == 302
    case = stored(hearing_record)
    assert case.interview.skipped == []
    assert page.paths[1] in (case.interview.asked or [])
    again = attorney.get(url).context["page"]
    assert again.paths == (page.paths[1],)  # the hearing's date, asked again first
    audit = CaseVersion.objects.get(case=hearing_record, number=2)
    assert audit.answers >= 1  # the answer counted; the skips did not
    assert audit.answers < len(case.interview.asked)


@pytest.mark.django_db
def test_back_undoes_a_whole_page(hearing_record: CaseRecord, attorney: Client) -> None:
    page = to_a_page_of_several(attorney, hearing_record)
    url = interview_url(hearing_record)
    attorney.post(url, page_answers(page.paths))
    assert stored(hearing_record).proceedings.hearings[0].kind is not None
    attorney.post(url, {"action": "back", "audience": "client"})
    case = stored(hearing_record)
    assert case.proceedings.hearings[0].kind is None and case.proceedings.hearings[0].date is None
    assert not set(page.paths) & set(case.interview.asked or [])
    assert attorney.get(url).context["page"].paths == page.paths


@pytest.mark.django_db
def test_a_section_opens_with_its_introduction(empty_record: CaseRecord, attorney: Client) -> None:
    first = attorney.get(interview_url(empty_record))
    assert first.context["section_title"] == "About you"
    assert "We start with a few questions about who you are." in first.content.decode()
    attorney.post(interview_url(empty_record), page_dont_know(first.context["page"].paths))
    second = attorney.get(interview_url(empty_record))
    if second.context["page"].first_of_section:
        assert second.context["section_intro"]
    attorney.post(interview_url(empty_record), page_dont_know(second.context["page"].paths))
    later = attorney.get(interview_url(empty_record))
    if not later.context["page"].first_of_section:
        assert later.context["section_intro"] == ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_result_never_says_a_final_word_for_a_status_that_is_not_final(
    language: str, empty_record: CaseRecord, attorney: Client
) -> None:
    url = interview_url(empty_record)
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    for _ in range(60):
        shown = attorney.get(url)
        if "page" not in shown.context:
            break
        attorney.post(url, page_dont_know(shown.context["page"].paths))
    html = attorney.get(url).content.decode()
    result = html[html.index('<ul class="result">') : html.index('<div class="buttons">')]
    cannot, eligible = {
        "en": ("Cannot say yet", "Eligible"),
        "es": ("Todavía no se puede decir", "Elegible"),
    }[language]
    assert result.count(cannot) == 4  # the country and the kind of case are unknown: nothing is final
    assert eligible not in result and "Not eligible" not in result and "Barred" not in result
    assert {"en": "which country", "es": "a qué país"}[language] in result
    case_page = attorney.get(f"/cases/{empty_record.id}/").content.decode()
    cards = case_page[case_page.index('id="protections"') : case_page.index('id="next"')]
    assert cards.count(cannot) == 4 and f">{eligible}<" not in cards


@pytest.mark.django_db
def test_a_status_that_waits_for_the_attorney_says_so_and_links_to_the_review(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(
        organization,
        {
            **EMPTY,
            "proceedings": {"kind": "removal", "hearings": []},
            "claim": {"country": "HN", "grounds": ["political_opinion"], "persecutor": "government"},
        },
    )
    url = interview_url(record)
    for _ in range(60):
        shown = attorney.get(url)
        if "page" not in shown.context:
            break
        attorney.post(url, page_answers(shown.context["page"].paths))
    html = attorney.get(url).content.decode()
    result = html[html.index('<ul class="result">') : html.index('<div class="buttons">')]
    assert "Needs your assessment" in result and "Cannot say yet" not in result
    assert ">Eligible<" not in result
    assert "Before this is final, the attorney assesses" in result
    assert f'href="/cases/{record.id}/findings/">Review the findings</a>' in html
    case_page = attorney.get(f"/cases/{record.id}/").content.decode()
    assert "Needs your assessment" in case_page
    assert f'href="/cases/{record.id}/findings/"' in case_page


HOSTILE: list[dict[str, Any]] = [
    {},
    {"action": "answer"},
    {"action": "skip"},
    {"action": "rm -rf", "path": "person.nationality"},
    {"action": "answer", "path": ["person.nationality", "person.nationality"]},
    {"action": "answer", "path": "withhold", "answer-1": "case/2"},
    {"action": "answer", "path": "interview.asked", "answer-1": "x"},
    {"action": "answer", "path": "convictions[9999].final", "answer-1": "yes"},
    {"action": "answer", "path": "x" * 5000},
    {"action": "answer", "path": "person.nationality", "answer-1": "9" * 200_000},
    {"action": "answer", "path": "person.nationality", "answer-1": ["HN"] * 900},
    {"action": "answer", "path": "person.nationality", "answer-1": ["HN"] * 5000},  # too many fields: 400
    {"action": "answer", "path": "person.nationality", "answer-1": "\x00"},
    {"action": "skip", "path": "person.nationality", "answer-1": "Z" * 100_000, "dont_know-1": "1"},
    {"action": "back", "audience": "<script>"},
    {"action": "come_back", "audience": "attorney"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
def test_no_hostile_reply_is_a_server_error_or_loses_saved_answers(
    data: dict[str, Any], make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, {**EMPTY, "notes": "Invented notes kept", "claim": {"country": "SV"}})
    url = interview_url(record)
    for audience in ("", "?audience=attorney", "?audience=%00", "?audience=" + "a" * 3000):
        response = attorney.post(f"/cases/{record.id}/interview/{audience}", data)
        assert response.status_code in (200, 302, 400, 422), (data, response.status_code)
        case = stored(record)
        assert case.notes == "Invented notes kept" and case.claim.country == "SV"
    assert attorney.get(url).status_code == 200


@pytest.mark.django_db
def test_a_count_of_a_million_digits_is_refused_unread(hearing_record: CaseRecord, attorney: Client) -> None:
    url = interview_url(hearing_record)
    for _ in range(40):
        page = attorney.get(url).context["page"]
        if question_for(page.paths[0]).kind == "count":
            break
        attorney.post(url, page_dont_know(page.paths))
    else:
        pytest.skip("no count question was asked")
    huge = attorney.post(url, {"action": "answer", "path": list(page.paths), "answer-1": "9" * 1_000_000})
    assert huge.status_code == 422
    assert huge.context["items"][0].error == question_for(page.paths[0]).invalid.en


def test_every_word_the_interview_templates_show_is_in_the_catalog() -> None:
    """A template's ``t.key`` missing from the interview's texts would show nothing at all (a button with
    no words): each one is there, in both languages."""
    from pathlib import Path

    from withhold.web.interviews.texts import TEXTS

    folder = Path(__file__).resolve().parents[2] / "src/withhold/web/interviews/templates/interviews"
    used = {key for page in folder.glob("*.html") for key in re.findall(r"\bt\.(\w+)", page.read_text())}
    assert used, "no template uses the interview's words"
    assert not used - TEXTS.keys(), sorted(used - TEXTS.keys())
    assert all(TEXTS[key].en and TEXTS[key].es for key in used if key != "in_english")
