"""The screens speak the reader's language, not the case file's: choices by their labels (never the value
``non_state``), countries by name (stored as their codes), no fact paths in legends, audit parts in words,
rule ids one click away (inside a disclosure), and a new case that offers the interview before pages of
"unknown". Everyone here is invented."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from django.test import Client
from web_answers import page_dont_know

from withhold.facts.paths import catalogue
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.cases.countries import countries
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "missed-deadline-withholding-open.yaml"


def option_labels(html: str, name: str) -> dict[str, str]:
    """The options of the select or the radio/checkbox group named ``name``: value → label."""
    select = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    if select:
        return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1)))
    found = re.findall(
        rf'<input type="(?:radio|checkbox)" name="{re.escape(name)}" value="([^"]*)"[^>]*>\s*([^<]*)</label>',
        html,
    )
    return {value: label.strip() for value, label in found}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_choices_show_their_labels_and_legends_no_paths(
    language: str, record: CaseRecord, attorney: Client
) -> None:
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    html = attorney.get(f"/cases/{record.id}/edit/claim/").content.decode()
    persecutor = option_labels(html, "claim.persecutor")
    nexus = option_labels(html, "claim.nexus")
    assert persecutor["non_state"].startswith({"en": "Someone else", "es": "Otra persona"}[language])
    assert (
        nexus["a_reason"]
        == {"en": "A reason, but not one central reason", "es": "Un motivo, pero no un motivo central"}[
            language
        ]
    )
    assert "non state" not in html and "a reason<" not in html
    assert not re.search(r"<legend>[^<]*<code", html)  # "The persecution claim `claim`" no more
    person = attorney.get(f"/cases/{record.id}/edit/person/").content.decode()
    assert option_labels(person, "person.sex")["female"] == {"en": "A woman", "es": "Mujer"}[language]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_country_is_chosen_by_name_and_stored_as_its_code(
    language: str, record: CaseRecord, attorney: Client
) -> None:
    kinds = {path: info.kind for path, info in catalogue().items()}
    assert kinds["claim.country"] == kinds["family.children[].country_of_birth"] == "country"
    assert kinds["family.children[].location"] == kinds["person.given_name"] == "text"
    attorney.post("/language/", {"language": language, "next": "/cases/"})
    url = f"/cases/{record.id}/edit/claim/"
    html = attorney.get(url).content.decode()
    listed = option_labels(html, "claim.country")
    assert (
        listed["SV"] == "El Salvador"
        and listed["US"] == {"en": "United States", "es": "Estados Unidos"}[language]
    )
    assert re.search(r'<option value="SV" selected>', html)  # the case's SV, by name
    names = [name for code, name in countries(language)]
    assert len(names) > 240 and names.index(listed["SV"]) < names.index(listed["US"])  # by name

    data = {"version": 1, "claim.country": "GT"}
    assert attorney.post(url, data).status_code == 302
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).claim.country == "GT"
    wrong = attorney.post(url, {"version": 2, "claim.country": "Guatemala"})
    assert wrong.status_code == 200 and wrong.context["form"].errors["claim.country"]


@pytest.mark.django_db
def test_a_code_with_no_name_is_kept_not_made_unknown(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(
        organization, {"withhold": "case/1", "person": {"given_name": "Odalys"}, "claim": {"country": "XZ"}}
    )
    url = f"/cases/{record.id}/edit/claim/"
    html = attorney.get(url).content.decode()
    assert re.search(r'<option value="XZ" selected>XZ</option>', html)
    assert (
        attorney.post(url, {"version": 1, "claim.country": "XZ", "claim.credible": "true"}).status_code == 302
    )
    assert case_of(CaseRecord.objects.get(pk=record.pk).document).claim.country == "XZ"


@pytest.mark.django_db
def test_rule_ids_are_one_click_away_and_discretion_is_said_in_words(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    record = make_case(organization, yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    html = attorney.get(f"/cases/{record.id}/").content.decode()
    outside = re.sub(r"<details.*?</details>", "", html, flags=re.S)  # what shows before any click
    inside = re.findall(r"<details.*?</details>", html, flags=re.S)
    assert "<code>asylum.bar.one_year</code>" in " ".join(inside)
    assert not re.search(r"<code>[a-z_]+\.[a-z_.]+</code>", outside), "a rule id or fact path shows unasked"
    assert "(discretionary)" not in html
    assert "the judge may deny it even to a person who qualifies" in html


@pytest.mark.django_db
def test_a_new_case_offers_the_interview_first(
    empty_record: CaseRecord, organization: Organization, attorney: Client, client_for: Callable[..., Client]
) -> None:
    html = attorney.get(f"/cases/{empty_record.id}/").content.decode()
    assert "Nothing is known about this case yet" in html
    assert re.search(
        rf'<a class="button primary" href="/cases/{empty_record.id}/interview/">Start the interview</a>', html
    )
    assert 'id="protections"' not in html  # no four cards of "Undetermined"
    assert html.index('id="start"') < html.index('id="deadlines"')
    viewer = client_for(organization, Role.VIEWER).get(f"/cases/{empty_record.id}/").content.decode()
    assert "Start the interview" not in viewer and "Someone who can run interviews" in viewer
    page = attorney.get(f"/cases/{empty_record.id}/interview/")
    attorney.post(f"/cases/{empty_record.id}/interview/", page_dont_know(page.context["page"].paths))
    after = attorney.get(f"/cases/{empty_record.id}/").content.decode()
    assert 'id="protections"' in after and "Nothing is known about this case yet" not in after
