"""The text of a case file into a document (mappings, lists, texts, numbers, dates), safely and within
bounds, before any validation.

YAML is read with libyaml's C parser when PyYAML has it (a 900 KB file: milliseconds instead of the pure
Python parser's seconds), else with the pure Python one; both apply the same rules:

- YAML 1.2-style booleans: only true/false. YAML 1.1 would read the country code NO (Norway) or an answer
  "no" as false, turning a value into a different value silently.
- A key given twice is an error, not a silent overwrite (:class:`withhold.package_data.UniqueKeys`; JSON
  follows the same rule).
- A key is text: a list, a mapping, a number or a date as a key is an error.
- A YAML date that is not a real date (2026-02-30) stays text, so the date check names its path; so does a
  whole number too long for Python to read (more than 4,300 digits).
- The document's shape is checked from the parser's events before anything is built from it: at most
  :data:`~withhold.facts.limits.NESTING_MAX` levels deep and :data:`~withhold.facts.limits.VALUES_MAX`
  values, aliases counted as what they repeat, and no value that contains itself. (libyaml builds nested
  lists by recursion in C: a few hundred thousand levels would crash the process, not raise an error.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable
from typing import Any

import yaml

from withhold.facts.limits import CASE_FILE_MAX_CHARS, NESTING_MAX, VALUES_MAX, bounded, cut
from withhold.package_data import UniqueKeys

TEXT_KEY = "tag:yaml.org,2002:str"


class DocumentError(ValueError):
    """The text is not a document Withhold reads; the message says why, and where when it can."""


class _CaseRules(UniqueKeys):
    """The rules above, for both parsers (mixed in before the loader class)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        self.flatten_mapping(node)
        for key_node, _ in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == TEXT_KEY):
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"a key must be a name such as person, got {_kind(key_node)}",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    what = {"int": "a number", "float": "a number", "bool": "a boolean", "null": "null",
            "timestamp": "a date"}.get(str(node.tag).rsplit(":", 1)[-1], "a tagged value")  # fmt: skip
    return f"{cut(str(node.value))} ({what})" if node.value else f"an empty key ({what})"


class PythonLoader(_CaseRules, yaml.SafeLoader):
    """The pure Python parser, with the case file's rules."""


LOADERS: tuple[type, ...]
"""The loaders of case files, the one used first: libyaml's when PyYAML has it, and the pure Python one."""

if yaml.__with_libyaml__:

    class CLoader(_CaseRules, yaml.CSafeLoader):
        """libyaml's parser, with the case file's rules."""

    LOADERS = (CLoader, PythonLoader)
else:  # pragma: no cover - PyYAML built without libyaml
    LOADERS = (PythonLoader,)

LOADER = LOADERS[0]


def _timestamp_or_text(loader: PythonLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


def _integer_or_text(loader: PythonLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_int(node)
    except ValueError:
        return loader.construct_scalar(node)


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")

for _loader in LOADERS:
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
    _loader.add_constructor("tag:yaml.org,2002:int", _integer_or_text)


def _where(mark: Any) -> str:
    return f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""


def read_yaml(text: str, loader: type | None = None) -> object:
    """The document of a YAML text (``loader``: one of :data:`LOADERS`, by default :data:`LOADER`)."""
    chosen = loader or LOADER
    _check_size(text)
    try:
        _check_shape(text, chosen)
        return yaml.load(text, Loader=chosen)  # a safe loader: see the classes above
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise DocumentError(f"not valid YAML: {bounded(problem)}{_where(mark)}") from None


def _check_size(text: str) -> None:
    if len(text) > CASE_FILE_MAX_CHARS:
        raise DocumentError(
            f"the file has {len(text):,} characters; a case file has at most {CASE_FILE_MAX_CHARS:,}"
        )


def _check_shape(text: str, loader: type) -> None:
    """Nesting, values (aliases counted as what they repeat) and self-containing values, from the events
    alone: nothing is built, and the parse stops at the first problem."""
    parser = loader(text)
    sizes: dict[str, int] = {}  # an anchor's value: how many values it holds
    open_collections: list[tuple[str | None, int]] = []  # (anchor, values counted before it)
    values = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.AliasEvent):
                anchor = event.anchor or ""
                if any(anchor == opened for opened, _ in open_collections):
                    raise DocumentError(
                        f"a value contains itself (alias *{cut(anchor)}){_where(event.start_mark)}"
                    )
                values += sizes.get(anchor, 1)
            elif isinstance(event, yaml.ScalarEvent):
                values += 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                values += 1
                open_collections.append((event.anchor, values))
                if len(open_collections) > NESTING_MAX:
                    raise DocumentError(
                        f"nested more than {NESTING_MAX} levels deep{_where(event.start_mark)}"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                closed, before = open_collections.pop()
                if closed is not None:
                    sizes[closed] = values - before + 1
            if values > VALUES_MAX:
                raise DocumentError(
                    f"more than {VALUES_MAX:,} values{_where(getattr(event, 'start_mark', None))}; "
                    "a case file has far fewer"
                )
    finally:
        parser.dispose()


def read_json(text: str) -> object:
    """The document of a JSON text, with the same rules as YAML's (keys once, bounded shape)."""
    _check_size(text)
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys, parse_int=_json_integer)
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise DocumentError(f"nested more than {NESTING_MAX} levels deep") from None
    _check_tree(document)
    return document


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise DocumentError(f"not valid JSON: duplicate key {cut(key)!r}")
        found[key] = value
    return found


def _json_integer(digits: str) -> object:
    try:
        return int(digits)
    except ValueError:  # more digits than Python reads: the field's check names it
        return digits


def _check_tree(document: object) -> None:
    """Nesting and values of a document already built (JSON has no aliases: its size is its text's)."""
    values = 0
    stack: list[tuple[object, int]] = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        values += 1
        if values > VALUES_MAX:
            raise DocumentError(f"more than {VALUES_MAX:,} values; a case file has far fewer")
        if isinstance(node, (dict, list)):
            if depth > NESTING_MAX:
                raise DocumentError(f"nested more than {NESTING_MAX} levels deep")
            stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
