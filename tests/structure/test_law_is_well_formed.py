"""Load-time checks on the law itself (DESIGN.md): every rule cites, every fact it reads exists in the
case model, every parameter has a reference, ids are unique, and no rule is unreachable."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import withhold.law
from withhold.facts.paths import catalogue, suggest
from withhold.law.registry import all_rules, rule_by_id
from withhold.logic import Rule
from withhold.parameters import load as load_parameters

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "law"
AUTHORITY = re.compile(
    r"INA |CFR|I&N Dec\.|U\.S\.|F\.\d?d|F\.4th|F\. Supp|FR |Pub\. L\.|Proclamation|U\.S\.C\.|IIRIRA|FARRA"
)


def defined_rules() -> list[Rule]:
    """Every Rule object defined at module level anywhere under withhold.law."""
    found: dict[int, Rule] = {}
    for module_info in pkgutil.walk_packages(withhold.law.__path__, "withhold.law."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, Rule):
                found[id(value)] = value
            elif isinstance(value, tuple) and value and all(isinstance(v, Rule) for v in value):
                found.update({id(v): v for v in value})
    return list(found.values())


def test_every_rule_cites_an_authority() -> None:
    for rule in all_rules():
        citations = rule.citations + tuple(c for v in rule.versions for c in v.citations)
        assert citations, f"{rule.id} has no citation"
        assert any(AUTHORITY.search(c) for c in citations), f"{rule.id} cites no statute, rule or decision"


def test_every_fact_a_rule_reads_exists_in_the_case_model() -> None:
    facts = catalogue()
    for rule in all_rules():
        for path in rule.all_reads:
            assert path in facts, f"{rule.id} reads {path}, not in case/1; did you mean {suggest(path)}?"


def test_rules_about_an_item_read_only_that_list() -> None:
    for rule in all_rules():
        for path in rule.all_reads:
            if "[]" in path:
                listing = path.split("[]")[0]
                # Either the rule is about one item of that list, or it reads the list and walks it.
                assert rule.per == listing or listing in rule.all_reads, f"{rule.id} reads {path}"


def test_every_parameter_a_rule_uses_exists_and_has_a_reference() -> None:
    parameters = load_parameters().all
    for name, parameter in parameters.items():
        assert parameter.reference.strip(), f"parameter {name} has no reference"
    for rule in all_rules():
        for name in rule.parameters:
            assert name in parameters, f"{rule.id} uses unknown parameter {name}"


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in defined_rules()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_no_rule_is_unreachable() -> None:
    reachable = {r.id for r in all_rules()}
    unreachable = sorted(r.id for r in defined_rules() if r.id not in reachable)
    assert unreachable == []


def test_every_rule_names_its_rules_reference_ids() -> None:
    for rule in all_rules():
        assert rule.reference, f"{rule.id} does not say which rules-reference rule it encodes"


def test_rules_reference_ids_exist_in_the_reference() -> None:
    # The rules reference (copied into docs/law) and the project's additions to it.
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(REFERENCE.glob("*.md")))
    for rule in all_rules():
        for ref in rule.reference:
            base = ref.split("(")[0]
            assert base in text, f"{rule.id} cites {ref}, which the rules reference does not contain"


def test_lookup_by_id_suggests_the_nearest() -> None:
    assert rule_by_id("asylum.bar.one_year").id == "asylum.bar.one_year"
    with pytest.raises(KeyError, match=r"did you mean asylum\.bar\.one_year"):
        rule_by_id("asylum.bar.one_yaer")
