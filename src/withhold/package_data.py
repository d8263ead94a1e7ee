"""Reading Withhold's own data files (question bank, checklist, comparison, texts, parameters, field
maps): YAML read safely, a key given twice refused rather than silently overwritten (a second
translation of a text would otherwise replace the first unseen), and the one check every data file's
parser makes of an entry's fields. Parsers collect every problem and raise them together, so a data
file's author sees all that is wrong at once."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from importlib import resources
from typing import Any

import yaml


class UniqueKeys(yaml.constructor.SafeConstructor):
    """Refuses a key given twice in one mapping (mixed into a safe loader, before it)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        self.flatten_mapping(node)
        seen: set[Hashable] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):  # a list or a mapping as a key: refused as PyYAML does
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found unhashable key",
                    key_node.start_mark,
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class UniqueKeyLoader(UniqueKeys, yaml.SafeLoader):
    """A safe loader (no arbitrary objects) that refuses a key given twice in one mapping."""


def parse_yaml(text: str) -> Any:
    """YAML text read with :class:`UniqueKeyLoader`."""
    return yaml.load(text, Loader=UniqueKeyLoader)


def read_yaml(package: str, name: str) -> Any:
    """A YAML file shipped in ``package``, read with :class:`UniqueKeyLoader`."""
    return parse_yaml(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def check_fields(
    where: str,
    body: Any,
    *,
    allowed: Iterable[str],
    required: Iterable[str] = (),
    problems: list[str],
) -> bool:
    """Whether ``body`` is a mapping; each unknown and each missing field is appended to ``problems``."""
    allowed = tuple(allowed)
    if not isinstance(body, dict):
        problems.append(f"{where}: expected a mapping with {', '.join(allowed)}")
        return False
    for name in body:
        if name not in allowed:
            problems.append(f"{where}: {name}: unknown field; expected one of {', '.join(allowed)}")
    for name in required:
        if name not in body:
            problems.append(f"{where}: {name}: missing")
    return True
