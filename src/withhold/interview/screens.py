"""The interview's own words on screen (``screens.yaml``): those the terminal and the browser share, and
each one's own. Read and checked once; a text in a language beyond English and Spanish comes from the
interview's catalog by its English."""

from __future__ import annotations

from functools import cache

from withhold.language import Localized, read_localized
from withhold.package_data import read_yaml

GROUPS = ("shared", "browser", "terminal")
PLACEHOLDERS = frozenset(
    {
        "answered",
        "remaining",
        "n",
        "name",
        "path",
        "count",
        "file",
        "protection",
        "what",
        "cites",
        "rule",
        "value",
        "first",
        "second",
        "date",
    }
)


@cache
def screens() -> dict[str, dict[str, Localized]]:
    raw = read_yaml("withhold.interview", "screens.yaml")
    problems: list[str] = []
    found: dict[str, dict[str, Localized]] = {}
    if not isinstance(raw, dict) or set(raw) != set(GROUPS):
        raise ValueError(f"interview/screens.yaml: expected the groups {', '.join(GROUPS)}")
    for group in GROUPS:
        found[group] = {}
        for key, value in (raw[group] or {}).items():
            text = read_localized(f"{group}.{key}", value, problems, placeholders_allowed=PLACEHOLDERS)
            if text is not None:
                found[group][str(key)] = text
    if problems:
        raise ValueError("interview/screens.yaml is not valid:\n  " + "\n  ".join(problems))
    return found
