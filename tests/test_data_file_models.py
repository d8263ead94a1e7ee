"""Data files declared as pydantic models: every problem at once, with its path and its line."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from withhold.language import LocalizedText
from withhold.package_data import DataFileError, validated


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: LocalizedText
    days: int


class File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entries: dict[str, Entry]


GOOD = """entries:
  appeal:
    title: {en: "Appeal", es: "Apelación"}
    days: 30
"""


def test_a_good_file_is_read_into_its_model() -> None:
    read = validated(File, GOOD, "example.yaml")
    assert read.entries["appeal"].title.get("es") == "Apelación"
    assert read.entries["appeal"].days == 30


def test_every_problem_is_named_by_its_path_and_line() -> None:
    text = """entries:
  appeal:
    title: {en: "Appeal"}
    days: thirty
  motion:
    title: {en: "Motion {days}", es: "Moción"}
    days: 90
    colour: red
"""
    with pytest.raises(DataFileError) as raised:
        validated(File, text, "example.yaml")
    problems = raised.value.problems
    assert "entries.appeal.title: es: missing translation (line 3)" in problems
    assert any(p.startswith("entries.appeal.days: ") and p.endswith("(line 4)") for p in problems)
    assert any(p.startswith("entries.motion.title: en and es use different placeholders") for p in problems)
    assert "entries.motion.colour: unknown field (line 8)" in problems
    assert str(raised.value).startswith("example.yaml is not valid:")


def test_a_key_given_twice_or_broken_yaml_is_the_one_problem() -> None:
    with pytest.raises(DataFileError, match="duplicate key 'appeal'"):
        validated(File, GOOD + "  appeal:\n    days: 1\n", "example.yaml")
    with pytest.raises(DataFileError, match="not readable YAML"):
        validated(File, "entries: [", "example.yaml")


class Dated(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    groups: dict[str, dict[str, int | str]]
    facts: dict[str, Entry]


def test_a_key_named_like_a_type_and_a_key_with_dots_read_whole() -> None:
    text = """groups:
  date:
    day: [1]
facts:
  proceedings.detained:
    title: {en: "Detained", es: "Detenido"}
    days: soon
"""
    with pytest.raises(DataFileError) as raised:
        validated(Dated, text, "example.yaml")
    problems = raised.value.problems
    assert any(p.startswith("groups.date.day: ") and p.endswith("(line 3)") for p in problems), problems
    assert any(
        p.startswith("facts.proceedings.detained: days: ") and p.endswith("(line 7)") for p in problems
    )
