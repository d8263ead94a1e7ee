"""Form I-589 on the web: the questions still unanswered, listed before any download; the organization's
kept blank form (kept once by an administrator or an attorney, replaced, refused when Withhold cannot fill
its edition); the one-click fill from it; and no organization ever using another's."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from withhold.forms import outstanding_i589
from withhold.forms.field_map import maps
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import BlankForm, CaseRecord
from withhold.web.cases.store import today
from withhold.web.cases.summary import as_of_for
from withhold.web.cases.views import i589 as i589_view

KEEP_URL = "/cases/forms/i589/"


@pytest.fixture
def blank(blank_i589: Path) -> bytes:
    return blank_i589.read_bytes()


def upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("i-589.pdf", data, content_type="application/pdf")


def fields_of(pdf: bytes) -> dict[str, str]:
    found = PdfReader(io.BytesIO(pdf)).get_fields() or {}
    return {name: str(field.get("/V")) for name, field in found.items() if field.get("/V") is not None}


def only_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Withhold as if it mapped only a later edition of the form (01/20/25), not the one of the test PDF."""
    later = {"01/20/25": dataclasses.replace(maps()["03/01/23"], edition="01/20/25")}
    monkeypatch.setattr("withhold.forms.edition.maps", lambda: later)


def page_of(record: CaseRecord) -> str:
    return f"/cases/{record.id}/i589/"


def exports(record: CaseRecord) -> list[str]:
    return list(
        AuditEntry.objects.filter(case_id=record.id, action=Action.EXPORTED).values_list("what", flat=True)
    )


# --- the unanswered questions, before any download ---------------------------------------------------


@pytest.mark.django_db
def test_the_page_lists_the_cores_unanswered_questions_by_part_and_line_without_a_form(
    record: CaseRecord, attorney: Client
) -> None:
    response = attorney.get(page_of(record))
    assert response.status_code == 200
    case = case_of(record.document)
    core = outstanding_i589(case, as_of_for(case, today()))
    assert response.context["outstanding"] == core
    parts = response.context["parts"]
    # Grouped as the CLI groups them: every question once, in the core's order, by part then line.
    assert [item for part in parts for line in part.lines for item in line.items] == list(core.unanswered)
    assert [part.part for part in parts] == list(dict.fromkeys(item.part for item in core.unanswered))
    part_c = next(part for part in parts if part.part == "C")
    assert "6" in [line.line for line in part_c.lines]
    html = response.content.decode()
    assert f"{len(core.unanswered)} questions of the form are still unanswered" in html
    assert "Part C · Additional information" in html
    assert "<code>application.us_crimes.answer</code>" in html
    assert 'scope="rowgroup"' in html
    assert "For edition 03/01/23 of the form" in html


@pytest.mark.django_db
def test_the_list_is_in_spanish_around_the_forms_own_english_questions(
    record: CaseRecord, attorney: Client
) -> None:
    attorney.post("/language/", {"language": "es", "next": "/cases/"})
    html = attorney.get(page_of(record)).content.decode()
    assert "Preguntas todavía sin respuesta" in html
    assert "Parte C · Información adicional" in html
    assert "Las preguntas aparecen en inglés" in html
    assert '<span lang="en">Alien Registration Number (A-Number)</span>' not in html  # the case has one
    assert '<span lang="en">Date of birth</span>' in html


@pytest.mark.django_db
def test_a_complete_case_says_so_instead_of_a_list(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "i589-complete.yaml"
    complete = make_case(organization, yaml.safe_load(example.read_text(encoding="utf-8")))
    response = attorney.get(page_of(complete))
    assert response.context["parts"] == []
    assert "Every question the form map covers is answered" in response.content.decode()


# --- keeping the blank form --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.ATTORNEY])
def test_an_administrator_or_an_attorney_keeps_the_blank_form_once(
    role: Role, organization: Organization, client_for: Callable[..., Client], blank: bytes
) -> None:
    client = client_for(organization, role)
    assert "No blank form is kept yet." in client.get(KEEP_URL).content.decode()
    response = client.post(KEEP_URL, {"blank": upload(blank)})
    assert response.status_code == 302
    kept = BlankForm.objects.get(organization=organization)
    assert (kept.form, kept.edition, bytes(kept.pdf)) == ("i589", "03/01/23", blank)
    assert kept.username == f"{role}-{organization.pk}"
    assert kept.uploaded_by is not None
    page = client.get(KEEP_URL).content.decode()
    assert "Kept: Form I-589 edition 03/01/23." in page
    assert f"Uploaded by {role}-{organization.pk}" in page
    entry = AuditEntry.objects.get(organization=organization, action=Action.CHANGED)
    assert (entry.case_id, entry.what) == (None, "blank_form:i589")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.SCREENER, Role.VIEWER])
def test_other_roles_cannot_keep_a_blank_form(
    role: Role, organization: Organization, client_for: Callable[..., Client], blank: bytes
) -> None:
    client = client_for(organization, role)
    assert client.get(KEEP_URL).status_code == 403
    assert client.post(KEEP_URL, {"blank": upload(blank)}).status_code == 403
    assert not BlankForm.objects.exists()
    assert Client().get(KEEP_URL).status_code == 302  # anonymous: to the login page


