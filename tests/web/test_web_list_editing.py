"""Editing the lists of a case (hearings, convictions, children, entries...) in the structured form: each item
a fieldset of the section editor's fields, buttons to add, remove (a mark until saved) and move items, all
without JavaScript. An empty field stays unknown, an empty list stays unknown unless "none" is ticked, bad
input is named by item and field with nothing saved, a save is a new version with its audit entry, and what
the form does not show survives. Everyone here is invented."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from test_web_language import assert_spanish, read
from web_people import INVENTED

from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.audit.models import Action, AuditEntry
from withhold.web.cases import lists as list_editor
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion, Change

CONVICTION = {"offense": "Invented petty theft", "date": "2019-05-02", "jurisdiction": "state", "final": True}


def current(record: CaseRecord) -> CaseRecord:
    return CaseRecord.objects.get(pk=record.pk)


def page(client: Client, record: CaseRecord, name: str) -> Any:
    response = client.get(f"/cases/{record.id}/edit/{name}/")
    assert response.status_code == 200
    return response


def posted(response: Any) -> dict[str, Any]:
    """What the page's form would submit as it is shown (every field with its value, the boxes ticked)."""
    html = response.content.decode()
    form = html[html.index('<form method="post" novalidate') :]
    form = form[: form.index("</form>")]
    data: dict[str, Any] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if name is None or name[1] == "csrfmiddlewaretoken":
            continue
        box = 'type="checkbox"' in tag
        if box and " checked" not in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name[1]] = value[1] if value else ("on" if box else "")
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen[1] if chosen else ""
    return data


def submit(client: Client, record: CaseRecord, name: str, data: dict[str, Any]) -> Any:
    return client.post(f"/cases/{record.id}/edit/{name}/", data)


def press(client: Client, record: CaseRecord, name: str, shown: Any, action: str) -> Any:
    """Presses a button other than "Save" on a page (``shown``: a response, or what it would submit): the
    page comes back changed, and nothing is saved."""
    version = current(record).version
    data = shown if isinstance(shown, dict) else posted(shown)
    response = submit(client, record, name, {**data, "action": action})
    assert response.status_code == 200
    assert current(record).version == version
    return response


@pytest.fixture
def with_convictions(make_case: Callable[..., CaseRecord], organization: Organization) -> CaseRecord:
    second = {"offense": "Invented trespass", "final": None, "sentence_months": 2}
    return make_case(organization, {**INVENTED, "convictions": [CONVICTION, second]})


@pytest.mark.django_db
def test_the_overview_and_the_sections_lead_to_every_list_with_its_count(
    with_convictions: CaseRecord, attorney: Client
) -> None:
    html = attorney.get(f"/cases/{with_convictions.id}/edit/").content.decode()
    for name in list_editor.lists():
        assert f'href="/cases/{with_convictions.id}/edit/{name}/"' in html
    assert re.search(r">Convictions</a> <span class=\"small\">\(2 items\)", html)
    assert re.search(r">Children</a> <span class=\"small\">\(not known\)", html)
    assert "edited in the case file" not in html
    section = attorney.get(f"/cases/{with_convictions.id}/edit/proceedings/").content.decode()
    assert re.search(rf'href="/cases/{with_convictions.id}/edit/hearings/">Hearings</a>', section)


@pytest.mark.django_db
def test_each_item_is_a_fieldset_of_the_section_editors_fields(
    with_convictions: CaseRecord, attorney: Client
) -> None:
    response = page(attorney, with_convictions, "convictions")
    html = response.content.decode()
    assert re.findall(r"<legend>(Conviction \d)</legend>", html) == ["Conviction 1", "Conviction 2"]
    first, second = response.context["editor"].items
    assert first["final"].value() == "true"
    assert second["final"].value() in ("", None)  # an explicit null: unknown, not "no"
    assert second["drug_trafficking"].value() in ("", None)
    final = first.fields["final"]
    assert [label for _, label in final.choices] == ["Unknown", "Yes", "No"]  # three ways, never a checkbox
    assert 'id="id_convictions-1-sentence_months"' in html
    assert "Move up" not in html  # the order of convictions means nothing: their dates carry it
    first_button = re.search(r'<button type="submit" name="action" value="(\w+)"', html)
    assert first_button and first_button[1] == "save"  # Enter in a field saves, it does not remove


