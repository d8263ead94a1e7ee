"""What every ``withhold`` command shares: no input ever ends in a traceback, and ``--help`` shows no type
placeholders.

A person's mistake (a bad file, a bad option) is a :class:`UserError`: its message and exit code 2. What
escapes a command otherwise is a bug: one short line on standard error naming the kind of error and where
in Withhold it happened, never its message (which may quote the case), and exit code 1. Typer's own
signals (exit, abort, usage errors) and Ctrl-C pass through to Typer.
"""

from __future__ import annotations

import errno
import traceback
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from withhold.cli.errors import USAGE_ERROR, UserError
from withhold.facts.loading import CaseFileError

BUG = 1
PACKAGE = Path(__file__).resolve().parents[1]


def where(error: BaseException) -> str:
    """The innermost place in Withhold's own code the error passed through: ``deadlines/counting.py:42``."""
    found = "an unknown place"
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if path.is_relative_to(PACKAGE):
            found = f"{path.relative_to(PACKAGE).as_posix()}:{frame.lineno}"
    return found


def bug_line(error: BaseException) -> str:
    return (
        f"error: internal error ({type(error).__name__} at {where(error)}). This is a bug in Withhold, not "
        "a problem with your input; please report it with this line (it holds no case data)."
    )


def _run_guarded(invoke: Any, ctx: Any) -> Any:
    try:
        return invoke(ctx)
    except UserError as error:
        for line in error.lines():
            typer.echo(line, err=True)
        raise typer.Exit(USAGE_ERROR) from None
    except CaseFileError as error:
        typer.echo("error: not a valid case file:", err=True)
        for issue in error.issues:
            typer.echo(f"  {issue}", err=True)
        raise typer.Exit(USAGE_ERROR) from None
    except (EOFError, KeyboardInterrupt):
        raise  # Typer's: "Aborted!", or exit 130
    except OSError as error:
        if error.errno == errno.EPIPE:
            raise  # the reader of the output went away (| head): Typer exits quietly
        typer.echo(f"error: {error.strerror or type(error).__name__}", err=True)
        raise typer.Exit(BUG) from None
    except Exception as error:
        if type(error).__module__.split(".")[0] in {"typer", "click"}:
            raise  # Typer's exit, abort and usage errors
        typer.echo(bug_line(error), err=True)
        raise typer.Exit(BUG) from None


def _plain_help(option: Any) -> Any:
    """The help option without Typer's ``<bool>`` placeholder (a flag takes no value)."""
    if option is not None:
        option.metavar = ""
    return option


class Command(TyperCommand):
    """A command whose errors never print a traceback."""

    def invoke(self, ctx: Any) -> Any:
        return _run_guarded(super().invoke, ctx)

    def get_help_option(self, ctx: Any) -> Any:
        return _plain_help(super().get_help_option(ctx))


class Group(TyperGroup):
    """The ``withhold`` group: its own ``--help`` without placeholders too."""

    def get_help_option(self, ctx: Any) -> Any:
        return _plain_help(super().get_help_option(ctx))


FLAG = ""
"""The metavar of a flag (``--trace``): nothing, where Typer would show ``<bool>``."""
