"""The question bank: a question for every fact a rule reads, in English and Spanish, citing its authority,
with the catalogue's kinds, choices and finding flags."""

from __future__ import annotations

import copy
import re
from typing import Any, cast

import pytest
import yaml

from withhold.facts.paths import catalogue
from withhold.interview.bank import (
    DONT_KNOW,
    KIND_OF_FACT,
    UI,
    Question,
    bank,
    fill,
    parse,
    question_for,
)
from withhold.language import Localized
from withhold.law.registry import all_rules
from withhold.package_data import DataFileError

AUTHORITY = re.compile(r"INA|CFR|U\.S\.C\.|I&N Dec\.|F\.3d|F\.4th|U\.S\.|Practice Manual|Pub\. L\.")
CITATION = re.compile(
    r"\bINA \d|CFR|U\.S\.C|I&N Dec|Matter of|F\.3d|F\.4th|Pub\. L\.|Form I-589 Part|\d+ FR \d"
)
# Texts that are the same word in both languages, or codes and numbers: not a missing translation.
SAME_IN_BOTH = {"No"}
CODE_OR_NUMBER = re.compile(r"[\dA-Z.,:;()/ -]*")


def read_facts() -> set[str]:
    return {path for rule in all_rules() for path in rule.all_reads}


def every_text(question: Question) -> list[tuple[str, Localized]]:
    found = [("text", question.text), ("help", question.help), ("invalid", question.invalid)]
    found += [(f"choices.{key}", label) for key, label in question.choices.items()]
    return found


def is_translated(text: Localized) -> bool:
    return text.en != text.es or text.en in SAME_IN_BOTH or CODE_OR_NUMBER.fullmatch(text.en) is not None


# --- coverage ----------------------------------------------------------------------------------------


def test_every_fact_a_rule_reads_has_a_question() -> None:
    missing = (read_facts() | {"proceedings.hearings"}) - set(bank())
    assert not missing, f"facts without a question: {sorted(missing)}"


def test_the_bank_asks_only_about_facts_of_the_catalogue() -> None:
    assert set(bank()) <= set(catalogue())


def test_the_bank_lists_its_questions_in_the_case_format_order() -> None:
    order = list(catalogue())
    assert list(bank()) == sorted(bank(), key=order.index)


# --- the two languages -------------------------------------------------------------------------------


def test_every_text_help_choice_and_message_has_english_and_spanish() -> None:
    problems = []
    for path, question in bank().items():
        for field, text in every_text(question):
            if not text.en.strip() or not text.es.strip():
                problems.append(f"{path}: {field}: empty")
            elif not is_translated(text):
                problems.append(f"{path}: {field}: the Spanish is a copy of the English ({text.en!r})")
    assert not problems, "\n".join(problems)


def test_the_interface_strings_are_translated() -> None:
    needed = {
        "yes", "no", "help", "back", "progress", "saved", "done", "result",
        "choose_several", "judgement_note", "not_filed_yet", "first", "in_english",
    }  # fmt: skip
    assert needed <= set(UI)
    # Shown after the result's heading in any language but English (the result is the core's English).
    assert UI["in_english"].en == "(in English)" and UI["in_english"].es == "(en inglés)"
    for name, text in [*UI.items(), ("dont_know", DONT_KNOW)]:
        assert text.en.strip() and text.es.strip(), name
        assert is_translated(text), name
    assert "{answered}" in UI["progress"].en and "{remaining}" in UI["progress"].en
    assert "{answered}" in UI["progress"].es and "{remaining}" in UI["progress"].es
    assert DONT_KNOW.get("es") == "No sé"


def test_questions_are_asked_in_the_second_person() -> None:
    for path, question in bank().items():
        if question.judgement:
            continue
        assert re.search(r"\b(you|your)\b", question.text.en, re.I), path
        assert re.search(r"\b(usted|su|sus|le|lo)\b", question.text.es, re.I), path


# --- the catalogue: kinds, choices, findings --------------------------------------------------------


def test_kinds_match_the_catalogue() -> None:
    facts = catalogue()
    for path, question in bank().items():
        assert question.kind == KIND_OF_FACT[facts[path].kind], path
    assert question_for("convictions").kind == "count"
    assert question_for("proceedings.hearings").kind == "count"
    assert question_for("convictions[].sentence_months").kind == "number"
    assert question_for("claim.grounds").kind == "choices"


def test_choices_are_exactly_the_catalogue_choices() -> None:
    facts = catalogue()
    for path, question in bank().items():
        assert tuple(question.choices) == facts[path].choices, path


def test_judgement_equals_the_catalogue_finding_flag() -> None:
    facts = catalogue()
    for path, question in bank().items():
        assert question.judgement == facts[path].finding, path


