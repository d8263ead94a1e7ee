"""Rich consoles for standard output and standard error, and printing without trailing blanks.

Rich turns colour off when the output is not a terminal or ``NO_COLOR`` is set; we also keep lines at
most 100 columns wide, never let Rich re-colour numbers or dates, and never read text as markup.
"""

from __future__ import annotations

import sys

from rich.console import Console, RenderableType

MAX_WIDTH = 100


def make_console(*, stderr: bool = False) -> Console:
    console = Console(stderr=stderr, soft_wrap=False, highlight=False, markup=False, emoji=False)
    if console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    return console


def show(renderable: RenderableType, console: Console | None = None) -> None:
    """Print to standard output, without the blanks Rich pads table cells with at the end of lines."""
    console = console or make_console()
    with console.capture() as captured:
        console.print(renderable)
    text = "\n".join(line.rstrip(" ") for line in captured.get().split("\n"))
    stream = sys.stderr if console.stderr else sys.stdout
    stream.write(text)
    stream.flush()
