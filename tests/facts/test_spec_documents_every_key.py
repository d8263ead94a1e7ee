"""The project's own copy of the case format (``docs/spec/case-format.md``) documents every key of the
case model, the Withhold extensions the forms read included, and keeps the shared spec's keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from withhold.facts.paths import catalogue

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "docs" / "spec" / "case-format.md"
SHARED = ROOT / ".." / "shared" / "spec" / "case-format.md"


def test_every_key_of_the_case_model_is_documented() -> None:
    text = SPEC.read_text(encoding="utf-8")
    named = {word for span in re.findall(r"`([^`]+)`", text) for word in re.findall(r"[a-z_0-9]+", span)}
    keys = {step.removesuffix("[]") for path in catalogue() for step in path.split(".")}
    assert sorted(keys - named) == []


def test_the_shared_specs_keys_are_kept() -> None:
    if not SHARED.exists():
        pytest.skip("the shared spec (../shared/spec) is not beside this checkout; nothing to compare")
    ours = SPEC.read_text(encoding="utf-8")
    for row in re.findall(r"^\| `[a-z_]+` \|.*$", SHARED.read_text(encoding="utf-8"), re.M):
        assert row in ours, row


def test_the_screening_format_is_kept_unchanged() -> None:
    shared = SHARED.parent / "screening-format.md"
    if not shared.exists():
        pytest.skip("the shared spec (../shared/spec) is not beside this checkout; nothing to compare")
    assert (SPEC.parent / "screening-format.md").read_text(encoding="utf-8") == shared.read_text(
        encoding="utf-8"
    )
