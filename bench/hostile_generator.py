"""Seeded generator of hostile case files: what an attacker, or a broken tool, would feed Withhold.

Each file starts from a real case (an example, a generated complete case, or almost nothing) and gets a
few of these, at random places: values of the wrong type; texts at, just over and far over their limits
(up to a megabyte), in many scripts, with invisible and combining characters; whole numbers of thousands
of digits, infinities and NaN; dates in the years 1, 1899, 9999, on the edges of the supported ranges and
impossible ones (February 30); lists of hundreds of items; nesting thousands of levels deep; lists,
mappings, numbers, dates and null as keys, keys given twice, unknown keys; anchors, aliases and alias
bombs, Python tags and other tags, several documents, a byte-order mark, tabs and CRLF, a file cut short;
and, for about a third of the files, valid cases on the edges of what is valid (dates of 1900 and 2199,
the law as of 1980-04-01, 200 convictions, sentences of 0 and 12,000 months) that reach the law itself. Written as YAML
(block or flow) or JSON. The same seed gives the same file.

Used by ``tests/properties/test_hostile_files.py`` (a few hundred files through every command and the web
import) and ``bench/hostile_files.py`` (ten thousand, counting crashes).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from withhold.facts.paths import catalogue

ROOT = Path(__file__).resolve().parents[1]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's writer: a megabyte in milliseconds

TEXT_LENGTHS = (0, 1, 2, 60, 61, 199, 200, 201, 253, 254, 255, 299, 300, 301, 4_000, 19_999, 20_000, 20_001)
HUGE_TEXT_LENGTHS = (100_000, 990_000, 1_000_001)
ALPHABETS = (
    "abcdefghijklmnopqrstuvwxyz ",
    "ÁÉÍÓÚáéíóúñÑüÜ ",
    "абвгдежзийклмнопрстуфхцчшщъыьэюя ",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ",
    "漢字仮名交じり文中文名字 ",
    "\u202e\u200b\u200d\ufeff\u0301\u0300 e",  # right-to-left override, zero-width, combining marks
    "😀🙂👩‍👩‍👧🏳️‍🌈 ",
    "'\"\\{}[]:#&*!|>%@`,- \t",  # YAML's own characters
)
DATES = (
    "0001-01-01", "1899-12-31", "1900-01-01", "1900-01-02", "1980-03-31", "1980-04-01", "1997-03-31",
    "1997-04-01",
    "2024-02-29", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2026-11-23", "2199-12-31",
    "2200-01-01", "9999-12-31", "2024-01-01 25:61:00", "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 +99:00", "2024-1-1", "20240101",
)  # fmt: skip
MONTHS = ("1899-12", "1900-01", "2199-12", "2200-01", "9999-12", "0000-01", "2024-13", "2024-00", "present")
NUMBERS = (
    ".inf",
    "-.inf",
    ".nan",
    "1e308",
    "1e309",
    "-0.0",
    "-1",
    "0",
    "12000",
    "12000.5",
    "0x1F",
    "0o17",
    "1_000",
)
AS_OF_OPTIONS = (
    "0001-01-01", "1900-01-01", "1980-03-31", "1980-04-01", "1997-03-31", "2026-11-23", "2199-12-31", "2200-01-01",
    "9999-12-31", "2024-02-30", "tomorrow", "", " 2026-11-23 ",
)  # fmt: skip
ODD_KEYS = (
    "[a, b]", "{a: 1}", "1", "-7", "1.5", "~", "null", "true", "false", "2024-01-01", "''", '""', "? x",
    "[[[[[]]]]]", "!!binary aGVsbG8=", "&anchor k", "<<",
)  # fmt: skip
TAGGED = (
    "!!python/object/apply:os.system ['echo hostile']", "!!python/name:os.system", "!!binary aGVsbG8=",
    "!!set {a, b}", "!!omap [{a: 1}, {b: 2}]", "!custom value", "!!str 5", "!!int '12'", "!!float nan",
    "!!timestamp 9999-12-31", "!!null ''", "!!bool 'yes'", "!!map {}", "!!seq []",
)  # fmt: skip


@dataclass(frozen=True)
class HostileFile:
    text: str
    suffix: str
    """``.yaml``, ``.yml``, ``.json`` or none: how the command line reads the file."""
    as_of: str | None
    """An ``--as-of`` to pass, or None."""


class Raw(str):
    """A token written into the file as it is (a YAML or JSON fragment no serializer would produce)."""


@cache
def _examples() -> tuple[dict[str, Any], ...]:
    return tuple(
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "examples").glob("*.yaml"))
    )


@cache
def _paths() -> tuple[str, ...]:
    return tuple(catalogue())


def _text(rng: random.Random, length: int) -> str:
    alphabet = rng.choice(ALPHABETS)
    if length > 10_000:  # long texts: a repeated run, quick to make
        run = "".join(rng.choice(alphabet) for _ in range(97))
        return (run * (length // len(run) + 1))[:length]
    return "".join(rng.choice(alphabet) for _ in range(length))


def _deep(rng: random.Random) -> Raw:
    depth = rng.choice((14, 15, 16, 17, 100, 900, 1_000, 5_000, 100_000))
    opening, closing = rng.choice((("[", "]"), ("{a: ", "}")))
    return Raw(opening * depth + closing * depth)


def wrong_value(rng: random.Random, depth: int = 0) -> Any:
    """A value of any kind, most of them wrong wherever they go. Inside a list or mapping it made, values
    are small: one huge value per place is enough, and a file stays at most a few megabytes."""
    roll = rng.random()
    if roll < 0.15:
        return rng.choice((0, -1, 1.5, True, False, None, "", "text", "NO", "yes", "~", "null", [], {}))
    if roll < 0.35:
        return _text(rng, rng.choice(TEXT_LENGTHS if depth == 0 else TEXT_LENGTHS[:12]))
    if roll < 0.38 and depth == 0:
        return _text(rng, rng.choice(HUGE_TEXT_LENGTHS))
    if roll < 0.48:
        digits = rng.choice((20, 400, 4_299, 4_300, 4_301, 6_000, 20_000))
        return Raw(rng.choice(("", "-", "+")) + "9" * digits)
    if roll < 0.55:
        return Raw(rng.choice(NUMBERS))
    if roll < 0.70:
        day = rng.choice(DATES)
        return day if rng.random() < 0.3 else Raw(day)
    if roll < 0.74:
        return rng.choice(MONTHS)
    if roll < 0.80 and depth < 2:
        count = rng.choice((0, 1, 2, 3, 201) if depth == 0 else (0, 1, 2, 3))
        return [wrong_value(rng, depth + 1) for _ in range(count)]
    if roll < 0.86 and depth < 2:
        return {_text(rng, rng.randint(1, 12)): wrong_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    if roll < 0.92:
        return _deep(rng)
    if roll < 0.96:
        return Raw(rng.choice(TAGGED))
    return Raw(rng.choice(('"\\0"', '"\\x00\\uD800"', '"\\U0010FFFF"', '"\\e\\a\\b"', "|\n  block\n  text")))


def extreme_value(rng: random.Random, path: str) -> Any:
    """A value of the fact's own kind, valid or just outside what is valid: the law's edge cases."""
    info = catalogue()[path]
    if info.kind == "bool":
        return rng.random() < 0.5
    if info.kind == "choice":
        return rng.choice(info.choices)
    if info.kind == "choices":
        return rng.sample(list(info.choices), rng.randint(0, len(info.choices)))
    if info.kind == "date":
        return Raw(rng.choice(DATES[:16] if rng.random() < 0.8 else DATES))
    if info.kind == "number":
        return rng.choice((0, 0.5, 11, 12, 59, 60, 1_200, 11_999, 12_000, 12_000.0001))
    if info.kind == "list":
        return [{} for _ in range(rng.choice((0, 1, 2, 199, 200, 201)))]
    if path.endswith((".since", ".until")):
        return rng.choice(MONTHS)
    return _text(rng, rng.choice(TEXT_LENGTHS))


VALID_DATES = ("1900-01-01", "1900-01-02", "1996-12-31", "1997-03-31", "1997-04-01", "2024-02-29", "2026-11-23",
               "2199-12-30", "2199-12-31")  # fmt: skip
VALID_LAW_DATES = ("1980-04-01", "1980-04-02", "1997-03-31", "1997-04-01", "2026-11-23", "2199-12-31")
PATTERNED = {"country": "SV", "nationality": "GT", "country_of_birth": "HN", "nationality_at_birth": "MX",
             "last_habitual_residence": "CU", "a_number": "A012345678", "ssn": "123-45-6789",
             "uscis_online_account": "123456789012", "language": "es"}  # fmt: skip


def valid_extreme(rng: random.Random, path: str) -> Any:
    """A valid value of the fact on an edge of what is valid: the law's own edge cases, reached."""
    info = catalogue()[path]
    name = path.rsplit(".", 1)[-1]
    if name in PATTERNED:
        return PATTERNED[name]
    if path == "law_as_of":
        return rng.choice(VALID_LAW_DATES)
    if info.kind == "date":
        return rng.choice(VALID_DATES)
    if info.kind == "number":
        return rng.choice((0, 0.5, 11.99, 12, 59, 60, 1_200, 12_000))
    if info.kind == "list":
        count = rng.choice((0, 1, 2, 50, 200))
        if path == "evidence":
            return [{"item": "declaration", "status": "on_file"} for _ in range(count)]
        if not any(other.startswith(path + "[].") for other in _paths()):  # a list of texts
            word = "es" if path.endswith("languages") and "other" not in path else "claim.nexus"
            return (
                [word] * count
                if path.endswith(("languages", "asked", "dont_know", "not_applicable"))
                else [_text(rng, 60) for _ in range(count)]
            )
        return [{} for _ in range(count)]
    if info.kind == "text" and path.endswith((".since", ".until")):
        return rng.choice(("1900-01", "2199-12", "present" if path.endswith(".until") else "2024-02"))
    if info.kind == "text":
        return _text(rng, rng.choice((0, 1, 60, 200)))
    return extreme_value(rng, path)


