"""Case warnings: each raised by the facts (or the screening) that make the challenge live, kept quiet by a
recorded answer that settles it, never by an unknown; in English and Spanish; the data checked on load.

Every person here is invented."""

from __future__ import annotations

import copy
import datetime as dt
import re
from importlib import resources
from typing import Any

import pytest
import yaml

from withhold.facts.loading import validate_case
from withhold.facts.paths import catalogue, generic
from withhold.language import LANGUAGES
from withhold.law.registry import rule_by_id
from withhold.package_data import DataFileError, read_yaml
from withhold.preparation.warnings import (
    ONE_YEAR_BAR,
    PER_SE_RULE,
    PROTECTIONS,
    RULE_PREFIX,
    SEVERITIES,
    STATUS_PREFIX,
    WHY,
    CaseWarning,
    case_warnings,
    load,
    parse,
)
from withhold.screening.screen import screen

AS_OF = dt.date(2026, 11, 23)
AUTHORITY = re.compile(r"INA |CFR|I&N Dec\.|U\.S\.C\.|F\.\d?d|F\.4th")


def warnings_for(document: dict[str, Any], as_of: dt.date = AS_OF) -> dict[str, CaseWarning]:
    case = validate_case({"withhold": "case/1", **document})
    return {w.id: w for w in case_warnings(case, screen(case, as_of))}


def raw_data() -> dict[str, Any]:
    data: dict[str, Any] = read_yaml("withhold.preparation", "warnings.yaml")
    return data


# --- credibility and corroboration -----------------------------------------------------------------


def test_credibility_not_yet_assessed_is_a_live_challenge() -> None:
    warning = warnings_for({})["credibility"]
    assert warning.severity == "medium"
    assert warning.raised_by == ("claim.credible",)
    assert "not been assessed" in warning.why.en


def test_an_adverse_credibility_finding_is_high() -> None:
    warning = warnings_for({"claim": {"credible": False}})["credibility"]
    assert warning.severity == "high"
    assert "adverse credibility finding" in warning.why.en


def test_credible_testimony_raises_no_credibility_warning() -> None:
    assert "credibility" not in warnings_for({"claim": {"credible": True}})


def test_no_evidence_recorded_raises_corroboration() -> None:
    warning = warnings_for({"claim": {"credible": True}})["corroboration"]
    assert warning.severity == "medium"
    assert warning.raised_by == ("evidence",)


def test_corroboration_on_file_keeps_the_warning_quiet() -> None:
    evidence = [
        {"item": "threat_evidence", "status": "on_file"},
        {"item": "declaration", "status": "on_file"},
    ]
    assert "corroboration" not in warnings_for({"claim": {"credible": True}, "evidence": evidence})


def test_only_a_declaration_and_country_reports_do_not_corroborate_the_account() -> None:
    evidence = [
        {"item": "declaration", "status": "on_file"},
        {"item": "country_conditions", "status": "on_file"},
    ]
    warning = warnings_for({"claim": {"credible": True}, "evidence": evidence})["corroboration"]
    assert "on file" in warning.why.en


def test_unavailable_corroboration_needs_an_explanation() -> None:
    evidence = [
        {"item": "witness_statements", "status": "on_file"},
        {"item": "medical_records", "status": "unavailable"},
        {"item": "police_reports", "status": "unavailable"},
    ]
    warning = warnings_for({"claim": {"credible": True}, "evidence": evidence})["corroboration"]
    assert "unavailable: 2" in warning.why.en
    assert "no disponibles: 2" in warning.why.es
    assert warning.raised_by == ("evidence[1].status", "evidence[2].status")


def test_adverse_credibility_without_corroboration_is_high() -> None:
    warning = warnings_for({"claim": {"credible": False}, "evidence": []})["corroboration"]
    assert warning.severity == "high"
    assert warning.raised_by == ("claim.credible", "evidence")


# --- nexus and the social group --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nexus", "severity"),
    [(None, "medium"), ("a_reason", "medium"), ("incidental", "high"), ("none", "high")],
)
def test_nexus_not_established_is_raised(nexus: str | None, severity: str) -> None:
    claim: dict[str, Any] = {"grounds": ["political_opinion"]}
    if nexus is not None:
        claim["nexus"] = nexus
    warning = warnings_for({"claim": claim})["nexus"]
    assert warning.severity == severity
    assert warning.contested
    assert warning.protections == ("asylum", "statutory_withholding")


