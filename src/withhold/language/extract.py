"""Every translatable text of Withhold's YAML files, as gettext catalogs (one per domain).

The English text is the message id (its spaces folded, as the lookup folds them) and the YAML path where
it appears is the message's location, so a translator sees where a text is used. A text with ``one`` and
``other`` forms becomes a plural message. The Spanish catalog can be written too (its translations are
the YAML's Spanish), so a Spanish translator can work in the same tools; its texts are reviewed (not
fuzzy).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from babel.messages.catalog import Catalog

from withhold.language.domains import Domain, Source
from withhold.language.translations import fold
from withhold.package_data import read_yaml


@dataclass(frozen=True)
class Text:
    where: str
    en: str | tuple[str, str]
    es: str | tuple[str, ...]


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and "en" in value and "es" in value and not (set(value) - {"en", "es"})


def _forms(value: Any) -> str | tuple[str, ...] | None:
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, dict) and "one" in value and "other" in value:
        return (fold(str(value["one"])), fold(str(value["other"])))
    return None


def _walk(value: Any, path: tuple[str, ...], source: Source) -> Iterator[Text]:
    if _is_text(value):
        en, es = _forms(value["en"]), _forms(value["es"])
        if en is not None and es is not None:
            yield Text(f"{source.package.rsplit('.', 1)[-1]}/{source.name}#{'.'.join(path)}", en, es)  # type: ignore[arg-type]
        return
    if isinstance(value, dict):
        for key, inner in value.items():
            if str(key) in source.skip_keys:
                continue
            if not path and source.only_groups and str(key) not in source.only_groups:
                continue
            yield from _walk(inner, (*path, str(key)), source)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            name = inner.get("id") or inner.get("path") if isinstance(inner, dict) else None
            yield from _walk(inner, (*path, str(name or index)), source)


def texts(domain: Domain) -> Iterator[Text]:
    for source in domain.sources:
        yield from _walk(read_yaml(source.package, source.name), (), source)


def catalog(domain: Domain, language: str | None = None) -> Catalog:
    """The domain's template (``language`` None: every translation empty) or its Spanish catalog."""
    book = Catalog(
        locale=language,
        domain=domain.name,
        project="Withhold",
        msgid_bugs_address="",
        copyright_holder="Withhold contributors",
        fuzzy=False,
    )
    for text in texts(domain):
        if isinstance(text.en, tuple):
            string: str | tuple[str, ...] = ("", "") if language is None else text.es
        else:
            string = "" if language is None else str(text.es)
        existing = book.get(text.en)
        if existing is not None:
            existing.locations.append((text.where, 0))
            continue
        book.add(text.en, string, locations=[(text.where, 0)])
    return book
