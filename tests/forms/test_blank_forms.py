"""The blank forms committed in ``forms/`` are the editions their field maps were built for (issue 18: a
repository that stands alone): each file's SHA-256 is the one ``forms/README.md`` records."""

from __future__ import annotations

import hashlib
import re

from i589_forms import FORMS


def test_each_blank_form_is_the_edition_its_readme_names() -> None:
    readme = (FORMS / "README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", readme, re.M))
    present = {path.name for path in FORMS.iterdir() if path.name != "README.md"}
    assert set(recorded) == present
    for name, digest in recorded.items():
        assert hashlib.sha256((FORMS / name).read_bytes()).hexdigest() == digest, name