def test_one_central_reason_settles_nexus() -> None:
    claim = {"grounds": ["political_opinion"], "nexus": "one_central_reason"}
    assert "nexus" not in warnings_for({"claim": claim})


@pytest.mark.parametrize("grounds", [None, []])
def test_nexus_needs_a_protected_ground_to_be_at_stake(grounds: list[str] | None) -> None:
    claim: dict[str, Any] = {"nexus": "incidental"}
    if grounds is not None:
        claim["grounds"] = grounds
    assert "nexus" not in warnings_for({"claim": claim})


def test_a_social_group_found_not_cognizable_is_high() -> None:
    claim = {
        "grounds": ["particular_social_group"],
        "particular_social_group": {"definition": "invented group", "cognizable": False},
    }
    warning = warnings_for({"claim": claim})["social_group"]
    assert warning.severity == "high"
    assert warning.contested


def test_an_undelineated_social_group_is_raised() -> None:
    claim = {"grounds": ["particular_social_group"], "particular_social_group": {"cognizable": True}}
    warning = warnings_for({"claim": claim})["social_group"]
    assert warning.severity == "medium"
    assert "not yet stated" in warning.why.en
    assert "claim.particular_social_group.definition" in warning.raised_by
    blank = {**claim, "particular_social_group": {"definition": "  ", "cognizable": True}}
    assert "not yet stated" in warnings_for({"claim": blank})["social_group"].why.en


def test_a_cognizable_delineated_group_raises_no_social_group_warning() -> None:
    claim = {
        "grounds": ["particular_social_group"],
        "particular_social_group": {"definition": "invented group", "cognizable": True},
    }
    assert "social_group" not in warnings_for({"claim": claim})


# --- relocation and persecutors other than the government ------------------------------------------


def test_a_finding_that_relocation_is_reasonable_is_high() -> None:
    claim = {"relocation_reasonable": True, "persecutor": "government"}
    assert warnings_for({"claim": claim})["relocation"].severity == "high"


def test_relocation_open_with_the_burden_on_the_applicant() -> None:
    claim = {"persecutor": "non_state", "past_persecution": False}
    warning = warnings_for({"claim": claim})["relocation"]
    assert warning.severity == "medium"
    assert "applicant must prove" in warning.why.en


@pytest.mark.parametrize("claim", [{"persecutor": "government"}, {"past_persecution": True}])
def test_relocation_presumed_unreasonable_raises_nothing(claim: dict[str, Any]) -> None:
    assert "relocation" not in warnings_for({"claim": claim})


def test_a_finding_that_relocation_is_unreasonable_settles_it() -> None:
    claim = {"relocation_reasonable": False, "persecutor": "non_state", "past_persecution": False}
    assert "relocation" not in warnings_for({"claim": claim})


def test_relocation_with_the_burden_unknown_is_low_not_dropped() -> None:
    assert warnings_for({})["relocation"].severity == "low"


def test_a_non_state_persecutor_with_state_protection_unassessed() -> None:
    warning = warnings_for({"claim": {"persecutor": "non_state"}})["non_state_actor"]
    assert warning.severity == "medium"
    assert warning.raised_by == ("claim.persecutor", "claim.government_unable_or_unwilling")


def test_a_finding_that_the_state_protects_is_high() -> None:
    claim = {"persecutor": "non_state", "government_unable_or_unwilling": False}
    assert warnings_for({"claim": claim})["non_state_actor"].severity == "high"


@pytest.mark.parametrize(
    "claim",
    [{"persecutor": "non_state", "government_unable_or_unwilling": True}, {"persecutor": "government"}],
)
def test_state_failure_found_or_a_government_persecutor_raises_nothing(claim: dict[str, Any]) -> None:
    assert "non_state_actor" not in warnings_for({"claim": claim})


def test_past_persecution_by_a_non_state_actor_is_low() -> None:
    claim = {"persecutor": "non_state", "past_persecution": True}
    assert warnings_for({"claim": claim})["non_state_actor"].severity == "low"


