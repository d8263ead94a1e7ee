"""Invented documents for filing tests: text PDFs that say what they are on every page, and photos."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture(scope="session")
def text_pdf() -> Callable[[str, int], bytes]:
    from weasyprint import HTML  # type: ignore[import-untyped]

    made: dict[tuple[str, int], bytes] = {}

    def make(name: str, pages: int) -> bytes:
        if (name, pages) not in made:
            body = "".join(
                f"<p style='break-before: page'>{name} page {n + 1} of {pages}</p>" for n in range(pages)
            )
            made[(name, pages)] = bytes(HTML(string=f"<html><body>{body}</body></html>").write_pdf())
        return made[(name, pages)]

    return make
