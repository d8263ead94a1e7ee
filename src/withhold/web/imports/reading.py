"""An upload of many cases read into rows, each a case or its problems, before anything is saved.

A CSV: its encoding found (UTF-8, with or without a byte-order mark, else Windows-1252 as Excel writes
it), its delimiter (``,``, or ``;`` as Excel writes in Spanish and other locales), its columns matched to
``columns.yaml``, each cell read by its column's type, and the facts validated by the same loader as a
case file imported alone (:func:`withhold.web.cases.documents.parse`). A ZIP: its case files, listed and
checked before any is read (the entry count, names that would climb out of a folder, ZIPs inside it,
each entry's declared size), then read as ``withhold batch`` reads a ZIP
(:func:`withhold.batch.zip_items`).

A problem is said by row (the spreadsheet's line, or the file's name in the ZIP) and by column, in plain
words; a value is never quoted back (it may be a person's name).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from withhold.batch import SUFFIXES, zip_items
from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError
from withhold.web.cases.documents import parse
from withhold.web.imports.columns import CellError, Column, by_header, put, read_cell

ROWS_MAX = 2000
"""Rows (or case files) one upload may hold: more is refused as a whole, before any row is read."""
ZIP_DECLARED_MAX = 200_000_000
"""What a ZIP's case files may add up to, as the ZIP declares them: more is refused unread."""
MESSAGE_MAX = 200


class UploadError(ValueError):
    """The upload as a whole cannot be read: a key of ``imports.file_<key>``, and a number it names."""

    def __init__(self, key: str, n: int = 0, names: tuple[str, ...] = ()) -> None:
        super().__init__(key)
        self.key = key
        self.n = n
        self.names = names


@dataclass(frozen=True)
class Problem:
    column: str
    """The column's header (a CSV), the fact's path (a ZIP's case file), or empty: the row as a whole."""
    key: str = ""
    """A key of ``imports.problem_<key>``, or empty when ``message`` says it (the core loader's words)."""
    message: str = ""


@dataclass
class Row:
    number: int
    """The spreadsheet's line (the headers are line 1), or the case file's place in the ZIP (from 1)."""
    source: str = ""
    """A ZIP's file name (shown: the uploader chose it); empty for a CSV row."""
    problems: list[Problem] = field(default_factory=list)
    case: Case | None = None
    name: str = ""
    """The person's name as the row gives it (shown in the preview, even for a row with problems)."""

    @property
    def a_number(self) -> str:
        return (self.case.person.a_number or "") if self.case is not None else ""


@dataclass(frozen=True)
class Read:
    kind: str  # csv or zip
    rows: list[Row]
    encoding: str = ""
    delimiter: str = ""
    unknown_columns: tuple[str, ...] = ()
    known_columns: tuple[str, ...] = ()


# --- a CSV ----------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in: ``utf-8`` (a BOM dropped), ``utf-16`` (with its BOM),
    else ``windows-1252``."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1252 leaves five bytes undefined; Latin-1 reads them (as control characters, never a letter).
    return "".join(_cp1252(byte) for byte in data), "windows-1252"


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def _delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _header(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def read_csv(data: bytes) -> Read:
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError:
        raise UploadError("encoding") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = text.split("\n", 1)[0]
    delimiter = _delimiter(first)
    try:
        lines = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
    except csv.Error:
        raise UploadError("csv") from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise UploadError("empty")
    headers = [_header(cell) for cell in lines[0]]
    known = by_header()
    twice = tuple(sorted({h for h in headers if h and headers.count(h) > 1}))
    if twice:
        raise UploadError("twice", names=twice)
    unknown = tuple(h[:60] for h in headers if h and h not in known)[:50]
    found = tuple(h for h in headers if h in known)
    if not found:
        raise UploadError("no_known", names=unknown[:20])
    body = [
        (number, cells) for number, cells in enumerate(lines[1:], start=2) if any(c.strip() for c in cells)
    ]
    if len(body) > ROWS_MAX:
        raise UploadError("too_many_rows", n=len(body))
    rows = [_csv_row(number, headers, cells, known) for number, cells in body]
    return Read("csv", rows, encoding, delimiter, unknown, found)


def _csv_row(number: int, headers: list[str], cells: list[str], known: dict[str, Column]) -> Row:
    row = Row(number)
    if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers) :]):
        row.problems.append(Problem("", "extra_cells"))
    document: dict[str, Any] = {"withhold": "case/1"}
    for header, cell in zip(headers, cells, strict=False):
        column = known.get(header)
        if column is None:
            continue
        try:
            value = read_cell(column, cell)
        except CellError as error:
            row.problems.append(Problem(header, error.key))
            continue
        if value is not None:
            put(document, column.path, value)
    person = document.get("person", {})
    row.name = " ".join(str(person[key]) for key in ("given_name", "family_name") if key in person)[:200]
    _validate(row, json.dumps(document, ensure_ascii=False), "json", _column_of)
    return row