def test_a_new_fear_unrelated_to_the_past_does_not_entail_state_failure() -> None:
    # The screening's rule takes state failure as found only on a past-persecution finding on the same
    # claim (persecution.state_protection_failure): a new, unrelated fear leaves the point open.
    claim = {"persecutor": "non_state", "past_persecution": True, "future_fear_unrelated_to_past": True}
    assert warnings_for({"claim": claim})["non_state_actor"].severity == "medium"


# --- criminal history ------------------------------------------------------------------------------


def test_no_convictions_raise_no_crime_warning() -> None:
    assert "particularly_serious_crime" not in warnings_for({"convictions": []})


def test_an_unknown_criminal_history_is_low_not_dropped() -> None:
    warning = warnings_for({})["particularly_serious_crime"]
    assert warning.severity == "low"
    assert warning.raised_by == ("convictions",)


def test_any_conviction_needs_the_case_by_case_analysis() -> None:
    convictions = [{"offense": "invented misdemeanor", "final": True, "aggravated_felony": "none"}]
    warning = warnings_for({"convictions": convictions})["particularly_serious_crime"]
    assert warning.severity == "medium"
    assert "case by case" in warning.why.en
    assert "caso por caso" in warning.why.es


def test_aggravated_felonies_of_five_years_are_per_se_for_withholding() -> None:
    convictions = [
        {"offense": "invented", "final": True, "aggravated_felony": "F", "sentence_months": 36},
        {"offense": "invented", "final": True, "aggravated_felony": "G", "sentence_months": 24},
    ]
    warning = warnings_for({"convictions": convictions})["particularly_serious_crime"]
    assert warning.severity == "high"
    assert RULE_PREFIX + PER_SE_RULE in warning.raised_by
    assert "matter of law" in warning.why.en
    assert "CAT deferral remains open" in warning.why.en
    assert warning.protections == ("asylum", "statutory_withholding", "cat_withholding")


def test_aggravated_felonies_under_five_years_are_case_by_case_for_withholding() -> None:
    convictions = [{"offense": "invented", "final": True, "aggravated_felony": "F", "sentence_months": 59}]
    warning = warnings_for({"convictions": convictions})["particularly_serious_crime"]
    assert warning.severity == "high"  # still a particularly serious crime for asylum
    assert RULE_PREFIX + PER_SE_RULE not in warning.raised_by
    assert "case by case" in warning.why.en
    assert "convictions[0].aggravated_felony" in warning.raised_by


# --- the one-year deadline -------------------------------------------------------------------------


def test_filed_more_than_a_year_after_arrival() -> None:
    document = {"entry": {"last_arrival_date": "2019-01-10"}, "asylum": {"filed_on": "2021-03-01"}}
    warning = warnings_for(document)["late_filing"]
    assert warning.severity == "high"
    assert "filed on 2021-03-01, after the deadline (2020-01-10)" in warning.why.en
    assert "se presentó el 2021-03-01, después del plazo (2020-01-10)" in warning.why.es
    assert "exception applies has not been decided" in warning.why.en
    assert warning.protections == ("asylum",)


def test_not_filed_and_the_deadline_passed() -> None:
    document = {"entry": {"last_arrival_date": "2024-05-02"}, "asylum": {"filed_on": None}}
    warning = warnings_for(document)["late_filing"]
    assert warning.severity == "high"
    assert "deadline (2025-05-02) has passed" in warning.why.en


def test_an_unknown_arrival_date_is_raised() -> None:
    warning = warnings_for({"asylum": {"filed_on": "2025-01-01"}})["late_filing"]
    assert warning.severity == "medium"
    assert warning.raised_by == ("entry.last_arrival_date", RULE_PREFIX + ONE_YEAR_BAR)


@pytest.mark.parametrize(
    "document",
    [
        {"entry": {"last_arrival_date": "2024-05-02"}, "asylum": {"filed_on": "2025-04-30"}},
        {"entry": {"last_arrival_date": "2026-05-02"}, "asylum": {"filed_on": None}},
        {
            "entry": {"last_arrival_date": "2019-01-10"},
            "asylum": {
                "filed_on": "2021-03-01",
                "changed_circumstances": True,
                "filed_within_reasonable_period": True,
            },
        },
        {
            "entry": {"last_arrival_date": "2019-01-10", "unaccompanied_child": True},
            "asylum": {"filed_on": None},
        },
    ],
    ids=["timely", "not due yet", "excused", "unaccompanied child"],
)
def test_no_deadline_warning_when_the_bar_is_ruled_out(document: dict[str, Any]) -> None:
    assert "late_filing" not in warnings_for(document)


