"""Reading a case file: YAML or JSON by extension, ``-`` for standard input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from withhold.cli.errors import UserError
from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError, parse_case

STDIN = "-"


def syntax_of(name: str) -> Literal["yaml", "json"] | None:
    """``json`` for ``.json``, ``yaml`` for ``.yaml``/``.yml``; otherwise let the parser decide (JSON is
    also YAML)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    return None


def read_text(name: str) -> str:
    """The text of the file, or of standard input for ``-``."""
    if name == STDIN:
        try:
            return sys.stdin.read()
        except UnicodeDecodeError:
            raise UserError("standard input is not UTF-8 text") from None
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{name} is a directory, not a case file") from None
    except PermissionError:
        raise UserError(f"{name}: permission denied") from None
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 text") from None
    except OSError as error:
        raise UserError(f"cannot read {name}: {error.strerror or error}") from None


def load_case(name: str) -> Case:
    """Read and validate a case file; every problem becomes a :class:`UserError` naming its path."""
    text = read_text(name)
    shown = "standard input" if name == STDIN else name
    try:
        return parse_case(text, None if name == STDIN else syntax_of(name))
    except CaseFileError as error:
        raise UserError(
            f"{shown} is not a valid case file:", [str(issue) for issue in error.issues]
        ) from None
