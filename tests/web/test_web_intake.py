"""The client intake link: made from a case by whoever may interview, opened without an account from
another browser, started on one device only, each page of answers saved encrypted into the case as the
client's (one version and one audit entry a sitting), expiring, turned off by the team, and never showing
the client anything of the case nor any result. Everyone here is invented."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from web_answers import EMPTY
from web_people import INVENTED, SECRET_WORDS

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, Actor, AuditEntry
from withhold.web.cases import store
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion, Change
from withhold.web.intake import client as intake_client
from withhold.web.intake import tokens
from withhold.web.intake.models import IntakeLink, IntakeMiss, State
from withhold.web.interviews.texts import TEXTS

WORDS = {
    "welcome": {"en": "Questions from your legal team", "es": "Preguntas de su equipo legal"},
    "thanks": {
        "en": "Thank you. Your legal team will contact you.",
        "es": "Gracias. Su equipo legal se comunicará con usted.",
    },
    "expired": {"en": "This link has expired", "es": "Este enlace ya venció"},
    "revoked": {"en": "This link was turned off", "es": "Este enlace fue desactivado"},
    "in_use": {
        "en": "This link is already in use on another device",
        "es": "Este enlace ya se está usando en otro dispositivo",
    },
    "unknown": {"en": "This link does not work", "es": "Este enlace no funciona"},
}

REPLY: dict[str, dict[str, Any]] = {
    "yes_no": {"answer": "no"},
    "choice": {"answer": "1"},
    "choices": {"answer": ["1"]},
    "date": {"answer": "2024-01-15"},
    "number": {"answer": "0"},
    "count": {"answer": "0"},
    "country": {"answer": "GT"},
}


def make_link(team: Client, record: CaseRecord, language: str = "es", days: int = 7) -> str:
    """Makes a link from the case as ``team``; its path (``/intake/<token>/``), as shown once."""
    response = team.post(f"/cases/{record.id}/intake/new/", {"language": language, "days": days})
    assert response.status_code == 201, response.status_code
    url = str(response.context["url"])
    path = url[url.index("/intake/") :]
    assert re.fullmatch(r"/intake/[A-Za-z0-9_-]{43}/", path), path
    return path


def started(path: str) -> Client:
    """A browser of its own (no login, no session) that opened the link and pressed "Start"."""
    phone = Client()
    assert phone.get(path).status_code == 200
    response = phone.post(path, {"action": "start"})
    assert response.status_code == 302 and response["Location"] == path
    return phone


def page_data(response: Any, **overrides: Any) -> dict[str, Any]:
    """The form data that answers every question of the page shown (names "I don't know")."""
    data: dict[str, Any] = {"action": "answer", "path": list(response.context["page"].paths)}
    for item in response.context["items"]:
        reply = REPLY.get(item.kind)
        if reply is None:
            data[f"dont_know-{item.number}"] = "1"
        else:
            data[f"answer-{item.number}"] = reply["answer"]
    data.update(overrides)
    return data


def answer_page(phone: Client, path: str) -> Any:
    """Answers the page shown; returns the page it showed."""
    shown = phone.get(path)
    assert shown.status_code == 200 and "items" in shown.context, shown.status_code
    response = phone.post(path, page_data(shown))
    assert response.status_code == 302, (response.status_code, response.content[:2000])
    return shown


def link_of(record: CaseRecord) -> IntakeLink:
    return IntakeLink.objects.get(case=record)


def html(response: Any) -> str:
    return str(response.content.decode())


def nothing_of_the_case(response: Any) -> None:
    body = html(response)
    for word in SECRET_WORDS:
        assert word not in body, word
    assert " checked" not in body and " selected" not in body  # no answer shown, not even the client's own


@pytest.fixture
def invented(make_case: Callable[..., CaseRecord], organization: Organization) -> CaseRecord:
    return make_case(organization, INVENTED)


# --- making a link ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ATTORNEY, Role.SCREENER])
def test_whoever_may_interview_makes_a_link_shown_once_and_stored_as_a_digest(
    role: Role, invented: CaseRecord, organization: Organization, client_for: Callable[..., Client]
) -> None:
    team = client_for(organization, role)
    form = team.get(f"/cases/{invented.id}/intake/new/")
    assert form.status_code == 200 and 'name="days"' in html(form) and 'value="7"' in html(form)
    response = team.post(f"/cases/{invented.id}/intake/new/", {"language": "es", "days": "7"})
    assert response.status_code == 201
    url = response.context["url"]
    token = url.rstrip("/").rsplit("/", 1)[-1]
    assert url.startswith("http://testserver/intake/") and url in html(response)
    assert "<svg" in html(response)  # the code to scan
    link = link_of(invented)
    assert link.language == "es" and link.username == f"{role}-{organization.pk}"
    assert link.token_digest == tokens.link_digest(token) and token not in link.token_digest
    assert abs(link.expires_at - (timezone.now() + dt.timedelta(days=7))) < dt.timedelta(minutes=1)
    assert link.state(timezone.now()) is State.NOT_OPENED
    # The token is nowhere in the database: not in the link, the audit log or a session.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # the database's own table names
            assert token not in str(cursor.fetchall()), table
    made = AuditEntry.objects.get(action=Action.INTAKE_CREATED)
    assert made.case_id == invented.id and made.intake_id == link.id and made.actor == Actor.PERSON
    # The case page lists it, without its token.
    page = html(team.get(f"/cases/{invented.id}/"))
    assert "Client intake links" in page and "Not started yet" in page and token not in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.VIEWER, Role.ADMIN])
def test_a_viewer_or_an_administrator_cannot_make_or_turn_off_a_link(
    role: Role,
    invented: CaseRecord,
    organization: Organization,
    client_for: Callable[..., Client],
    attorney: Client,
) -> None:
    path = make_link(attorney, invented)
    link = link_of(invented)
    reader = client_for(organization, role)
    assert reader.get(f"/cases/{invented.id}/intake/new/").status_code == 403
    assert reader.post(f"/cases/{invented.id}/intake/new/", {"language": "en", "days": 7}).status_code == 403
    assert reader.post(f"/cases/{invented.id}/intake/{link.id}/revoke/").status_code == 403
    assert IntakeLink.objects.count() == 1 and link_of(invented).revoked_at is None
    page = html(reader.get(f"/cases/{invented.id}/"))
    assert "Client intake links" in page and "Make the link" not in page and "Turn off" not in page
    assert Client().get(path).status_code == 200  # still works


@pytest.mark.django_db
def test_another_organizations_people_find_nothing(
    invented: CaseRecord,
    other_organization: Organization,
    client_for: Callable[..., Client],
    attorney: Client,
) -> None:
    make_link(attorney, invented)
    link = link_of(invented)
    outsider = client_for(other_organization, Role.ATTORNEY)
    assert outsider.get(f"/cases/{invented.id}/intake/new/").status_code == 404
    assert (
        outsider.post(f"/cases/{invented.id}/intake/new/", {"language": "en", "days": 7}).status_code == 404
    )
    assert outsider.post(f"/cases/{invented.id}/intake/{link.id}/revoke/").status_code == 404
    assert link_of(invented).revoked_at is None and IntakeLink.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("days", ["0", "31", "-3", "seven", "", "9" * 400, "1e3"])
def test_the_days_are_bounded_and_a_wrong_number_is_said(
    days: str, invented: CaseRecord, attorney: Client
) -> None:
    response = attorney.post(f"/cases/{invented.id}/intake/new/", {"language": "es", "days": days})
    assert response.status_code == 422
    assert 'class="error"' in html(response)
    assert not IntakeLink.objects.exists()
    assert (
        attorney.post(f"/cases/{invented.id}/intake/new/", {"language": "xx", "days": 7}).status_code == 422
    )
    assert attorney.post(f"/cases/{invented.id}/intake/new/", {}).status_code == 422
    assert not IntakeLink.objects.exists()


# --- the client's pages ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_opening_the_link_starts_nothing_and_start_binds_it_to_one_device(
    invented: CaseRecord, attorney: Client
) -> None:
    path = make_link(attorney, invented, "es")
    # A messaging app's preview, or the attorney checking the link: only the welcome, nothing taken.
    for _ in range(2):
        welcome = Client().get(path)
        assert welcome.status_code == 200 and WORDS["welcome"]["es"] in html(welcome)
        assert 'lang="es"' in html(welcome) and "Empezar" in html(welcome)
        nothing_of_the_case(welcome)
    assert link_of(invented).device_digest == ""
    phone = Client()
    phone.get(path)
    response = phone.post(path, {"action": "start"})
    assert response.status_code == 302
    cookie = response.cookies[intake_client.COOKIE]
    assert cookie["path"] == path and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert 0 < int(cookie["max-age"]) <= 7 * 86400
    link = link_of(invented)
    assert link.device_digest == tokens.device_digest(cookie.value) and cookie.value not in link.device_digest
    assert link.state(timezone.now()) is State.IN_USE
    started_entry = AuditEntry.objects.get(action=Action.INTAKE_STARTED)
    assert started_entry.actor == Actor.CLIENT_INTAKE and started_entry.user is None
    assert started_entry.username == "" and started_entry.intake_id == link.id
    first = phone.get(path)
    assert first.status_code == 200 and "items" in first.context
    nothing_of_the_case(first)
    # A second device (or the first without its cookie) is refused, plainly, whatever it sends.
    other = Client()
    for response in (
        other.get(path),
        other.post(path, {"action": "start"}),
        other.post(path, page_data(first)),
    ):
        assert response.status_code == 403
        assert WORDS["in_use"]["es"] in html(response) and WORDS["in_use"]["en"] in html(response)
        nothing_of_the_case(response)
        assert "items" not in response.context
    forged = Client()
    forged.cookies[intake_client.COOKIE] = "x" * 43
    assert forged.get(path).status_code == 403
    assert link_of(invented).device_digest == link.device_digest
    assert phone.get(path).status_code == 200  # the first device goes on


@pytest.mark.django_db
def test_a_page_of_answers_is_saved_in_the_case_as_the_clients(
    invented: CaseRecord, attorney: Client, organization: Organization
) -> None:
    path = make_link(attorney, invented, "es")
    phone = started(path)
    shown = answer_page(phone, path)
    answered = list(shown.context["page"].paths)
    record = CaseRecord.objects.get(pk=invented.pk)
    case = case_of(record.document)
    assert case.interview.asked[-len(answered) :] == answered
    assert case.interview.language == "es"
    assert case.person.given_name == "Zephyrine"  # the rest of the case is kept
    version = CaseVersion.objects.get(case=invented, number=record.version)
    assert version.change == Change.INTAKE and version.intake_id == link_of(invented).id
    assert version.created_by is None and version.username == "" and version.answers == len(answered)
    entry = AuditEntry.objects.get(action=Action.INTERVIEWED)
    assert entry.actor == Actor.CLIENT_INTAKE and entry.user is None and entry.username == ""
    assert entry.intake_id == link_of(invented).id and entry.what == f"answers:{len(answered)}"
    assert entry.version == record.version and entry.case_id == invented.id
    for word in SECRET_WORDS:  # never an answer nor a name in the log
        assert not AuditEntry.objects.filter(what__contains=word).exists()
    link = link_of(invented)
    assert link.answers == len(answered) and link.last_answer_at is not None
    # Stored encrypted: the answer's value is not in the table's plain text.
    with connection.cursor() as cursor:
        cursor.execute('SELECT document FROM "cases_caserecord"')
        assert "Zephyrine" not in str(cursor.fetchall())
    # The team sees it: the panel counts the answers, the versions say whose they are.
    page = html(attorney.get(f"/cases/{invented.id}/"))
    assert "In use" in page
    versions = html(attorney.get(f"/cases/{invented.id}/versions/"))
    assert "The client (intake link)" in versions and "Answers from the client intake link" in versions
    log = html(attorney.get("/audit/"))
    assert "The client (intake link)" in log and "started the client intake link" in log
    one = html(attorney.get(f"/cases/{invented.id}/versions/{record.version}/"))
    assert "The client (intake link)" in one


@pytest.mark.django_db
def test_one_sitting_is_one_version_and_one_entry_and_the_team_interleaving_starts_another(
    empty_record: CaseRecord, attorney: Client
) -> None:
    path = make_link(attorney, empty_record, "en")
    phone = started(path)
    counted = 0
    for _ in range(3):
        counted += len(answer_page(phone, path).context["page"].paths)
    record = CaseRecord.objects.get(pk=empty_record.pk)
    assert record.version == 2
    assert CaseVersion.objects.get(case=empty_record, number=2).answers == counted
    entries = AuditEntry.objects.filter(action=Action.INTERVIEWED)
    assert [(e.version, e.what) for e in entries] == [(2, f"answers:{counted}")]
    # The team saves; the client's next answer makes a version of its own, nothing of the team's lost.
    document = dict(record.document)
    document["notes"] = "Invented note from the team"
    store.save(record, case_of(document), None, Change.EDITED)
    answer_page(phone, path)
    record = CaseRecord.objects.get(pk=empty_record.pk)
    assert record.version == 4 and case_of(record.document).notes == "Invented note from the team"
    assert CaseVersion.objects.get(case=empty_record, number=4).change == Change.INTAKE


@pytest.mark.django_db
def test_the_client_goes_to_the_end_and_sees_only_thank_you(invented: CaseRecord, attorney: Client) -> None:
    path = make_link(attorney, invented, "es")
    phone = started(path)
    for _ in range(60):
        shown = phone.get(path)
        nothing_of_the_case(shown)
        body = html(shown)
        for word in ("Elegible", "Eligible", "Impedido", "Barred", "Caso 1", "Case 1"):
            assert word not in body, word
        if "items" not in shown.context:
            break
        assert phone.post(path, page_data(shown)).status_code == 302
    else:
        raise AssertionError("the client interview did not end")
    assert WORDS["thanks"]["es"] in html(shown) and "Ya puede cerrar esta página." in html(shown)
    link = link_of(invented)
    assert link.finished_at is not None and link.state(timezone.now()) is State.FINISHED
    again = phone.get(path)
    assert again.status_code == 200 and WORDS["thanks"]["es"] in html(again)
    # An answer sent after the end saves nothing.
    version = CaseRecord.objects.get(pk=invented.pk).version
    assert (
        phone.post(path, {"action": "answer", "path": "person.nationality", "answer-1": "SV"}).status_code
        == 302
    )
    assert CaseRecord.objects.get(pk=invented.pk).version == version
    assert "Finished" in html(attorney.get(f"/cases/{invented.id}/"))


@pytest.mark.django_db
def test_an_expired_link_says_so_and_shows_nothing(invented: CaseRecord, attorney: Client) -> None:
    path = make_link(attorney, invented, "es")
    phone = started(path)
    IntakeLink.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    for browser in (phone, Client()):
        for response in (browser.get(path), browser.post(path, {"action": "start"})):
            assert response.status_code == 410
            body = html(response)
            assert WORDS["expired"]["es"] in body and WORDS["expired"]["en"] in body
            assert body.index(WORDS["expired"]["es"]) < body.index(
                WORDS["expired"]["en"]
            )  # its language first
            nothing_of_the_case(response)
            assert "<form" not in body
    assert "Expired" in html(attorney.get(f"/cases/{invented.id}/"))


@pytest.mark.django_db
def test_a_turned_off_link_says_so_and_the_answers_stay(invented: CaseRecord, attorney: Client) -> None:
    path = make_link(attorney, invented, "en")
    phone = started(path)
    answer_page(phone, path)
    version = CaseRecord.objects.get(pk=invented.pk).version
    link = link_of(invented)
    response = attorney.post(f"/cases/{invented.id}/intake/{link.id}/revoke/")
    assert response.status_code == 302 and response["Location"].endswith(f"/cases/{invented.id}/#intake")
    assert attorney.get(f"/cases/{invented.id}/intake/{link.id}/revoke/").status_code == 405
    for browser in (phone, Client()):
        response = browser.get(path)
        assert response.status_code == 410
        assert WORDS["revoked"]["en"] in html(response) and WORDS["revoked"]["es"] in html(response)
        nothing_of_the_case(response)
    assert CaseRecord.objects.get(pk=invented.pk).version == version  # the answers stay
    entry = AuditEntry.objects.get(action=Action.INTAKE_REVOKED)
    assert entry.intake_id == link.id and entry.actor == Actor.PERSON and entry.username
    page = html(attorney.get(f"/cases/{invented.id}/"))
    assert "Turned off" in page
    # Turning it off again says so; another case's link is not found from this case.
    again = attorney.post(f"/cases/{invented.id}/intake/{link.id}/revoke/", follow=True)
    assert "That link was already off." in html(again)
    assert attorney.post(f"/cases/{invented.id}/intake/not-a-uuid/revoke/").status_code == 404


@pytest.mark.django_db
def test_a_link_of_another_case_is_not_turned_off_from_this_one(
    invented: CaseRecord, make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    make_link(attorney, invented)
    other = make_case(organization, EMPTY)
    link = link_of(invented)
    assert attorney.post(f"/cases/{other.id}/intake/{link.id}/revoke/").status_code == 404
    assert link_of(invented).revoked_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token",
    ["abc", "x" * 43, "x" * 42 + "!", "A" * 44, "%00" * 20, "..%2F..%2Fetc", "é" * 43, "a" * 3000],
)
def test_a_malformed_or_unknown_link_says_so_never_a_500(
    token: str, invented: CaseRecord, attorney: Client
) -> None:
    make_link(attorney, invented)
    for response in (
        Client().get(f"/intake/{token}/"),
        Client().post(f"/intake/{token}/", {"action": "start"}),
    ):
        assert response.status_code == 404, token
        assert WORDS["unknown"]["en"] in html(response) and WORDS["unknown"]["es"] in html(response)
        nothing_of_the_case(response)
    assert link_of(invented).device_digest == ""


@pytest.mark.django_db
def test_guessing_links_is_locked_out_like_logins(
    invented: CaseRecord, attorney: Client, settings: Any
) -> None:
    settings.WITHHOLD_INTAKE_MISS_LIMIT = 5
    path = make_link(attorney, invented)
    guesser = Client()
    for _ in range(5):
        assert guesser.get(f"/intake/{'y' * 43}/").status_code == 404
    locked = guesser.get(path)  # even a real link, from this address, for a while
    assert (
        locked.status_code == 429
        and "Too many tries" in html(locked)
        and "Demasiados intentos" in html(locked)
    )
    assert Client(REMOTE_ADDR="192.0.2.7").get(path).status_code == 200  # another address is not
    IntakeMiss.objects.update(at=timezone.now() - dt.timedelta(minutes=31))
    assert guesser.get(path).status_code == 200
    guesser.get(f"/intake/{'z' * 43}/")
    assert IntakeMiss.objects.count() == 1  # the old misses are gone


@pytest.mark.django_db
def test_hostile_answers_are_refused_with_a_reason_never_a_500(
    invented: CaseRecord, attorney: Client
) -> None:
    path = make_link(attorney, invented, "en")
    phone = started(path)
    shown = phone.get(path)
    paths = list(shown.context["page"].paths)
    before = CaseRecord.objects.get(pk=invented.pk).version
    hostile: list[dict[str, Any]] = [
        {"action": "answer", "path": paths},  # nothing answered
        {"action": "answer", "path": paths, "answer-1": "x" * 100_000},
        {"action": "answer", "path": paths, "answer-1": ["1"] * 500},
        {"action": "answer", "path": paths, "answer-1": "Atlantis"},
        {"action": "answer", "path": paths, "answer-1": "\x00"},
        {"action": "answer", "path": paths, "answer-1": "9999-99-99"},
    ]
    for data in hostile:
        response = phone.post(path, data)
        assert response.status_code == 422, data
        assert 'class="error"' in html(response) and "your attention" in html(response)
        nothing_of_the_case(response) if "x" * 10 not in str(data) else None
    assert CaseRecord.objects.get(pk=invented.pk).version == before  # nothing saved
    # Another page's questions, none at all, or a made-up one: the page to answer now, nothing saved.
    for wrong in (
        {"action": "answer"},
        {"action": "answer", "path": ["claim.nexus"]},
        {"action": "answer", "path": ["x" * 5000] * 50},
    ):
        response = phone.post(path, wrong)
        assert response.status_code == 200 and "items" in response.context
        assert "Your legal team just changed something" in html(response)
    for odd in ({"action": "dance"}, {}, {"action": "language", "language": "fr"}):
        assert phone.post(path, odd).status_code == 302
    assert CaseRecord.objects.get(pk=invented.pk).version == before
    assert phone.put(path).status_code == 405 and phone.delete(path).status_code == 405
    assert phone.head(path).status_code == 200


@pytest.mark.django_db
def test_a_page_planned_before_the_team_saved_is_planned_again(
    empty_record: CaseRecord, attorney: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The team answers the very question the client's page shows: the client's answer is not written over
    the team's; the client is shown the questions to answer now."""
    path = make_link(attorney, empty_record, "en")
    phone = started(path)
    shown = phone.get(path)
    record = CaseRecord.objects.get(pk=empty_record.pk)
    first = shown.context["page"].paths[0]
    from withhold.interview.answers import answered_dont_know

    store.save(record, answered_dont_know(case_of(record.document), first), None, Change.EDITED)
    response = phone.post(path, page_data(shown))
    assert response.status_code == 200 and "Your legal team just changed something" in html(response)
    assert tuple(response.context["page"].paths) != tuple(shown.context["page"].paths)
    assert case_of(CaseRecord.objects.get(pk=empty_record.pk).document).interview.dont_know == [first]


