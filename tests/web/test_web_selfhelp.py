"""Self-help (/self-help/): the client interview and a plain result for a person without an account, in
every language, with nothing of theirs kept by the server (no row, no session, no log line), answers that
travel signed in the page, refused plainly when altered, and a case file that an organization imports."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from withhold.facts.case import Case
from withhold.language import LANGUAGES
from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord
from withhold.web.selfhelp import state

NAME = "Quillonette"
"""An invented given name, looked for in every log line and row after a session."""

pytestmark = pytest.mark.django_db


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, name
    return found.group(1)


def _paths(html: str) -> list[str]:
    return re.findall(r'name="path" value="([^"]+)"', html)


def _answer_everything(client: Client, html: str, language: str, pages: int = 40) -> str:
    """Answer each page: the given name where asked, "I don't know" to every other question."""
    for _ in range(pages):
        paths = _paths(html)
        if not paths:
            return html
        data: dict[str, Any] = {"action": "answer", "language": language, "state": _hidden(html, "state")}
        data["path"] = paths
        for number, path in enumerate(paths, 1):
            if path == "person.given_name":
                data[f"answer-{number}"] = NAME
            else:
                data[f"dont_know-{number}"] = "1"
        response = client.post("/self-help/", data)
        assert response.status_code == 200, response.content[:500]
        html = response.content.decode()
    raise AssertionError("the interview did not end")


@pytest.fixture
def logged() -> Iterator[list[str]]:
    """Every log record of every logger, at every level, as formatted text (and its arguments)."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage() + repr(record.args) + repr(getattr(record, "request", "")))

    handler = Keep(level=logging.DEBUG)
    root = logging.getLogger()
    old = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield lines
    finally:
        root.removeHandler(handler)
        root.setLevel(old)


