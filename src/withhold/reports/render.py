"""Reports as HTML and Markdown, from Jinja2 templates (``templates/``), and the output format a file name
asks for.

Every value from the case or the core is escaped: HTML with Jinja2's autoescape, Markdown with
:func:`markdown_escape` applied to every ``{{ }}`` (a name with ``<script>`` or ``*`` stays text). The
templates hold no words of their own; their texts are the report's ``t`` (``texts.yaml``). Undefined
names fail loudly (``StrictUndefined``) instead of printing nothing.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from withhold.reports.model import ClientReport, Report

FORMATS = {".pdf": "pdf", ".html": "html", ".md": "md"}
"""Output formats by the output file's suffix."""


def format_for(path: str) -> str | None:
    """``pdf``, ``html`` or ``md`` from the suffix of ``path`` (any case); ``None`` for any other."""
    return FORMATS.get(Path(path).suffix.lower())


def render_html(report: Report) -> str:
    return _environment("html").get_template(f"{report.template}.html.j2").render(r=report, t=report.t)


def render_client_body(report: ClientReport) -> str:
    """The client report's content without its page (the self-help result shows it inside the site)."""
    return _environment("html").get_template("client_body.html.j2").render(r=report, t=report.t)


def render_markdown(report: Report) -> str:
    text = _environment("md").get_template(f"{report.template}.md.j2").render(r=report, t=report.t)
    # Every heading stands apart (case text never starts a line with #: it is escaped), and no more
    # than one blank line anywhere.
    text = re.sub(r"\n(#{1,6} )", r"\n\n\1", text)
    text = re.sub(r"(\n#{1,6} [^\n]*)\n(?!\n)", r"\1\n\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


@cache
def _environment(kind: str) -> Environment:
    loader = PackageLoader("withhold.reports", "templates")
    if kind == "html":
        environment = Environment(
            loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
        )
        environment.filters["css_string"] = css_string
        return environment
    environment = Environment(
        loader=loader,
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_markdown_value,
    )
    environment.filters["code"] = markdown_code
    environment.filters["cell"] = markdown_cell
    return environment


def css_string(value: Any) -> Markup:
    """``value`` as a quoted CSS string for the page's running header and footer: every character that
    is not a letter or a digit is written as a CSS escape, so no case text can end the string or the
    ``<style>`` element."""
    text = " ".join(str(value).split())
    # A six-digit escape swallows one following space, so spaces are escaped too.
    escaped = "".join(c if c.isalnum() else f"\\{ord(c):06x}" for c in text)
    return Markup(f'"{escaped}"')


# --- Markdown ---------------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*\[\]<>|#])")
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def markdown_escape(value: str) -> str:
    """Text that Markdown shows as itself, on one line: its special characters backslash-escaped (an
    underscore only where it could start or end emphasis, so ``filed_on`` stays readable)."""
    text = " ".join(value.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _UNDERSCORE.sub(r"\\_", text)


def _markdown_value(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return markdown_escape(value)
    return value


def markdown_code(value: Any) -> Markup:
    """An identifier (a rule id, a fact path) as a code span: readable as plain text, never formatted."""
    text = " ".join(str(value).split()).replace("`", "'")
    return Markup(f"`{text}`")


def markdown_cell(value: Any) -> Markup:
    """Text for a Markdown table cell (escaped; a pipe cannot end the cell)."""
    return Markup(markdown_escape(str(value)))