def _put(document: dict[str, Any], path: str, value: Any, rng: random.Random) -> None:
    """Set a fact by its catalogue path (a list's items by a random index), making the sections on the way
    (a section or list in the way that is not one is replaced)."""
    node: Any = document
    steps = path.split(".")
    for step in steps[:-1]:
        name = step.removesuffix("[]")
        if step.endswith("[]"):
            items = node.get(name)
            if not isinstance(items, list):
                items = node[name] = []
            index = rng.choice((0, 0, 1, 2))
            while len(items) <= index:
                items.append({})
            if not isinstance(items[index], dict):
                items[index] = {}
            node = items[index]
        else:
            if not isinstance(node.get(name), dict):
                node[name] = {}
            node = node[name]
    node[steps[-1].removesuffix("[]")] = value


def _mappings(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            found.append(current)
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found


def _base(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.45:
        return json.loads(json.dumps(rng.choice(_examples()), default=str))
    if roll < 0.75:
        import sys

        sys.path.insert(0, str(ROOT / "bench"))
        from case_generator import generate

        from withhold.interview.answers import document_of

        return json.loads(json.dumps(document_of(generate(rng.randrange(10**6))), default=str))
    return {"withhold": "case/1", "law_as_of": "2026-11-23"} if roll < 0.9 else {"withhold": "case/1"}


def _mutate_validly(rng: random.Random, document: dict[str, Any]) -> None:
    for _ in range(rng.choice((1, 3, 10, 30))):
        path = rng.choice(_paths())
        _put(document, path, valid_extreme(rng, path), rng)
    if rng.random() < 0.5:
        document["law_as_of"] = rng.choice(VALID_LAW_DATES)
    for record in document.get("evidence") or []:
        record.setdefault("item", "declaration")  # the one required key of the format


def _mutate(rng: random.Random, document: dict[str, Any], raw_keys: dict[str, str]) -> None:
    roll = rng.random()
    path = rng.choice(_paths())
    if roll < 0.35:
        _put(document, path, wrong_value(rng), rng)
    elif roll < 0.65:
        _put(document, path, extreme_value(rng, path), rng)
    elif roll < 0.75:
        target = rng.choice(_mappings(document))
        marker = f"RAWKEY{len(raw_keys)}X"
        raw_keys[marker] = rng.choice(
            (
                *ODD_KEYS,
                _text(rng, rng.choice((1, 5, 300, 5_000))).replace("\n", " "),
                path.split(".")[-1] + "x",
            )
        )
        target[marker] = wrong_value(rng)
    elif roll < 0.82:
        document["law_as_of"] = Raw(rng.choice(DATES)) if rng.random() < 0.8 else wrong_value(rng)
    elif roll < 0.86:
        document["withhold"] = rng.choice(("case/2", "case/1 ", "CASE/1", 1, None, [], Raw("!!str case/1")))
    elif roll < 0.93:
        section = rng.choice(("person", "proceedings", "entry", "asylum", "claim", "torture", "conduct",
                              "convictions", "family", "background", "application", "evidence", "interview",
                              "other_relief", "entries", "notes"))  # fmt: skip
        document[section] = wrong_value(rng)
    else:
        listing = rng.choice([p for p in _paths() if catalogue()[p].kind == "list"])
        item = rng.choice(
            ({}, {"date": Raw("2026-01-05")}, {"final": True, "sentence_months": 60}, "x", None)
        )
        copies = rng.choice((199, 200, 201, 1_000, 3_000))
        _put(document, listing, [json.loads(json.dumps(item)) for _ in range(copies)], rng)


def _serialize(rng: random.Random, document: dict[str, Any], raw_keys: dict[str, str]) -> tuple[str, str]:
    raws: dict[str, str] = {}

    def marked(node: Any) -> Any:
        if isinstance(node, Raw):
            marker = f"RAWVALUE{len(raws)}X"
            raws[marker] = str(node)
            return marker
        if isinstance(node, dict):
            return {key: marked(value) for key, value in node.items()}
        if isinstance(node, list):
            return [marked(value) for value in node]
        return node

    plain = marked(document)
    as_json = rng.random() < 0.25
    if as_json:
        text = json.dumps(plain, ensure_ascii=rng.random() < 0.5, default=str, indent=rng.choice((None, 2)))
        for marker, token in {**raws, **raw_keys}.items():
            text = text.replace(f'"{marker}"', token)
        return text, rng.choice((".json", ".json", ""))
    flow = rng.random() < 0.2
    text = yaml.dump(plain, Dumper=DUMPER, allow_unicode=rng.random() < 0.7, sort_keys=False, width=10**9,
                     default_flow_style=None if flow else False)  # fmt: skip
    for marker, token in {**raws, **raw_keys}.items():
        text = text.replace(marker, token)
    return text, rng.choice((".yaml", ".yml", ""))


def _damage(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        return text[: rng.randrange(len(text) + 1)]
    if roll < 0.25:
        return "\ufeff" + text
    if roll < 0.35:
        return text.replace("\n", "\r\n")
    if roll < 0.45:
        return text.replace("  ", "\t", rng.randint(1, 3))
    if roll < 0.55:
        bomb = ["b0: &b0 [x, x, x, x, x, x, x, x, x, x]"]
        bomb += [f"b{n}: &b{n} [{', '.join([f'*b{n - 1}'] * 10)}]" for n in range(1, rng.choice((3, 5, 9)))]
        return text + "\n" + "\n".join(bomb) + "\n"
    if roll < 0.62:
        return text + "\n---\nwithhold: case/1\n"
    if roll < 0.70:
        return text + "\nloop: &loop [*loop]\n"
    if roll < 0.78:
        lines = text.splitlines(keepends=True)
        if lines:
            lines.insert(rng.randrange(len(lines)), rng.choice(lines))  # a key given twice
        return "".join(lines)
    if roll < 0.86:
        position = rng.randrange(len(text) + 1)
        return (
            text[:position]
            + rng.choice(("\x00", "\x07", "\ud7ff", "\u2028", "\x85", "{", "&", "*", "!"))
            + text[position:]
        )
    if roll < 0.93:
        return bytes(rng.randrange(256) for _ in range(rng.choice((1, 100, 3_000)))).decode("latin-1")
    return rng.choice(
        ("", " ", "null", "[]", "42", "withhold", "withhold: case/1", "{}", "---", "- a\n- b\n")
    )


def hostile_file(rng: random.Random) -> HostileFile:
    """One hostile file (text, suffix, an ``--as-of`` or None), from ``rng`` alone."""
    document = _base(rng)
    raw_keys: dict[str, str] = {}
    valid = rng.random() < 0.35  # a case the law must screen, on the edges of what is valid
    if valid:
        _mutate_validly(rng, document)
    else:
        for _ in range(rng.choice((1, 1, 2, 3, 4))):
            _mutate(rng, document, raw_keys)
    text, suffix = _serialize(rng, document, raw_keys)
    if not valid and rng.random() < 0.3:
        text = _damage(rng, text)
    options = VALID_LAW_DATES if valid else AS_OF_OPTIONS
    as_of = rng.choice(options) if rng.random() < 0.25 else None
    return HostileFile(text, suffix, as_of)


def hostile_at(number: int, seed: int = 0) -> HostileFile:
    """The ``number``-th file of the run ``seed``: each file has its own stream, so any one can be made
    again alone (``hostile_at(4711)``)."""
    return hostile_file(random.Random(f"{seed}/{number}"))


if __name__ == "__main__":  # a look at a few
    for number in range(5):
        found = hostile_at(number)
        print(
            f"--- {number} ({found.suffix or 'no suffix'}, --as-of {found.as_of}) {len(found.text):,} chars"
        )
        print(found.text[:400])