@pytest.mark.django_db
def test_saving_unchanged_changes_nothing(with_convictions: CaseRecord, attorney: Client) -> None:
    response = submit(
        attorney, with_convictions, "convictions", posted(page(attorney, with_convictions, "convictions"))
    )
    assert response.status_code == 302
    assert current(with_convictions).version == 1
    assert current(with_convictions).document["convictions"][1]["final"] is None  # the explicit null stays


@pytest.mark.django_db
def test_adding_an_item_keeps_what_was_typed_and_saves_nothing_until_save(
    with_convictions: CaseRecord, attorney: Client
) -> None:
    data = posted(page(attorney, with_convictions, "convictions"))
    data["convictions-0-offense"] = "Invented shoplifting"
    added = press(attorney, with_convictions, "convictions", data, "add")
    html = added.content.decode()
    assert "<legend>Conviction 3</legend>" in html
    assert 'value="Invented shoplifting"' in html
    assert "Nothing was saved" not in html  # adding checks nothing: no errors on the empty item
    data = posted(added)
    assert data["count"] == "3"
    data.update(
        {
            "convictions-2-offense": "Invented fraud",
            "convictions-2-final": "false",
            "convictions-2-sentence_months": "14",
            "action": "save",
        }
    )
    saved = submit(attorney, with_convictions, "convictions", data)
    assert saved.status_code == 302
    record = current(with_convictions)
    assert record.version == 2
    convictions = case_of(record.document).convictions
    assert convictions is not None
    assert [c.offense for c in convictions] == ["Invented shoplifting", "Invented trespass", "Invented fraud"]
    assert record.document["convictions"][2] == {
        "offense": "Invented fraud",
        "final": False,
        "sentence_months": 14,
    }
    assert convictions[2].drug_trafficking is None  # left empty: unknown, never "no"
    version = CaseVersion.objects.get(case=record, number=2)
    assert version.change == Change.EDITED
    entry = AuditEntry.objects.get(action=Action.CHANGED, case_id=record.id)
    assert (entry.what, entry.version) == ("list:convictions", 2)
    assert "Convictions: saved as version 2." in attorney.get(f"/cases/{record.id}/").content.decode()


@pytest.mark.django_db
def test_bad_input_names_the_item_and_field_and_saves_nothing(
    with_convictions: CaseRecord, attorney: Client
) -> None:
    data = posted(page(attorney, with_convictions, "convictions"))
    data.update({"convictions-1-sentence_months": "ten", "convictions-0-offense": "Typed, kept"})
    response = submit(attorney, with_convictions, "convictions", data)
    assert response.status_code == 200
    assert current(with_convictions).version == 1
    html = response.content.decode()
    assert "Nothing was saved" in html
    summary = re.search(r'<a href="#id_convictions-1-sentence_months">(.*?)</a>: (.*?)</li>', html)
    assert summary, html
    assert summary[1].startswith("Conviction 2, Term of imprisonment ordered in months")
    assert "number" in summary[2].lower()
    assert 'aria-describedby="id_convictions-1-sentence_months_error"' in html.replace(
        " id_convictions-1-sentence_months_helptext", ""
    )
    assert 'id="id_convictions-1-sentence_months_error"' in html
    assert 'value="Typed, kept"' in html


@pytest.mark.django_db
def test_the_cores_issues_land_under_the_item_and_field_they_name(
    record: CaseRecord, attorney: Client
) -> None:
    data = posted(press(attorney, record, "children", page(attorney, record, "children"), "add"))
    data.update(
        {"children-0-given_name": "Invented", "children-0-nationality": "Salvadoran", "action": "save"}
    )
    response = submit(attorney, record, "children", data)
    assert response.status_code == 200
    child = response.context["editor"].items[0]
    assert "nationality" in child.errors
    assert "Child 1, Nationality" in response.content.decode()
    assert current(record).version == 1


