"""The interview's sections (:data:`withhold.interview.bank.SECTIONS`) with their titles and the words that
open each one, read once from package data (``sections.yaml``), in every language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated

from pydantic import BaseModel, ConfigDict, RootModel, model_validator

from withhold.interview.bank import SECTIONS
from withhold.language import Localized, LocalizedText, filled_by
from withhold.package_data import validated


@dataclass(frozen=True)
class Section:
    key: str
    title: Localized
    intro: Localized
    intro_alone: Localized | None = None
    """The opening words for a person without a legal team (self-help), where the team's wording would not
    hold: nothing is saved for them, and no legal team explains the answers."""

    def opening(self, *, alone: bool) -> Localized:
        return self.intro_alone if alone and self.intro_alone is not None else self.intro


class SectionTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Annotated[LocalizedText, filled_by()]
    intro: Annotated[LocalizedText, filled_by()]
    intro_alone: Annotated[LocalizedText, filled_by()] | None = None


class SectionsFile(RootModel[dict[str, SectionTexts]]):
    """``sections.yaml``: exactly :data:`SECTIONS`, in that order, each with a title and an introduction."""

    @model_validator(mode="after")
    def _every_section_in_order(self) -> SectionsFile:
        if list(self.root) != list(SECTIONS):
            raise ValueError(f"expected exactly {', '.join(SECTIONS)}, in that order")
        return self


@cache
def sections() -> dict[str, Section]:
    """Every section, in the order a client is asked them."""
    return parse(resources.files("withhold.interview").joinpath("sections.yaml").read_text(encoding="utf-8"))


def parse(text: str) -> dict[str, Section]:
    """The sections file's YAML ``text`` checked (:class:`SectionsFile`); raises
    :class:`~withhold.package_data.DataFileError` listing every problem with its line."""
    read = validated(SectionsFile, text, "withhold/interview/sections.yaml")
    return {key: Section(key, body.title, body.intro, body.intro_alone) for key, body in read.root.items()}
