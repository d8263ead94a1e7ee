"""A report as the bytes of the file asked for: the format from the output file's suffix, and the checks
that keep a report from replacing a case file."""

from __future__ import annotations

import re
from pathlib import Path

from withhold.reports.model import Report
from withhold.reports.render import FORMATS, format_for, render_html, render_markdown

OPTION = "--output"

_CASE_MARKER = re.compile(r"""^\s*["']?withhold["']?\s*:\s*["']?case/1\b""", re.MULTILINE)
"""The ``withhold: case/1`` line (YAML) or key (JSON) every case file starts with."""


class OutputError(ValueError):
    """The output file cannot be used; the message names the option."""


def output_format(path: str) -> str:
    """``pdf``, ``html`` or ``md`` from the output file's suffix."""
    chosen = format_for(path)
    if chosen is None:
        suffixes = list(FORMATS)
        allowed = ", ".join(suffixes[:-1]) + " or " + suffixes[-1]
        raise OutputError(f"{OPTION} must be a file name ending in {allowed}; got {path!r}")
    return chosen


def check_not_a_case_file(path: str, case_file: str) -> None:
    """Refuse to write over the case file read, or over any file that is a case file."""
    target = Path(path)
    if case_file != "-" and target.exists() and target.resolve() == Path(case_file).resolve():
        raise OutputError(f"{OPTION}: {path} is the case file; choose another file for the report")
    if target.is_file():
        try:
            with target.open("r", encoding="utf-8", errors="replace") as handle:
                start = handle.read(4096)
        except OSError:
            return  # the write itself will report the problem
        if _CASE_MARKER.search(start):
            raise OutputError(f"{OPTION}: {path} is a case file (withhold: case/1); it is never overwritten")


def render(report: Report, chosen: str) -> bytes:
    """The report in the chosen format, as the bytes of the file."""
    if chosen == "pdf":
        # Imported here: WeasyPrint takes most of a second to import, and every other command (and
        # every HTML or Markdown report) would pay for it on each run of `withhold`.
        from withhold.reports.pdf import render_pdf

        return render_pdf(report)
    if chosen == "html":
        return render_html(report).encode("utf-8")
    if chosen == "md":
        return render_markdown(report).encode("utf-8")
    raise OutputError(f"unknown report format {chosen!r}")
