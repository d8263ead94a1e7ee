"""Published decisions as tests: each committed precedent in ``cases/`` must get the statuses the
tribunal's holding implies, on the law as of the decision (the case file's ``law_as_of``).

The YAML files are the project's own copy of the shared corpus (``import_from_shared.py`` regenerates
them); a protection the tribunal did not decide is not in ``expect`` and is not checked.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from withhold.facts.loading import read_document, validate_case
from withhold.screening import screen

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
SHARED = HERE / "shared" / "cases.jsonl"
"""The corpus as first shared (its README says where from); ``cases/`` is the project's YAML of it."""
DEFAULT_AS_OF = dt.date(2026, 11, 23)
RELIEFS = ("asylum", "statutory_withholding", "cat_withholding", "cat_deferral")
STATUSES = ("eligible", "not_eligible", "barred", "undetermined")
REQUIRED = ("id", "citation", "court", "year", "status", "holding", "why", "expect", "case")


def load_precedents() -> list[dict[str, Any]]:
    precedents = []
    for path in sorted(CASES.glob("*.yaml")):
        document = read_document(path.read_text(encoding="utf-8"))
        assert isinstance(document, dict), f"{path.name}: a precedent file is a mapping"
        document["_file"] = path.name
        precedents.append(document)
    return precedents


PRECEDENTS = load_precedents()


def shared_scoreable() -> list[dict[str, Any]]:
    records = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r.get("scoreable")]


def test_the_corpus_is_committed() -> None:
    assert len(PRECEDENTS) >= 30, f"only {len(PRECEDENTS)} precedents in {CASES}"


@pytest.mark.parametrize("precedent", PRECEDENTS, ids=lambda p: str(p.get("id")))
def test_precedent_file_is_well_formed(precedent: dict[str, Any]) -> None:
    where = precedent["_file"]
    missing = [key for key in REQUIRED if key not in precedent]
    assert not missing, f"{where}: missing {missing}"
    assert where == f"{precedent['id']}.yaml", f"{where}: the file is named after the id"
    assert precedent["expect"], f"{where}: expect decides nothing"
    for relief, status in precedent["expect"].items():
        assert relief in RELIEFS and status in STATUSES, f"{where}: bad expectation {relief}: {status}"
    validate_case(precedent["case"])


@pytest.mark.parametrize("precedent", PRECEDENTS, ids=lambda p: str(p.get("id")))
def test_precedent(precedent: dict[str, Any]) -> None:
    case = validate_case(precedent["case"])
    as_of = case.law_as_of or DEFAULT_AS_OF
    screening = screen(case, as_of)
    wrong = {
        relief: (expected, screening.statuses[relief])
        for relief, expected in precedent["expect"].items()
        if screening.statuses[relief] != expected
    }
    if wrong:
        lines = [f"{precedent['citation']} ({precedent['court']}, {precedent['year']}) — {precedent['id']}"]
        lines.append(f"  holding: {precedent['holding']}")
        lines.append(f"  why: {precedent['why']}")
        for relief, (expected, got) in wrong.items():
            d = screening[relief]
            lines.append(f"  {relief}: expected {expected}, got {got}")
            lines += [f"    {t.label} = {t.value!r}{' — ' + t.note if t.note else ''}" for t in d.reasons[:8]]
            if d.missing:
                lines.append(f"    missing: {', '.join(d.missing)}")
        pytest.fail("\n".join(lines))


def test_every_scoreable_precedent_of_the_shared_corpus_is_committed() -> None:
    shared = shared_scoreable()
    assert len(PRECEDENTS) == len(shared), (
        f"{len(PRECEDENTS)} precedents committed, {len(shared)} scoreable in {SHARED}: "
        "run tests/precedents/import_from_shared.py"
    )
    assert {p["id"] for p in PRECEDENTS} == {r["id"] for r in shared}


def test_committed_precedents_match_the_shared_corpus() -> None:
    shared = {r["id"]: r for r in shared_scoreable()}
    drifted = []
    for precedent in PRECEDENTS:
        record = shared.get(precedent["id"])
        if record is None:
            continue  # reported by the test above
        same_case = validate_case(precedent["case"]) == validate_case(record["case"])
        if (
            not same_case
            or precedent["expect"] != record["expect"]
            or precedent["citation"] != record["citation"]
        ):
            drifted.append(precedent["id"])
    assert not drifted, f"out of date with {SHARED}: {drifted}; run tests/precedents/import_from_shared.py"
