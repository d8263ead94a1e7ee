"""The interview's sections (:data:`withhold.interview.bank.SECTIONS`) with their titles and the words that
open each one, read once from package data (``sections.yaml``), in every language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from withhold.interview.bank import SECTIONS
from withhold.language import Localized, read_localized
from withhold.package_data import check_fields, read_yaml


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


@cache
def sections() -> dict[str, Section]:
    """Every section, in the order a client is asked them."""
    return parse(read_yaml("withhold.interview", "sections.yaml"))


def parse(raw: Any) -> dict[str, Section]:
    """Check the sections read from YAML: exactly :data:`SECTIONS`, each with a title and an introduction
    in every language. Raises ``ValueError`` listing every problem."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise ValueError("sections: expected a mapping of section keys to their texts")
    if list(raw) != list(SECTIONS):
        problems.append(f"sections: expected exactly {', '.join(SECTIONS)}, in that order")
    found: dict[str, Section] = {}
    for key, body in raw.items():
        if not check_fields(
            str(key),
            body,
            allowed=("title", "intro", "intro_alone"),
            required=("title", "intro"),
            problems=problems,
        ):
            continue
        title = read_localized(f"{key}: title", body["title"], problems)
        intro = read_localized(f"{key}: intro", body["intro"], problems)
        alone = (
            read_localized(f"{key}: intro_alone", body["intro_alone"], problems)
            if "intro_alone" in body
            else None
        )
        if title is not None and intro is not None:
            found[str(key)] = Section(str(key), title, intro, alone)
    if problems:
        raise ValueError("sections are not valid:\n  " + "\n  ".join(problems))
    return found