@pytest.mark.django_db
def test_a_save_that_meets_a_team_save_plans_again_and_keeps_both(
    empty_record: CaseRecord, attorney: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the client's page being read and saved, the team saves something else: the save is refused
    (its stamp is old), planned again from the team's version, and then saved over it."""
    path = make_link(attorney, empty_record, "en")
    phone = started(path)
    shown = phone.get(path)
    real_save = store.save
    calls: list[int] = []

    def team_saves_first(record: CaseRecord, case: Any, *args: Any, **kwargs: Any) -> Any:
        if not calls:
            current = CaseRecord.objects.get(pk=record.pk)
            document = dict(current.document)
            document["notes"] = "Invented note from the team"
            real_save(current, case_of(document), None, Change.EDITED)
        calls.append(1)
        return real_save(record, case, *args, **kwargs)

    monkeypatch.setattr(store, "save", team_saves_first)
    assert phone.post(path, page_data(shown)).status_code == 302
    assert len(calls) == 2  # refused once (stale), then saved
    record = CaseRecord.objects.get(pk=empty_record.pk)
    case = case_of(record.document)
    assert case.notes == "Invented note from the team"
    assert set(shown.context["page"].paths) <= set(case.interview.asked or [])
    assert record.version == 3


@pytest.mark.django_db
def test_the_client_switches_the_language(invented: CaseRecord, attorney: Client) -> None:
    path = make_link(attorney, invented, "en")
    visitor = Client()
    assert "Start" in html(visitor.get(path))
    assert visitor.post(path, {"action": "language", "language": "es"}).status_code == 302
    assert "Empezar" in html(visitor.get(path)) and link_of(invented).language == "es"
    phone = started(path)
    page = phone.get(path)
    assert 'lang="es"' in html(page) and "Guardar y seguir" in html(page)
    phone.post(path, {"action": "language", "language": "en"})
    page = phone.get(path)
    assert 'lang="en"' in html(page) and "Save and continue" in html(page)
    assert "English" in html(attorney.get(f"/cases/{invented.id}/"))


@pytest.mark.django_db
def test_a_link_in_arabic_reads_right_to_left_in_arabic(
    invented: CaseRecord, attorney: Client, immediate_tasks: None
) -> None:
    """The client-facing parts speak every language Withhold speaks: a link made in Arabic opens right to
    left, with the interview's own buttons in Arabic, and the team sees the link's language by its name."""
    path = make_link(attorney, invented, "ar")
    phone = started(path)
    page = html(phone.get(path))
    assert '<html lang="ar" dir="rtl">' in page
    assert TEXTS["next"].get("ar") in page and TEXTS["next"].get("ar") != TEXTS["next"].en
    case_page = html(attorney.get(f"/cases/{invented.id}/"))
    assert "العربية" in case_page and f"/cases/{invented.id}/report/client/ar.pdf" in case_page
    report = attorney.get(f"/cases/{invented.id}/report/client/ar.pdf")
    assert report.status_code == 200 and report["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_the_client_pages_have_none_of_the_team_application(invented: CaseRecord, attorney: Client) -> None:
    path = make_link(attorney, invented, "es")
    # Even on the attorney's own browser, logged in: no menu, no log out, no link into the application.
    for response in (attorney.get(path), started(path).get(path), Client().get("/intake/nothing/")):
        body = html(response)
        assert "/cases/" not in body and "/accounts/" not in body and "/audit/" not in body
        assert "Docket" not in body and "Log out" not in body and "Cerrar sesión" not in body
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/intake/", "/intake/a/b/", "/intake/abc/def", "/intake/..%2F..%2Fetc/"])
def test_anything_else_under_intake_is_the_clients_own_not_found(path: str) -> None:
    response = Client().get(path, follow=True)
    assert response.status_code == 404
    assert WORDS["unknown"]["en"] in html(response) and "/cases/" not in html(response)


def test_a_links_token_never_reaches_a_log() -> None:
    from withhold.web.confidential import redact

    token = "A" * 43
    assert redact(f'"GET /intake/{token}/ HTTP/1.1" 200') == '"GET /intake/[token] HTTP/1.1" 200'
    assert redact(f"Gone: /intake/{token}/") == "Gone: /intake/[token]"


@pytest.mark.django_db
def test_a_form_refused_by_the_cross_site_check_is_said_in_the_clients_words(
    invented: CaseRecord, attorney: Client
) -> None:
    path = make_link(attorney, invented, "es")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(path, {"action": "start"})
    assert response.status_code == 403
    assert "No se pudo enviar esta página" in html(response) and "This page could not be sent" in html(
        response
    )
    assert html(response).index("No se pudo") < html(response).index("This page could not")
    nothing_of_the_case(response)
    assert link_of(invented).device_digest == ""
    # A page that gives its token starts the link as ever.
    welcome = strict.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html(welcome))
    assert token is not None
    assert strict.post(path, {"action": "start", "csrfmiddlewaretoken": token.group(1)}).status_code == 302


@pytest.mark.django_db
def test_i_dont_know_is_an_option_of_its_own(empty_record: CaseRecord, attorney: Client) -> None:
    path = make_link(attorney, empty_record, "en")
    phone = started(path)
    for _ in range(30):  # to the first page with a yes or no question
        shown = phone.get(path)
        asked = [item for item in shown.context["items"] if item.kind == "yes_no"]
        if asked:
            break
        assert phone.post(path, page_data(shown)).status_code == 302
    else:
        raise AssertionError("no yes or no question came")
    item = asked[0]
    assert 'value="dont_know"' in html(shown)
    both = phone.post(path, page_data(shown, **{f"answer-{item.number}": ["no", "dont_know"]}))
    assert both.status_code == 422 and 'value="dont_know" checked' in html(both)
    assert phone.post(path, page_data(shown, **{f"answer-{item.number}": "dont_know"})).status_code == 302
    case = case_of(CaseRecord.objects.get(pk=empty_record.pk).document)
    assert item.path in (case.interview.dont_know or [])


@pytest.mark.django_db
def test_skip_for_now_keeps_what_fits_and_leaves_the_rest(empty_record: CaseRecord, attorney: Client) -> None:
    path = make_link(attorney, empty_record, "es")
    phone = started(path)
    shown = phone.get(path)
    assert "Saltar por ahora" in html(shown)
    paths = list(shown.context["page"].paths)
    response = phone.post(path, {"action": "skip", "path": paths})  # nothing answered: never an error
    assert response.status_code == 302
    case = case_of(CaseRecord.objects.get(pk=empty_record.pk).document)
    assert set(paths) <= set(case.interview.skipped or [])
    assert tuple(phone.get(path).context["page"].paths) != tuple(paths)  # not asked again now


def story_case() -> dict[str, Any]:
    """An invented client's case answered (by the core, as the interview would) up to the first page that
    asks for an account in the client's own words."""
    from withhold.facts.loading import validate_case
    from withhold.interview.answers import answered as core_answered
    from withhold.interview.answers import answered_dont_know, document_of
    from withhold.interview.bank import question_for
    from withhold.interview.pages import Audience, next_page
    from withhold.interview.typed_answer import Answer, parse_answer
    from withhold.web.interviews.page_form import long_text

    typed = {
        "yes_no": "no",
        "choice": "1",
        "choices": "1",
        "date": "2024-01-15",
        "count": "1",
        "country": "SV",
    }
    case = validate_case(EMPTY)
    for _ in range(40):
        page = next_page(case, dt.date(2026, 11, 23), Audience.CLIENT)
        assert page is not None, "no page asked for an account in the client's words"
        if any(question_for(p).kind == "text" and long_text(question_for(p).path) for p in page.paths):
            return document_of(case)
        for p in page.paths:
            question = question_for(p)
            reply = (
                parse_answer(typed.get(question.kind, "0"), question, "es")
                if question.kind in typed
                else None
            )
            case = (
                core_answered(case, p, reply.value, language="es")
                if isinstance(reply, Answer)
                else answered_dont_know(case, p, language="es")
            )
    raise AssertionError("no page asked for an account in the client's words")


@pytest.mark.django_db
def test_an_account_in_the_clients_words_is_taken_whole_and_bounded(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, story_case())
    path = make_link(attorney, record, "es")
    phone = started(path)
    shown = phone.get(path)
    long_items = [item for item in shown.context["items"] if item.long]
    assert long_items and "<textarea" in html(shown)
    item = long_items[0]
    story = "Inventada. " * 500  # 5,500 characters
    data = page_data(shown, **{f"answer-{item.number}": story})
    data.pop(f"dont_know-{item.number}", None)
    assert phone.post(path, data).status_code == 302
    case = case_of(CaseRecord.objects.get(pk=record.pk).document)
    assert item.path in (case.interview.asked or []) and item.path not in (case.interview.dont_know or [])
    # Too long for anything a case holds: said, nothing saved.
    version = CaseRecord.objects.get(pk=record.pk).version
    shown = phone.get(path)
    fields = {f"answer-{i.number}": "x" * 25_000 for i in shown.context["items"] if i.kind == "text"}
    if fields:
        response = phone.post(path, page_data(shown, **fields))
        assert response.status_code == 422 and 'class="error"' in html(response)
        assert CaseRecord.objects.get(pk=record.pk).version == version


@pytest.mark.django_db
def test_a_date_in_the_future_is_asked_again_with_the_reason(
    empty_record: CaseRecord, attorney: Client
) -> None:
    path = make_link(attorney, empty_record, "en")
    phone = started(path)
    for _ in range(30):  # to the first page with a date of the past (an arrival, a birth)
        shown = phone.get(path)
        dated = [item for item in shown.context["items"] if item.kind == "date" and "arrival" in item.path]
        if dated:
            break
        assert phone.post(path, page_data(shown)).status_code == 302
    else:
        pytest.skip("no arrival date was asked of this client")
    version = CaseRecord.objects.get(pk=empty_record.pk).version
    future = (timezone.localdate() + dt.timedelta(days=400)).isoformat()
    response = phone.post(path, page_data(shown, **{f"answer-{dated[0].number}": future}))
    assert response.status_code == 422
    assert CaseRecord.objects.get(pk=empty_record.pk).version == version
    assert dated[0].path not in (
        case_of(CaseRecord.objects.get(pk=empty_record.pk).document).interview.asked or []
    )


@pytest.mark.django_db
def test_the_client_is_not_promised_a_way_back_to_what_they_skipped(
    empty_record: CaseRecord, attorney: Client
) -> None:
    path = make_link(attorney, empty_record, "es")
    body = html(started(path).get(path))
    assert (
        "deja el resto para más tarde, con su equipo legal" in body
        and "Puede volver a ello al final" not in body
    )