FINDING_LABEL = re.compile(r"[^\W\d_][^:?¿]{1,60}: ")
"""A finding's text opens with a short label naming the finding, for an attorney scanning a review."""


def test_judgement_questions_are_findings_asked_of_the_attorney_about_the_client() -> None:
    for path, question in bank().items():
        if question.judgement:
            assert FINDING_LABEL.match(question.text.en), path
            assert FINDING_LABEL.match(question.text.es), path
            # Third person: the attorney is asked about the client, never the client about themself.
            assert re.search(r"\bthe client(?:'s)?\b", question.text.en), path
            assert re.search(r"\bcliente\b", question.text.es), path
            # "you" is the attorney only where the attorney's own assessment is named.
            text_en = question.text.en.replace("as you assess it", "")
            help_en = question.help.en.replace("your assessment", "")
            assert not re.search(r"\b(you|your)\b", text_en, re.I), path
            assert not re.search(r"\busted\b", question.text.es, re.I), path
            assert not question.text.en.startswith("Assessment"), path
            assert re.search(r"assessment|finding", question.help.en, re.I), path
            assert re.search(r"evaluación|determinación", question.help.es, re.I), path
            assert not re.search(r"\b(you|your)\b", help_en, re.I), path
            assert "without a lawyer" not in (question.text.en + question.help.en).lower(), path
            # The glossary's name for withholding of removal (docs: the Spanish review's glossary).
            assert "restricción de la deportación" not in question.help.es, path
        else:
            assert not question.text.en.startswith("Assessment"), path
    named = ("claim.particular_social_group.cognizable", "claim.nexus", "convictions[].particularly_serious")
    assert all(question_for(path).judgement for path in named)


# --- help, order, sensitivity ------------------------------------------------------------------------


def test_every_question_cites_its_authority_on_a_line_for_the_lawyer() -> None:
    """The help says why in plain words (a client reads it); the authority is a line of its own, which
    only attorneys see (issue 17: help texts that ended in citations a client cannot use)."""
    for path, question in bank().items():
        assert AUTHORITY.search(question.cites) or "Form I-589" in question.cites, path
        for language in ("en", "es"):
            assert not CITATION.search(question.help.get(language)), (path, language)


def test_a_client_help_says_why_in_a_few_plain_sentences() -> None:
    for path, question in bank().items():
        if question.judgement:
            continue
        assert len(question.help.en.split()) <= 60, path
        assert question.help.en.startswith("Why we ask"), path
        assert question.help.es.startswith("Por qué preguntamos"), path


def test_a_missing_cites_line_is_named() -> None:
    raw = small_bank()
    del raw["proceedings.detained"]["cites"]
    with pytest.raises(ValueError, match=r"proceedings\.detained: cites: missing \(line 1\)"):
        parse(as_yaml(raw))


def test_sensitivity_is_between_0_and_3() -> None:
    for path, question in bank().items():
        assert question.sensitivity in range(4), path


def test_orders_are_unique_and_plain_facts_come_before_findings() -> None:
    orders = [question.order for question in bank().values()]
    assert len(orders) == len(set(orders))
    plain = [q.order for q in bank().values() if not q.judgement]
    findings = [q.order for q in bank().values() if q.judgement]
    assert max(plain) < min(findings)


def test_trauma_heavy_questions_are_marked() -> None:
    assert question_for("proceedings.kind").sensitivity == 0
    assert question_for("entry.last_arrival_date").sensitivity == 0
    assert question_for("claim.past_persecution").sensitivity == 3
    assert question_for("torture.severe_pain_or_suffering").sensitivity == 3


def test_dates_and_numbers_say_how_to_write_them() -> None:
    for path, question in bank().items():
        if question.kind == "date":
            # The month in words, and an example no reader can take day for month (25 is never a month).
            assert "March 25" in question.invalid.en and "25 de marzo" in question.invalid.es, path
            assert "03-01" not in question.invalid.en + question.invalid.es, path
        if question.kind in ("number", "count"):
            assert "0" in question.invalid.en and "0" in question.invalid.es, path


def test_circuits_are_labelled_with_example_states() -> None:
    circuits = question_for("proceedings.circuit").choices
    assert "California" in circuits["9"].en and "9th Circuit" in circuits["9"].en
    assert "Texas" in circuits["5"].es


# --- concrete paths and rendering --------------------------------------------------------------------


def test_question_for_a_concrete_path_numbers_the_item_from_one() -> None:
    question = question_for("convictions[2].final")
    assert question.path == "convictions[].final"
    assert question.render("en", item=2, offense="burglary").startswith("Conviction 3 (burglary):")
    assert question.render("es", item=2, offense="robo").startswith("Condena 3 (robo):")


