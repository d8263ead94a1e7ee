"""Errors a person can fix (a bad file, a bad option): one clear message, exit code 2, no traceback."""

from __future__ import annotations

from collections.abc import Sequence

USAGE_ERROR = 2


class UserError(Exception):
    """A problem with the command's input. ``details`` are extra lines printed under the message."""

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = tuple(details)

    def lines(self) -> list[str]:
        return [f"error: {self.message}", *(f"  {detail}" for detail in self.details)]
