"""The words of the pages Withhold adds to a filing (``texts.yaml``), read once and checked."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel

from withhold.package_data import read_model


class _Texts(RootModel[dict[str, Any]]):
    pass


class _Notes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    split: str
    fill_in: str
    missing: dict[str, str]
    untranslated: str
    no_service: str


@cache
def filing_texts() -> dict[str, Any]:
    """Every text by its key (``notes`` and ``hearing_kind`` are mappings, ``court_heading`` a list)."""
    texts = read_model(_Texts, __package__, "texts.yaml").root
    _Notes.model_validate(texts["notes"])
    return texts
