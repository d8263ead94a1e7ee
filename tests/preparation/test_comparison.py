"""The four protections side by side: the columns are the engine's, the rows are checked, dated,
bilingual package data picked by the law's date.

The example cases are invented (``examples/``); the bad data fed to the parser is built from the real
package data with one thing broken, so each test names the one check it exercises.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from withhold.facts.loading import parse_case
from withhold.language import LANGUAGES, Language, date_in_words
from withhold.law.protections import PROTECTIONS
from withhold.package_data import DataFileError
from withhold.preparation.comparison import (
    CONFIDENCES,
    FORMAT,
    PROTECTION_NAMES,
    REQUIRED_ROWS,
    Cell,
    compare,
    parse,
    parse_text,
    table,
    version_on,
)
from withhold.screening import Screening, screen

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEFAULT_AS_OF = dt.date(2026, 11, 23)
EXAMPLE_NAMES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
PUB_L_119_21 = dt.date(2025, 7, 4)
"""Pub. L. 119-21 enacted; its SNAP change took effect on enactment (USDA FNS memo, Oct. 31, 2025)."""


def _screening(name: str) -> Screening:
    case = parse_case((EXAMPLES / name).read_text(encoding="utf-8"))
    return screen(case, case.law_as_of or DEFAULT_AS_OF)


def _on(screening: Screening, day: dt.date) -> Screening:
    """The same determinations, with the law taken as of ``day`` (only the rows depend on the date)."""
    return dataclasses.replace(screening, law_as_of=day)


def _package_text() -> str:
    return resources.files("withhold.preparation").joinpath("protections.yaml").read_text(encoding="utf-8")


def _raw() -> dict[str, Any]:
    """A fresh, unshared copy of the package data (YAML aliases would otherwise share sub-trees)."""
    raw: dict[str, Any] = json.loads(json.dumps(yaml.safe_load(_package_text()), default=str))
    return raw


def _every_version() -> Iterator[tuple[str, str, Cell]]:
    for row in table().rows:
        for name, versions in row.cells.items():
            for version in versions:
                yield row.id, name, version


# --- columns: the engine's statuses, derived --------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_columns_carry_the_engines_status_and_reason(name: str) -> None:
    screening = _screening(name)
    comparison = compare(screening)
    assert comparison.as_of == screening.law_as_of
    assert [c.protection for c in comparison.columns] == [
        "asylum",
        "statutory_withholding",
        "cat_withholding",
        "cat_deferral",
    ]
    for column in comparison.columns:
        determination = screening[column.protection]
        texts = table().statuses[determination.status.value]
        assert column.status == determination.status.value
        assert column.reason == determination.summary
        assert column.status_label == texts.label
        for language in LANGUAGES:
            assert column.plain_reason.get(language).startswith(texts.plain.get(language))


def test_the_examples_exercise_every_status() -> None:
    seen = {column.status for name in EXAMPLE_NAMES for column in compare(_screening(name)).columns}
    assert seen == {"eligible", "not_eligible", "barred", "undetermined"}


def test_undetermined_is_never_shown_as_a_no() -> None:
    comparison = compare(_screening("almost-nothing-known.yaml"))
    for column in comparison.columns:
        assert column.status == "undetermined"
        assert column.status_label.en.startswith("Undetermined: facts or legal judgements missing")
        assert "not eligible" not in column.status_label.en.lower()
        assert "no elegible" not in column.status_label.es.lower()
        assert "This does not mean no." in column.plain_reason.en
        assert "Esto no quiere decir que no." in column.plain_reason.es


def test_not_eligible_says_not_shown_on_the_facts_given() -> None:
    comparison = compare(_screening("missed-deadline-withholding-open.yaml"))
    column = comparison.column("cat_withholding")
    assert column.status == "not_eligible"
    assert "not shown on the facts given" in column.status_label.en
    assert "no se demuestra con los hechos dados" in column.status_label.es


def test_deferral_column_says_it_is_used_only_when_cat_withholding_is_barred() -> None:
    comparison = compare(_screening("drug-trafficking-cat-deferral-only.yaml"))
    assert comparison.column("cat_withholding").status == "barred"
    deferral = comparison.column("cat_deferral")
    assert deferral.status == "eligible"
    assert "only if CAT withholding is blocked" in deferral.plain_reason.en
    assert "solo si la suspensión de remoción bajo la CAT está bloqueada" in deferral.plain_reason.es


def test_english_titles_are_the_engines() -> None:
    comparison = compare(_screening("clean-asylum.yaml"))
    assert [c.title.en for c in comparison.columns] == [p.title for p in PROTECTIONS]


# --- rows: complete, cited, bilingual ---------------------------------------------------------------


def test_every_required_row_is_there() -> None:
    ids = [row.id for row in compare(_screening("clean-asylum.yaml")).rows]
    assert set(REQUIRED_ROWS) <= set(ids)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("day", [dt.date(2020, 1, 1), dt.date(2025, 7, 3), PUB_L_119_21, DEFAULT_AS_OF])
def test_every_row_has_all_four_cells_in_column_order(day: dt.date) -> None:
    comparison = compare(_on(_screening("clean-asylum.yaml"), day))
    for row in comparison.rows:
        assert tuple(row.cells) == PROTECTION_NAMES, row.id
        for cell in row.cells.values():
            assert cell.in_force_on(day), row.id


def test_every_version_of_every_cell_cites_authority_in_both_languages() -> None:
    for row_id, name, cell in _every_version():
        where = f"{row_id}.{name} {cell.in_force}"
        assert cell.reference.strip(), where
        assert cell.confidence in CONFIDENCES, where
        for language in LANGUAGES:
            assert cell.text.get(language).strip(), where
            assert cell.plain.get(language).strip(), where
        assert cell.text.en != cell.text.es, f"{where}: the Spanish text is a copy of the English"
        assert cell.plain.en != cell.plain.es, f"{where}: the Spanish plain text is a copy of the English"


def test_a_missing_translation_is_rejected() -> None:
    raw = _raw()
    del raw["rows"]["family"]["cells"]["asylum"]["plain"]["es"]
    with pytest.raises(ValueError, match=r"rows\.family\.cells\.asylum\.0\.plain: es: missing translation"):
        parse(raw)


def test_a_missing_translation_of_a_status_or_title_is_rejected() -> None:
    raw = _raw()
    raw["statuses"]["undetermined"]["plain"]["es"] = "  "
    del raw["protections"]["cat_deferral"]["title"]["es"]
    with pytest.raises(ValueError) as error:
        parse(raw)
    assert "statuses.undetermined.plain: es: missing translation" in str(error.value)
    assert "protections.cat_deferral.title: es: missing translation" in str(error.value)


def test_a_cell_without_authority_or_with_an_unknown_confidence_is_rejected() -> None:
    raw = _raw()
    raw["rows"]["discretion"]["cells"]["asylum"]["reference"] = ""
    raw["rows"]["discretion"]["cells"]["statutory_withholding"]["authority"] = "INA 1"
    raw["rows"]["discretion"]["cells"]["cat_deferral"]["confidence"] = "probably"
    with pytest.raises(ValueError) as error:
        parse(raw)
    assert "rows.discretion.cells.asylum.0.reference: String should have at least 1 character" in str(
        error.value
    )
    assert "rows.discretion.cells.statutory_withholding.0.authority: unknown field" in str(error.value)
    assert "rows.discretion.cells.cat_deferral.0.confidence: Input should be 'verified'" in str(error.value)


def test_a_missing_cell_or_row_is_rejected() -> None:
    raw = _raw()
    del raw["rows"]["travel"]["cells"]["cat_deferral"]
    del raw["rows"]["public_benefits"]
    with pytest.raises(ValueError) as error:
        parse(raw)
    assert "rows.travel.cells.cat_deferral: missing" in str(error.value)
    assert "rows.public_benefits: missing" in str(error.value)


def test_a_key_given_twice_is_rejected() -> None:
    text = _package_text() + "\nrows: {}\n"
    with pytest.raises(ValueError, match="duplicate key"):
        parse_text(text)


def test_the_package_data_reads_the_same_through_the_strict_loader() -> None:
    assert parse_text(_package_text()) == table()


# --- dated versions ---------------------------------------------------------------------------------


def test_public_benefits_change_on_july_4_2025_for_asylum_and_withholding() -> None:
    screening = _screening("clean-asylum.yaml")
    before = compare(_on(screening, dt.date(2025, 7, 3))).row("public_benefits")
    after = compare(_on(screening, PUB_L_119_21)).row("public_benefits")
    for name in ("asylum", "statutory_withholding"):
        old, new = before.cells[name], after.cells[name]
        assert old.in_force == (None, dt.date(2025, 7, 3))
        assert new.in_force == (PUB_L_119_21, None)
        assert "Pub. L. 119-21" not in old.text.en and "Pub. L. 119-21" in new.reference
        assert "since July 4, 2025" in new.text.en and "desde el 4 de julio de 2025" in new.text.es
        assert "SNAP" in new.text.en and "not eligible" in new.text.en
        # The rules reference tags the 2025 SNAP change [S]: it is not shown as verified.
        assert old.confidence == "verified" and new.confidence == "secondary"
    for name in ("cat_withholding", "cat_deferral"):
        assert before.cells[name] == after.cells[name]  # never qualified aliens: nothing changed


def test_health_coverage_on_the_examples_date_is_the_unverified_medicaid_change() -> None:
    cell = compare(_screening("missed-deadline-withholding-open.yaml")).row("health_coverage").cells["asylum"]
    assert cell.in_force == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert cell.confidence == "unverified"
    assert "October 1, 2026" in cell.text.en and "§ 71109" in cell.text.en


@pytest.mark.parametrize(
    ("day", "expected_start"),
    [
        (dt.date(2023, 5, 10), None),
        (dt.date(2023, 5, 11), dt.date(2023, 5, 11)),
        (dt.date(2025, 1, 19), dt.date(2024, 6, 5)),
        (dt.date(2025, 1, 20), dt.date(2025, 1, 20)),
        (dt.date(2025, 12, 31), dt.date(2025, 12, 31)),
    ],
)
def test_asylum_bars_follow_the_dates_of_the_border_limitations(
    day: dt.date, expected_start: dt.date | None
) -> None:
    cell = compare(_on(_screening("clean-asylum.yaml"), day)).row("bars").cells["asylum"]
    assert cell.in_force[0] == expected_start
    assert cell.confidence == ("verified" if expected_start is None else "contested")


def test_every_cell_has_exactly_one_version_on_each_side_of_each_boundary() -> None:
    for row in table().rows:
        for name, versions in row.cells.items():
            edges = {v.in_force[0] for v in versions if v.in_force[0]} | {
                v.in_force[1] for v in versions if v.in_force[1]
            }
            for edge in edges:
                for day in (edge - dt.timedelta(days=1), edge, edge + dt.timedelta(days=1)):
                    in_force = [v for v in versions if v.in_force_on(day)]
                    assert len(in_force) == 1, f"{row.id}.{name} on {day}"
                    assert version_on(versions, day) is in_force[0]


def test_a_dated_version_states_its_date_in_both_languages() -> None:
    for row_id, name, cell in _every_version():
        start = cell.in_force[0]
        if start is not None:
            assert date_in_words(start, "en") in cell.text.en, f"{row_id}.{name}"
            assert date_in_words(start, "es") in cell.text.es, f"{row_id}.{name}"


# --- the load-time checks on versions, fed bad YAML -------------------------------------------------


def _version(start: str | None, end: str | None) -> str:
    """One version of a cell as a YAML list item; a dated one states its date, as the data must."""
    en = "Before." if start is None else f"Since {date_in_words(dt.date.fromisoformat(start), 'en')}."
    es = "Antes." if start is None else f"Desde el {date_in_words(dt.date.fromisoformat(start), 'es')}."
    lines = [f"from: {start}"] if start else []
    lines += [f"until: {end}"] if end else []
    lines += [
        'reference: "8 U.S.C. 1641(b)(2)"',
        "confidence: verified",
        "verified_on: 2026-11-23",
        f'text: {{en: "{en}", es: "{es}"}}',
        'plain: {en: "Plain.", es: "Sencillo."}',
    ]
    return "- " + "\n  ".join(lines) + "\n"


def _with_asylum_benefits(versions: str) -> str:
    """The package data as YAML text, with the asylum public-benefits cell replaced by ``versions``."""
    raw = _raw()
    raw["rows"]["public_benefits"]["cells"]["asylum"] = yaml.safe_load(versions)
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)


def test_well_formed_versions_load() -> None:
    text = _with_asylum_benefits(_version(None, "2025-07-03") + _version("2025-07-04", None))
    cells = {row.id: row for row in parse_text(text).rows}["public_benefits"].cells["asylum"]
    assert [c.in_force for c in cells] == [(None, dt.date(2025, 7, 3)), (PUB_L_119_21, None)]


def _line_of(text: str, start: str) -> int:
    """The line (from 1) of the asylum public-benefits version beginning on ``start`` in ``text``."""
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.strip() == "public_benefits:")
    return next(i for i, line in enumerate(lines) if i > row and line.strip() == f"- from: {start}") + 1


def _problems(text: str) -> tuple[str, ...]:
    with pytest.raises(DataFileError) as raised:
        parse_text(text)
    return raised.value.problems


CELL = "rows.public_benefits.cells.asylum"


def test_overlapping_versions_are_named_by_cell_entry_field_and_line() -> None:
    text = _with_asylum_benefits(_version(None, "2025-07-04") + _version("2025-07-04", None))
    assert _problems(text) == (
        f"{CELL}.1.from: 2025-07-04 is not after the previous entry's until (2025-07-04); list entries in "
        f"order, without overlap (line {_line_of(text, '2025-07-04')})",
    )


def test_a_version_without_until_ends_the_day_before_the_next() -> None:
    text = _with_asylum_benefits(_version(None, None) + _version("2025-07-04", None))
    cells = {row.id: row for row in parse_text(text).rows}["public_benefits"].cells["asylum"]
    assert [c.in_force for c in cells] == [(None, dt.date(2025, 7, 3)), (PUB_L_119_21, None)]
    assert version_on(cells, dt.date(2025, 7, 3)) is cells[0]
    assert version_on(cells, PUB_L_119_21) is cells[1]


def test_a_gap_between_versions_is_named_by_cell_entry_field_and_line() -> None:
    text = _with_asylum_benefits(_version(None, "2025-07-02") + _version("2025-07-04", None))
    assert _problems(text) == (
        f"{CELL}.1.from: 2025-07-04 leaves a gap after the previous entry's until (2025-07-02) "
        f"(line {_line_of(text, '2025-07-04')})",
    )


def test_versions_must_cover_the_past_and_the_future() -> None:
    text = _with_asylum_benefits(_version("2025-07-04", None))
    (problem,) = _problems(text)
    assert problem.startswith(f"{CELL}.0.from: 2025-07-04 leaves a gap before it")
    assert problem.endswith(f"(line {_line_of(text, '2025-07-04')})")
    (problem,) = _problems(_with_asylum_benefits(_version(None, "2025-07-03")))
    assert problem.startswith(f"{CELL}.0.until: 2025-07-03 leaves a gap after it")


def test_versions_listed_out_of_order_are_rejected() -> None:
    text = _with_asylum_benefits(_version("2025-07-04", None) + _version(None, "2025-07-03"))
    problems = _problems(text)
    assert problems[0].startswith(f"{CELL}.0.from: 2025-07-04 leaves a gap before it")
    assert problems[1].startswith(f"{CELL}.1.from: missing (only the first entry may leave it out)")


def test_a_version_ending_before_it_starts_is_rejected() -> None:
    text = _with_asylum_benefits(
        _version(None, "2025-07-03") + _version("2025-07-04", "2025-07-01") + _version("2025-07-02", None)
    )
    (problem,) = _problems(text)
    assert problem.startswith(f"{CELL}.1: until (2025-07-01) is before from (2025-07-04)")
    assert problem.endswith(f"(line {_line_of(text, '2025-07-04')})")


def test_a_dated_version_that_does_not_state_its_date_is_rejected() -> None:
    versions = _version(None, "2025-07-03") + _version("2025-07-04", None).replace(
        "Since July 4, 2025.", "Now."
    )
    text = _with_asylum_benefits(versions)
    (problem,) = _problems(text)
    assert problem.startswith(f"{CELL}.1.text.en: in force from 2025-07-04, so it must say 'July 4, 2025'")
    assert "(line " in problem


def test_a_problem_in_a_cell_of_one_version_is_at_its_field_line() -> None:
    text = _package_text().replace("confidence: verified", "confidence: probably", 1)
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "confidence: probably" in row)
    (problem,) = _problems(text)
    assert problem.startswith("rows.standard_of_proof.cells.asylum.0.confidence: Input should be")
    assert problem.endswith(f"(line {line})")


# --- what the cells say -----------------------------------------------------------------------------


def test_the_relationship_between_the_protections_is_stated() -> None:
    rows = compare(_screening("clean-asylum.yaml"))
    discretion = rows.row("discretion").cells
    assert discretion["asylum"].text.en.startswith("Discretionary")
    for name in ("statutory_withholding", "cat_withholding", "cat_deferral"):
        assert discretion[name].text.en.startswith("Mandatory"), name
    assert rows.row("bars").cells["cat_deferral"].text.en.startswith("None: no bar applies to deferral")
    assert "only when" in rows.row("relationship").cells["cat_deferral"].text.en


def test_only_asylum_has_a_filing_deadline() -> None:
    deadline = compare(_screening("clean-asylum.yaml")).row("deadline").cells
    assert deadline["asylum"].text.en.startswith("One year after the last arrival")
    for name in ("statutory_withholding", "cat_withholding", "cat_deferral"):
        assert deadline[name].text.en.startswith("No statutory filing deadline"), name


def test_no_green_card_is_not_overstated() -> None:
    green_card = compare(_screening("clean-asylum.yaml")).row("green_card").cells
    assert green_card["asylum"].text.en.startswith("Yes")
    for name in ("statutory_withholding", "cat_withholding", "cat_deferral"):
        assert "No path to a green card through this protection itself" in green_card[name].text.en
        assert green_card[name].confidence == "unverified"  # rules reference BEN-TABLE-1


def test_contested_and_unverified_law_is_marked() -> None:
    comparison = compare(_screening("clean-asylum.yaml"))
    assert comparison.row("nexus").cells["statutory_withholding"].confidence == "contested"
    assert comparison.row("work_authorization").cells["cat_deferral"].confidence == "unverified"
    assert comparison.row("termination").cells["cat_deferral"].confidence == "unverified"


def test_a_verified_cell_does_not_hedge() -> None:
    hedges = ("not verified", "reported", "secondary sources", "not checked", "in litigation")
    for row_id, name, cell in _every_version():
        if cell.confidence == "verified":
            found = [h for h in hedges if h in cell.text.en]
            assert not found, f"{row_id}.{name} {cell.in_force} is verified but says {found}"


def test_plain_texts_keep_sentences_short() -> None:
    """About a sixth-grade level: short sentences (the report also shows the precise text)."""
    lengths: list[int] = []
    for row_id, name, cell in _every_version():
        for language in LANGUAGES:
            for sentence in re.split(r"(?<=[.!?:])\s+", cell.plain.get(language)):
                words = len(sentence.split())
                assert words <= 30, f"{row_id}.{name} ({language}): {sentence!r}"
                lengths.append(words)
    assert sum(lengths) / len(lengths) <= 14


# --- JSON -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_to_json_shape(language: Language) -> None:
    screening = _screening("southern-border-2024-limitation-open.yaml")
    comparison = compare(screening)
    data = comparison.to_json(language)
    json.dumps(data)  # plain JSON types only
    assert set(data) == {"withhold", "as_of", "language", "columns", "rows"}
    assert data["withhold"] == FORMAT and data["language"] == language
    assert data["as_of"] == screening.law_as_of.isoformat()
    assert [c["protection"] for c in data["columns"]] == list(PROTECTION_NAMES)
    for column, expected in zip(data["columns"], comparison.columns, strict=True):
        assert set(column) == {"protection", "title", "status", "status_label", "reason", "plain_reason"}
        assert column["status"] == screening[expected.protection].status.value
        assert column["reason"] == screening[expected.protection].summary  # English in both languages
        assert column["status_label"] == expected.status_label.get(language)
    assert [r["id"] for r in data["rows"]] == [r.id for r in comparison.rows]
    for row, expected_row in zip(data["rows"], comparison.rows, strict=True):
        assert set(row) == {"id", "label", "cells"}
        assert list(row["cells"]) == list(PROTECTION_NAMES)
        for name, cell in row["cells"].items():
            assert set(cell) == {"text", "plain", "authority", "confidence", "in_force", "verified_on"}
            assert cell["text"] == expected_row.cells[name].text.get(language)
            start, end = expected_row.cells[name].in_force
            assert cell["in_force"] == {
                "from": start.isoformat() if start else None,
                "until": end.isoformat() if end else None,
            }


def test_to_json_rejects_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        compare(_screening("clean-asylum.yaml")).to_json("xx")


def test_a_cell_never_checked_is_rejected() -> None:
    # The law watch lists what has not been checked for a while: every cell must say when it was.
    raw = _raw()
    del raw["rows"]["discretion"]["cells"]["cat_deferral"]["verified_on"]
    with pytest.raises(ValueError) as error:
        parse(raw)
    assert "rows.discretion.cells.cat_deferral.0.verified_on: missing" in str(error.value)
