"""`withhold law changes` and `withhold law stale`: the law watch in the terminal (issue 13, item 6)."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from withhold.cli.app import app


def run(*args: str) -> object:
    return CliRunner().invoke(app, ["law", *args])


def test_changes_from_2025_list_the_fees_the_work_permit_and_the_agreements() -> None:
    result = run("changes", "--since", "2025-01-01", "--until", "2026-12-01", "--format", "json")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    data = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert data["since"] == "2025-01-01" and data["until"] == "2026-12-01"
    found = {(c["kind"], c["subject"], c["date"]) for c in data["changes"]}
    # The fees of Pub. L. 119-21 (July 4, 2025) and their 2026 adjustment.
    assert ("parameter", "fees.asylum_application", "2025-07-04") in found
    assert ("parameter", "fees.annual_asylum", "2026-01-01") in found
    assert ("rule_begins", "deadline.fee.annual_asylum", "2025-07-04") in found
    # The work permit: fees, and no automatic extension for renewals from Oct. 30, 2025.
    assert ("rule_version", "deadline.ead.pending_asylum", "2025-10-30") in found
    # The asylum cooperative agreements: the Honduras agreement, and the Board's decision.
    assert ("parameter", "asylum.cooperative_agreements", "2025-10-10") in found
    assert ("development", "procedure.cooperative_agreement", "2025-10-31") in found
    honduras = next(c for c in data["changes"] if c["date"] == "2025-10-10")
    assert "HN: entry into force not verified → in force" in honduras["text"]
    # Every change cites its source and says when it was checked; the list is in date order.
    assert all(c["citations"] and c["verified_on"] for c in data["changes"])
    dates = [c["date"] for c in data["changes"]]
    assert dates == sorted(dates) and min(dates) >= "2025-01-01" and max(dates) <= "2026-12-01"


def test_the_window_includes_both_ends_and_nothing_outside() -> None:
    data = json.loads(run("changes", "--since", "2025-07-04", "--until", "2025-07-04", "-f", "json").stdout)  # type: ignore[attr-defined]
    assert data["changes"] and {c["date"] for c in data["changes"]} == {"2025-07-04"}


def test_changes_in_text_name_each_change_with_its_citation() -> None:
    result = run("changes", "--since", "2025-10-30", "--until", "2025-10-31")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())  # type: ignore[attr-defined]
    assert "Changes in the law from 2025-10-30 to 2025-10-31" in text
    assert "90 FR 48799" in text and "Matter of C-I-G-M- & L-V-S-G-" in text


def test_since_after_until_is_one_line_naming_the_options() -> None:
    result = run("changes", "--since", "2026-12-01", "--until", "2025-01-01")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --since 2026-12-01 is after --until 2025-01-01"  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]


def test_an_unparseable_date_names_the_option() -> None:
    result = run("changes", "--since", "the first of May")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --since must be a date as YYYY-MM-DD; got 'the first of May'"  # type: ignore[attr-defined]
    bad_until = run("changes", "--since", "2025-01-01", "--until", "2025-02-30")
    assert bad_until.exit_code == 2 and "--until must be a date" in bad_until.stderr  # type: ignore[attr-defined]


def test_stale_lists_what_was_checked_before_the_limit_oldest_first() -> None:
    days = (dt.date.today() - dt.date(2026, 11, 23)).days  # the research notes' day
    result = run("stale", "--older-than", str(max(days - 1, 0)), "--format", "json")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    items = json.loads(result.stdout)["items"]  # type: ignore[attr-defined]
    assert items and {i["verified_on"] for i in items} == {"2026-11-23"}
    assert {i["kind"] for i in items} >= {"rule_version", "parameter", "comparison"}
    # The rules checked again in the December 2026 audit are not among them.
    assert not any(i["subject"] == "procedure.cooperative_agreement" for i in items)
    everything_recent = json.loads(run("stale", "--older-than", "100000", "-f", "json").stdout)  # type: ignore[attr-defined]
    assert everything_recent["items"] == []
    negative = run("stale", "--older-than", "-1")
    assert negative.exit_code == 2
