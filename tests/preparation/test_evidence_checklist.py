"""The evidence checklist: which items a case gets, why, in both languages, and what the data must hold.

Cases are the bundled examples (invented people) and small invented cases built here. Expectations come
from the law the items cite, not from the checklist's own output.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from withhold.facts.case import Case, EvidenceItem
from withhold.facts.loading import parse_case, validate_case
from withhold.language import LANGUAGES
from withhold.law.corroboration.catalogue import CORROBORATION
from withhold.package_data import DataFileError, read_yaml, validated
from withhold.preparation.evidence import (
    ALWAYS,
    PRIORITIES,
    Checklist,
    ChecklistItem,
    EvidenceData,
    checklist,
    evidence_data,
)
from withhold.screening import screen

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SHIPPED = ROOT / "src" / "withhold" / "preparation" / "evidence.yaml"
AS_OF = dt.date(2026, 11, 23)
ALL_IDS = set(get_args(EvidenceItem))


def example(name: str) -> Case:
    return parse_case((EXAMPLES / name).read_text(encoding="utf-8"))


def build(**sections: Any) -> Case:
    return validate_case({"withhold": "case/1", "law_as_of": AS_OF.isoformat(), **sections})


def checklist_for(case: Case) -> Checklist:
    return checklist(case, screen(case, case.law_as_of or AS_OF))


def item(result: Checklist, item_id: str) -> ChecklistItem:
    found = result.get(item_id)
    assert found is not None, f"{item_id} missing; got {result.ids}"
    return found


def left_out_ids(result: Checklist) -> set[str]:
    return {left.id for left in result.left_out}


def raw_data() -> dict[str, Any]:
    loaded = read_yaml("withhold.preparation", "evidence.yaml")
    assert isinstance(loaded, dict)
    return loaded


# --- the package data --------------------------------------------------------------------------------


def test_the_data_defines_exactly_the_evidence_items_of_the_case_format() -> None:
    assert set(evidence_data().items) == ALL_IDS


def test_every_text_is_in_english_and_in_spanish_and_translated() -> None:
    data = evidence_data()
    for item_id, spec in data.items.items():
        texts = [spec.what, spec.why, spec.who_has_it, spec.if_unknown, spec.contested]
        for text in (t for t in texts if t is not None):
            assert text.en.strip() and text.es.strip(), item_id
            assert text.en != text.es, f"{item_id}: Spanish identical to English"
    for name, phrase in data.phrases.items():
        assert phrase.en.strip() and phrase.es.strip() and phrase.en != phrase.es, name


def test_every_item_cites_an_authority_and_serves_a_protection_its_condition_speaks_for() -> None:
    conditions = {name: protections for name, protections, _ in CORROBORATION}
    for item_id, spec in evidence_data().items.items():
        assert any(mark in spec.authority for mark in ("INA ", "CFR ", "Matter of ")), item_id
        assert spec.protections, item_id
        assert spec.applies == ALWAYS or spec.applies in conditions, item_id
        for protection in spec.protections if spec.applies != ALWAYS else ():
            assert any(
                name == spec.applies and protection in protections for name, protections, _ in CORROBORATION
            ), (item_id, protection)


def test_the_data_as_shipped_is_valid() -> None:
    read = validated(EvidenceData, SHIPPED.read_text(encoding="utf-8"), "evidence.yaml")
    assert set(read.items) == ALL_IDS
    assert [spec.order for spec in read.items.values()] == sorted(spec.order for spec in read.items.values())


def _problems(change: Any) -> tuple[str, ...]:
    raw = copy.deepcopy(raw_data())
    change(raw)
    text = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=1000)
    with pytest.raises(DataFileError) as error:
        validated(EvidenceData, text, "evidence.yaml")
    return error.value.problems


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda raw: raw["items"]["declaration"]["why"].pop("es"),
            "items.declaration.why: es: missing translation",
        ),
        (
            lambda raw: raw["items"]["photographs"]["what"].update(
                es=raw["items"]["photographs"]["what"]["en"]
            ),
            "items.photographs.what: es: identical to the English text",
        ),
        (lambda raw: raw["items"].pop("sentencing_records"), "items.sentencing_records: missing"),
        (
            lambda raw: raw["items"].update(court_fees=raw["items"]["declaration"]),
            "items.court_fees: Input should be 'declaration'",
        ),
        (
            lambda raw: raw["items"]["declaration"].update(applies="sometimes"),
            "items.declaration.applies: unknown condition 'sometimes'",
        ),
        (
            lambda raw: raw["items"]["declaration"]["why"].update(
                en="About {nationality}.", es="Sobre {nationality}."
            ),
            "items.declaration.why: unknown placeholder {nationality}",
        ),
        (
            lambda raw: raw["items"]["declaration"]["why"].update(en="About {country}.", es="Sobre el país."),
            "items.declaration.why: en and es use different placeholders",
        ),
        (
            lambda raw: raw["items"]["sentencing_records"].pop("if_unknown"),
            "items.sentencing_records.if_unknown: required, because 'has_convictions' can be unknown",
        ),
        (
            lambda raw: raw["items"]["declaration"].update(if_unknown={"en": "Only if.", "es": "Solo si."}),
            "items.declaration.if_unknown: not used, because 'always' is never unknown",
        ),
        (
            lambda raw: raw["items"]["social_group_evidence"].update(protections=["asylum", "cat_deferral"]),
            "items.social_group_evidence.protections: 'particular_social_group_claimed' has no rule for "
            "cat_deferral",
        ),
        (
            lambda raw: raw["items"]["declaration"].update(authority="common sense"),
            "items.declaration.authority: expected citations",
        ),
        (lambda raw: raw["items"]["declaration"].update(priority="urgent"), "items.declaration.priority: "),
        (
            lambda raw: raw["items"]["declaration"].update(colour="red"),
            "items.declaration.colour: unknown field",
        ),
        (lambda raw: raw["items"]["identity_documents"].update(order=10), "order: 10 is already used"),
        (lambda raw: raw["phrases"].pop("list.and"), "phrases.list.and: missing"),
        (lambda raw: raw["phrases"]["ground.race"].update(es="race"), "phrases.ground.race: es: identical"),
        (
            lambda raw: raw["phrases"]["note.barred"].update(en="{n} barred.", es="{n} impedido."),
            "phrases.note.barred: unknown placeholder {n}",
        ),
    ],
)
def test_broken_data_is_rejected_with_a_message_that_says_where(change: Any, message: str) -> None:
    problems = _problems(change)
    assert any(message in problem for problem in problems), problems


def test_every_problem_of_a_broken_file_is_named_at_once() -> None:
    def break_three(raw: dict[str, Any]) -> None:
        raw["items"]["declaration"]["priority"] = "urgent"
        raw["items"].pop("photographs")
        raw["phrases"].pop("list.and")

    problems = _problems(break_three)
    assert len(problems) == 3, problems


def test_a_bad_evidence_file_names_the_item_the_field_and_the_line() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("  police_reports:")
    offset = next(i for i, line in enumerate(lines[start:]) if line.strip().startswith("priority:"))
    lines[start + offset] = "    priority: urgent"
    with pytest.raises(DataFileError) as error:
        validated(EvidenceData, "\n".join(lines), "withhold/preparation/evidence.yaml")
    (problem,) = error.value.problems
    assert problem.startswith("items.police_reports.priority: ")
    assert problem.endswith(f"(line {start + offset + 1})")
    assert str(error.value).startswith("withhold/preparation/evidence.yaml is not valid:")


# --- the bundled examples ----------------------------------------------------------------------------


def test_a_social_group_claim_asks_for_each_requirement_of_a_cognizable_group() -> None:
    result = checklist_for(example("social-group-undetermined.yaml"))
    group = item(result, "social_group_evidence")
    assert group.priority == "essential" and group.condition is None
    for word in ("immutability", "particularity", "social distinction"):
        assert word in group.why.en and word in group.what.en
    for word in ("inmutabilidad", "particularidad", "distinción social"):
        assert word in group.why.es
    assert "Honduran women unable to leave a domestic relationship" in group.what.en
    assert group.contested is not None and "28 I&N Dec. 307" in group.contested.en
    # Her ex-partner is not the state: the government's failure to protect must be shown.
    assert item(result, "state_protection_evidence").priority == "essential"
    # No convictions ([] = none), timely filing: none of those items.
    assert not {"certified_conviction_records", "sentencing_records", "rehabilitation_evidence"} & set(
        result.ids
    )
    assert not {"one_year_exception_evidence", "reasonable_period_evidence"} & (
        set(result.ids) | left_out_ids(result)
    )
    # CAT is not eligible on the practitioner's assessment: CAT-only evidence is left out, and said so.
    assert "official_acquiescence_evidence" in left_out_ids(result)


def test_a_drug_trafficking_bar_keeps_the_conviction_records_and_cat_deferral_evidence() -> None:
    result = checklist_for(example("drug-trafficking-cat-deferral-only.yaml"))
    for record_id in ("certified_conviction_records", "sentencing_records"):
        records = item(result, record_id)
        assert records.priority == "essential" and records.condition is None
        assert records.protections == ("asylum", "statutory_withholding", "cat_withholding")
        assert "barred" in records.why.en and "impedimento" in records.why.es
    assert "1003.41" in item(result, "certified_conviction_records").authority
    # CAT deferral is the protection left: acquiescence of the police must be proved.
    acquiescence = item(result, "official_acquiescence_evidence")
    assert acquiescence.protections == ("cat_deferral",)
    assert item(result, "declaration").protections == ("cat_deferral",)
    # Asylum and withholding are barred: their own evidence is left out, not silently dropped.
    assert {"arrival_evidence", "discretion_equities", "state_protection_evidence"} <= left_out_ids(result)
    assert not {"arrival_evidence", "discretion_equities", "state_protection_evidence"} & set(result.ids)


def test_past_torture_keeps_medical_records_for_cat_when_past_persecution_is_not_found() -> None:
    # past_persecution: false rules out past persecution, not past torture (8 CFR 1208.16(c)(3)(i)).
    result = checklist_for(example("drug-trafficking-cat-deferral-only.yaml"))
    medical = item(result, "medical_records")
    assert medical.protections == ("cat_deferral",)
    assert medical.condition is not None and medical.priority == "helpful"


def test_a_late_filing_saved_by_changed_circumstances_needs_the_exception_and_the_reasonable_period() -> None:
    result = checklist_for(example("late-filing-changed-circumstances.yaml"))
    for exception_id in ("one_year_exception_evidence", "reasonable_period_evidence"):
        exception = item(result, exception_id)
        assert exception.priority == "essential" and exception.condition is None
        assert exception.protections == ("asylum",)
    # Arrival 2021-08-20: the anniversary 2022-08-20 is a Saturday, so the deadline is Monday 2022-08-22.
    assert "2022-08-22" in item(result, "one_year_exception_evidence").why.en
    assert "reasonable period" in item(result, "reasonable_period_evidence").why.en
    assert "state_protection_evidence" not in result.ids  # the government is the persecutor


def test_asylum_barred_by_the_deadline_leaves_out_asylum_evidence_but_keeps_withholding() -> None:
    result = checklist_for(example("missed-deadline-withholding-open.yaml"))
    assert {"one_year_exception_evidence", "reasonable_period_evidence", "arrival_evidence"} <= left_out_ids(
        result
    )
    assert item(result, "state_protection_evidence").protections == ("statutory_withholding",)
    assert item(result, "changed_conditions_rebuttal").condition is None  # past persecution found
    for left in result.left_out:
        assert "asylum" in left.why.en or "Convention Against Torture" in left.why.en


def test_withholding_only_proceedings_have_no_asylum_evidence() -> None:
    result = checklist_for(example("reinstated-withholding-only.yaml"))
    assert all("asylum" not in i.protections for i in result.items)
    assert item(result, "certified_conviction_records").protections == ("statutory_withholding",)
    assert "rehabilitation_evidence" in left_out_ids(result)  # it serves asylum's discretion only


def test_an_almost_empty_case_lists_every_item_and_says_which_are_conditional() -> None:
    result = checklist_for(example("almost-nothing-known.yaml"))
    assert set(result.ids) == ALL_IDS
    assert not result.left_out
    conditional = {i.id for i in result.items if i.condition is not None}
    assert {
        "social_group_evidence",
        "state_protection_evidence",
        "official_acquiescence_evidence",
        "certified_conviction_records",
        "one_year_exception_evidence",
        "certified_translations",
    } <= conditional
    for entry in result.items:
        if entry.condition is not None:
            assert entry.why.en.startswith(entry.condition.en) and entry.why.es.startswith(entry.condition.es)
            assert "only if" in entry.condition.en and "solo si" in entry.condition.es
    # Grounds unknown: generic protected-ground evidence, naming all five grounds.
    grounds = item(result, "protected_ground_evidence")
    assert grounds.condition is None and "political opinion" in grounds.what.en


def test_a_case_with_everything_eligible_leaves_nothing_out() -> None:
    result = checklist_for(example("clean-asylum.yaml"))
    assert not result.left_out
    assert item(result, "declaration").protections == (
        "asylum",
        "statutory_withholding",
        "cat_withholding",
        "cat_deferral",
    )
    assert "certified_conviction_records" not in result.ids


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_items_are_ordered_by_priority_then_by_declared_order(name: str) -> None:
    result = checklist_for(example(name))
    orders = {item_id: spec.order for item_id, spec in evidence_data().items.items()}
    keys = [(PRIORITIES.index(i.priority), orders[i.id]) for i in result.items]
    assert keys == sorted(keys)
    assert not set(result.ids) & left_out_ids(result)
    assert len(result.ids) == len(set(result.ids))


# --- small invented cases ----------------------------------------------------------------------------


def psg_case(**claim: Any) -> Case:
    return build(
        claim={"country": "GT", "grounds": ["particular_social_group"], **claim},
        convictions=[],
    )


def test_an_invented_social_group_claim_gets_the_three_requirements() -> None:
    result = checklist_for(psg_case(particular_social_group={"definition": "Invented group of {country}"}))
    group = item(result, "social_group_evidence")
    assert "immutability, particularity and social distinction" in group.why.en
    # Case text is inserted literally, never read as a template.
    assert "Invented group of {country}" in group.what.en


def test_a_group_found_not_cognizable_needs_no_group_evidence_when_another_ground_remains() -> None:
    result = checklist_for(
        build(
            claim={
                "country": "GT",
                "grounds": ["political_opinion", "particular_social_group"],
                "particular_social_group": {"definition": "Invented group", "cognizable": False},
            }
        )
    )
    assert "social_group_evidence" not in result.ids
    assert (
        "political opinion and membership in a particular social group"
        in item(result, "protected_ground_evidence").what.en
    )


def test_other_grounds_only_need_no_social_group_evidence() -> None:
    result = checklist_for(build(claim={"country": "CU", "grounds": ["religion"]}))
    assert "social_group_evidence" not in result.ids
    assert "religion" in item(result, "protected_ground_evidence").what.en
    assert "religión" in item(result, "protected_ground_evidence").what.es


def late_case(**asylum: Any) -> Case:
    # Arrival 2020-03-10: the deadline is the anniversary, Wednesday 2021-03-10 (INA 208(a)(2)(B)).
    return build(entry={"last_arrival_date": "2020-03-10"}, asylum=asylum, claim={"country": "NI"})


def test_a_late_filing_needs_evidence_of_an_exception_and_of_a_reasonable_period() -> None:
    result = checklist_for(late_case(filed_on="2022-06-01"))
    for exception_id in ("one_year_exception_evidence", "reasonable_period_evidence"):
        exception = item(result, exception_id)
        assert exception.condition is None and exception.priority == "essential"
        assert "2021-03-10" in exception.why.en and "2021-03-10" in exception.why.es


def test_a_timely_filing_needs_no_exception_evidence() -> None:
    result = checklist_for(late_case(filed_on="2021-03-10"))  # the last day itself is on time
    assert not {"one_year_exception_evidence", "reasonable_period_evidence"} & (
        set(result.ids) | left_out_ids(result)
    )


def test_not_filed_yet_after_the_deadline_is_a_late_filing() -> None:
    result = checklist_for(late_case(filed_on=None))
    assert item(result, "one_year_exception_evidence").condition is None


def test_an_unknown_filing_date_after_the_deadline_keeps_the_exception_items_conditional() -> None:
    result = checklist_for(late_case())
    exception = item(result, "one_year_exception_evidence")
    assert exception.condition is not None and exception.priority == "important"


def test_an_unaccompanied_child_has_no_one_year_deadline() -> None:
    case = build(
        entry={"last_arrival_date": "2020-03-10", "unaccompanied_child": True},
        asylum={"filed_on": "2022-06-01"},
    )
    assert "one_year_exception_evidence" not in checklist_for(case).ids


def test_a_conviction_needs_certified_records_and_the_sentence() -> None:
    case = build(
        convictions=[{"offense": "invented offense", "jurisdiction": "state", "sentence_months": 14}]
    )
    result = checklist_for(case)
    for record_id in ("certified_conviction_records", "sentencing_records"):
        records = item(result, record_id)
        assert records.condition is None and records.priority == "essential"
        assert "the conviction listed in your case" in records.what.en
    assert "aggravated felon" in item(result, "sentencing_records").why.en
    assert item(result, "sentencing_records").contested is not None


def test_several_convictions_are_counted() -> None:
    case = build(convictions=[{"offense": "first invented offense"}, {"offense": "second invented offense"}])
    records = item(checklist_for(case), "certified_conviction_records")
    assert "each of the 2 convictions" in records.what.en and "las 2 condenas" in records.what.es


def test_no_convictions_means_no_conviction_items_and_unknown_keeps_them_conditional() -> None:
    none = checklist_for(build(convictions=[]))
    assert not {"certified_conviction_records", "sentencing_records", "rehabilitation_evidence"} & set(
        none.ids
    )
    unknown = item(checklist_for(build()), "certified_conviction_records")
    assert unknown.condition is not None and unknown.priority == "important"


def test_a_non_state_persecutor_needs_proof_the_government_cannot_or_will_not_protect() -> None:
    result = checklist_for(build(claim={"country": "SV", "persecutor": "non_state"}))
    protection = item(result, "state_protection_evidence")
    assert protection.condition is None and protection.priority == "essential"
    assert "unable or unwilling" in protection.why.en
    assert protection.contested is not None and "June 16, 2021" in protection.contested.en
    assert "state_protection_evidence" not in checklist_for(build(claim={"persecutor": "government"})).ids
    unknown = item(checklist_for(build()), "state_protection_evidence")
    assert unknown.condition is not None


def test_relocation_says_who_bears_the_burden() -> None:
    applicant = item(
        checklist_for(build(claim={"persecutor": "non_state", "past_persecution": False})),
        "relocation_evidence",
    )
    government = item(checklist_for(build(claim={"persecutor": "government"})), "relocation_evidence")
    assert "you must show" in applicant.why.en
    assert "the government must prove" in government.why.en


def test_relocation_in_a_cat_only_case_states_no_asylum_burden() -> None:
    # Only CAT deferral is open: relocation is one factor (8 CFR 1208.16(c)(3)(ii)), no burden shifts.
    relocation = item(
        checklist_for(example("drug-trafficking-cat-deferral-only.yaml")), "relocation_evidence"
    )
    assert relocation.protections == ("cat_deferral",)
    assert "Convention Against Torture" in relocation.why.en
    assert "you must show" not in relocation.why.en and "government must prove" not in relocation.why.en
    # Withholding only: the burden is stated, and nothing about CAT.
    withholding = item(checklist_for(example("missed-deadline-withholding-open.yaml")), "relocation_evidence")
    assert "the government must prove" in withholding.why.en
    assert "Convention Against Torture" not in withholding.why.en


def test_an_untranslated_spanish_document_needs_a_certified_translation() -> None:
    case = build(
        evidence=[{"item": "police_reports", "status": "on_file", "language": "es", "translated": False}]
    )
    translations = item(checklist_for(case), "certified_translations")
    assert translations.condition is None and translations.priority == "essential"
    assert translations.status == "needed"
    assert "1 (es)" in translations.why.en and "1 (es)" in translations.why.es
    assert "1003.33" in translations.authority


def test_translated_documents_mark_the_translations_on_file() -> None:
    case = build(
        evidence=[
            {"item": "police_reports", "status": "on_file", "language": "es", "translated": True},
            {"item": "declaration", "status": "on_file", "language": "en"},
        ]
    )
    assert item(checklist_for(case), "certified_translations").status == "on_file"


def test_without_documents_in_another_language_translations_are_conditional() -> None:
    case = build(evidence=[{"item": "declaration", "status": "on_file", "language": "en"}])
    translations = item(checklist_for(case), "certified_translations")
    assert translations.condition is not None


def test_evidence_records_mark_items_on_file_requested_or_unavailable() -> None:
    case = build(
        evidence=[
            {"item": "declaration", "status": "on_file", "description": "Invented declaration, 9 pages"},
            {"item": "medical_records", "status": "requested"},
            {"item": "police_reports", "status": "unavailable", "description": "never filed: unsafe"},
            {"item": "police_reports", "status": None},
            {"item": "witness_statements"},
        ],
        claim={"past_persecution": True},
    )
    result = checklist_for(case)
    declaration = item(result, "declaration")
    assert declaration.status == "on_file"
    assert [r.description for r in declaration.records] == ["Invented declaration, 9 pages"]
    assert item(result, "medical_records").status == "requested"
    assert item(result, "police_reports").status == "unavailable"
    assert len(item(result, "police_reports").records) == 2
    assert item(result, "witness_statements").status == "needed"  # status unknown: not known to be in hand
    assert item(result, "photographs").status == "needed" and item(result, "photographs").records == ()


def test_on_file_beats_an_earlier_request_for_the_same_item() -> None:
    case = build(
        evidence=[
            {"item": "declaration", "status": "requested"},
            {"item": "declaration", "status": "on_file"},
        ]
    )
    assert item(checklist_for(case), "declaration").status == "on_file"


# --- unknown is never no ------------------------------------------------------------------------------

DECIDING_FACTS = (
    ("claim", "grounds"),
    ("claim", "persecutor"),
    ("claim", "past_persecution"),
    ("claim", "particular_social_group"),
    ("torture", "official_involvement"),
    ("asylum", "filed_on"),
    ("entry", "last_arrival_date"),
    ("entry", "unaccompanied_child"),
    (None, "convictions"),
    (None, "family"),
    (None, "evidence"),
)


def forget(case: Case, section: str | None, key: str) -> Case:
    document = case.model_dump(mode="json", exclude_unset=True)
    holder = document if section is None else document.get(section, {})
    holder.pop(key, None)
    return validate_case(document)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
@pytest.mark.parametrize(("section", "key"), DECIDING_FACTS)
def test_forgetting_a_fact_never_drops_an_item(name: str, section: str | None, key: str) -> None:
    case = example(name)
    known = checklist_for(case)
    forgotten = checklist_for(forget(case, section, key))
    assert set(known.ids) <= set(forgotten.ids), (
        f"{name}: forgetting {key} dropped {set(known.ids) - set(forgotten.ids)}"
    )


# --- output -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
@pytest.mark.parametrize("language", LANGUAGES)
def test_json_round_trips_and_is_complete_in_each_language(name: str, language: Any) -> None:
    result = checklist_for(example(name))
    data = result.to_json(language)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["language"] == language
    assert [entry["id"] for entry in data["items"]] == list(result.ids)
    for entry, original in zip(data["items"], result.items, strict=True):
        assert set(entry) >= {
            "id",
            "what",
            "why",
            "who_has_it",
            "authority",
            "protections",
            "priority",
            "status",
        }
        for field in ("what", "why", "who_has_it"):
            assert entry[field] == getattr(original, field).get(language)
            assert entry[field].strip() and "{" not in entry[field], f"{original.id}: {field}"
        assert entry["priority"] in PRIORITIES
        assert entry["status"] in ("needed", "on_file", "requested", "unavailable")
        assert set(entry["protections"]) <= {
            "asylum",
            "statutory_withholding",
            "cat_withholding",
            "cat_deferral",
        }
    assert [left["id"] for left in data["left_out"]] == [left.id for left in result.left_out]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_spanish_is_a_translation_not_a_copy(name: str) -> None:
    for entry in checklist_for(example(name)).items:
        for text in (entry.what, entry.why, entry.who_has_it):
            assert text.es != text.en, entry.id
        assert " de el " not in entry.why.es + entry.what.es, f"{entry.id}: write 'del'"


def test_records_appear_in_json_as_the_case_gave_them() -> None:
    case = build(
        evidence=[{"item": "declaration", "status": "on_file", "language": "es", "translated": True}]
    )
    data = checklist_for(case).to_json("es")
    declaration = next(entry for entry in data["items"] if entry["id"] == "declaration")
    assert declaration["records"] == [
        {
            "item": "declaration",
            "status": "on_file",
            "description": None,
            "language": "es",
            "translated": True,
        }
    ]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        checklist_for(build()).to_json("xx")
