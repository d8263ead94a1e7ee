"""What can go wrong before a form is filled: each error says what to do about it."""

from __future__ import annotations

from collections.abc import Sequence


class FormError(Exception):
    """The PDF given as the form cannot be filled (not a PDF, not an I-589, an edition without a map)."""


class UnknownEditionError(FormError):
    def __init__(self, edition: str, known: Sequence[str]) -> None:
        super().__init__(f"Form I-589 edition {edition} has no field map yet")
        self.edition = edition
        self.known = tuple(known)


class MapError(Exception):
    """A field map is malformed or does not match its PDF: a defect of Withhold, not of the user's input."""
