"""No hostile case file gives a 500 through the web: the import (uploaded or pasted) and the YAML editor
answer every file of ``bench/hostile_generator.py`` (drawn by Hypothesis, ``tests/hostile_strategy.py``)
with a case or its problems by field (150 files: about 10 s). A view that raises fails the test (Django's test client re-raises
it), as does any 500.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given, settings

from hostile_strategy import FUZZ, HOSTILE_FILES, HostileFile
from withhold.web.cases.models import CaseRecord


@pytest.mark.django_db
@settings(FUZZ, max_examples=150)
@given(hostile=HOSTILE_FILES)
def test_no_hostile_file_gives_a_500(hostile: HostileFile, attorney: Client, record: CaseRecord) -> None:
    text = hostile.text
    if len(text) % 2:
        upload = SimpleUploadedFile(f"case{hostile.suffix}", text.encode("utf-8", errors="surrogatepass"))
        imported = attorney.post("/cases/import/", {"file": upload})
    else:
        imported = attorney.post("/cases/import/", {"text": text})
    assert imported.status_code in (200, 302, 400), imported.status_code
    edited = attorney.post(f"/cases/{record.id}/edit/document/", {"text": text, "version": 1})
    assert edited.status_code in (200, 302, 400), edited.status_code
