"""The deadlines calendar as a file: what the events are called, the key that keeps them stable, and a
write that never leaves half a file behind.

The case key decides the events' UIDs, so importing a new export updates the old events instead of adding
copies. It must stay the same for a case and say nothing about the person: it is a SHA-256 digest of the
A-number when the case has one (so renaming or moving the file keeps the events), else of the case file's
resolved path. A case read from standard input has no path; without an A-number it needs ``--label``.
The label is what the calendar shows; by default it is the file name without its extension, never the
person's name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from withhold.cli.errors import UserError
from withhold.cli.files import STDIN
from withhold.facts.case import Case

STDIN_LABEL = "case"


def calendar_label(option: str | None, case_file: str) -> str:
    """The ``--label`` (whitespace collapsed), else the case file's name without its extension."""
    if option is not None:
        label = " ".join(option.split())
        if not label:
            raise UserError("--label must not be empty")
        return label
    if case_file == STDIN:
        return STDIN_LABEL
    return Path(case_file).stem or Path(case_file).name


def normalized_a_number(a_number: str) -> str:
    """``A12345678``, ``012345678`` and ``A012345678`` are the same A-number: nine digits."""
    return a_number.strip().upper().removeprefix("A").zfill(9)


def _digest(kind: str, value: str) -> str:
    return hashlib.sha256(f"withhold-case-key/1\x00{kind}\x00{value}".encode()).hexdigest()


def case_key(case: Case, case_file: str, label: str | None) -> str:
    """A stable key for the case that does not show who it is (see the module docstring)."""
    if case.person.a_number:
        return _digest("a-number", normalized_a_number(case.person.a_number))
    if case_file != STDIN:
        return _digest("file", str(Path(case_file).resolve()))
    if label is not None:
        return _digest("label", " ".join(label.split()))
    raise UserError(
        "--ics with a case read from standard input needs person.a_number in the case or --label, so that "
        "importing the calendar again updates its events instead of duplicating them"
    )


def write_atomically(target: str, data: bytes, *, option: str = "--ics") -> Path:
    """Write ``data`` to a temporary file next to ``target``, then rename it over ``target``: a reader
    sees the old file or the new one, never a partial one. A new file is readable by its owner only; an
    existing file keeps its permissions. If the write is interrupted (an error, Ctrl-C), the temporary
    file is removed and ``target`` is untouched. Errors name ``option``, the option that gave the file."""
    if target in ("", STDIN):
        raise UserError(f"{option} needs a file name to write to")
    path = Path(target)
    if path.is_dir():
        raise UserError(f"{option}: {target} is a directory")
    directory = path.parent
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise UserError(f"{option}: cannot write {target}: no such directory {str(directory)!r}") from None
    except OSError as error:
        raise UserError(f"{option}: cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UserError(f"{option}: cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path
