"""The files of ``withhold i589``: the blank form it reads and the filled form it writes, never one over
the other (the case file and the form a person downloaded are never overwritten)."""

from __future__ import annotations

from pathlib import Path

from withhold.cli.errors import UserError
from withhold.cli.files import STDIN

FORM_SOURCE = "download the current edition from https://www.uscis.gov/i-589"


def read_form(name: str, *, option: str = "--form") -> bytes:
    if name in ("", STDIN):
        raise UserError(f"{option} needs the PDF of Form I-589 ({FORM_SOURCE})")
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        raise UserError(f"{option}: no such file: {name}", [FORM_SOURCE]) from None
    except IsADirectoryError:
        raise UserError(f"{option}: {name} is a directory") from None
    except OSError as error:
        raise UserError(f"{option}: cannot read {name}: {error.strerror or error}") from None


def check_output(output: str, inputs: dict[str, str], *, option: str = "--output") -> None:
    """Refuse an output that is one of the inputs (``inputs``: what each is, by file name)."""
    target = Path(output)
    for given, what in inputs.items():
        if given in ("", STDIN):
            continue
        source = Path(given)
        try:
            same = target.exists() and source.exists() and target.samefile(source)
        except OSError:
            same = False
        if same or target.resolve() == source.resolve():
            raise UserError(f"{option}: {output} is the {what}; write the filled form to another file")