def _rows() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_arabic_is_right_to_left_and_every_language_has_its_own_page() -> None:
    client = Client()
    html = client.get("/self-help/?lang=ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    for language in LANGUAGES:
        page = client.get(f"/self-help/?lang={language}").content.decode()
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    french = client.get("/self-help/?lang=fr").content.decode()
    assert "Protection from deportation" not in french  # the page's words are French
    assert "traduire" in french  # and it says a computer helped translate it, in French
    assert "computer helped" not in client.get("/self-help/?lang=en").content.decode()


def test_the_browsers_language_is_taken_when_none_is_chosen() -> None:
    html = Client().get("/self-help/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="pt"' in html
    assert '<html lang="en"' in Client().get("/self-help/", HTTP_ACCEPT_LANGUAGE="de").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_whole_session_in_each_language_keeps_nothing(language: str, logged: list[str]) -> None:
    before = _rows()
    client = Client()
    start = client.post("/self-help/", {"action": "start", "language": language})
    assert start.status_code == 200
    html = _answer_everything(client, start.content.decode(), language)
    assert 'class="must-not-miss"' in html and f'<html lang="{language}"' in html
    summary = client.post(
        "/self-help/", {"action": "download_summary", "language": language, "state": _hidden(html, "state")}
    )
    assert summary["Content-Type"] == "application/pdf"
    assert summary["Content-Disposition"] == 'attachment; filename="withhold-summary.pdf"'
    pages = PdfReader(io.BytesIO(summary.content)).pages
    assert len(pages) >= 2
    # Nothing of the person's on the server: no row anywhere, no session, no log line with the name.
    assert _rows() == before
    assert not any(NAME in line for line in logged)
    assert set(client.cookies) <= {"csrftoken"}


def test_the_language_can_change_at_any_step_without_losing_answers() -> None:
    client = Client()
    html = client.post("/self-help/", {"action": "start", "language": "en"}).content.decode()
    first = _paths(html)
    data: dict[str, Any] = {
        "action": "answer",
        "language": "en",
        "state": _hidden(html, "state"),
        "path": first,
    }
    for number, path in enumerate(first, 1):
        data[f"answer-{number}" if path == "person.given_name" else f"dont_know-{number}"] = (
            NAME if path == "person.given_name" else "1"
        )
    html = client.post("/self-help/", data).content.decode()
    switched = client.post(
        "/self-help/",
        {"action": "language", "to": "ar", "language": "en", "state": _hidden(html, "state"), "at": "page"},
    ).content.decode()
    assert '<html lang="ar" dir="rtl">' in switched
    assert _paths(switched) == _paths(html)  # the same page, now in Arabic
    kept = state.opened(_hidden(switched, "state"))
    assert kept.person.given_name == NAME and kept.interview.language == "ar"


def test_altered_answers_are_refused_plainly() -> None:
    client = Client()
    html = client.post("/self-help/", {"action": "start", "language": "es"}).content.decode()
    sealed = _hidden(html, "state")
    for forged in (sealed[:-4] + "AAAA", "x" * 10, "", "y" * (state.STATE_MAX_CHARS + 1)):
        response = client.post("/self-help/", {"action": "finish", "language": "es", "state": forged})
        assert response.status_code == 400
        text = response.content.decode()
        assert "No pudimos leer sus respuestas" in text and "Traceback" not in text


def test_an_answer_that_contradicts_another_is_asked_again_with_the_reason() -> None:
    case = Case.model_validate({"withhold": "case/1", "entry": {"last_arrival_date": "2020-05-01"}})
    client = Client()
    html = client.post(
        "/self-help/", {"action": "language", "to": "en", "language": "en", "state": state.sealed(case)}
    ).content.decode()
    paths = _paths(html)
    assert "person.date_of_birth" in paths
    data: dict[str, Any] = {
        "action": "answer",
        "language": "en",
        "state": _hidden(html, "state"),
        "path": paths,
    }
    for number, path in enumerate(paths, 1):
        if path == "person.date_of_birth":
            data[f"answer-{number}"] = "2021-01-01"
        else:
            data[f"dont_know-{number}"] = "1"
    again = client.post("/self-help/", data)
    assert again.status_code == 422
    assert "after the date you gave for your last arrival" in again.content.decode()
    assert state.opened(_hidden(again.content.decode(), "state")).person.date_of_birth is None


def test_a_file_to_resume_from_is_validated_and_nothing_is_kept() -> None:
    client = Client()
    before = _rows()
    bad = SimpleUploadedFile("answers.json", b'{"withhold": "case/1", "person": {"a_number": "12"}}')
    response = client.post("/self-help/", {"action": "resume", "language": "en", "file": bad})
    assert response.status_code == 400
    assert "person.a_number" in response.content.decode()
    binary = SimpleUploadedFile("answers.json", b"\xff\xfe\x00garbage")
    assert (
        client.post("/self-help/", {"action": "resume", "language": "en", "file": binary}).status_code == 400
    )
    good = SimpleUploadedFile("answers.json", b'{"withhold": "case/1", "interview": {"language": "fr"}}')
    resumed = client.post("/self-help/", {"action": "resume", "file": good})
    assert resumed.status_code == 200 and '<html lang="fr"' in resumed.content.decode()
    assert _rows() == before


def test_the_answers_file_imports_into_an_organization(attorney: Client, organization: Organization) -> None:
    client = Client()
    html = _answer_everything(
        client, client.post("/self-help/", {"action": "start", "language": "ht"}).content.decode(), "ht"
    )
    download = client.post(
        "/self-help/", {"action": "download_case", "language": "ht", "state": _hidden(html, "state")}
    )
    assert download["Content-Disposition"] == 'attachment; filename="withhold-answers.json"'
    upload = SimpleUploadedFile("withhold-answers.json", download.content)
    assert attorney.post("/cases/import/", {"file": upload}).status_code == 302
    imported = case_of(CaseRecord.objects.get(organization=organization).document)
    assert imported.person.given_name == NAME and imported.interview.language == "ht"


def test_every_page_has_the_way_out_and_no_third_party_asset() -> None:
    client = Client()
    pages = [
        client.get("/self-help/?lang=es").content.decode(),
        client.post("/self-help/", {"action": "start", "language": "es"}).content.decode(),
    ]
    for html in pages:
        assert 'class="leave"' in html
        assert not re.search(r'(src|href)="https?://(?!www\.weather\.gov/)', html)
        assert "<script" not in html


def test_a_browser_posting_its_origin_passes_the_cross_site_check() -> None:
    """A real browser sends its Origin with each form (Chromium sends "null" under no-referrer, which
    the check refuses): the pages ask for same-origin referrers, and a form posted as a browser posts it
    is taken."""
    client = Client(enforce_csrf_checks=True)
    welcome = client.get("/self-help/?lang=es")
    assert welcome["Referrer-Policy"] == "same-origin"
    assert 'content="same-origin"' in welcome.content.decode()
    token = _hidden(welcome.content.decode(), "csrfmiddlewaretoken")
    started = client.post(
        "/self-help/",
        {"action": "start", "language": "es", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert started.status_code == 200 and _paths(started.content.decode())
    refused = client.post(
        "/self-help/", {"action": "start", "language": "es", "csrfmiddlewaretoken": token}, HTTP_ORIGIN="null"
    )
    assert refused.status_code == 403
    assert "No pudimos leer sus respuestas" in refused.content.decode()  # in Spanish, not Django's page


def test_the_pages_speak_to_a_person_without_a_legal_team() -> None:
    """Nothing is saved for a person alone and no legal team explains the answers: the sections open with
    words that hold for them, and the parts counted are theirs (the findings are never a client's part)."""
    html = Client().post("/self-help/", {"action": "start", "language": "en"}).content.decode()
    assert "download your answers file" in html
    assert "your answers are saved" not in html
    assert "Part 1 of 7" in html