@pytest.mark.django_db
def test_removing_is_a_mark_with_a_way_back_until_saved(
    with_convictions: CaseRecord, attorney: Client
) -> None:
    marked = press(
        attorney, with_convictions, "convictions", page(attorney, with_convictions, "convictions"), "remove-1"
    )
    html = marked.content.decode()
    assert "When you save, these will be removed:" in html
    assert "will be removed when you save" in html
    assert "(Invented petty theft, 2019-05-02)" in html
    assert "<legend>Conviction 1</legend>" not in html  # its fields are hidden, kept for the way back
    assert 'type="hidden" name="convictions-0-offense" value="Invented petty theft"' in html
    kept = press(attorney, with_convictions, "convictions", marked, "keep-1")
    assert "<legend>Conviction 1</legend>" in kept.content.decode()
    assert 'value="Invented petty theft"' in kept.content.decode()
    again = press(attorney, with_convictions, "convictions", kept, "remove-1")
    saved = submit(attorney, with_convictions, "convictions", {**posted(again), "action": "save"})
    assert saved.status_code == 302
    assert current(with_convictions).document["convictions"] == [
        {"offense": "Invented trespass", "final": None, "sentence_months": 2}
    ]


@pytest.mark.django_db
def test_an_emptied_list_stays_unknown_unless_none_is_ticked(
    with_convictions: CaseRecord, attorney: Client
) -> None:
    marked = press(
        attorney, with_convictions, "convictions", page(attorney, with_convictions, "convictions"), "remove-1"
    )
    emptied = press(attorney, with_convictions, "convictions", marked, "remove-2")
    html = emptied.content.decode()
    assert "There are no convictions" in html and "Leave it unticked when it is not known." in html
    data = posted(emptied)
    assert "none" not in data  # unticked
    assert submit(attorney, with_convictions, "convictions", data).status_code == 302
    assert "convictions" not in current(with_convictions).document  # unknown, not "none"
    assert case_of(current(with_convictions).document).convictions is None
    data = posted(page(attorney, with_convictions, "convictions"))
    assert submit(attorney, with_convictions, "convictions", {**data, "none": "on"}).status_code == 302
    assert current(with_convictions).document["convictions"] == []
    assert page(attorney, with_convictions, "convictions").context["editor"].head["none"].value() is True


@pytest.mark.django_db
def test_ordered_lists_move_items_and_the_others_do_not(
    make_case: Callable[..., CaseRecord], organization: Organization, attorney: Client
) -> None:
    entries = [
        {"date": "2024-08-10", "place": "Invented port"},
        {"date": "2019-01-03", "place": "Other port"},
    ]
    record = make_case(organization, {**INVENTED, "entries": entries})
    html = page(attorney, record, "entries").content.decode()
    assert "The order matters here" in html
    assert html.count('value="down-1"') == 1 and 'value="up-1"' not in html and 'value="up-2"' in html
    moved = press(attorney, record, "entries", page(attorney, record, "entries"), "down-1")
    assert re.findall(r'name="entries-\d-place"[^>]*value="([^"]+)"', moved.content.decode()) == [
        "Other port",
        "Invented port",
    ]
    assert submit(attorney, record, "entries", posted(moved)).status_code == 302
    assert [e["place"] for e in current(record).document["entries"]] == ["Other port", "Invented port"]
    hearings = press(attorney, record, "hearings", page(attorney, record, "hearings"), "down-1")
    assert [item["kind"].value() for item in hearings.context["editor"].items] == ["master", "individual"]


