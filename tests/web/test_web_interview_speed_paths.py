"""The two ways an interview answer comes back: a plain form gets post/redirect/get, an htmx request gets the
next question's page in the same response. Both save the same versions, write the same audit entries and
show the same questions; the answer and its audit entry are written together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from web_answers import EMPTY, interview_url, page_answers, page_dont_know

from withhold.web.accounts.models import Organization
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.audit.record import record as audit
from withhold.web.cases import store
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion, Change

HTMX = {"HTTP_HX_REQUEST": "true"}


def run(client: Client, record: CaseRecord, htmx: bool, steps: int = 12) -> list[str]:
    """Answer up to ``steps`` pages one way; return the paths asked, then "result" if it was reached."""
    url = interview_url(record)
    page = client.get(url)
    shown: list[str] = []
    for _ in range(steps):
        assert page.status_code == 200
        if "page" not in page.context:
            assert page.templates[0].name == "interviews/result.html"
            return [*shown, "result"]
        paths = page.context["page"].paths
        shown.extend(paths)
        data = page_answers(paths)
        if htmx:
            page = client.post(url, data, **HTMX)  # type: ignore[arg-type]
            assert page.status_code == 200, (paths, page.status_code)
        else:
            answered = client.post(url, data)
            assert answered.status_code == 302, (paths, answered.status_code)
            assert answered["Location"] == interview_url(record, "client")
            page = client.get(url)
    return shown


def versions(record: CaseRecord) -> list[tuple[int, dict[str, Any], str]]:
    found = CaseVersion.objects.filter(case=record).order_by("number")
    return [(v.number, v.document, v.change) for v in found]


def audited(record: CaseRecord) -> list[tuple[str, int | None, str]]:
    found = AuditEntry.objects.filter(case_id=record.id, action=Action.INTERVIEWED).order_by("id")
    return [(entry.action, entry.version, entry.what) for entry in found]


@pytest.mark.django_db
@pytest.mark.parametrize("steps", [3, 40])
def test_htmx_and_redirect_save_the_same_versions(
    steps: int, make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    plain, boosted = make_case(organization, EMPTY), make_case(organization, EMPTY)
    asked_plain = run(attorney, plain, htmx=False, steps=steps)
    asked_htmx = run(attorney, boosted, htmx=True, steps=steps)
    assert asked_htmx == asked_plain
    assert len(asked_plain) >= 3
    if steps == 40:
        assert asked_plain[-1] == "result"  # the htmx reply to the last answer is the result page
    assert versions(boosted) == versions(plain)
    assert audited(boosted) == audited(plain)
    answers = len([path for path in asked_plain if path != "result"])
    assert audited(plain) == [(Action.INTERVIEWED, 2, f"answers:{answers}")]  # one sitting, one entry
    assert CaseRecord.objects.get(pk=boosted.pk).version == 2


@pytest.mark.django_db
def test_htmx_reply_is_the_page_the_redirect_leads_to(empty_record: CaseRecord, attorney: Client) -> None:
    url = interview_url(empty_record)
    first = attorney.get(url).context["page"]
    reply = attorney.post(url, page_dont_know(first.paths), **HTMX)  # type: ignore[arg-type]
    assert reply.status_code == 200
    assert reply.templates[0].name == "interviews/page.html"
    reloaded = attorney.get(url)
    assert reply.context["page"] == reloaded.context["page"]
    assert reply.context["page"].paths != first.paths
    assert reply.context["record"].version == reloaded.context["record"].version == 2
    assert reply.content.decode().count('name="path"') == len(reloaded.context["page"].paths)
    assert f'value="{reloaded.context["page"].paths[0]}"' in reply.content.decode()


@pytest.mark.django_db
def test_htmx_wrong_back_and_stale_answers_behave_as_without_it(
    empty_record: CaseRecord, attorney: Client
) -> None:
    url = interview_url(empty_record)
    first = attorney.get(url).context["page"].paths
    nothing = attorney.post(url, {"action": "answer", "path": list(first)}, **HTMX)  # type: ignore[arg-type]
    assert nothing.status_code == 422
    assert b'role="alert"' in nothing.content
    assert CaseRecord.objects.get(pk=empty_record.pk).version == 1
    attorney.post(url, page_dont_know(first), **HTMX)  # type: ignore[arg-type]
    back = attorney.post(url, {"action": "back"}, **HTMX)  # type: ignore[arg-type]
    assert back.status_code == 302  # htmx follows a redirect by itself
    assert attorney.get(url).context["page"].paths == first
    stale = {"action": "answer", "path": "claim.nexus", "answer-1": "1"}
    assert attorney.post(url, stale, **HTMX).status_code == 302  # type: ignore[arg-type]
    assert CaseRecord.objects.get(pk=empty_record.pk).version == 2  # the stale answer changed nothing
    # back is not an answer
    assert audited(empty_record) == [(Action.INTERVIEWED, 2, f"answers:{len(first)}")]


@pytest.mark.django_db
def test_an_answer_and_its_audit_entry_are_written_together(
    empty_record: CaseRecord,
    attorney: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = interview_url(empty_record)
    first = attorney.get(url).context["page"].paths

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr("withhold.web.interviews.views.audit", broken)
    attorney.raise_request_exception = False
    failed = attorney.post(url, page_dont_know(first))
    assert failed.status_code == 500
    assert CaseRecord.objects.get(pk=empty_record.pk).version == 1  # no version without its audit entry
    assert CaseVersion.objects.filter(case=empty_record).count() == 1
    monkeypatch.undo()
    assert attorney.post(url, page_dont_know(first)).status_code == 302
    assert audited(empty_record) == [(Action.INTERVIEWED, 2, f"answers:{len(first)}")]


@pytest.mark.django_db
def test_an_unchanged_save_is_still_audited_once(empty_record: CaseRecord, rf: RequestFactory) -> None:
    """Nothing changed: no new version, but the audit entry ``then`` writes (as the interview's does) is."""
    request = rf.post("/")
    request.user = AnonymousUser()
    seen: list[int] = []

    def then(saved: CaseRecord) -> None:
        seen.append(saved.version)
        audit(request, empty_record.organization, Action.INTERVIEWED, saved.id, version=saved.version)

    same = store.save(empty_record, case_of(empty_record.document), None, Change.INTERVIEW, then=then)
    assert same.version == 1 and seen == [1]
    assert CaseVersion.objects.filter(case=empty_record).count() == 1
    assert audited(empty_record) == [(Action.INTERVIEWED, 1, "")]