def test_exceptions_found_absent_mean_the_bar_applies() -> None:
    document = {
        "entry": {"last_arrival_date": "2019-01-10", "unaccompanied_child": False},
        "asylum": {
            "filed_on": "2021-03-01",
            "changed_circumstances": False,
            "extraordinary_circumstances": False,
        },
    }
    warning = warnings_for(document)["late_filing"]
    assert warning.severity == "high"
    assert "records no exception" in warning.why.en


def test_late_filing_drops_to_low_when_asylum_is_barred_for_another_reason() -> None:
    document = {
        "entry": {"last_arrival_date": "2019-01-10"},
        "asylum": {"filed_on": "2021-03-01"},
        "convictions": [
            {"offense": "invented", "final": True, "aggravated_felony": "F", "sentence_months": 12}
        ],
    }
    warning = warnings_for(document)["late_filing"]
    assert warning.severity == "low"
    assert STATUS_PREFIX + "asylum" in warning.raised_by
    assert "barred on these facts for another reason" in warning.why.en


def test_a_prior_denial_is_high() -> None:
    assert warnings_for({"asylum": {"previously_denied": True}})["prior_denial"].severity == "high"


@pytest.mark.parametrize("answer", [None, False])
def test_no_prior_denial_warning_unless_recorded(answer: bool | None) -> None:
    asylum = {} if answer is None else {"previously_denied": answer}
    assert "prior_denial" not in warnings_for({"asylum": asylum})


# --- all warnings ----------------------------------------------------------------------------------

RICH_CASE: dict[str, Any] = {
    "person": {"given_name": "Invented", "family_name": "Person-Example"},
    "proceedings": {"kind": "removal", "cooperative_agreement": {"invoked": True, "country": "HN"}},
    "entry": {"last_arrival_date": "2019-01-10"},
    "asylum": {"filed_on": "2021-03-01", "previously_denied": True},
    "claim": {
        "grounds": ["particular_social_group"],
        "persecutor": "non_state",
        "credible": False,
        "nexus": "incidental",
        "relocation_reasonable": True,
    },
    "evidence": [{"item": "medical_records", "status": "unavailable"}],
    "convictions": [{"offense": "invented", "final": True, "aggravated_felony": "F", "sentence_months": 72}],
}


def test_a_case_can_raise_every_warning() -> None:
    assert set(warnings_for(RICH_CASE)) == set(WHY)


def test_warnings_come_most_severe_first() -> None:
    case = validate_case({"withhold": "case/1", **RICH_CASE})
    found = case_warnings(case, screen(case, AS_OF))
    ranks = [SEVERITIES.index(w.severity) for w in found]
    assert ranks == sorted(ranks)


def test_every_warning_is_complete_in_both_languages_and_names_no_one() -> None:
    for warning in warnings_for(RICH_CASE).values():
        for text in (warning.title, warning.why, warning.what_to_do):
            for language in LANGUAGES:
                assert text.get(language).strip(), f"{warning.id}: empty {language} text"
                assert "{" not in text.get(language), f"{warning.id}: unfilled placeholder"
                assert "Invented" not in text.get(language) and "Person-Example" not in text.get(language)
            assert text.en != text.es, f"{warning.id}: the Spanish is a copy of the English"
        assert AUTHORITY.search(warning.authority), f"{warning.id} cites no authority"


def test_raised_by_names_facts_rules_or_statuses_that_exist() -> None:
    facts = catalogue()
    for warning in warnings_for(RICH_CASE).values():
        for source in warning.raised_by:
            if source.startswith(RULE_PREFIX):
                rule_by_id(source.removeprefix(RULE_PREFIX))
            elif source.startswith(STATUS_PREFIX):
                assert source.removeprefix(STATUS_PREFIX) in PROTECTIONS
            else:
                assert generic(source) in facts, f"{warning.id}: {source} is not a fact of case/1"


