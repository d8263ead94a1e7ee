"""A ``why`` declared for a pydantic model: exactly the sentences the code says, each with its own
placeholders, every problem named by its key and line."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, ConfigDict

from withhold.language import LocalizedText
from withhold.package_data import DataFileError, validated
from withhold.preparation.sentences import compose, exactly, sentences_model, sentences_of

WHY = {"unassessed": frozenset(), "unavailable": frozenset({"count"})}

GOOD = """why:
  unassessed: {en: "Not assessed.", es: "No evaluado."}
  unavailable: {en: "{count} missing.", es: "Faltan {count}."}
"""


class Flag(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    why: sentences_model("Why", WHY)  # type: ignore[valid-type]


class Loose(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    why: Annotated[dict[str, LocalizedText], exactly(WHY)]


def test_the_sentences_are_read_and_composed() -> None:
    why = sentences_of(validated(Flag, GOOD, "flags.yaml").why)
    assert set(why) == set(WHY)
    text = compose(why, [("unavailable", {"count": 2}), ("unassessed", {})])
    assert text.get("es") == "Faltan 2. No evaluado."
    assert validated(Loose, GOOD, "flags.yaml").why == why


BAD = """why:
  unavailable: {en: "{n} missing.", es: "Faltan {n}."}
  unsaid: {en: "Never said.", es: "Nunca dicho."}
"""


def test_each_sentence_problem_is_named_by_its_key_and_line() -> None:
    with pytest.raises(DataFileError) as raised:
        validated(Flag, BAD, "flags.yaml")
    assert raised.value.problems == (
        "why.unassessed: missing (line 1)",
        "why.unavailable: unknown placeholder {n} (line 2)",
        "why.unsaid: unknown field (line 3)",
    )


def test_a_dict_field_says_every_sentence_problem_at_the_field() -> None:
    with pytest.raises(DataFileError) as raised:
        validated(Loose, BAD, "flags.yaml")
    assert raised.value.problems == (
        "why: unassessed: missing (the code uses it); unsaid: not a sentence the code uses; "
        "unavailable: unknown placeholder {n} (line 1)",
    )
