"""The gettext catalogs translators work in: every language's catalogs up to date with the package's
texts, every entry it shows translated with the same placeholders, review status said, and the Spanish
round trip (YAML → .po → the same texts)."""

from __future__ import annotations

import io
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from withhold.cli.catalogs import update
from withhold.language import AUTHORED, LANGUAGES, Localized, joined
from withhold.language.domains import DOMAINS
from withhold.language.extract import catalog, texts
from withhold.language.gender import without_selects
from withhold.language.status import Review, native_name, review, right_to_left
from withhold.language.translations import LOCALE, catalog_languages, fold, translations

CATALOG_LANGUAGES = catalog_languages()


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(without_selects(text)) if name is not None}


def test_the_language_list_is_the_catalogs_found() -> None:
    assert ("en", "es", *CATALOG_LANGUAGES) == LANGUAGES
    assert set(CATALOG_LANGUAGES) == {"fr", "pt", "ht", "ar"}
    assert right_to_left() == ("ar",)
    assert native_name("ht") == "Kreyòl Ayisyen" and native_name("es") == "Español"


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_every_text_is_translated_with_its_placeholders(language: str) -> None:
    missing: list[str] = []
    wrong: list[str] = []
    found = translations(language)
    for domain in DOMAINS:
        for text in texts(domain):
            english = text.en[0] if isinstance(text.en, tuple) else text.en
            if isinstance(text.en, tuple):
                forms = found.plurals.get(english, ())
                if not forms or not all(forms):
                    missing.append(text.where)
                continue
            translated = found.text(english)
            if translated is None:
                missing.append(text.where)
            elif _names(translated) != _names(english):
                wrong.append(f"{text.where}: {sorted(_names(translated))} ≠ {sorted(_names(english))}")
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
    assert not wrong, wrong[:5]


def test_the_catalogs_are_up_to_date_with_the_texts(tmp_path: Path) -> None:
    """`withhold catalogs update` has been run: writing them again changes no translation."""
    for language in CATALOG_LANGUAGES:
        for path in (LOCALE / language / "LC_MESSAGES").glob("*.po"):
            target = tmp_path / language / "LC_MESSAGES" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    update(tmp_path, CATALOG_LANGUAGES)
    for language in CATALOG_LANGUAGES:
        for path in (LOCALE / language / "LC_MESSAGES").glob("*.po"):
            with path.open("rb") as a, (tmp_path / language / "LC_MESSAGES" / path.name).open("rb") as b:
                shipped, fresh = read_po(a), read_po(b)
            assert {m.id for m in shipped if m.id} == {m.id for m in fresh if m.id}, path


def test_the_spanish_round_trips_through_a_po_file() -> None:
    for domain in DOMAINS:
        book = catalog(domain, "es")
        out = io.BytesIO()
        write_po(out, book)
        back = read_po(io.BytesIO(out.getvalue()), locale="es")
        for text in texts(domain):
            key = text.en[0] if isinstance(text.en, tuple) else text.en
            message = back.get(key)
            assert message is not None, text.where
            expected = text.es if isinstance(text.es, tuple) else fold(str(text.es))
            got = tuple(message.string) if isinstance(text.es, tuple) else message.string
            if isinstance(text.es, tuple):
                assert got[: len(expected)] == expected, text.where
            elif got != expected:
                # Two texts with one English and two Spanish wordings: the first stands in the catalog.
                assert any(t.en == text.en for t in texts(domain) if t is not text), text.where


def test_review_status_is_said_per_language() -> None:
    for language in AUTHORED:
        assert review(language) is Review.REVIEWED
    for language in CATALOG_LANGUAGES:
        assert review(language) is Review.MACHINE_ASSISTED  # every entry is still marked for review


def test_a_filled_or_joined_text_reads_in_every_language() -> None:
    words = Localized(en="I don't know", es="No sé")
    assert words.get("fr") == translations("fr").text("I don't know") != "I don't know"
    filled = Localized(en="Part {n} of {of}", es="Parte {n} de {of}").format(n=1, of=8)
    assert filled.get("pt") != filled.en and "1" in filled.get("pt") and "8" in filled.get("pt")
    together = joined([words, words], " / ")
    assert together.get("ar") == f"{words.get('ar')} / {words.get('ar')}"
    untranslated = Localized(en="A text no catalog has", es="Un texto")
    assert untranslated.get("ht") == "A text no catalog has" and not untranslated.translated("ht")