@pytest.mark.django_db
def test_what_the_form_does_not_show_survives_and_moves_with_its_item(
    make_case: Callable[..., CaseRecord],
    organization: Organization,
    attorney: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entries = [
        {"date": "2024-08-10", "place": "Invented port", "i94_number": "11122233344"},
        {"date": "2019-01-03", "place": "Other port", "i94_number": "55566677788"},
    ]
    record = make_case(organization, {**INVENTED, "entries": entries})
    shown = list_editor.lists()["entries"]
    without = list_editor.ListSection(
        **{**shown.__dict__, "facts": tuple(f for f in shown.facts if not f.path.endswith("i94_number"))}
    )
    monkeypatch.setattr("withhold.web.cases.views.edit.lists", lambda: {"entries": without})
    first = page(attorney, record, "entries")
    assert "i94_number" not in first.content.decode()
    data = posted(press(attorney, record, "entries", first, "down-1"))
    data["entries-1-place"] = "Invented port, renamed"
    assert submit(attorney, record, "entries", data).status_code == 302
    assert current(record).document["entries"] == [
        {"date": "2019-01-03", "place": "Other port", "i94_number": "55566677788"},
        {"date": "2024-08-10", "place": "Invented port, renamed", "i94_number": "11122233344"},
    ]


@pytest.mark.django_db
def test_a_stale_page_is_refused_with_what_was_typed(with_convictions: CaseRecord, attorney: Client) -> None:
    data = posted(page(attorney, with_convictions, "convictions"))
    submit(attorney, with_convictions, "convictions", {**data, "convictions-0-offense": "First save"})
    stale = submit(
        attorney, with_convictions, "convictions", {**data, "convictions-0-offense": "Second save"}
    )
    assert stale.status_code == 200
    assert "Someone saved this case" in stale.content.decode()
    assert 'value="Second save"' in stale.content.decode()
    assert current(with_convictions).document["convictions"][0]["offense"] == "First save"
    forged = posted(page(attorney, with_convictions, "convictions"))
    forged["convictions-1-origin"] = "0"  # two items claiming the same stored one
    refused = submit(attorney, with_convictions, "convictions", forged)
    assert "This list changed since the page was opened" in refused.content.decode()
    lost = submit(attorney, with_convictions, "convictions", {**forged, "version": ""})
    assert "Nothing was saved" in lost.content.decode()  # a page without its version says so
    assert current(with_convictions).version == 2


@pytest.mark.django_db
def test_only_editors_reach_a_list_and_only_lists_of_the_format(
    with_convictions: CaseRecord, client_for: Callable[..., Client], organization: Organization
) -> None:
    viewer = client_for(organization, Role.VIEWER)
    assert viewer.get(f"/cases/{with_convictions.id}/edit/convictions/").status_code == 403
    attorney = client_for(organization, Role.ATTORNEY)
    assert attorney.get(f"/cases/{with_convictions.id}/edit/grounds/").status_code == 404


@pytest.mark.django_db
def test_a_list_in_spanish_says_everything_in_spanish(with_convictions: CaseRecord, attorney: Client) -> None:
    attorney.post("/language/", {"language": "es", "next": "/cases/"})
    data = posted(page(attorney, with_convictions, "convictions"))
    data["convictions-1-sentence_months"] = "diez"
    for response in (
        page(attorney, with_convictions, "convictions"),
        press(attorney, with_convictions, "convictions", data, "remove-1"),
        submit(attorney, with_convictions, "convictions", data),
        attorney.get(f"/cases/{with_convictions.id}/edit/"),
    ):
        html = response.content.decode()
        assert_spanish(html, response.request["PATH_INFO"])
        shown = " ".join(read(html).words)
        assert not re.findall(r"\b(Conviction|Remove|Add a|Move|items|not known)\b", shown)
    html = submit(attorney, with_convictions, "convictions", data).content.decode()
    assert 'name="convictions-0-date" value="2019-05-02"' in html  # ISO, as a date field needs it
    assert "<legend>Condena 2</legend>" in html
    assert re.search(r'Condena 2, <span lang="en">Term of imprisonment', html)
    unchanged = posted(page(attorney, with_convictions, "convictions"))
    assert submit(attorney, with_convictions, "convictions", unchanged).status_code == 302
    assert current(with_convictions).version == 1  # a date shown in Spanish is not lost on the way back


@pytest.mark.django_db
def test_a_date_in_the_section_editor_survives_a_save_in_spanish(
    record: CaseRecord, attorney: Client
) -> None:
    """A date field shows ISO in every language: in the reader's format (10/08/2024) the browser would
    show it empty, and saving would turn a known date into an unknown one."""
    attorney.post("/language/", {"language": "es", "next": "/cases/"})
    html = attorney.get(f"/cases/{record.id}/edit/entry/").content.decode()
    assert 'name="entry.last_arrival_date" value="2024-08-10"' in html
    attorney.post(f"/cases/{record.id}/edit/entry/", {"version": 1, "entry.last_arrival_date": "2024-08-10"})
    assert current(record).document["entry"]["last_arrival_date"] == "2024-08-10"
