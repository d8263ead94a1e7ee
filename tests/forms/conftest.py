"""The form tests read the blank Form I-589 committed in ``forms/`` (USCIS's public form; its checksum is
checked by ``test_blank_forms.py``)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from i589_forms import EXAMPLE, FORM_2023, INVENTORY_2023, fill

from withhold.forms import FilledForm


@pytest.fixture(scope="session")
def blank_form() -> bytes:
    return FORM_2023.read_bytes()


@pytest.fixture(scope="session")
def inventory() -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = json.loads(INVENTORY_2023.read_text(encoding="utf-8"))["fields"]
    return fields


@pytest.fixture(scope="session")
def example(blank_form: bytes) -> FilledForm:
    return fill(EXAMPLE.read_text(encoding="utf-8"), blank_form)
