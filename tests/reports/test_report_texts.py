"""The reports' fixed texts (texts.yaml): complete in both languages, checked when loaded, all used, and
the only words the templates print."""

from __future__ import annotations

import copy
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from withhold.law.deadlines.catalogue import DEADLINES
from withhold.package_data import parse_yaml
from withhold.reports.texts import parse, texts

PACKAGE = Path(resources.files("withhold.reports"))  # type: ignore[arg-type]
TEMPLATES = sorted((PACKAGE / "templates").glob("*.j2"))


def raw() -> dict[str, Any]:
    loaded = parse_yaml((PACKAGE / "texts.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_shipped_texts_load() -> None:
    assert texts().say("es", "statuses", "undetermined", "label") == "SIN DETERMINAR"


def test_a_missing_translation_is_an_error_that_names_it() -> None:
    broken = copy.deepcopy(raw())
    del broken["ui"]["h_gather"]["es"]
    broken["statuses"]["barred"]["plain"]["en"] = "  "
    with pytest.raises(ValueError) as error:
        parse(broken)
    message = str(error.value)
    assert "ui.h_gather.es: missing translation" in message
    assert "statuses.barred.plain.en: missing translation" in message


def test_placeholders_must_match_between_languages() -> None:
    broken = copy.deepcopy(raw())
    broken["ui"]["law_as_of"]["es"] = "Ley vigente hoy"
    with pytest.raises(ValueError, match=re.escape("ui.law_as_of: en and es use different placeholders")):
        parse(broken)


def test_a_placeholder_the_builders_never_fill_is_an_error() -> None:
    broken = copy.deepcopy(raw())
    broken["ui"]["law_as_of"] = {"en": "Law as of {fecha}", "es": "Ley vigente al {fecha}"}
    with pytest.raises(ValueError) as error:
        parse(broken)
    message = str(error.value)
    assert "ui.law_as_of.en: unknown placeholder {fecha}" in message
    assert "ui.law_as_of.es: unknown placeholder {fecha}" in message


def test_every_deadline_of_the_core_needs_its_client_words() -> None:
    # A new deadline in the core cannot reach a client report in English only.
    broken = copy.deepcopy(raw())
    first = DEADLINES[0][0]
    del broken["deadlines"][first]
    with pytest.raises(ValueError, match=re.escape(f"deadlines: {first}: missing")):
        parse(broken)


def test_every_row_of_the_comparison_needs_its_plain_question() -> None:
    broken = copy.deepcopy(raw())
    del broken["comparison_rows"]["travel"]
    with pytest.raises(ValueError, match="comparison_rows: travel: missing"):
        parse(broken)


def test_unknown_groups_keys_and_languages_are_errors() -> None:
    broken = copy.deepcopy(raw())
    broken["colours"] = {}
    broken["standings"]["postponed"] = {"en": "POSTPONED", "es": "APLAZADO"}
    broken["ui"]["page"]["fr"] = "Page"
    with pytest.raises(ValueError) as error:
        parse(broken)
    message = str(error.value)
    assert "texts.yaml: colours: unknown field; expected one of ui, statuses," in message
    assert "standings: postponed: unknown field; expected one of upcoming," in message
    assert "ui.page.fr: unknown language" in message


def template_keys() -> set[str]:
    return {
        key for path in TEMPLATES for key in re.findall(r"\bt\.([a-z_]+)", path.read_text(encoding="utf-8"))
    }


def test_every_text_a_template_uses_exists() -> None:
    ui = set(texts().group("ui", "en"))
    assert template_keys() - ui == set()


def test_every_ui_text_is_used() -> None:
    """By a template (``t.key``) or by the report builders (``"ui", "key"``, or a key they compose)."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.glob("*.py"))
    used_in_code = set(re.findall(r"[\"']ui[\"'],\s*[\"']([a-z_]+)[\"']", code))
    composed = ("title_", "confidential_", "deadlines_", "gather_", "kind_", "case_", "done_", "days_")
    unused = {
        key
        for key in texts().group("ui", "en")
        if key not in template_keys() and key not in used_in_code and not key.startswith(composed)
    }
    assert unused == set()


def test_templates_hold_no_words_of_their_own() -> None:
    """Every word a reader sees comes from texts.yaml, the core or the case: once Jinja2 expressions,
    statements, comments, tags and the style sheet are removed, no letters remain in a template."""
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\{#.*?#\}", " ", text, flags=re.DOTALL)
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.DOTALL)
        text = re.sub(r"<style>.*?</style>", " ", text, flags=re.DOTALL)
        text = re.sub(r"<!DOCTYPE html>|<[^>]*>", " ", text)
        words = re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)
        assert words == [], f"{path.name} prints words of its own: {words[:10]}"
