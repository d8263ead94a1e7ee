"""A ``why`` put together from named sentences.

The case warnings and the other-relief flags keep, for each entry, every sentence their code may say about
a case (package data, English and Spanish side by side, each with the placeholders the code fills). For one
case, the code picks the sentences that apply, in order, with their values; :func:`compose` makes them one
text. The data must have exactly the sentences the code uses: one it never says is dead text, and one it
needs but lacks would fail only on the case that needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from withhold.language import Localized, joined, read_localized

Reason = tuple[str, Mapping[str, object]]
"""A sentence's key and the values of its placeholders (a :class:`Localized` value per language)."""


def read_sentences(
    where: str, value: Any, problems: list[str], *, expected: Mapping[str, frozenset[str]]
) -> dict[str, Localized]:
    """The sentences of ``value``, keyed as in ``expected`` (key → the placeholders the code fills);
    each problem is appended to ``problems``, named ``where.key``."""
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a mapping of sentences")
        return {}
    sentences: dict[str, Localized] = {}
    for key, allowed in expected.items():
        if key not in value:
            problems.append(f"{where}.{key}: missing (the code uses it)")
            continue
        sentence = read_localized(f"{where}.{key}", value[key], problems, placeholders_allowed=allowed)
        if sentence is not None:
            sentences[key] = sentence
    for key in value:
        if key not in expected:
            problems.append(f"{where}.{key}: not a sentence the code uses")
    return sentences


def compose(sentences: Mapping[str, Localized], reasons: Iterable[Reason]) -> Localized:
    """The sentences named by ``reasons``, filled in and joined, in each language."""
    return joined(sentences[key].format(**values) for key, values in reasons)