# --- the data --------------------------------------------------------------------------------------


def test_every_text_of_the_data_is_translated() -> None:
    for name, text in load().items():
        pairs = [("title", text.title), ("what_to_do", text.what_to_do)]
        pairs += [(f"why.{key}", sentence) for key, sentence in text.why.items()]
        for field, pair in pairs:
            assert pair.en and pair.es, f"{name}: {field}: missing a language"
            assert pair.en != pair.es, f"{name}: {field}: the Spanish is a copy of the English"
        assert AUTHORITY.search(text.authority), f"{name}: authority cites nothing"


def test_the_data_has_a_text_for_every_warning_the_code_raises() -> None:
    assert list(load()) == list(WHY)


def data_text() -> str:
    return (resources.files("withhold.preparation") / "warnings.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The line (from 1) of the first line of ``text`` that contains ``needle``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_data_file_is_read_into_its_model() -> None:
    assert parse(data_text()) == load()


def test_the_warnings_keep_the_order_of_the_file() -> None:
    raw = raw_data()
    moved = {"nexus": raw.pop("nexus"), **raw}
    assert list(parse(yaml.safe_dump(moved, allow_unicode=True, sort_keys=False)))[:2] == [
        "nexus",
        "credibility",
    ]


def test_a_bad_warnings_file_names_the_entry_the_field_and_the_line() -> None:
    text = data_text().replace(
        'en: "The application was filed on {filed}', 'en: "The application was filed on {fecha}', 1
    )
    with pytest.raises(DataFileError) as raised:
        parse(text)
    line = line_of(text, "    filed_late:")
    assert raised.value.problems == (
        f"late_filing.why.filed_late: en and es use different placeholders (or unbalanced braces) (line {line})",
    )
    assert str(raised.value).startswith("warnings.yaml is not valid:")


def test_every_problem_of_the_file_is_reported_at_once() -> None:
    raw = raw_data()
    del raw["credibility"]["what_to_do"]["es"]
    del raw["late_filing"]["why"]["filed_late"]
    raw["nexus"]["severity"] = "high"
    with pytest.raises(DataFileError) as raised:
        parse(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False))
    problems = "\n".join(raised.value.problems)
    assert re.search(r"^credibility\.what_to_do: es: missing translation \(line \d+\)$", problems, re.M)
    assert re.search(r"^late_filing\.why\.filed_late: missing \(line \d+\)$", problems, re.M)
    assert re.search(r"^nexus\.severity: unknown field \(line \d+\)$", problems, re.M)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["nexus"].update(protections=["asylum", "parole"]), r"nexus\.protections\.1: .*unknown protection 'parole'"),
        (lambda r: r["nexus"].update(protections=[]), r"nexus\.protections: "),
        (lambda r: r["nexus"].update(contested="yes"), r"nexus\.contested: Input should be a valid boolean"),
        (
            lambda r: r["late_filing"]["why"]["filed_late"].update(en="Filed on {fecha}.", es="Presentada el {fecha}."),
            r"late_filing\.why\.filed_late: unknown placeholder \{fecha\}",
        ),
        (lambda r: r["late_filing"]["why"].update(invented={"en": "x", "es": "y"}), r"late_filing\.why\.invented: unknown field"),
        (lambda r: r.update(invented={}), r"invented: unknown field"),
        (lambda r: r.pop("prior_denial"), r"prior_denial: missing"),
        (lambda r: r["prior_denial"].update(authority=" "), r"prior_denial\.authority: expected the citations"),
    ],
    ids=["unknown protection", "no protection", "not a boolean", "stray placeholder", "unused sentence",
         "unknown warning", "missing warning", "no authority"],
)  # fmt: skip
def test_a_bad_entry_is_rejected_naming_the_field(change: Any, message: str) -> None:
    raw = copy.deepcopy(raw_data())
    change(raw)
    with pytest.raises(DataFileError, match=message):
        parse(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False))


# --- issue 13: the 2025-2026 law --------------------------------------------------------------------


