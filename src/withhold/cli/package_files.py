"""The files of ``withhold package``: the documents named on the command line, read and checked, and the
filing written (in parts named ``_Part1``, ``_Part2``… when it must be split, as ECAS asks)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from withhold.cli.errors import UserError
from withhold.filing.documents import Document, DocumentError, read_document
from withhold.filing.model import Translator
from withhold.filing.tabs import missing_letters, without_missing_letters

TITLE_MAX = 200


@dataclass(frozen=True)
class Named:
    path: str
    title: str


def exhibit_argument(value: str) -> Named:
    """``FILE`` or ``FILE=TITLE`` (a file whose own name holds ``=`` is taken whole if it exists)."""
    if "=" in value and not Path(value).exists():
        path, title = value.split("=", 1)
    else:
        path, title = value, ""
    if not path:
        raise UserError(f"--exhibit {value!r}: give a file, as FILE or FILE=TITLE")
    title = " ".join(title.split()) or _title_from_name(path)
    if len(title) > TITLE_MAX:
        raise UserError(f"--exhibit {path}: the title is {len(title)} characters; at most {TITLE_MAX}")
    return Named(path, title)


def _title_from_name(path: str) -> str:
    words = " ".join(re.split(r"[_\-\s]+", Path(path).stem)).strip()
    return (words[:1].upper() + words[1:]) if words else Path(path).name


def pairs(option: str, values: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` arguments of ``option`` by key."""
    found: dict[str, str] = {}
    for value in values:
        if "=" not in value:
            raise UserError(f"{option} {value!r}: write it as FILE=VALUE")
        key, given = value.split("=", 1)
        found[key] = given.strip()
    return found


def translator_argument(value: str | None) -> Translator | None:
    """``NAME; ADDRESS; PHONE`` (address and phone optional)."""
    if value is None:
        return None
    parts = [part.strip() for part in value.split(";")]
    if not parts[0]:
        raise UserError("--translator: give the translator's name, as 'NAME; ADDRESS; PHONE'")
    parts += ["", ""]
    return Translator(parts[0], parts[1], parts[2])


def read_file(path: str) -> Document:
    """The document at ``path``, or :class:`DocumentError` (what is wrong with it, for the list)."""
    name = Path(path).name
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a folder, not a file") from None
    except OSError as error:
        raise DocumentError(path, f"cannot be read: {error.strerror or error}") from None
    return read_document(name, data)


def checked_title(title: str, *, leave_out: bool) -> tuple[str, str]:
    """The title as it will print, and the letters left out of it ('' when none). Without consent a title
    with letters the court's fonts lack is a user error naming them."""
    missing = missing_letters(title)
    if not missing:
        return title, ""
    if not leave_out:
        raise UserError(
            f"the title {title!r} has letters the filing's fonts cannot print: {' '.join(missing)}",
            ["write the title in English letters, or pass --leave-out-problems to leave those letters out"],
        )
    return without_missing_letters(title), missing


def part_names(output: str, parts: int) -> list[str]:
    """``FILING.pdf`` for one part; ``FILING_Part1.pdf``, ``FILING_Part2.pdf``… for several."""
    if parts == 1:
        return [output]
    path = Path(output)
    return [str(path.with_name(f"{path.stem}_Part{number}{path.suffix}")) for number in range(1, parts + 1)]
