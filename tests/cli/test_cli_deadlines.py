"""`withhold deadlines`: text groups, JSON, the calendar file, date warnings, bad input. Invented people."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from withhold.cli.app import app
from withhold.deadlines.schedule import schedule
from withhold.facts.loading import parse_case
from withhold.facts.paths import catalogue
from withhold.screening import screen

# Asylum filed late (missed), a work-permit date past, filings due today for the master hearing (due
# soon), filings for the merits hearing later, and no decision or final order yet (cannot be computed).
CASE = """\
withhold: case/1
law_as_of: 2026-11-23
person: {family_name: Invented, given_name: Marisol, a_number: "A012345678"}
proceedings:
  kind: removal
  detained: false
  hearings:
    - {kind: master, date: 2026-12-08}
    - {kind: individual, date: 2027-03-15}
entry: {last_arrival_date: 2022-08-10}
asylum: {filed_on: 2024-01-20}
convictions: []
"""

# Filed in time for a deadline still ahead: "met".
MET = """\
withhold: case/1
law_as_of: 2026-11-23
entry: {last_arrival_date: 2025-12-01}
asylum: {filed_on: 2026-05-01}
convictions: []
"""

# The decision is dated before the arrival, and the final order is in the future.
CONTRADICTORY = """\
withhold: case/1
law_as_of: 2026-11-23
entry: {last_arrival_date: 2022-08-10}
proceedings:
  decision: {date: 2021-05-04, served: oral}
  final_order_date: 2026-12-01
