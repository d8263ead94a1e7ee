"""The form tests read Form I-589 from ``../shared/forms`` beside the checkout, and skip, saying so, where it
is absent (the PDF is USCIS's, not part of this repository)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from i589_forms import EXAMPLE, FORM_2023, INVENTORY_2023, fill

from withhold.forms import FilledForm


@pytest.fixture(scope="session")
def blank_form() -> bytes:
    if not FORM_2023.exists():
        pytest.skip(
            f"Form I-589 edition 03/01/23 is not at {FORM_2023.resolve()}: put ../shared/forms beside the "
            "checkout to run the form tests"
        )
    return FORM_2023.read_bytes()


@pytest.fixture(scope="session")
def inventory() -> list[dict[str, Any]]:
    if not INVENTORY_2023.exists():
        pytest.skip(f"the field inventory of Form I-589 is not at {INVENTORY_2023.resolve()}")
    fields: list[dict[str, Any]] = json.loads(INVENTORY_2023.read_text(encoding="utf-8"))["fields"]
    return fields


@pytest.fixture(scope="session")
def example(blank_form: bytes) -> FilledForm:
    return fill(EXAMPLE.read_text(encoding="utf-8"), blank_form)