@pytest.mark.django_db
def test_keeping_again_replaces_the_kept_form(
    organization: Organization, client_for: Callable[..., Client], blank: bytes
) -> None:
    client_for(organization, Role.ADMIN).post(KEEP_URL, {"blank": upload(blank)})
    attorney = client_for(organization, Role.ATTORNEY)
    assert "Replace the kept form" in attorney.get(KEEP_URL).content.decode()
    attorney.post(KEEP_URL, {"blank": upload(blank)})
    kept = BlankForm.objects.get(organization=organization)
    assert kept.username == f"attorney-{organization.pk}"


@pytest.mark.django_db
def test_a_form_withhold_cannot_fill_is_refused_and_not_kept(
    organization: Organization, attorney: Client, blank: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = attorney.post(KEEP_URL, {"blank": upload(b"%PDF-1.7 not a form")})
    assert refused.status_code == 200
    assert refused.context["form"].errors["blank"]
    # The real form, as an edition without a map (as if the only map were a later edition's).
    only_later(monkeypatch)
    refused = attorney.post(KEEP_URL, {"blank": upload(blank)})
    assert refused.context["form"].errors["blank"] == [
        "Form I-589 edition 03/01/23 has no field map yet. Editions Withhold can fill: 01/20/25."
    ]
    monkeypatch.setattr(i589_view, "MAX_FORM_BYTES", 1000)
    too_large = attorney.post(KEEP_URL, {"blank": upload(blank)})
    assert too_large.context["form"].errors["blank"] == ["This file is too large to be the blank I-589."]
    assert not BlankForm.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.CHANGED).exists()


# --- filling ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_click_fills_the_case_from_the_kept_form(
    record: CaseRecord, organization: Organization, attorney: Client, blank: bytes
) -> None:
    page = attorney.get(page_of(record)).content.decode()
    assert "The organization keeps no blank Form I-589 yet" in page
    assert 'name="use" value="kept"' not in page
    attorney.post(KEEP_URL, {"blank": upload(blank)})
    page = attorney.get(page_of(record)).content.decode()
    assert 'name="use" value="kept"' in page
    assert "Kept: Form I-589 edition 03/01/23." in page
    response = attorney.post(page_of(record), {"use": "kept"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="case-{record.number}-i589.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert "Quixotelli" in fields_of(response.content).values()
    assert exports(record) == ["i589:kept"]


@pytest.mark.django_db
def test_a_one_off_form_still_fills_and_can_be_kept_at_the_same_time(
    record: CaseRecord, organization: Organization, attorney: Client, blank: bytes
) -> None:
    response = attorney.post(page_of(record), {"blank": upload(blank)})
    assert response["Content-Type"] == "application/pdf"
    assert not BlankForm.objects.exists()  # a one-off form is not kept
    response = attorney.post(page_of(record), {"blank": upload(blank), "keep": "on"})
    assert response["Content-Type"] == "application/pdf"
    assert BlankForm.objects.get(organization=organization).edition == "03/01/23"
    assert exports(record) == ["i589", "i589"]


@pytest.mark.django_db
def test_a_kept_form_of_an_edition_no_longer_mapped_asks_to_be_replaced(
    record: CaseRecord, attorney: Client, blank: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    attorney.post(KEEP_URL, {"blank": upload(blank)})
    only_later(monkeypatch)
    response = attorney.get(page_of(record))
    page = response.content.decode()
    assert "an edition Withhold can no longer fill" in page
    assert 'name="use" value="kept"' not in page
    assert response.context["outstanding"].edition == "01/20/25"  # listed for the newest edition instead
    refused = attorney.post(page_of(record), {"use": "kept"})
    assert refused["Content-Type"].startswith("text/html")
    assert "an edition Withhold can no longer fill" in refused.content.decode()
    assert not exports(record)


# --- one organization's form is its own --------------------------------------------------------------


@pytest.mark.django_db
def test_no_organization_uses_another_organizations_kept_form(
    make_case: Callable[..., CaseRecord],
    record: CaseRecord,
    organization: Organization,
    other_organization: Organization,
    client_for: Callable[..., Client],
    blank: bytes,
) -> None:
    client_for(organization, Role.ADMIN).post(KEEP_URL, {"blank": upload(blank)})
    outsider = client_for(other_organization, Role.ATTORNEY)
    own = make_case(other_organization)
    assert "No blank form is kept yet." in outsider.get(KEEP_URL).content.decode()
    page = outsider.get(page_of(own))
    assert page.context["kept"] is None
    assert "Uploaded by" not in page.content.decode()
    refused = outsider.post(page_of(own), {"use": "kept"})
    assert refused["Content-Type"].startswith("text/html")
    assert "The organization keeps no blank Form I-589 yet" in refused.content.decode()
    assert not exports(own)
    # The other organization's case is not found at all, with or without the kept form.
    assert outsider.post(page_of(record), {"use": "kept"}).status_code == 404
    assert not exports(record)
    # Keeping its own form leaves the first organization's untouched.
    outsider.post(KEEP_URL, {"blank": upload(blank)})
    assert BlankForm.objects.get(organization=organization).username == f"admin-{organization.pk}"
    assert (
        BlankForm.objects.get(organization=other_organization).username == f"attorney-{other_organization.pk}"
    )
