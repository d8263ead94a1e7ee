"""The web app in English and Spanish: every fixed text has both (checked when loaded), every text a
template names exists, and each main page chosen in Spanish says so (``<html lang="es">``) and shows no
English fixed text outside what is marked as the core's English (``lang="en"``). Everyone here is
invented."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from django.test import Client

from withhold.language import placeholders
from withhold.package_data import DataFileError
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.cases.models import CaseRecord
from withhold.web.texts import PLACEHOLDERS, parse, texts

WEB = Path(__file__).resolve().parents[2] / "src" / "withhold" / "web"

ENGLISH_LABELS = (
    "Docket",
    "New case",
    "Log out",
    "Two-factor login",
    "Skip to main content",
    "Search by name or A-number",
    "Next deadline",
    "Evidence checklist",
    "Other relief to look into",
    "Manage this case",
    "Edit facts",
    "Save as a new version",
    "Restore version",
    "Import a case file",
    "Calendar feed",
    "Delete for good",
    "Change your password",
    "What each role can do",
    "Given (first) name",
    "decision support, not legal advice",
    "Go to the docket",
    "Not found",
    "Cancel",
    "Nothing changed",
    "saved as version",
    "was restored as version",
    "Unknown",
    "None of these",
    "Not filed yet",
    "That username is taken",
)
"""Distinctive English fixed texts: none may show on a page in Spanish outside a ``lang="en"`` part."""


class Reader(HTMLParser):
    """The page's language and its text outside any element marked ``lang="en"`` (or a script)."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.language = ""
        self.stack: list[bool] = []
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.language = found.get("lang") or ""
        if tag in self.VOID:
            return
        skipped = (
            bool(self.stack and self.stack[-1]) or found.get("lang") == "en" or tag in ("script", "style")
        )
        self.stack.append(skipped)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.words.append(data)


def read(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    return reader


def test_every_text_has_its_translation() -> None:
    found = texts()
    assert len(found) > 200
    assert all(pair.en and pair.es and pair.en != pair.es for pair in found.values())


def test_every_placeholder_allowed_is_one_a_text_uses() -> None:
    used = set().union(*(placeholders(pair.en) or set() for pair in texts().values()))
    assert used <= PLACEHOLDERS
    assert PLACEHOLDERS - used == set()


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('{en: "Docket"}', "layout.docket: es: missing translation (line 3)"),
        ('{en: "Docket", es: "  "}', "layout.docket: es: missing translation (line 3)"),
        (
            '{en: "Docket", es: "Docket"}',
            "layout.docket: es: identical to the English text: not translated (line 3)",
        ),
        ('{en: "Page {page}", es: "Página {page}"}', "layout.docket: unknown placeholder {page} (line 3)"),
        ('{en: "Page {n}", es: "Página"}', "layout.docket: en and es use different placeholders"),
        ('{en: "Docket", es: "Casos", fr: "Dossiers"}', "layout.docket: fr: unknown language"),
    ],
)
def test_a_text_without_its_translation_is_refused(entry: str, problem: str) -> None:
    with pytest.raises(DataFileError) as raised:
        parse(f"layout:\n  menu: {{en: Menu, es: Menú}}\n  docket: {entry}\nempty: {{}}\n")
    problems = raised.value.problems
    assert any(p.startswith(problem) for p in problems), problems
    assert any(p.startswith("empty: ") and p.endswith("(line 4)") for p in problems), problems


def test_every_text_a_template_names_exists() -> None:
    named = set()
    for template in WEB.rglob("*.html"):
        source = template.read_text(encoding="utf-8")
        named |= set(re.findall(r"{%\s*ui\s+[\"']([^\"']+)[\"']", source))
    assert named, "no template uses {% ui %}"
    assert named - set(texts()) == set()


@pytest.fixture
def spanish(client_for: Callable[..., Client], organization: Organization) -> Callable[[str], Client]:
    def make(role: str = Role.ATTORNEY) -> Client:
        client = client_for(organization, role)
        client.post("/language/", {"language": "es", "next": "/cases/"})
        return client

    return make


def pages(record: CaseRecord) -> list[str]:
    case = f"/cases/{record.id}/"
    return [
        "/cases/",
        case,
        f"{case}edit/",
        f"{case}edit/person/",
        f"{case}edit/document/",
        f"{case}versions/",
        f"{case}versions/1/",
        f"{case}i589/",
        f"{case}edit/convictions/",
        "/cases/forms/i589/",
        "/audit/",
        f"{case}delete/",
        "/cases/new/",
        "/cases/import/",
        "/accounts/two-factor/",
        "/accounts/",
    ]