def test_render_without_an_offense_or_an_item() -> None:
    question = question_for("convictions[0].sentence_months")
    assert question.render("en", item=0).startswith("Conviction 1:")
    assert question.render("es", item=0, offense="  ").startswith("Condena 1:")
    assert question.render("en").startswith("Conviction:")
    for path, question in bank().items():
        for language in ("en", "es"):
            for item in (None, 4):
                rendered = question.render(language, item=item)
                assert "{" not in rendered and "}" not in rendered, (path, language, item)
    assert (
        question_for("proceedings.hearings[1].date").render("en", item=1)
        == "Hearing 2: on what date is your hearing?"
    )


def test_a_bare_offense_placeholder_falls_back_to_the_item_number() -> None:
    assert fill("Is {offense} final?", "en", item=1) == "Is conviction 2 final?"
    assert fill("¿{offense} es final?", "es", item=1) == "¿condena 2 es final?"
    assert fill("Is {offense} final?", "en", item=1, offense="theft") == "Is theft final?"


def test_an_offense_with_braces_is_inserted_literally() -> None:
    rendered = question_for("convictions[0].final").render("en", item=0, offense="{n} theft")
    assert rendered.startswith("Conviction 1 ({n} theft):")


def test_question_for_an_unknown_path_names_it() -> None:
    with pytest.raises(KeyError, match=r"person\.middle_name"):
        question_for("person.middle_name")


def test_localized_get_rejects_other_languages() -> None:
    with pytest.raises(ValueError, match="xx"):
        DONT_KNOW.get(cast(Any, "xx"))


# --- the loader's checks -----------------------------------------------------------------------------


def small_bank() -> dict[str, Any]:
    return {
        "proceedings.detained": {
            "kind": "yes_no",
            "order": 1,
            "sensitivity": 0,
            "judgement": False,
            "section": "papers",
            "text": {"en": "Are you detained?", "es": "¿Está usted detenido?"},
            "help": {"en": "Why we ask.", "es": "Por qué preguntamos."},
            "cites": "8 CFR 1003.31(c).",
            "invalid": {"en": "Answer yes or no.", "es": "Responda sí o no."},
        },
        "proceedings.decision.served": {
            "kind": "choice",
            "order": 2,
            "sensitivity": 0,
            "judgement": False,
            "section": "papers",
            "group": "decision",
            "text": {"en": "How?", "es": "¿Cómo?"},
            "help": {"en": "How the decision reached you.", "es": "Cómo le llegó la decisión."},
            "cites": "8 CFR 1003.38(b).",
            "choices": {
                "oral": {"en": "Out loud", "es": "En voz alta"},
                "mail": {"en": "By mail", "es": "Por correo"},
                "electronic": {"en": "Electronically", "es": "Por vía electrónica"},
            },
            "invalid": {"en": "Choose one.", "es": "Elija una."},
        },
    }


def as_yaml(raw: dict[str, Any]) -> str:
    """The bank as its author writes it (so each problem has a line)."""
    return yaml.safe_dump(raw, sort_keys=False, allow_unicode=True)


def test_a_small_valid_bank_loads() -> None:
    loaded = parse(as_yaml(small_bank()))
    assert loaded["proceedings.decision.served"].choices["mail"].get("es") == "Por correo"


def test_a_missing_spanish_text_names_the_path_and_the_field() -> None:
    raw = small_bank()
    del raw["proceedings.detained"]["text"]["es"]
    with pytest.raises(ValueError, match=r"proceedings\.detained: text: es: missing translation \(line 7\)"):
        parse(as_yaml(raw))


def test_an_empty_spanish_choice_label_names_the_choice() -> None:
    raw = small_bank()
    raw["proceedings.decision.served"]["choices"]["mail"]["es"] = " "
    with pytest.raises(
        ValueError,
        match=r"proceedings\.decision\.served: choices\.mail: es: missing translation \(line 3\d\)",
    ):
        parse(as_yaml(raw))


def test_an_unknown_kind_is_refused() -> None:
    raw = small_bank()
    raw["proceedings.detained"]["kind"] = "boolean"
    with pytest.raises(ValueError, match=r"proceedings\.detained: kind: unknown kind 'boolean'.* \(line 2\)"):
        parse(as_yaml(raw))


def test_a_kind_that_does_not_fit_the_fact_is_refused() -> None:
    raw = small_bank()
    raw["proceedings.detained"]["kind"] = "date"
    with pytest.raises(
        ValueError, match=r"proceedings\.detained: kind: 'date' does not fit a bool fact .*\(line 2\)"
    ):
        parse(as_yaml(raw))


def test_choices_that_differ_from_the_fact_are_refused() -> None:
    raw = small_bank()
    choices = raw["proceedings.decision.served"]["choices"]
    choices["fax"] = choices.pop("electronic")
    with pytest.raises(
        ValueError, match=r"proceedings\.decision\.served: choices: .*missing \['electronic'\]"
    ):
        parse(as_yaml(raw))