def test_an_invoked_agreement_names_the_country_in_each_language_and_is_high() -> None:
    document = {
        "person": {"nationality": "GT"},
        "proceedings": {"kind": "removal", "cooperative_agreement": {"invoked": True, "country": "HN"}},
        "entry": {"last_arrival_date": "2024-03-10"},
        "asylum": {"safe_third_country_agreement": True},
    }
    warning = warnings_for(document)["cooperative_agreement"]
    assert warning.severity == "high"
    assert "DHS has invoked the agreement with Honduras." in warning.why.en
    assert "El DHS invocó el acuerdo con Honduras." in warning.why.es
    assert "still open" in warning.why.en  # the exceptions are not assessed yet
    # A recorded exception keeps the claims here: still worth preparing, less urgent.
    document["proceedings"]["cooperative_agreement"]["fear_in_country"] = True
    assert warnings_for(document)["cooperative_agreement"].severity == "medium"


def test_no_agreement_warning_unless_one_is_invoked() -> None:
    assert "cooperative_agreement" not in warnings_for({"proceedings": {"kind": "removal"}})
    invoked_not = {"proceedings": {"cooperative_agreement": {"invoked": False}}}
    assert "cooperative_agreement" not in warnings_for(invoked_not)


def test_the_annual_fee_warning_follows_the_notice_date_and_stops_once_paid() -> None:
    pending = {"asylum": {"filed_on": "2025-03-01", "annual_fee_due_on": "2026-12-10"}}
    warning = warnings_for(pending)["annual_fee"]
    assert warning.severity == "high" and "2026-12-10" in warning.why.en
    paid = {
        "asylum": {
            "filed_on": "2025-03-01",
            "annual_fee_due_on": "2026-12-10",
            "annual_fee_paid_on": "2026-12-01",
        }
    }
    assert "annual_fee" not in warnings_for(paid)
    # Filed four months ago: the fee can be charged only from the first anniversary.
    recent = warnings_for({"asylum": {"filed_on": "2026-07-20"}})["annual_fee"]
    assert recent.severity == "low" and "2027-07-20" in recent.why.en
    # No fee existed before Pub. L. 119-21 (July 4, 2025), and none once the judge has decided.
    assert "annual_fee" not in warnings_for({"asylum": {"filed_on": "2023-03-01"}}, dt.date(2025, 7, 3))
    decided = {"asylum": {"filed_on": "2023-03-01"}, "proceedings": {"decision": {"outcome": "denied"}}}
    assert "annual_fee" not in warnings_for(decided)
    assert "annual_fee" not in warnings_for({"asylum": {"filed_on": None}})


def test_the_pretermission_warning_asks_for_every_element_in_court() -> None:
    bare = warnings_for({"proceedings": {"kind": "removal"}})["pretermission"]
    assert bare.severity == "medium" and "not recorded yet" in bare.why.en
    complete = {
        "proceedings": {"kind": "removal"},
        "claim": {
            "grounds": ["political_opinion"],
            "persecutor": "government",
            "nexus": "one_central_reason",
            "harm_is_persecution": True,
        },
    }
    assert warnings_for(complete)["pretermission"].severity == "low"
    # Not before the Board's 2025 decisions, not in an affirmative case, not once decided.
    assert "pretermission" not in warnings_for({"proceedings": {"kind": "removal"}}, dt.date(2025, 3, 16))
    assert "pretermission" not in warnings_for({"proceedings": {"kind": "affirmative"}})
    decided = {"proceedings": {"kind": "removal", "decision": {"outcome": "granted"}}}
    assert "pretermission" not in warnings_for(decided)


@pytest.mark.parametrize(
    ("group", "severity"),
    [({}, "medium"), ({"definition": " "}, "medium"), ({"definition": "invented group"}, "low")],
)
def test_a_social_group_claimed_in_court_must_be_stated_in_the_application(
    group: dict[str, Any], severity: str
) -> None:
    claim = {
        "grounds": ["particular_social_group"],
        "particular_social_group": group,
        "persecutor": "government",
        "nexus": "one_central_reason",
        "harm_is_persecution": True,
    }
    warning = warnings_for({"proceedings": {"kind": "removal"}, "claim": claim})["pretermission"]
    assert warning.severity == severity
    assert ("not recorded yet" in warning.why.en) is (severity == "medium")
    assert warning.raised_by == ("proceedings.kind", "claim.grounds", "claim.persecutor", "claim.nexus")
