"""Many case files screened at once, one row each (issue 20, part 7): what ``withhold batch`` and the web
docket's screening both run, so it belongs to neither face.

The cases come from a folder (every ``.yaml``, ``.yml`` and ``.json`` file in it, sorted by name), a ZIP
of such files, or a JSON Lines file (one ``case/1`` object a line). Each is parsed and screened on its own:
a case that cannot be read gives a row with its errors, never a stop. The rows carry each protection's
status, the best protection, the next dated deadline and the errors — never a name or a fact of the case
(8 CFR 1208.6); a case is named by its source (the file's name, or the line's number). With ``--jobs`` the
cases are spread over that many processes, in order.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from withhold.facts.limits import CASE_FILE_MAX_CHARS, law_as_of_problem

SUFFIXES = (".yaml", ".yml", ".json")
ZIP_MAX_FILES = 100_000
"""More cases than a docket holds: a ZIP listing more is refused before anything is read."""
PROTECTIONS = ("asylum", "statutory_withholding", "cat_withholding", "cat_deferral")
COLUMNS = (
    "source", *PROTECTIONS, "best_protection", "law_as_of", "next_deadline", "next_deadline_date", "errors"
)  # fmt: skip


class BatchInputError(ValueError):
    """The input as a whole cannot be read (not a folder, ZIP or JSON Lines file; a damaged ZIP)."""


@dataclass(frozen=True)
class Item:
    source: str
    text: str | None
    syntax: str | None
    error: str = ""


def items(path: Path) -> Iterator[Item]:
    """The cases of ``path``, in order, as text to parse (or, for one that cannot be read, its error)."""
    if path.is_dir():
        for file in sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()):
            yield _file_item(file.name, lambda file=file: file.read_bytes(), file.stat().st_size)
        return
    if not path.is_file():
        raise BatchInputError(f"no such file or folder: {path}")
    if zipfile.is_zipfile(path):
        yield from _zip_items(path)
        return
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        yield from _lines(path)
        return
    raise BatchInputError(f"{path.name}: not a folder, a ZIP or a JSON Lines file (.jsonl)")


def _file_item(name: str, read: Any, size: int) -> Item:
    syntax = "json" if name.lower().endswith(".json") else "yaml"
    if size > CASE_FILE_MAX_CHARS * 4:
        return Item(name, None, syntax, f"the file is larger than a case file can be ({size:,} bytes)")
    try:
        return Item(name, bytes(read()).decode("utf-8"), syntax)
    except UnicodeDecodeError:
        return Item(name, None, syntax, "the file is not UTF-8 text")
    except OSError as error:
        return Item(name, None, syntax, f"cannot be read: {error.strerror or error}")


def _zip_items(path: Path) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise BatchInputError(f"{path.name}: a damaged ZIP ({error})") from None
    with archive:
        count = sum(1 for e in archive.infolist() if not e.is_dir() and e.filename.lower().endswith(SUFFIXES))
        if count > ZIP_MAX_FILES:
            raise BatchInputError(f"{path.name}: {count:,} files; at most {ZIP_MAX_FILES:,}")
        yield from zip_items(archive)


def zip_items(archive: zipfile.ZipFile) -> Iterator[Item]:
    """The case files of an open ZIP, by name (the web's bulk import reads an uploaded ZIP with this)."""
    entries = [e for e in archive.infolist() if not e.is_dir() and e.filename.lower().endswith(SUFFIXES)]
    for entry in sorted(entries, key=lambda e: e.filename):
        # The declared size is checked before reading, so a ZIP bomb is refused unread.
        yield _file_item(entry.filename, lambda entry=entry: _read_entry(archive, entry), entry.file_size)


def _read_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    with archive.open(entry) as handle:
        data = handle.read(CASE_FILE_MAX_CHARS * 4 + 1)
    if len(data) > CASE_FILE_MAX_CHARS * 4:
        raise OSError("larger than it says")
    return data


def _lines(path: Path) -> Iterator[Item]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            source = f"line {number}"
            if len(raw) > CASE_FILE_MAX_CHARS * 4:
                yield Item(source, None, "json", "the line is longer than a case file can be")
                continue
            try:
                yield Item(source, raw.decode("utf-8"), "json")
            except UnicodeDecodeError:
                yield Item(source, None, "json", "the line is not UTF-8 text")


def screen_item(item: Item, as_of: dt.date | None, today: dt.date) -> dict[str, Any]:
    """One row: the statuses, the best protection, the next dated deadline, or the errors."""
    from withhold.deadlines.schedule import schedule
    from withhold.facts.loading import CaseFileError, parse_case
    from withhold.law.deadlines.model import Kind, Standing
    from withhold.screening import screen

    row: dict[str, Any] = dict.fromkeys(COLUMNS, "")
    row["source"] = item.source
    if item.text is None:
        row["errors"] = item.error
        return row
    try:
        case = parse_case(item.text, "json" if item.syntax == "json" else "yaml")
    except CaseFileError as error:
        row["errors"] = "; ".join(str(issue) for issue in error.issues)[:1000]
        return row
    day = as_of or case.law_as_of or today
    if as_of is None and case.law_as_of is not None and law_as_of_problem(case.law_as_of):
        row["errors"] = f"law_as_of: {law_as_of_problem(case.law_as_of)}"
        return row
    screening = screen(case, day)
    row.update(screening.statuses)
    row["best_protection"] = screening.best_protection
    row["law_as_of"] = day.isoformat()
    upcoming = [
        entry
        for entry in schedule(case, day, today).entries
        if entry.status is Standing.UPCOMING
        and entry.due is not None
        and entry.due.kind
        is Kind.DEADLINE  # as the docket's "next deadline": a day to act by, not a day from
        and entry.due.date >= today
    ]
    if upcoming:
        first = min(upcoming, key=lambda entry: (entry.date or today, entry.key))
        row["next_deadline"] = first.key
        row["next_deadline_date"] = first.date.isoformat() if first.date else ""
    return row


def _screen_chunk(chunk: list[Item], as_of: dt.date | None, today: dt.date) -> list[dict[str, Any]]:
    return [screen_item(item, as_of, today) for item in chunk]


CHUNK = 25
"""Cases a worker process is handed at a time."""


def screen_items(
    found: list[Item],
    as_of: dt.date | None,
    today: dt.date,
    workers: int,
    advance: Callable[[int], object] | None = None,
) -> list[dict[str, Any]]:
    """The rows of ``found``, in order, screened in ``workers`` processes (in this one for 1); ``advance``
    is told how many more cases are done as each chunk comes back."""
    chunks = [found[i : i + CHUNK] for i in range(0, len(found), CHUNK)]
    rows: list[dict[str, Any]] = []
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            rows += _screen_chunk(chunk, as_of, today)
            if advance is not None:
                advance(len(chunk))
        return rows
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        screened = pool.map(_screen_chunk, chunks, [as_of] * len(chunks), [today] * len(chunks))
        for chunk, result in zip(chunks, screened, strict=True):
            rows += result
            if advance is not None:
                advance(len(chunk))
    return rows


def write_rows(rows: list[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        return out.getvalue().encode("utf-8")
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def _cell(value: Any) -> Any:
    """A cell a spreadsheet would read as a formula (it begins with = + - @) is kept as text."""
    if isinstance(value, str) and value[:1] and value[:1] in "=+-@":
        return "'" + value
    return value


def output_kind(name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    return {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(suffix)
