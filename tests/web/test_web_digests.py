"""The daily reminders, sent through real SMTP to a mailbox started in the test (aiosmtpd): the right
person, case numbers and links, the missed and the upcoming, never a name or a fact; nobody is sent two
the same day; a dry run sends nothing; the queue runs them once a day and restarts do not pile them up."""

from __future__ import annotations

import copy
import datetime as dt
import email
import email.policy
import io
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.management import CommandError, call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from web_people import INVENTED, SECRET_WORDS

from withhold.web import server
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.calendars import tasks
from withhold.web.calendars.models import Reminder
from withhold.web.cases.models import CaseRecord
from withhold.web.tasks.models import Task

DAY = dt.date(2026, 12, 7)
SITE = "https://withhold.invented.example"
TASK_TEXT = "Ring Zephyrine about the Vexwood letter"


class Mailbox:
    def __init__(self) -> None:
        self.received: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        self.received.append(envelope)
        return "250 Message accepted"

    def messages(self) -> list[email.message.EmailMessage]:
        return [
            email.message_from_bytes(e.original_content or e.content, policy=email.policy.default)  # type: ignore[misc]
            for e in self.received
        ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mailbox(settings: Any) -> Iterator[Mailbox]:
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.DEFAULT_FROM_EMAIL = "reminders@invented.example"
    settings.WITHHOLD_SITE_URL = SITE
    try:
        yield box
    finally:
        controller.stop()


def document(master: str, arrival: str, filed: bool | None = None) -> dict[str, Any]:
    case = copy.deepcopy(INVENTED)
    case.pop("law_as_of")
    case["entry"] = {"last_arrival_date": arrival}
    case["proceedings"].update(
        {
            "detained": False,
            "hearings": [{"kind": "master", "date": master}, {"kind": "individual", "date": "2027-05-03"}],
        }
    )
    if filed is None:
        case["asylum"] = {"filed_on": None}  # the case says the I-589 has not been filed
    return case


@pytest.fixture
def office(
    organization: Organization, member: Callable[..., Any], make_case: Callable[..., CaseRecord]
) -> dict[str, Any]:
    ana = member(organization, Role.ATTORNEY, "ana")
    ana.email = "ana@invented.example"
    ana.save()
    bea = member(organization, Role.SCREENER, "bea")
    bea.email = "bea@invented.example"
    bea.save()
    Reminder.objects.create(user=bea, language="es")
    nobody = member(organization, Role.ATTORNEY, "noaddress")
    idle = member(organization, Role.VIEWER, "idle")
    idle.email = "idle@invented.example"
    idle.save()
    # Ana's case: filings before the master hearing due on the 7th, the one-year deadline missed on 30 Nov.
    one = make_case(organization, document("2026-12-21", "2025-11-28"))
    one.attorney = ana
    one.screener = bea
    one.save()
    # Nobody's case, with an overdue task of Ana's (its text names the invented person: never mailed).
    two = make_case(organization, document("2027-04-12", "2026-06-01", filed=True))
    Task.objects.create(
        organization=organization, case=two, title={"text": TASK_TEXT}, due=dt.date(2026, 12, 2), assignee=ana
    )
    three = make_case(organization, document("2026-12-18", "2026-06-01", filed=True))
    three.attorney = nobody
    three.save()
    return {"ana": ana, "bea": bea, "one": one, "two": two, "three": three}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("send_digests", *args, stdout=out)
    return out.getvalue()


def test_digests_reach_the_mailbox_through_smtp(mailbox: Mailbox, office: dict[str, Any]) -> None:
    said = run("--date", DAY.isoformat())
    assert "reminders sent: 2" in said
    assert "no e-mail address: 1" in said
    assert "nothing due: 1" in said
    assert all(word not in said for word in ("ana", "bea", "invented.example"))
    by_person = {tuple(e.rcpt_tos): m for e, m in zip(mailbox.received, mailbox.messages(), strict=True)}
    assert set(by_person) == {("ana@invented.example",), ("bea@invented.example",)}
    mail = by_person[("ana@invented.example",)]
    assert mail["From"] == "reminders@invented.example"
    assert mail["Subject"] == "Withhold reminders for 2026-12-07: 2 due soon, 2 missed or overdue"
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    one, two = office["one"], office["two"]
    for body in (text, html):
        assert f"{SITE}/cases/{one.id}/" in body
        assert f"{SITE}/cases/{two.id}/" in body
        assert "Case 1" in body and "Case 2" in body and "Case 3" not in body
        assert "Filings due before the master calendar hearing" in body  # due today (upcoming)
        assert "A hearing" in body  # the master hearing on the 21st, within 14 days
        assert "File the asylum application" in body and "Missed" in body  # the one-year date, 30 Nov
        assert "A task assigned to you" in body and "Overdue" in body
        for word in (*SECRET_WORDS, TASK_TEXT, "Ring", "El Salvador", "political"):
            assert word not in body
    assert text.index("Missed or overdue") < text.index("Due in the next 14 days")
    raw = b"".join(e.original_content or e.content for e in mailbox.received)
    for word in SECRET_WORDS:
        assert word.encode() not in raw
    spanish = by_person[("bea@invented.example",)]
    assert spanish["Subject"].startswith("Recordatorios de Withhold del 2026-12-07")
    assert "Vencen en los próximos 14 días" in spanish.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "A task assigned" not in spanish.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    # The same day again: nobody is sent a second.
    again = run("--date", DAY.isoformat())
    assert "reminders sent: 0" in again and "already sent that day: 2" in again
    assert len(mailbox.received) == 2
    # The next day is another digest.
    assert "reminders sent: 2" in run("--date", "2026-12-08")
    assert len(mailbox.received) == 4


def test_a_dry_run_sends_nothing(mailbox: Mailbox, office: dict[str, Any]) -> None:
    said = run("--date", DAY.isoformat(), "--dry-run")
    assert "reminders would be sent: 2" in said
    assert mailbox.received == []
    assert not Reminder.objects.filter(last_sent__isnull=False).exists()
    assert "reminders sent: 2" in run("--date", DAY.isoformat())


def test_a_failed_send_is_tried_again(settings: Any, office: dict[str, Any]) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nobody listens
    settings.EMAIL_TIMEOUT = 2
    with pytest.raises(CommandError, match="could not be sent"):
        run("--date", DAY.isoformat())
    assert not Reminder.objects.filter(last_sent=DAY).exists()


def test_a_bad_date_is_refused(db: None) -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("--date", "07/12/2026")


def test_nothing_due_means_no_mail(mailbox: Mailbox, office: dict[str, Any]) -> None:
    # Years later, only Ana's task is still open and overdue: she alone is reminded of it.
    assert "reminders sent: 1" in run("--date", "2030-01-01")
    assert [e.rcpt_tos for e in mailbox.received] == [["ana@invented.example"]]
    Task.objects.update(closed_at=dt.datetime(2026, 12, 7, tzinfo=dt.UTC))
    assert "reminders sent: 0" in run("--date", "2030-01-02")
    assert len(mailbox.received) == 1


def test_the_queue_sends_and_schedules_the_next_day(
    mailbox: Mailbox, office: dict[str, Any], organization: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    organization.time_zone = "Pacific/Honolulu"
    organization.save()
    now = dt.datetime(2026, 12, 7, 18, 0, tzinfo=dt.UTC)  # 8:00 in Honolulu: past the 6:00 hour
    monkeypatch.setattr(tasks.timezone, "now", lambda: now)
    monkeypatch.setattr("withhold.web.calendars.entries._now", lambda: now)
    tasks.send_daily_digests.call()
    assert len(mailbox.received) == 2
    waiting = DBTaskResult.objects.filter(
        task_path=tasks.send_daily_digests.module_path, status=TaskResultStatus.READY
    )
    assert waiting.count() == 1
    # The next run: 6:00 tomorrow in Honolulu, 16:00 UTC.
    assert waiting.get().run_after == dt.datetime(2026, 12, 8, 16, 0, tzinfo=dt.UTC)


def test_before_the_hour_nothing_is_sent(mailbox: Mailbox, office: dict[str, Any]) -> None:
    early = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)  # 5:00 in New York
    assert tasks.send_due(early).sent == 0
    assert mailbox.received == []


@pytest.mark.django_db(transaction=True)  # serve closes the connections before gunicorn forks
def test_serve_schedules_the_reminders_once(organization: Organization) -> None:
    server.schedule_reminders()
    server.schedule_reminders()  # a restart
    server.schedule_reminders()
    rows = DBTaskResult.objects.filter(task_path=tasks.send_daily_digests.module_path)
    assert rows.count() == 1


def test_no_schedule_on_the_immediate_queue(immediate_tasks: None, organization: Organization) -> None:
    assert tasks.schedule_digests() is False