def test_a_judgement_flag_that_differs_from_the_finding_is_refused() -> None:
    raw = small_bank()
    raw["proceedings.detained"]["judgement"] = True
    with pytest.raises(
        ValueError,
        match=r"proceedings\.detained: judgement: must be false, as the fact's finding flag \(line 5\)",
    ):
        parse(as_yaml(raw))


def test_paths_outside_the_catalogue_and_bad_placeholders_are_refused() -> None:
    raw = small_bank()
    raw["claim.nexsu"] = copy.deepcopy(raw["proceedings.detained"])
    raw["claim.nexsu"]["order"] = 3
    raw["proceedings.detained"]["text"] = {"en": "Are you detained, {name}?", "es": "¿Está detenido, {name}?"}
    with pytest.raises(DataFileError) as error:
        parse(as_yaml(raw))
    assert error.value.problems == (
        "proceedings.detained: text: unknown placeholder {name} (line 7)",
        "claim.nexsu: not a fact path of case/1 (line 44)",
    )


def test_every_problem_is_reported_at_once() -> None:
    raw = small_bank()
    del raw["proceedings.detained"]["help"]["es"]
    raw["proceedings.decision.served"]["sensitivity"] = 5
    with pytest.raises(ValueError) as error:
        parse(as_yaml(raw))
    assert "proceedings.detained: help: es: missing translation (line 10)" in str(error.value)
    assert "proceedings.decision.served: sensitivity: 5 is not between 0 and 3 (line 19)" in str(error.value)


def test_duplicate_orders_are_refused() -> None:
    raw = small_bank()
    raw["proceedings.decision.served"]["order"] = 1
    with pytest.raises(
        ValueError,
        match=r"proceedings\.decision\.served: order: 1 is already used by proceedings\.detained \(line \d+\)",
    ):
        parse(as_yaml(raw))


def test_an_unknown_field_and_a_missing_one_are_named() -> None:
    raw = small_bank()
    raw["proceedings.detained"]["hint"] = raw["proceedings.detained"].pop("help")
    with pytest.raises(ValueError) as error:
        parse(as_yaml(raw))
    assert "proceedings.detained: hint: unknown field (line 14)" in str(error.value)
    assert "proceedings.detained: help: missing (line 1)" in str(error.value)


def test_a_path_field_is_not_the_key() -> None:
    raw = small_bank()
    raw["proceedings.detained"]["path"] = "proceedings.kind"
    with pytest.raises(DataFileError) as error:
        parse(as_yaml(raw))
    assert error.value.problems == (
        "proceedings.detained: path: unknown field (the entry's key is its fact path) (line 17)",
    )


def test_a_placeholder_where_nothing_fills_it_is_refused() -> None:
    raw = small_bank()
    raw["proceedings.decision.served"]["choices"]["mail"] = {"en": "To {address}", "es": "A {address}"}
    raw["proceedings.detained"]["help"]["es"] = "Por qué preguntamos {n}."
    raw["proceedings.detained"]["invalid"]["en"] = "Answer {yes or no."
    with pytest.raises(DataFileError) as error:
        parse(as_yaml(raw))
    assert error.value.problems == (
        "proceedings.detained: help: en and es use different placeholders (or unbalanced braces) (line 10)",
        "proceedings.detained: invalid: en and es use different placeholders (or unbalanced braces) (line 14)",
        "proceedings.decision.served: choices.mail: unknown placeholder {address} (line 35)",
    )


def test_when_and_intake_name_facts_and_values_of_the_file() -> None:
    raw = small_bank()
    raw["proceedings.detained"]["when"] = {"proceedings.kidn": ["removal"]}
    raw["proceedings.decision.served"]["when"] = {"proceedings.kind": []}
    raw["proceedings.decision.served"]["intake"] = "sometimes"
    text = as_yaml(raw)
    lines = text.splitlines()
    with pytest.raises(DataFileError) as error:
        parse(text)
    detained_when = lines.index("  when:") + 1
    served_when = lines.index("  when:", detained_when) + 1
    intake = lines.index("  intake: sometimes") + 1
    assert error.value.problems[0] == (
        f"proceedings.detained: when: 'proceedings.kidn' is not a fact path of case/1 (line {detained_when})"
    )
    assert error.value.problems[1].startswith("proceedings.decision.served: intake: Input should be 'client'")
    assert error.value.problems[1].endswith(f"(line {intake})")
    assert error.value.problems[2].startswith(
        "proceedings.decision.served: when.proceedings.kind: List should"
    )
    assert error.value.problems[2].endswith(f"(line {served_when + 1})")
