"""The project's own copy of the case format (``docs/spec/case-format.md``) documents every key of the
case model, the Withhold extensions the forms read included, and keeps the shared spec's keys."""

from __future__ import annotations

import re
from pathlib import Path

from withhold.facts.paths import catalogue

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "docs" / "spec" / "case-format.md"
SHARED = ROOT / "docs" / "spec" / "shared" / "case-format.md"
"""The original contract, as first shared (docs/spec/shared/README.md)."""


def test_every_key_of_the_case_model_is_documented() -> None:
    text = SPEC.read_text(encoding="utf-8")
    named = {word for span in re.findall(r"`([^`]+)`", text) for word in re.findall(r"[a-z_0-9]+", span)}
    keys = {step.removesuffix("[]") for path in catalogue() for step in path.split(".")}
    assert sorted(keys - named) == []


def test_the_shared_specs_keys_are_kept() -> None:
    ours = SPEC.read_text(encoding="utf-8")
    for row in re.findall(r"^\| `[a-z_]+` \|.*$", SHARED.read_text(encoding="utf-8"), re.M):
        assert row in ours, row


def test_the_screening_format_is_kept_unchanged() -> None:
    shared = SHARED.parent / "screening-format.md"
    assert (SPEC.parent / "screening-format.md").read_text(encoding="utf-8") == shared.read_text(
        encoding="utf-8"
    )
