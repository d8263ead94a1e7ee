"""A ``why`` put together from named sentences.

The case warnings and the other-relief flags keep, for each entry, every sentence their code may say about
a case (package data, English and Spanish side by side, each with the placeholders the code fills). For one
case, the code picks the sentences that apply, in order, with their values; :func:`compose` makes them one
text. The data must have exactly the sentences the code uses: one it never says is dead text, and one it
needs but lacks would fail only on the case that needs it.

A data file declared as a pydantic model says so with :func:`sentences_model` (a model with exactly those
sentences, each problem at its own key and line) or, for a ``dict[str, LocalizedText]`` field or a model
validator, :func:`exactly` and :func:`sentence_problems`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from withhold.language import (
    Localized,
    LocalizedText,
    filled_by,
    joined,
    placeholder_problems,
)

Reason = tuple[str, Mapping[str, object]]
"""A sentence's key and the values of its placeholders (a :class:`Localized` value per language)."""


Expected = Mapping[str, frozenset[str]]
"""The sentences the code says: each key with the placeholders the code fills in it."""


def sentences_model(name: str, expected: Expected) -> type[BaseModel]:
    r"""A model of a ``why`` with exactly the sentences of ``expected``, each in English and Spanish with
    only its own placeholders: a missing sentence, one the code never says, and a wrong placeholder are
    each named by the sentence's key and line. Its sentences: :func:`sentences_of`. Build it once (in the
    ``@cache``\ d function that builds the file's model)::

        why: sentences_model("CredibilityWhy", WHY["credibility"])
    """
    fields: dict[str, Any] = {
        f"sentence_{n}": (Annotated[LocalizedText, filled_by(*allowed)], Field(alias=key))
        for n, (key, allowed) in enumerate(expected.items())
    }
    return create_model(name, __config__=ConfigDict(extra="forbid", frozen=True), **fields)


def sentences_of(why: BaseModel) -> dict[str, Localized]:
    """The sentences of a model made by :func:`sentences_model`, by key."""
    return {field.alias or name: getattr(why, name) for name, field in type(why).model_fields.items()}


def sentence_problems(sentences: Mapping[str, Localized], expected: Expected) -> list[str]:
    """What is wrong with ``sentences`` read as ``dict[str, LocalizedText]`` (each as ``key: what``), for
    a model validator: a sentence the code uses missing, one it never says, a placeholder it does not
    fill."""
    problems = [f"{key}: missing (the code uses it)" for key in expected if key not in sentences]
    problems += [f"{key}: not a sentence the code uses" for key in sentences if key not in expected]
    problems += [
        f"{key}: {problem}"
        for key, text in sentences.items()
        if key in expected
        for problem in placeholder_problems(text, expected[key])
    ]
    return problems


def exactly(expected: Expected) -> AfterValidator:
    """A field's constraint, ``Annotated[dict[str, LocalizedText], exactly(WHY["nexus"])]``: the sentences
    of :func:`sentence_problems`, all its problems in one message at the field."""

    def check(sentences: dict[str, Localized]) -> dict[str, Localized]:
        problems = sentence_problems(sentences, expected)
        if problems:
            raise ValueError("; ".join(problems))
        return sentences

    return AfterValidator(check)


def compose(sentences: Mapping[str, Localized], reasons: Iterable[Reason]) -> Localized:
    """The sentences named by ``reasons``, filled in and joined, in each language."""
    return joined(sentences[key].format(**values) for key, values in reasons)
