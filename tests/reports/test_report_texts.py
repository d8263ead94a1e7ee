"""The reports' fixed texts (texts.yaml): complete in both languages, checked when loaded, all used, and
the only words the templates print."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from withhold.law.deadlines.catalogue import DEADLINES
from withhold.package_data import DataFileError
from withhold.reports.texts import parse, texts

PACKAGE = Path(resources.files("withhold.reports"))  # type: ignore[arg-type]
TEMPLATES = sorted((PACKAGE / "templates").glob("*.j2"))


def source() -> str:
    return (PACKAGE / "texts.yaml").read_text(encoding="utf-8")


def line_of(text: str, start: str, after: str = "") -> int:
    """The line (from 1) of the first line beginning with ``start`` below the one beginning ``after``."""
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith(after)) if after else 0
    return next(n for n, line in enumerate(lines) if n >= first and line.startswith(start)) + 1


def problems(text: str) -> tuple[str, ...]:
    with pytest.raises(DataFileError) as error:
        parse(text)
    return error.value.problems


def test_the_shipped_texts_load() -> None:
    assert texts().say("es", "statuses", "undetermined", "label") == "SIN DETERMINAR"
    assert parse(source()) == texts()


def test_a_missing_translation_is_an_error_that_names_it() -> None:
    text = source()
    assert '  h_gather: {en: "What to gather", es: "Qué reunir"}' in text
    text = text.replace(
        '  h_gather: {en: "What to gather", es: "Qué reunir"}', '  h_gather: {en: "What to gather"}'
    )
    text = text.replace('  page: {en: "Page", es: "Página"}', '  page: {en: " ", es: "Página"}')
    assert problems(text) == (
        f"ui.page: en: missing translation (line {line_of(text, '  page:')})",
        f"ui.h_gather: es: missing translation (line {line_of(text, '  h_gather:')})",
    )


def test_placeholders_must_match_between_languages() -> None:
    text = source()
    assert "Ley vigente al {date}" in text
    found = problems(text.replace("Ley vigente al {date}", "Ley vigente hoy", 1))
    assert len(found) == 1
    assert found[0].startswith("ui.law_as_of: en and es use different placeholders")
    assert found[0].endswith(f"(line {line_of(text, '  law_as_of:')})")


def test_a_placeholder_the_builders_never_fill_is_an_error() -> None:
    text = source().replace("{date}", "{fecha}")
    assert f"ui.law_as_of: unknown placeholder {{fecha}} (line {line_of(text, '  law_as_of:')})" in problems(
        text
    )


def test_every_deadline_of_the_core_needs_its_client_words() -> None:
    # A new deadline in the core cannot reach a client report in English only.
    first = DEADLINES[0][0]
    assert f"\n  {first}:\n" in source()
    text = source().replace(f"\n  {first}:\n", "\n  not_a_deadline:\n", 1)
    found = problems(text)
    deadlines = line_of(text, "deadlines:")
    assert f"deadlines.{first}: missing (line {deadlines})" in found
    assert (
        f"deadlines.not_a_deadline: unknown field (line {line_of(text, '  not_a_deadline', 'deadlines:')})"
        in found
    )


def test_every_row_of_the_comparison_needs_its_plain_question() -> None:
    text = source()
    travel = line_of(text, "  travel:", "comparison_rows:")
    lines = text.splitlines()
    del lines[travel - 1]
    assert problems("\n".join(lines)) == (
        f"comparison_rows.travel: missing (line {line_of(text, 'comparison_rows:')})",
    )


def test_unknown_groups_keys_and_languages_are_errors() -> None:
    text = source() + "\ncolours: {}\n"
    text = text.replace("\nstandings:\n", "\nstandings:\n  postponed: {en: POSTPONED, es: APLAZADO}\n", 1)
    found = problems(text)
    assert f"colours: unknown field (line {line_of(text, 'colours:')})" in found
    assert f"standings.postponed: unknown field (line {line_of(text, '  postponed:')})" in found


def test_a_language_beyond_english_and_spanish_is_an_error() -> None:
    text = source().replace(
        '  page: {en: "Page", es: "Página"}', '  page: {en: "Page", es: "Página", fr: "Page"}'
    )
    assert problems(text) == (
        f"ui.page: fr: unknown language; expected en and es (line {line_of(text, '  page:')})",
    )


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
