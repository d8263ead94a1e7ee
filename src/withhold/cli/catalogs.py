"""``withhold catalogs``: the gettext catalogs translators work in, written from the package's texts.

``update`` writes each domain's template (``locale/<domain>.pot``) and brings every language's catalog
up to date with it, as ``msgmerge`` does: a translation whose English text is unchanged stays; a text
that changed or is new waits, empty, for its translator; one whose text is gone is kept as obsolete.
``spanish`` writes the Spanish catalogs from the YAML's Spanish, for a translator who prefers the tools.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from withhold.language.domains import DOMAINS
from withhold.language.extract import catalog
from withhold.language.translations import LOCALE, catalog_languages


def _write(path: Path, book: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, book, width=110, sort_output=False, include_previous=True)


def update(root: Path = LOCALE, languages: tuple[str, ...] | None = None) -> list[Path]:
    written: list[Path] = []
    chosen = languages if languages is not None else catalog_languages(root)
    for domain in DOMAINS:
        template = catalog(domain)
        pot = root / f"{domain.name}.pot"
        _write(pot, template)
        written.append(pot)
        for language in chosen:
            path = root / language / "LC_MESSAGES" / f"{domain.name}.po"
            if path.exists():
                with path.open("rb") as source:
                    book = read_po(source, locale=language, domain=domain.name)
                book.update(template, no_fuzzy_matching=True, update_header_comment=False)
            else:
                book = Catalog(locale=language, domain=domain.name, project="Withhold", fuzzy=False)
                book.update(template, no_fuzzy_matching=True)
            _write(path, book)
            written.append(path)
    return written


def spanish(root: Path) -> list[Path]:
    written: list[Path] = []
    for domain in DOMAINS:
        path = root / "es" / "LC_MESSAGES" / f"{domain.name}.po"
        _write(path, catalog(domain, "es"))
        written.append(path)
    return written
