"""Reading Withhold's own data files (question bank, checklist, comparison, texts, parameters, field
maps): YAML read safely, a key given twice refused rather than silently overwritten (a second
translation of a text would otherwise replace the first unseen), and each file declared as a pydantic model
(:func:`read_model`), whose every problem is reported at once with its path and its line, so a data
file's author sees all that is wrong at once."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError


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


# --- data files declared as pydantic models -----------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """Every problem of one data file, each as ``path: what is wrong (line N)``."""

    def __init__(self, file: str, problems: Sequence[str]) -> None:
        self.file = file
        self.problems = tuple(problems)
        super().__init__(f"{file} is not valid:\n  " + "\n  ".join(self.problems))


def yaml_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line (from 1) where each key or item of a YAML document begins, by its path of keys and
    indexes as text (``("flags", "u_visa", "why")``, ``("periods", "0")``)."""
    lines: dict[tuple[str, ...], int] = {}

    def visit(node: yaml.Node, path: tuple[str, ...]) -> None:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*path, str(key.value))
                lines[child] = key.start_mark.line + 1
                visit(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                visit(item, (*path, str(index)))

    root = yaml.compose(text, Loader=UniqueKeyLoader)
    if root is not None:
        visit(root, ())
    return lines


def problems_of(error: ValidationError, lines: Mapping[tuple[str, ...], int] | None = None) -> list[str]:
    """Each problem of ``error`` as ``path: message``, with the line of the nearest enclosing entry the
    file has (an extra or missing field is placed at its entry)."""
    found: list[str] = []
    for problem in error.errors():
        path: tuple[str, ...] = ()
        for part in problem["loc"]:
            # a union's branch (`str`) is no key, unless the file has a key so named (a group `date`)
            if not _is_type_tag(part) or (*path, str(part)) in (lines or {}):
                path = (*path, str(part))
        message = {"missing": "missing", "extra_forbidden": "unknown field"}.get(
            problem["type"], problem["msg"]
        )
        message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        where = _joined(path) or "(the file)"
        line = _line(path, lines or {})
        found.append(f"{where}: {message}" + (f" (line {line})" if line is not None else ""))
    return found


def _joined(path: tuple[str, ...]) -> str:
    """A path of keys as text, ``.`` between them; a key with dots of its own (a fact path keying the
    question bank) is followed by ``: `` so it reads whole: ``proceedings.detained: choices.mail``."""
    where = ""
    for part in path:
        where += part + (": " if "." in part else ".")
    return where.removesuffix(".").removesuffix(": ")


def _is_type_tag(part: object) -> bool:
    """pydantic names the branch of a union or the validator in a location (``function-after[...]``)."""
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "bool", "list", "dict", "date"})


def _line(path: tuple[str, ...], lines: Mapping[tuple[str, ...], int]) -> int | None:
    for index, part in enumerate(path):
        if part == "0" and path[:index] in lines and (*path[:index], "0") not in lines:
            # One item written where a list may be (a comparison cell of one version): pydantic names
            # the item of the list it made, the file has the item alone.
            path = path[:index] + path[index + 1 :]
            break
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def validated(model: type[M], text: str, file: str, *, context: Mapping[str, Any] | None = None) -> M:
    """A data file's YAML ``text`` read into ``model``; :class:`DataFileError` lists every problem with
    its path and line (a YAML syntax error or a key given twice is the one problem)."""
    try:
        raw = parse_yaml(text)
    except yaml.YAMLError as error:
        raise DataFileError(file, [f"not readable YAML: {' '.join(str(error).split())}"]) from None
    try:
        return model.model_validate(raw, context=dict(context or {}))
    except ValidationError as error:
        raise DataFileError(file, problems_of(error, yaml_lines(text))) from None


def read_model(model: type[M], package: str, name: str, *, context: Mapping[str, Any] | None = None) -> M:
    """A YAML file shipped in ``package`` read into ``model`` (see :func:`validated`)."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return validated(model, text, f"{package.replace('.', '/')}/{name}", context=context)
