"""The interview's own words on screen (``screens.yaml``): those the terminal and the browser share, and
each one's own. Read and checked once; a text in a language beyond English and Spanish comes from the
interview's catalog by its English."""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict

from withhold.language import Localized, LocalizedText, filled_by
from withhold.package_data import read_model

GROUPS = ("shared", "browser", "terminal")
PLACEHOLDERS = frozenset(
    {
        "answered",
        "remaining",
        "n",
        "name",
        "path",
        "count",
        "file",
        "protection",
        "what",
        "cites",
        "rule",
        "value",
        "first",
        "second",
        "date",
    }
)

Words = Annotated[
    dict[str, Annotated[LocalizedText, filled_by(*PLACEHOLDERS)]],
    BeforeValidator(lambda value: {} if value is None else value),  # a group with no words yet
]


class Screens(BaseModel):
    """``screens.yaml``: each group of words, each text in English and Spanish with the placeholders the
    faces fill."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shared: Words
    browser: Words
    terminal: Words


@cache
def screens() -> dict[str, dict[str, Localized]]:
    read = read_model(Screens, "withhold.interview", "screens.yaml")
    return {group: dict(getattr(read, group)) for group in GROUPS}
