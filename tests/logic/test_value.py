"""Kleene three-valued logic and dependency sets."""

from __future__ import annotations

import itertools

import pytest

from withhold.logic import FALSE, TRUE, UNKNOWN, V, all_, any_, case_split, implies, not_, unknown

U = unknown("a")
VALUES = {"T": TRUE, "F": FALSE, "U": U}

# Kleene's strong tables, written out as a lawyer would check them.
AND = {
    ("T", "T"): "T", ("T", "F"): "F", ("T", "U"): "U",
    ("F", "T"): "F", ("F", "F"): "F", ("F", "U"): "F",
    ("U", "T"): "U", ("U", "F"): "F", ("U", "U"): "U",
}  # fmt: skip
OR = {
    ("T", "T"): "T", ("T", "F"): "T", ("T", "U"): "T",
    ("F", "T"): "T", ("F", "F"): "F", ("F", "U"): "U",
    ("U", "T"): "T", ("U", "F"): "U", ("U", "U"): "U",
}  # fmt: skip


def name(value: V[bool]) -> str:
    return {True: "T", False: "F"}.get(value.value, "U")  # type: ignore[arg-type]


@pytest.mark.parametrize(("a", "b"), list(itertools.product("TFU", repeat=2)))
def test_and_or_truth_tables(a: str, b: str) -> None:
    assert name(all_(VALUES[a], VALUES[b])) == AND[a, b]
    assert name(any_(VALUES[a], VALUES[b])) == OR[a, b]


def test_not_and_implies() -> None:
    assert not_(TRUE) == FALSE and not_(FALSE) == TRUE
    assert not_(U).value is UNKNOWN and not_(U).depends == {"a"}
    assert implies(FALSE, U) == TRUE
    assert implies(TRUE, U).value is UNKNOWN


def test_empty_conjunction_and_disjunction() -> None:
    assert all_() == TRUE
    assert any_() == FALSE


def test_unknown_result_depends_only_on_its_unknown_parts() -> None:
    result = all_(TRUE, unknown("x"), unknown("y", "z"))
    assert result.value is UNKNOWN
    assert result.depends == {"x", "y", "z"}
    # A part already decided adds nothing to what is missing.
    assert any_(FALSE, unknown("x")).depends == {"x"}


def test_a_decided_result_depends_on_nothing() -> None:
    assert all_(FALSE, unknown("x")).depends == frozenset()
    assert any_(TRUE, unknown("x")).depends == frozenset()


def test_case_split_decides_when_every_possibility_agrees() -> None:
    circuit = unknown("proceedings.circuit")
    same = case_split(circuit, ("5", "9"), lambda c: TRUE)
    assert same == TRUE
    differs = case_split(circuit, ("5", "9"), lambda c: V(c == "9"))
    assert differs.value is UNKNOWN
    assert differs.depends == {"proceedings.circuit"}
    assert case_split(V("9"), ("5", "9"), lambda c: V(c == "9")) == TRUE


def test_get_on_unknown_is_an_error() -> None:
    with pytest.raises(ValueError):
        U.get()