def _column_of(path: str) -> str:
    """The column whose fact the loader's issue is about (``proceedings.hearings[0].kind``)."""
    dotted = re.sub(r"\[(\d+)\]", r".\1", path)
    best, found = "", ""
    for column_path, header in ((c.path, c.header) for c in by_header().values()):
        if (dotted == column_path or dotted.startswith(column_path + ".")) and len(column_path) > len(best):
            best, found = column_path, header
    return found


def _validate(row: Row, text: str, syntax: Any, column_of: Any) -> None:
    """The core loader's verdict on the row's facts (the same as for a case file imported alone)."""
    try:
        case = parse(text, syntax)
    except CaseFileError as error:
        for issue in error.issues:
            row.problems.append(Problem(column_of(issue.path), message=quiet(issue.message)))
        return
    if not row.problems:
        row.case = case
    if not row.name:
        names = (case.person.given_name, case.person.family_name)
        row.name = " ".join(part for part in names if part)[:200]


def quiet(message: str) -> str:
    """The loader's message without the value it quotes (a name, maybe), at most :data:`MESSAGE_MAX`."""
    cleaned = re.sub(r',?\s*got\s+("[^"]*"|\S+)\s*$', "", message)
    cleaned = re.sub(r'"[^"]{0,2000}"', "…", cleaned)
    return cleaned[:MESSAGE_MAX]


# --- a ZIP ----------------------------------------------------------------------------------------------


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or bool(re.match(r"^[A-Za-z]:", name))


def read_zip(data: bytes) -> Read:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadError("zip_damaged") from None
    with archive:
        entries = [entry for entry in archive.infolist() if not entry.is_dir()]
        if len(entries) > ROWS_MAX:
            raise UploadError("too_many_rows", n=len(entries))
        if any(_unsafe_name(entry.filename) for entry in entries):
            raise UploadError("zip_traversal")
        if any(entry.filename.lower().endswith((".zip", ".gz", ".7z", ".rar", ".tar")) for entry in entries):
            raise UploadError("zip_nested")
        if sum(entry.file_size for entry in entries) > ZIP_DECLARED_MAX:
            raise UploadError("zip_too_large")
        if not any(entry.filename.lower().endswith(SUFFIXES) for entry in entries):
            raise UploadError("zip_no_cases")
        rows = []
        for number, item in enumerate(zip_items(archive), start=1):
            row = Row(number, source=item.source[:200])
            if item.text is None:
                key = "file_too_large" if "larger" in item.error else "file_unreadable"
                row.problems.append(Problem("", key))
            else:
                _validate(row, item.text, item.syntax, lambda path: path)
            rows.append(row)
    return Read("zip", rows)


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of an old Excel workbook (.xls)."""


def _workbook(name: str, data: bytes) -> bool:
    """A spreadsheet program's own file (not CSV): an .xlsx or .ods is a ZIP of XML, an .xls an OLE file."""
    if name.lower().endswith(WORKBOOK_SUFFIXES) or data.startswith(OLE_SIGNATURE):
        return True
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names or "mimetype" in names


def read_upload(name: str, data: bytes) -> Read:
    """The rows of an uploaded CSV or ZIP (told apart by their content, not only their name)."""
    if _workbook(name, data):
        raise UploadError("workbook")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06") or name.lower().endswith(".zip"):
        return read_zip(data)
    return read_csv(data)