def assert_spanish(html: str, where: str) -> None:
    page = read(html)
    assert page.language == "es", where
    shown = " ".join(" ".join(page.words).split())
    english = [label for label in ENGLISH_LABELS if re.search(rf"\b{re.escape(label)}\b", shown)]
    assert not english, f"{where} shows English fixed texts {english}"
    assert not re.search(r"\bCase \d+\b", shown), f"{where} names a case 'Case N' in Spanish"


def test_each_main_page_in_spanish(
    spanish: Callable[[str], Client], record: CaseRecord, organization: Organization
) -> None:
    client = spanish(Role.ATTORNEY)
    for path in pages(record):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_spanish(response.content.decode(), path)
    assert "Lista de casos" in client.get("/cases/").content.decode()
    assert "Las cuatro protecciones" in client.get(f"/cases/{record.id}/").content.decode()


def test_admin_pages_and_error_pages_in_spanish(
    spanish: Callable[[str], Client], organization: Organization
) -> None:
    admin = spanish(Role.ADMIN)
    for path in ("/accounts/people/", "/cases/calendar/"):
        response = admin.get(path)
        assert response.status_code == 200, path
        assert_spanish(response.content.decode(), path)
    missing = admin.get("/cases/00000000-0000-0000-0000-000000000000/")
    assert missing.status_code == 404
    assert_spanish(missing.content.decode(), "404")
    assert "No encontrado" in missing.content.decode()


def test_the_qr_code_is_named_in_the_chosen_language(spanish: Callable[[str], Client]) -> None:
    page = spanish(Role.VIEWER).get("/accounts/two-factor/").content.decode()
    named = re.findall(r'<svg role="img" aria-label="([^"]*)"', page)
    assert named == ["Código QR para su aplicación de autenticación"]


def test_the_login_page_follows_the_chosen_language(db: None) -> None:
    client = Client()
    client.post("/language/", {"language": "es", "next": "/accounts/login/"})
    response = client.get("/accounts/login/")
    assert_spanish(response.content.decode(), "login")
    assert "Iniciar sesión en Withhold" in response.content.decode()
    # Django's own messages follow too.
    refused = client.post("/accounts/login/", {"username": "", "password": ""})
    assert "Este campo es obligatorio" in refused.content.decode()


def test_the_team_pages_take_only_the_languages_they_are_written_in(db: None) -> None:
    """The team's pages are written in English and Spanish; a language of the client-facing catalogs is
    not taken for them (it would leave a page half in English)."""
    client = Client()
    client.post("/language/", {"language": "fr", "next": "/accounts/login/"})
    assert '<html lang="en"' in client.get("/accounts/login/").content.decode()


def test_english_stays_english(attorney: Client, record: CaseRecord) -> None:
    page = attorney.get(f"/cases/{record.id}/").content.decode()
    assert read(page).language == "en"
    assert "Evidence checklist" in page and "Lista de pruebas" not in page


def test_flash_messages_and_the_section_editor_in_spanish(
    spanish: Callable[[str], Client], record: CaseRecord
) -> None:
    """The messages a view leaves for the next page, and the section editor's own words around the core's
    (English) fact descriptions, follow the chosen language."""
    client = spanish(Role.ATTORNEY)
    case = f"/cases/{record.id}/"
    for section in ("asylum", "claim", "conduct"):
        editor = client.get(f"{case}edit/{section}/").content.decode()
        assert_spanish(editor, f"{section} editor")
        assert ">Se desconoce</option>" in editor, section
    assert ">Sí</option>" in client.get(f"{case}edit/claim/").content.decode()
    assert "Todavía no se presentó" in client.get(f"{case}edit/asylum/").content.decode()

    closed = client.post(f"{case}workflow/", {"workflow": "closed"}, follow=True).content.decode()
    assert f"El Caso {record.number} ahora está" in closed

    same = client.post(f"{case}edit/document/", {"text": yaml.safe_dump(record.document), "version": 1})
    assert same.status_code == 302
    shown = client.get(case).content.decode()
    assert_spanish(shown, "case page after saving nothing new")
    assert "No cambió nada." in shown

    changed = {**record.document, "claim": {"country": "GT", "credible": True}}
    client.post(f"{case}edit/document/", {"text": yaml.safe_dump(changed), "version": 1})
    client.post(f"{case}versions/1/restore/")
    shown = client.get(case).content.decode()
    assert_spanish(shown, "case page after restoring")
    assert "La versión 1 se restauró como versión 3." in shown


def test_a_form_message_in_spanish(spanish: Callable[[str], Client], organization: Organization) -> None:
    admin = spanish(Role.ADMIN)
    taken = admin.post("/accounts/people/", {"username": "Ximena-Prueba", "role": Role.VIEWER})
    assert taken.status_code == 200
    again = admin.post("/accounts/people/", {"username": "ximena-prueba", "role": Role.VIEWER})
    assert_spanish(again.content.decode(), "people, a username taken")
    assert "Ese nombre de usuario ya está en uso." in again.content.decode()
