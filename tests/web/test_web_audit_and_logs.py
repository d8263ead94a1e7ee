"""Every view, change, export, restore and deletion of a case is audited, and neither the audit log, the
logs nor the error pages carry anything the case says."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

import pytest
import yaml
from django.test import Client, RequestFactory
from web_people import INVENTED, SECRET_WORDS

from withhold.web.accounts.models import Organization
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.models import CaseRecord, CaseVersion
from withhold.web.confidential import HIDDEN, ConfidentialExceptionReporter, ConfidentialFilter, redact


def entry_text(entry: AuditEntry) -> str:
    return " ".join(str(getattr(entry, field.attname)) for field in AuditEntry._meta.fields)


@pytest.mark.django_db
def test_each_kind_of_access_leaves_an_entry_without_content(record: CaseRecord, attorney: Client) -> None:
    base = f"/cases/{record.id}/"
    attorney.get(base)
    attorney.post(f"{base}edit/claim/", {"version": record.version, "claim.credible": "true"})
    attorney.get(f"{base}export.yaml")
    attorney.get(f"{base}deadlines.ics")
    attorney.post(f"{base}versions/1/restore/")
    attorney.post(f"{base}delete/", {"confirm": str(record.number)})
    actions = list(
        AuditEntry.objects.filter(case_id=record.id).order_by("id").values_list("action", flat=True)
    )
    assert actions == [
        Action.VIEWED,
        Action.CHANGED,
        Action.EXPORTED,
        Action.DOWNLOADED,
        Action.RESTORED,
        Action.DELETED,
    ]
    for entry in AuditEntry.objects.all():
        assert entry.username
        assert entry.organization_id == record.organization_id
        for word in SECRET_WORDS:
            assert word not in entry_text(entry)
    assert not CaseRecord.objects.filter(pk=record.pk).exists()
    assert AuditEntry.objects.filter(case_id=record.id).count() == 6  # the log outlives the case


CHANGES = {
    "section": ("edit/claim/", {"version": 1, "claim.credible": "true"}),
    "document": (
        "edit/document/",
        {"version": 1, "text": yaml.safe_dump({**INVENTED, "claim": {"country": "GT"}})},
    ),
    "restore": ("versions/1/restore/", {}),
    "workflow": ("workflow/", {"workflow": "closed"}),
    "delete": ("delete/", {"confirm": "1"}),
    "new": ("/cases/new/", {"given_name": "Ondrelle"}),
    "import": ("/cases/import/", {"text": yaml.safe_dump(INVENTED)}),
}
"""Each change to the docket: the path (below the case's page when relative) and the form."""


@pytest.mark.django_db
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_whose_audit_entry_cannot_be_written_is_not_made(
    record: CaseRecord, attorney: Client, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    def unavailable(**fields: object) -> AuditEntry:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(AuditEntry.objects, "create", unavailable)
    where, data = CHANGES[change]
    with pytest.raises(RuntimeError, match="audit log is unavailable"):
        attorney.post(where if where.startswith("/") else f"/cases/{record.id}/{where}", data)
    assert list(CaseRecord.objects.values_list("pk", "version", "workflow")) == [
        (record.pk, 1, record.workflow)
    ]
    assert CaseVersion.objects.filter(case=record).count() == 1


def test_an_audit_entry_refuses_free_text() -> None:
    from withhold.web.audit.record import record as audit

    request = RequestFactory().get("/")
    with pytest.raises(ValueError, match="fixed code"):
        audit(request, Organization(name="x"), Action.VIEWED, what="Quixotelli was seen")


@pytest.mark.django_db
def test_requests_about_a_case_leave_nothing_of_it_in_the_logs(
    record: CaseRecord, attorney: Client, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    attorney.get("/cases/?q=Quixotelli+Zephyrine")
    attorney.get(f"/cases/{record.id}/")
    attorney.post(
        f"/cases/{record.id}/edit/document/", {"text": "withhold: case/1\nnotes: Vexwood [", "version": 1}
    )
    attorney.get("/cases/00000000-0000-0000-0000-000000000000/?q=Quixotelli")
    out, err = capfd.readouterr()
    handled = out + err
    for word in SECRET_WORDS:
        assert word not in handled, word


def test_the_filter_drops_query_strings_tokens_and_exception_messages() -> None:
    try:
        raise ValueError("Quixotelli fears the Vexwood gang")
    except ValueError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Error on %s",
            ("/cases/?q=Quixotelli",),
            sys.exc_info(),
        )
    ConfidentialFilter().filter(record)
    text = logging.Formatter().format(record)
    assert "Quixotelli" not in text and "Vexwood" not in text
    assert "ValueError" in text and HIDDEN in text
    assert redact("GET /calendar/abcdef123/deadlines.ics") == "GET /calendar/[token]/deadlines.ics"


def test_the_error_report_shows_no_variables_request_values_or_message() -> None:
    # The words are built at run time: the report shows source lines, which must not contain them.
    words = ["".join(reversed(word)) for word in ("illetoxiuQ", "eniryhpeZ", "doowxeV", "hsidlogiraM")]
    request = RequestFactory().post(f"/cases/x/?q={words[0]}", {"text": words[1]})
    try:
        secret = words[2]  # noqa: F841 - a local variable the report must not show
        raise ValueError(words[3])
    except ValueError:
        kind, value, trace = sys.exc_info()
    html = ConfidentialExceptionReporter(request, kind, value, trace).get_traceback_html()
    for word in words:
        assert word not in html, word


@pytest.mark.django_db
def test_the_not_found_page_says_nothing_about_the_request(attorney: Client) -> None:
    response = attorney.get("/cases/00000000-0000-0000-0000-000000000000/?q=Quixotelli")
    assert response.status_code == 404
    assert b"Quixotelli" not in response.content


@pytest.mark.django_db
def test_a_server_error_page_is_generic(
    record: CaseRecord,
    client_for: Callable[..., Client],
    organization: Organization,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from withhold.web.cases.views import page

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Quixotelli")

    monkeypatch.setattr(page, "case_page", broken)
    client = client_for(organization)
    client.raise_request_exception = False
    response = client.get(f"/cases/{record.id}/")
    assert response.status_code == 500
    assert b"Quixotelli" not in response.content
    assert b"Something went wrong" in response.content


@pytest.mark.django_db
def test_an_audit_entry_is_never_changed(record: CaseRecord, attorney: Client) -> None:
    attorney.get(f"/cases/{record.id}/")
    entry = AuditEntry.objects.get()
    entry.action = Action.DELETED
    with pytest.raises(ValueError, match="never changed"):
        entry.save()