"""

NOTHING = "withhold: case/1\nlaw_as_of: 2026-11-23\nasylum: {filed_on: null}\n"

CONTRACT = ["id", "title", "date", "status", "starts_from", "rule", "citations", "notes"]
HEADINGS = ["Past", "Due soon (within 14 days)", "Later", "Cannot be computed yet"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, text: str, name: str = "client-17.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def flat(text: str) -> str:
    return " ".join(text.split())


def sections(out: str) -> dict[str, str]:
    """The text under each group heading (a heading is a line that is exactly the title)."""
    found: dict[str, list[str]] = {}
    current = None
    for line in out.splitlines():
        if line in HEADINGS:
            current = line
            found[current] = []
        elif current is not None:
            if line and not line.startswith(" "):
                current = None  # the disclaimer
            else:
                found[current].append(line)
    return {title: flat("\n".join(lines)) for title, lines in found.items()}


def core(text: str, day: dt.date = dt.date(2026, 11, 23)) -> list[dict[str, Any]]:
    return schedule(parse_case(text, "yaml"), day).to_json()


def ics_events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [component for component in calendar.walk() if component.name == "VEVENT"]


def uids(path: Path) -> list[str]:
    return [str(event["UID"]) for event in ics_events(path)]


# --- text ----------------------------------------------------------------------------------------


def test_text_groups_entries_by_where_they_stand(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE))], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Withhold deadlines — client-17"  # the file's name, never the person's
    assert lines[1] == "As of Mon 2026-11-23 (from the case file)"
    assert "Marisol" not in out and "Invented" not in out
    assert [line for line in lines if line in HEADINGS] == HEADINGS  # all four, in this order
    groups = sections(out)
    assert "Thu 2023-08-10 MISSED File the asylum application" in groups["Past"]
    assert "done on Sat 2024-01-20 (late)" in groups["Past"]
    assert "Tue 2024-06-18 PAST Earliest date to request a work permit" in groups["Past"]
    soon = groups["Due soon (within 14 days)"]
    assert soon.startswith("Mon 2026-11-23 UPCOMING Filings due before the master calendar hearing")
    assert "DUE TODAY" in soon and "(hearing on Tue 2026-12-08)" in soon
    later = groups["Later"]
    assert later.startswith("Mon 2027-03-01 UPCOMING Filings due before the individual (merits) hearing")
    assert "in 98 days · deadline" in later
    assert "counted: 15 days before 2027-03-15; 2027-02-28 is a Sunday, so 2027-03-01" in later
    assert "deadline.filing.individual_hearing · Immigration Court Practice Manual ch. 3.1(b)(1)(B)" in later
    unknown = groups["Cannot be computed yet"]
    for rule in ("deadline.appeal.bia", "deadline.motion.reconsider", "deadline.review.petition"):
        assert rule in unknown
    assert unknown.count("UNKNOWN") == 4
    decision_date = catalogue()["proceedings.decision.date"].description
    assert f"needs: proceedings.decision.date {decision_date}" in unknown
    assert "proceedings.final_order_date" in unknown
    assert lines[-1].startswith("Decision support, not legal advice")


def test_text_shows_every_entry_with_its_rule_citations_and_notes(runner: CliRunner, tmp_path: Path) -> None:
    out = flat(runner.invoke(app, ["deadlines", str(write(tmp_path, CASE))]).stdout)
    for entry in core(CASE):
        assert flat(entry["title"]) in out
        assert entry["rule"] in out
        for citation in entry["citations"]:
            assert flat(citation) in out
        for note in entry["notes"]:
            assert flat(note) in out
        if entry["counting"]:
            assert flat(entry["counting"]) in out


def test_met_is_past_and_nothing_due_says_none(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, MET))])
    groups = sections(result.stdout)
    assert "Tue 2026-12-01 MET File the asylum application" in groups["Past"]
    assert "in 8 days · deadline · done on Fri 2026-05-01" in groups["Past"]
    assert groups["Due soon (within 14 days)"] == "none"
    # The only later date: from the first anniversary of filing, the annual asylum fee (Pub. L. 119-21).
    assert groups["Later"].startswith("Sat 2027-05-01 UPCOMING Pay the annual asylum fee")


def test_colours_missed_red_met_green_soon_highlighted(runner: CliRunner, tmp_path: Path) -> None:
    colour = {"FORCE_COLOR": "1", "NO_COLOR": None}
    out = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE))], env=colour).stdout
    assert "\x1b[1;31mMISSED" in out
    assert "\x1b[1;33mDUE TODAY" in out
    assert "\x1b[1;33mDue soon (within 14 days)" in out
    met = runner.invoke(app, ["deadlines", str(write(tmp_path, MET, "met.yaml"))], env=colour).stdout
    assert "\x1b[1;32mMET" in met
    plain = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE))]).stdout
    assert not ANSI.search(plain)  # not a terminal: plain text
    no_color = runner.invoke(
        app, ["deadlines", str(write(tmp_path, CASE))], env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    ).stdout
    assert not re.search(r"\x1b\[[0-9;]*3[1-3]m", no_color)  # no red, green or yellow
    assert "DUE TODAY" in no_color  # the highlight is still in the words


def test_lines_fit_in_100_columns(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE))], env={"COLUMNS": "200"})
    lengths = [len(line) for line in result.stdout.splitlines()]
    assert max(lengths) <= 100
    assert max(lengths) > 80
    assert all(not line.endswith(" ") for line in result.stdout.splitlines())


def test_today_changes_where_entries_stand(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path, CASE))
    result = runner.invoke(app, ["deadlines", path, "--as-of", "2026-11-24", "--today", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "As of Tue 2026-11-24 (from --as-of)"
    groups = sections(result.stdout)
    assert "Mon 2026-11-23 PAST Filings due before the master calendar hearing" in groups["Past"]
    assert "yesterday" in groups["Past"]
    assert groups["Due soon (within 14 days)"] == "none"
    undated = runner.invoke(
        app, ["deadlines", str(write(tmp_path, CASE.replace("law_as_of: 2026-11-23\n", ""), "u.yaml"))]
    )
    assert "(today)" in undated.stdout.splitlines()[1]


# --- JSON ----------------------------------------------------------------------------------------


def test_json_is_the_schedule_sorted_by_date(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == core(CASE)
    assert isinstance(data, list) and len(data) == 9  # the annual asylum fee among them
    assert all(list(item)[:8] == CONTRACT for item in data)
    assert {item["status"] for item in data} <= {"upcoming", "past", "met", "missed", "unknown"}
    dates = [item["date"] for item in data]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated) and len(dated) == 5
    assert dates[len(dated) :] == [None] * (len(data) - len(dated))  # unknown last
    assert result.stderr == ""


def test_json_from_standard_input_and_as_of(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["deadlines", "-", "-f", "json", "--as-of", "2027-03-02", "--today", "2027-03-02"], input=CASE
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == core(CASE, dt.date(2027, 3, 2))
    individual = next(item for item in json.loads(result.stdout) if item["id"] == "filing.individual_hearing")
    assert individual["status"] == "past"


# --- the calendar file ---------------------------------------------------------------------------


def test_ics_writes_a_calendar_that_parses(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE)), "-f", "json", "--ics", str(target)])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)  # standard output is still only the JSON
    assert result.stderr.strip() == f"Calendar: 5 events written to {target}"
    events = ics_events(target)
    dated = [item for item in core(CASE) if item["date"]]
    assert [event["DTSTART"].dt.isoformat() for event in events] == [item["date"] for item in dated]
    assert all(type(event["DTSTART"].dt) is dt.date for event in events)
    for event, item in zip(events, dated, strict=True):
        assert str(event["SUMMARY"]).endswith(" — client-17")
        assert item["rule"] in str(event["DESCRIPTION"])
        assert item["citations"][0] in str(event["DESCRIPTION"])
    data = target.read_bytes()
    assert b"Marisol" not in data and b"Invented" not in data and b"12345678" not in data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client-17.yaml", "deadlines.ics"]  # no temp file
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # a new file: its owner only


def test_ics_label_and_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o644)
    result = runner.invoke(
        app, ["deadlines", str(write(tmp_path, CASE)), "--ics", str(target), "--label", "  Rosa's   appeal "]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Withhold deadlines — Rosa's appeal"
    assert all(str(event["SUMMARY"]).endswith(" — Rosa's appeal") for event in ics_events(target))
    assert (
        str(Calendar.from_ical(target.read_bytes())["X-WR-CALNAME"]) == "Withhold deadlines — Rosa's appeal"
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # an existing file keeps its permissions


def test_ics_uids_follow_the_a_number_else_the_file(runner: CliRunner, tmp_path: Path) -> None:
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    case = write(tmp_path, CASE)
    runner.invoke(app, ["deadlines", str(case), "--ics", str(first)])
    (tmp_path / "moved").mkdir()
    moved = write(tmp_path / "moved", CASE, "renamed.yaml")
    runner.invoke(app, ["deadlines", str(moved), "--ics", str(second), "--as-of", "2026-12-01"])
    assert uids(first) == uids(second)  # same A-number: same events, wherever the file is
    padded = CASE.replace('"A012345678"', '"12345678"')  # the same A-number written without A and zero
    runner.invoke(app, ["deadlines", str(write(tmp_path, padded, "padded.yaml")), "--ics", str(second)])
    assert uids(first) == uids(second)
    other = CASE.replace('"A012345678"', '"A087654321"')
    runner.invoke(app, ["deadlines", str(write(tmp_path, other, "other.yaml")), "--ics", str(second)])
    assert not set(uids(first)) & set(uids(second))

    anonymous = CASE.replace(', a_number: "A012345678"', "")
    here = write(tmp_path, anonymous, "anon.yaml")
    runner.invoke(app, ["deadlines", str(here), "--ics", str(first)])
    runner.invoke(app, ["deadlines", str(here), "--ics", str(second)])
    assert uids(first) == uids(second)  # no A-number: the file's path
    there = write(tmp_path / "moved", anonymous, "anon.yaml")
    runner.invoke(app, ["deadlines", str(there), "--ics", str(second)])
    assert not set(uids(first)) & set(uids(second))


def test_ics_from_standard_input(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "in.ics"
    with_number = runner.invoke(app, ["deadlines", "-", "--ics", str(target)], input=CASE)
    assert with_number.exit_code == 0, with_number.output
    assert all(str(event["SUMMARY"]).endswith(" — case") for event in ics_events(target))
    anonymous = CASE.replace(', a_number: "A012345678"', "")
    refused = runner.invoke(app, ["deadlines", "-", "--ics", str(tmp_path / "x.ics")], input=anonymous)
    assert refused.exit_code == 2
    assert refused.stdout == ""
    assert refused.stderr.startswith(
        "error: --ics with a case read from standard input needs person.a_number"
    )
    assert not (tmp_path / "x.ics").exists()
    labelled = runner.invoke(
        app, ["deadlines", "-", "--ics", str(tmp_path / "x.ics"), "--label", "clinic 4"], input=anonymous
    )
    assert labelled.exit_code == 0, labelled.output
    again = runner.invoke(
        app, ["deadlines", "-", "--ics", str(tmp_path / "y.ics"), "--label", "clinic 4"], input=anonymous
    )
    assert again.exit_code == 0
    assert uids(tmp_path / "x.ics") == uids(tmp_path / "y.ics")


@pytest.mark.parametrize("where", ["missing/deadlines.ics", "."])
def test_ics_that_cannot_be_written(runner: CliRunner, tmp_path: Path, where: str) -> None:
    target = tmp_path / where
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE)), "--ics", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --ics: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_ics_with_no_dated_deadline_is_not_written(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "none.ics"
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, NOTHING)), "--ics", str(target)])
    assert result.exit_code == 0, result.output
    assert f"No dated deadlines yet: {target} was not written." in result.stderr
    assert not target.exists()


# --- warnings and bad input ----------------------------------------------------------------------


def test_date_warnings_go_to_standard_error_first(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path, CONTRADICTORY))
    result = runner.invoke(app, ["deadlines", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert "warning: proceedings.decision.date: is before entry.last_arrival_date (2022-08-10)" in warnings
    assert (
        "warning: proceedings.final_order_date: 2026-12-01 is after the evaluation date 2026-11-23; it must "
        "be in the past" in warnings
    )
    assert json.loads(result.stdout) == core(CONTRADICTORY)  # standard output stays clean JSON
    text = runner.invoke(app, ["deadlines", path])
    assert text.stderr == result.stderr
    assert "Check these dates first (2 warnings on standard error)" in flat(text.stdout)
    assert "proceedings.final_order_date, proceedings.decision.date" in flat(text.stdout)
    clean = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE, "clean.yaml"))])
    assert clean.stderr == "" and "Check these dates first" not in clean.stdout


def test_screen_prints_the_date_warnings_too(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path, CONTRADICTORY))
    result = runner.invoke(app, ["screen", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert (
        "warning: proceedings.decision.date: is before entry.last_arrival_date (2022-08-10)" in result.stderr
    )
    expected = screen(parse_case(CONTRADICTORY, "yaml"), dt.date(2026, 11, 23)).to_json()
    assert json.loads(result.stdout) == expected


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "23/11/2026"])
def test_bad_as_of(runner: CliRunner, tmp_path: Path, value: str) -> None:
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE)), "--as-of", value])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --as-of must be a date as YYYY-MM-DD; got {value!r}"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "ics"], "error: --format must be one of text, json; got 'ics'"),
        (["--label", "   "], "error: --label must not be empty"),
    ],
)
def test_bad_options(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["deadlines", str(write(tmp_path, CASE)), *args])
    assert result.exit_code == 2
    assert result.stderr.strip() == message


def test_bad_case_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["deadlines", str(tmp_path / "nowhere.yaml")])
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"error: {tmp_path / 'nowhere.yaml'}: no such file"
    impossible = "withhold: case/1\nproceedings: {decision: {date: 2026-02-30}}\n"
    for command in ("deadlines", "screen"):
        invalid = runner.invoke(app, [command, str(write(tmp_path, impossible, "bad.yaml"))])
        assert invalid.exit_code == 2
        assert invalid.stderr.splitlines() == [
            f"error: {tmp_path / 'bad.yaml'} is not a valid case file:",
            '  proceedings.decision.date: expected a date as YYYY-MM-DD, got "2026-02-30"',
        ]
        assert "Traceback" not in invalid.output


def test_days_are_counted_from_today_and_another_law_date_is_said_first(
    runner: CliRunner, tmp_path: Path
) -> None:
    # Issue 14: the file takes the law as of 2026-11-23; seen on 2026-12-06, the master hearing's filing
    # deadline of that day is 13 days past, never "due today", and the header says which law applies.
    path = str(write(tmp_path, CASE))
    result = runner.invoke(app, ["deadlines", path, "--today", "2026-12-06"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "As of Mon 2026-11-23 (from the case file)"
    assert " ".join(lines[2:4]).startswith("The law is applied as of 2026-11-23, not today (2026-12-06)")
    groups = sections(result.stdout)
    assert "Mon 2026-11-23 PAST Filings due before the master calendar hearing" in groups["Past"]
    assert "13 days ago" in groups["Past"] and "DUE TODAY" not in result.stdout
    same_day = runner.invoke(app, ["deadlines", path, "--today", "2026-11-23"]).stdout
    assert "The law is applied as of" not in same_day
    bad = runner.invoke(app, ["deadlines", path, "--today", "someday"])
    assert bad.exit_code == 2 and "--today must be a date" in bad.stderr


def test_screen_and_roadmap_say_the_law_date_first_when_it_is_not_today(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = str(write(tmp_path, CASE))
    for command in ("screen", "roadmap"):
        out = " ".join(runner.invoke(app, [command, path, "--today", "2026-12-06"]).stdout.split())
        assert "The law is applied as of 2026-11-23, not today (2026-12-06)" in out, command
