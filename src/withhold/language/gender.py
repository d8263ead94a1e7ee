"""Texts that agree with the person they address.

Spanish, French, Portuguese and Arabic mark the gender of the person spoken to ("¿Está usted detenida?",
"protégée"). A text written for anyone carries its gendered words as ICU MessageFormat's ``select``, the
form translators know from every major translation tool::

    ¿Es usted {gender, select, female {ciudadana} other {ciudadano}} de ese país?

The catalogs carry the variants; the code chooses: a :class:`Reader` is a language as one person reads it,
with the grammatical gender the case records for them (``person.sex``), and every text read in it agrees.
Where the case records none, ``other`` is chosen, which must read naturally for anyone. Only the
``select`` on ``gender`` is read here (no nested braces inside a case): it is all the texts need, and it
keeps each variant visible to the reviewer in one line.
"""

from __future__ import annotations

import re
from typing import Literal

Gender = Literal["female", "male"]
GENDERS: tuple[Gender, ...] = ("female", "male")

_SELECT = re.compile(r"\{gender, select,((?:\s*(?:female|male|other)\s*\{[^{}]*\})+)\s*\}")
_CASE = re.compile(r"(female|male|other)\s*\{([^{}]*)\}")


class Reader(str):
    """A language code as one person reads it: equal to the plain code (``Reader("es", "female") ==
    "es"``), so it goes wherever a language goes, and carries the gender its texts agree with."""

    gender: Gender | None

    def __new__(cls, language: str, gender: Gender | None = None) -> Reader:
        reader = super().__new__(cls, language)
        reader.gender = gender
        return reader

    def __getnewargs__(self) -> tuple[str, Gender | None]:  # type: ignore[override]
        return (str(self), self.gender)

    def __repr__(self) -> str:
        return f"Reader({str(self)!r}, {self.gender!r})"


def reading(language: str, sex: object) -> str:
    """``language`` as read by a person of the recorded ``sex`` (``female``, ``male``, or unknown)."""
    gender: Gender | None = "female" if sex == "female" else "male" if sex == "male" else None
    return Reader(language, gender) if gender is not None else str(language)


def gender_of(language: str) -> Gender | None:
    """The gender ``language`` is read in (None: not known, so texts take the form for anyone)."""
    return language.gender if isinstance(language, Reader) else None


def agree(text: str, gender: Gender | None) -> str:
    """``text`` with each ``{gender, select, …}`` replaced by the case for ``gender`` (``other`` when it
    is unknown or has no case of its own)."""
    if "{gender, select," not in text:
        return text

    def chosen(match: re.Match[str]) -> str:
        cases: dict[str, str] = dict(_CASE.findall(match.group(1)))
        return cases.get(gender or "other", cases.get("other", ""))

    return _SELECT.sub(chosen, text)


def selects_problems(text: str) -> list[str]:
    """What is wrong with a text's gender selects: one that is not well formed, or lacks ``other``."""
    problems: list[str] = []
    if text.count("{gender, select,") != len(_SELECT.findall(text)):
        problems.append("a {gender, select, …} that is not well formed")
    for match in _SELECT.finditer(text):
        if "other" not in dict(_CASE.findall(match.group(1))):
            problems.append("a {gender, select, …} without an 'other' case (for anyone)")
    return problems


def without_selects(text: str) -> str:
    """``text`` with each select in its ``other`` form (to check its placeholders, or measure it)."""
    return agree(text, None)
