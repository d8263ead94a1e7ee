"""Legal situations as data: every entry of ``tests/law/cases/*.yaml`` is screened and checked.

Each file groups the situations of one family of rules (the forum, the one-year deadline, the bars...).
An entry is written for a lawyer to read and to add to without touching Python:

```yaml
- name: Filed the Monday after a Saturday deadline — timely     # a situation a lawyer recognises
  authority: 8 CFR 1208.4(a)(2)(ii)                              # where the rule comes from
  as_of: 2026-11-23          # optional: the date the law is applied on (default: the case's law_as_of,
                             # else 2026-11-23)
  case: {withhold: case/1, ...}                                  # a full case/1 file
  expect: {asylum: eligible}                                     # only what the situation decides
  expect_missing: {asylum: [entry.unaccompanied_child]}          # optional: facts listed as missing
  expect_not_missing: {statutory_withholding: [proceedings.circuit]}              # optional
  expect_legal_analysis: {asylum: [persecution.particular_social_group.cognizable]}  # optional
  expect_mentions: {statutory_withholding: ["Y-L-"]}   # optional: text in a note, analysis point or caveat
  expect_assumed: {asylum: [asylum.discretion_favorable]}  # optional: facts the status takes for granted
  expect_best: statutory_withholding                             # optional
  xfail: "why the engine is believed wrong"   # optional: a strict expected failure, to be reported
```
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from withhold.facts.loading import read_document, validate_case
from withhold.facts.paths import catalogue
from withhold.law.registry import all_rules
from withhold.screening import screen
from withhold.screening.screen import Screening

CASES = Path(__file__).parent / "cases"
DEFAULT_AS_OF = dt.date(2026, 11, 23)
RELIEFS = ("asylum", "statutory_withholding", "cat_withholding", "cat_deferral")
STATUSES = ("eligible", "not_eligible", "barred", "undetermined")
BEST = (*RELIEFS, "none", "undetermined")
REQUIRED = {"name", "authority", "case", "expect"}
OPTIONAL = {
    "as_of",
    "expect_missing",
    "expect_not_missing",
    "expect_legal_analysis",
    "expect_mentions",
    "expect_assumed",
    "expect_best",
    "xfail",
}
PER_RELIEF_LISTS = (
    "expect_missing",
    "expect_not_missing",
    "expect_legal_analysis",
    "expect_mentions",
    "expect_assumed",
)
# Only invented people appear in the situations (the precedents carry their own anonymised names).
INVENTED_FAMILY_NAMES = {"Example", "Ficticia", "Ejemplo", "Muestra", "Placeholder", "Sample", "Exemplar"}


@dataclass(frozen=True)
class Situation:
    file: str
    entry: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.file}:{self.entry.get('name', '?')}"


def load_situations() -> list[Situation]:
    situations: list[Situation] = []
    for path in sorted(CASES.glob("*.yaml")):
        document = read_document(path.read_text(encoding="utf-8"))
        if not isinstance(document, list):
            raise TypeError(f"{path.name}: expected a list of situations, got {type(document).__name__}")
        situations.extend(Situation(path.stem, entry) for entry in document)
    return situations


SITUATIONS = load_situations()


def _param(situation: Situation) -> Any:
    reason = situation.entry.get("xfail") if isinstance(situation.entry, dict) else None
    marks = [pytest.mark.xfail(strict=True, reason=str(reason))] if reason else []
    return pytest.param(situation, id=situation.id, marks=marks)


# --- the situations are well formed ---------------------------------------------------------------


def test_there_are_enough_situations_in_every_family() -> None:
    files = {s.file for s in SITUATIONS}
    assert len(SITUATIONS) >= 60, f"only {len(SITUATIONS)} situations"
    assert {
        "forum",
        "one_year",
        "asylum_bars",
        "refugee",
        "nexus",
        "withholding",
        "particularly_serious_crime",
        "cat",
        "unknowns",
    } <= files


def test_names_are_unique() -> None:
    ids = [s.id for s in SITUATIONS]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"situations with the same name in one file: {duplicates}"


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.id)
def test_situation_is_well_formed(situation: Situation) -> None:
    entry = situation.entry
    assert isinstance(entry, dict), f"{situation.id}: an entry is a mapping"
    assert set(entry) >= REQUIRED, f"{situation.id}: missing {sorted(REQUIRED - set(entry))}"
    unknown = set(entry) - REQUIRED - OPTIONAL
    assert not unknown, f"{situation.id}: unknown keys {sorted(unknown)} (a typo would silently test nothing)"
    assert isinstance(entry["name"], str) and entry["name"].strip()
    assert isinstance(entry["authority"], str) and entry["authority"].strip(), f"{situation.id}: no authority"
    assert isinstance(entry["case"], dict) and entry["case"].get("withhold") == "case/1"
    assert entry["expect"], f"{situation.id}: expect decides nothing"
    for relief, status in entry["expect"].items():
        assert relief in RELIEFS, f"{situation.id}: unknown relief {relief!r}"
        assert status in STATUSES, f"{situation.id}: unknown status {status!r}"
    paths, rule_ids = set(catalogue()), {rule.id for rule in all_rules()}
    for key in PER_RELIEF_LISTS:
        for relief, items in (entry.get(key) or {}).items():
            assert relief in RELIEFS, f"{situation.id}: {key}: unknown relief {relief!r}"
            assert isinstance(items, list) and items, f"{situation.id}: {key}.{relief} must be a list"
            # A misspelt path or rule would make expect_not_missing pass whatever the engine does.
            if key in ("expect_missing", "expect_not_missing", "expect_assumed"):
                wrong = [p for p in items if _generic(p) not in paths]
                assert not wrong, f"{situation.id}: {key}: not case/1 fact paths: {wrong}"
            if key == "expect_legal_analysis":
                wrong = [r for r in items if _strip_index(r) not in rule_ids]
                assert not wrong, f"{situation.id}: {key}: no such rules: {wrong}"
    if "expect_best" in entry:
        assert entry["expect_best"] in BEST, f"{situation.id}: unknown best protection"
    if "as_of" in entry:
        assert isinstance(entry["as_of"], dt.date), f"{situation.id}: as_of must be a date"
    family_name = (entry["case"].get("person") or {}).get("family_name")
    assert family_name in INVENTED_FAMILY_NAMES, f"{situation.id}: use an invented name, got {family_name!r}"
    validate_case(entry["case"])  # raises with every problem if the case is not valid case/1


# --- the engine decides each situation as the law does ---------------------------------------------


def _explain(screening: Screening, relief: str) -> str:
    d = screening[relief]
    lines = [f"  {relief}: {d.status.value}"]
    for trace in d.reasons[:12]:
        note = f" — {trace.note}" if trace.note else ""
        lines.append(f"    {trace.label} = {trace.value!r}{note}")
    if d.missing:
        lines.append(f"    missing: {', '.join(d.missing)}")
    if d.needs_legal_analysis:
        lines.append(f"    needs legal analysis: {', '.join(p.rule for p in d.needs_legal_analysis)}")
    if d.assumptions:
        lines.append(f"    assumed: {', '.join(a.fact for a in d.assumptions)}")
    return "\n".join(lines)


def _strip_index(label: str) -> str:
    return re.sub(r"\[\d+\]$", "", label)


def _generic(path: str) -> str:
    return re.sub(r"\[\d+\]", "[]", path)


def _mentions(screening: Screening, relief: str) -> str:
    d = screening[relief]
    texts = [trace.note for trace in d.reasons]
    texts += [node.note for node in d.trace.walk()]
    texts += [point.why for point in d.needs_legal_analysis]
    texts += [caveat.why for caveat in d.caveats]
    return "\n".join(t for t in texts if t)


@pytest.mark.parametrize("situation", [_param(s) for s in SITUATIONS])
def test_situation(situation: Situation) -> None:
    entry = situation.entry
    case = validate_case(entry["case"])
    as_of = entry.get("as_of") or case.law_as_of or DEFAULT_AS_OF
    screening = screen(case, as_of)
    title = f"{situation.id}\n  authority: {entry['authority']}\n  law as of {as_of.isoformat()}"
    problems: list[str] = []

    for relief, expected in entry["expect"].items():
        got = screening.statuses[relief]
        if got != expected:
            problems.append(f"{relief}: expected {expected}, got {got}\n{_explain(screening, relief)}")

    for relief, paths in (entry.get("expect_missing") or {}).items():
        absent = [p for p in paths if p not in screening[relief].missing]
        if absent:
            problems.append(f"{relief}: expected {absent} among missing\n{_explain(screening, relief)}")

    for relief, paths in (entry.get("expect_not_missing") or {}).items():
        present = [p for p in paths if p in screening[relief].missing]
        if present:
            problems.append(f"{relief}: {present} should not be missing\n{_explain(screening, relief)}")

    for relief, rules in (entry.get("expect_legal_analysis") or {}).items():
        labels = {p.rule for p in screening[relief].needs_legal_analysis}
        generic = {_strip_index(label) for label in labels}
        absent = [r for r in rules if r not in labels and ("[" in r or r not in generic)]
        if absent:
            problems.append(
                f"{relief}: expected {absent} among needs_legal_analysis\n{_explain(screening, relief)}"
            )

    for relief, words in (entry.get("expect_mentions") or {}).items():
        text = _mentions(screening, relief)
        absent = [w for w in words if w not in text]
        if absent:
            problems.append(
                f"{relief}: expected the output to mention {absent}\n{_explain(screening, relief)}"
            )

    for relief, facts in (entry.get("expect_assumed") or {}).items():
        assumed = {a.fact for a in screening[relief].assumptions}
        absent = [f for f in facts if f not in assumed]
        if absent:
            problems.append(f"{relief}: expected {absent} among assumptions\n{_explain(screening, relief)}")

    if "expect_best" in entry and screening.best_protection != entry["expect_best"]:
        problems.append(
            f"best_protection: expected {entry['expect_best']}, got {screening.best_protection} "
            f"(statuses {screening.statuses})"
        )

    assert not problems, title + "\n" + "\n".join(problems)
