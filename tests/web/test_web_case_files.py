"""Editing facts (structured form and case file editor), versions and restoring them, importing and
exporting case/1 files: the core's loader names every problem by its field, and nothing typed is lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from web_people import INVENTED

from withhold.web.accounts.models import Organization
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion, Change


def current(record: CaseRecord) -> CaseRecord:
    return CaseRecord.objects.get(pk=record.pk)


@pytest.mark.django_db
def test_the_structured_form_saves_a_new_version_and_keeps_unknown_unknown(
    record: CaseRecord, attorney: Client
) -> None:
    form = attorney.get(f"/cases/{record.id}/edit/claim/")
    assert form.status_code == 200
    assert form.context["form"]["claim.credible"].value() in ("", None)  # unknown, not "no"
    response = attorney.post(
        f"/cases/{record.id}/edit/claim/",
        {
            "version": 1,
            "claim.country": "SV",
            "claim.grounds": ["political_opinion"],
            "claim.credible": "false",
            "claim.persecutor": "non_state",
        },
    )
    assert response.status_code == 302
    case = case_of(current(record).document)
    assert case.claim.credible is False
    assert case.claim.persecutor == "non_state"
    assert case.claim.nexus is None  # left unknown
    assert case.person.family_name == "Quixotelli"  # other sections untouched
    assert [v.change for v in CaseVersion.objects.filter(case=record)] == [Change.EDITED, Change.CREATED]


@pytest.mark.django_db
def test_choices_need_none_of_these_to_record_none(record: CaseRecord, attorney: Client) -> None:
    attorney.post(f"/cases/{record.id}/edit/claim/", {"version": 1, "claim.country": "SV"})
    assert case_of(current(record).document).claim.grounds is None  # nothing ticked: unknown
    attorney.post(
        f"/cases/{record.id}/edit/claim/", {"version": 2, "claim.country": "SV", "claim.grounds__none": "on"}
    )
    assert case_of(current(record).document).claim.grounds == []


@pytest.mark.django_db
def test_an_invalid_field_is_named_and_nothing_is_saved(record: CaseRecord, attorney: Client) -> None:
    response = attorney.post(f"/cases/{record.id}/edit/person/", {"version": 1, "person.a_number": "12"})
    assert response.status_code == 200
    assert "person.a_number" in response.context["form"].errors
    assert "A-number" in str(response.context["form"].errors["person.a_number"])
    assert current(record).version == 1


@pytest.mark.django_db
def test_a_save_over_a_newer_version_is_refused_with_the_typed_values_kept(
    record: CaseRecord, attorney: Client
) -> None:
    attorney.post(f"/cases/{record.id}/edit/claim/", {"version": 1, "claim.country": "GT"})
    stale = attorney.post(f"/cases/{record.id}/edit/claim/", {"version": 1, "claim.country": "HN"})
    assert stale.status_code == 200
    assert "Someone saved this case" in str(stale.context["form"].non_field_errors())
    assert stale.context["form"]["claim.country"].value() == "HN"
    assert case_of(current(record).document).claim.country == "GT"


@pytest.mark.django_db
def test_the_case_file_editor_refuses_a_newer_version_in_the_readers_language(
    record: CaseRecord, attorney: Client
) -> None:
    attorney.post(f"/cases/{record.id}/edit/claim/", {"version": 1, "claim.country": "GT"})
    attorney.post("/language/", {"language": "es", "next": "/cases/"})
    text = yaml.safe_dump({**record.document, "claim": {"country": "HN"}})
    stale = attorney.post(f"/cases/{record.id}/edit/document/", {"text": text, "version": 1})
    assert stale.status_code == 200
    # The web's own text in Spanish, so not marked as the core's English.
    assert '<div class="issues" role="alert"><p>Alguien guardó este caso' in stale.content.decode()
    assert stale.context["form"]["text"].value() == text
    assert case_of(current(record).document).claim.country == "GT"


@pytest.mark.django_db
def test_the_case_file_editor_names_each_problem_and_keeps_the_text(
    record: CaseRecord, attorney: Client
) -> None:
    text = "withhold: case/1\nclaim:\n  nexsu: a_reason\nconvictions:\n  - sentence_months: ten\n"
    response = attorney.post(f"/cases/{record.id}/edit/document/", {"text": text, "version": 1})
    assert response.status_code == 200
    issues = {str(issue) for issue in response.context["issues"]}
    assert "claim.nexsu: unknown key; did you mean claim.nexus?" in issues
    assert any(
        issue.startswith("convictions[0].sentence_months: expected a number of months") for issue in issues
    )
    assert response.context["form"]["text"].value() == text
    assert b"did you mean claim.nexus?" in response.content
    assert current(record).version == 1


@pytest.mark.django_db
def test_the_case_file_editor_saves_a_valid_file(record: CaseRecord, attorney: Client) -> None:
    document = {**INVENTED, "claim": {"country": "GT", "credible": True}}
    response = attorney.post(
        f"/cases/{record.id}/edit/document/", {"text": yaml.safe_dump(document), "version": 1}
    )
    assert response.status_code == 302
    assert case_of(current(record).document).claim.country == "GT"


@pytest.mark.django_db
def test_a_version_can_be_seen_and_restored_as_a_new_version(record: CaseRecord, attorney: Client) -> None:
    attorney.post(f"/cases/{record.id}/edit/claim/", {"version": 1, "claim.country": "GT"})
    page = attorney.get(f"/cases/{record.id}/versions/1/")
    assert page.status_code == 200
    assert "country: SV" in page.context["text"]
    assert attorney.post(f"/cases/{record.id}/versions/1/restore/").status_code == 302
    restored = current(record)
    assert restored.version == 3
    assert case_of(restored.document).claim.country == "SV"
    newest = CaseVersion.objects.get(case=record, number=3)
    assert newest.change == Change.RESTORED and newest.restored_from == 1
    assert CaseVersion.objects.filter(case=record).count() == 3  # history kept whole
    assert attorney.get(f"/cases/{record.id}/versions/9/").status_code == 404


@pytest.mark.django_db
def test_import_of_a_valid_file_creates_a_case(attorney: Client, organization: Organization) -> None:
    upload = SimpleUploadedFile("case.yaml", yaml.safe_dump(INVENTED).encode("utf-8"))
    response = attorney.post("/cases/import/", {"file": upload})
    assert response.status_code == 302
    record = CaseRecord.objects.get(organization=organization)
    assert case_of(record.document).person.given_name == "Zephyrine"
    assert record.versions.get().change == Change.IMPORTED


@pytest.mark.django_db
def test_import_errors_are_named_by_field(attorney: Client, organization: Organization) -> None:
    text = json.dumps({"withhold": "case/1", "person": {"a_number": "12"}, "claim": {"nexsu": "a_reason"}})
    response = attorney.post("/cases/import/", {"file": SimpleUploadedFile("bad.json", text.encode())})
    assert response.status_code == 200
    paths = {issue.path for issue in response.context["issues"]}
    assert paths == {"person.a_number", "claim.nexsu"}
    assert not CaseRecord.objects.filter(organization=organization).exists()
    broken = attorney.post("/cases/import/", {"text": "withhold: case/1\nclaim: [\n"})
    assert "not valid YAML" in str(broken.context["issues"][0])


@pytest.mark.django_db
@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_export_gives_back_the_same_case(record: CaseRecord, attorney: Client, syntax: str) -> None:
    response = attorney.get(f"/cases/{record.id}/export.{syntax}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="case-{record.number}.{syntax}"'
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode("utf-8")
    assert text.startswith("withhold: case/1" if syntax == "yaml" else '{\n  "withhold": "case/1"')
    loaded = json.loads(text) if syntax == "json" else yaml.safe_load(text)
    assert case_of(loaded) == case_of(INVENTED)


@pytest.mark.django_db
def test_a_new_case_starts_from_identity_and_goes_to_the_interview(
    client_for: Callable[..., Client], organization: Organization
) -> None:
    screener = client_for(organization, "screener")
    response = screener.post(
        "/cases/new/",
        {"given_name": "Odalys", "family_name": "Inventada", "a_number": "", "then": "interview"},
    )
    record = CaseRecord.objects.get(organization=organization)
    assert response["Location"] == f"/cases/{record.id}/interview/"
    assert case_of(record.document).person.a_number is None
    bad = screener.post("/cases/new/", {"a_number": "A1"})
    assert [issue.path for issue in bad.context["issues"]] == ["person.a_number"]


BLANK_I589 = Path(__file__).resolve().parents[2] / "forms" / "i-589-edition-2023-03-01.pdf"


@pytest.mark.django_db
def test_the_i589_is_filled_from_the_uploaded_blank_form(record: CaseRecord, attorney: Client) -> None:
    upload = SimpleUploadedFile("i-589.pdf", BLANK_I589.read_bytes(), content_type="application/pdf")
    response = attorney.post(f"/cases/{record.id}/i589/", {"blank": upload})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == f'attachment; filename="case-{record.number}-i589.pdf"'


@pytest.mark.django_db
def test_a_file_that_is_not_the_i589_is_refused_by_field(record: CaseRecord, attorney: Client) -> None:
    upload = SimpleUploadedFile("i-589.pdf", b"not a pdf", content_type="application/pdf")
    response = attorney.post(f"/cases/{record.id}/i589/", {"blank": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["blank"]
