"""The story told back (``preparation/story``): the account in each language, the text of I-589 Part B,
and the documents the evidence checklist suggests from it, each naming the events it comes from; the
labels' data checked on load. Every person is invented (issue 15)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, get_args

import pytest
import yaml

from withhold.facts.case import AuthoritiesResponse, Case, Harm, WhoKind
from withhold.facts.loading import validate_case
from withhold.package_data import DataFileError, read_yaml
from withhold.preparation.evidence import checklist
from withhold.preparation.story import account, fear_text, parse, past_harm_text, story_texts, suggestions
from withhold.screening import screen

AS_OF = dt.date(2026, 11, 23)

STORY: dict[str, Any] = {
    "events": [
        {
            "date": "2023-08",
            "date_is_approximate": True,
            "place": "Choloma, Cortés",
            "country": "HN",
            "what_happened": "They demanded money at my stall.",
            "harm": ["threats", "extortion"],
            "who": "Men from the gang",
            "who_kind": ["gang_or_cartel"],
            "why": "I sell at the market.",
            "reported": True,
            "authorities_response": ["did_nothing"],
            "authorities_response_details": "Nobody came.",
            "injuries": False,
        },
        {
            "date": "2024-01-20",
            "place": "Choloma, Cortés",
            "country": "HN",
            "what_happened": "They beat me and killed my brother.",
            "harm": ["beaten", "family_member_killed", "property_destroyed"],
            "who_kind": ["gang_or_cartel"],
            "reported": False,
            "why_not_reported": "The police work with them.",
            "injuries": True,
            "medical_care": True,
        },
    ],
    "fear": {
        "what": "That they kill me.",
        "who": "The gang",
        "why": "I reported them.",
        "family_harmed_since": True,
        "could_live_elsewhere": False,
        "tried_to_move": True,
    },
    "in_own_words": "I never wanted to leave.",
}


def case(story: dict[str, Any] | None = None, **more: Any) -> Case:
    return validate_case(
        {"withhold": "case/1", "story": copy.deepcopy(STORY if story is None else story), **more}
    )


# --- the account -----------------------------------------------------------------------------------


def test_the_account_keeps_the_persons_words_with_labels_in_each_language() -> None:
    english = account(case().story, "en")
    first = english.events[0]
    assert first.title == "Event 1 — about August 2023, Choloma, Cortés, Honduras"
    lines = {line.label: line.text for line in first.lines}
    assert lines["What happened"] == "They demanded money at my stall."
    assert lines["Harm"] == "threats; demands for money (extortion)"
    assert lines["Who did it"] == "Men from the gang (a gang, mara or cartel)"
    assert lines["What the authorities did"] == "they did nothing, or nothing came of it; Nobody came."
    assert lines["Someone was hurt"] == "no"  # a real answer, said
    spanish = account(case().story, "es")
    assert spanish.events[0].title == "Hecho 1 — hacia agosto de 2023, Choloma, Cortés, Honduras"
    assert spanish.events[1].title == "Hecho 2 — 20 de enero de 2024, Choloma, Cortés, Honduras"
    assert {line.label: line.text for line in spanish.events[0].lines}["Lo que le hicieron"].startswith(
        "amenazas"
    )


def test_what_was_not_told_is_left_out_never_said_no() -> None:
    told = account(case({"events": [{"what_happened": "They threatened me."}]}).story, "en")
    assert told.events[0].title == "Event 1"
    assert [line.label for line in told.events[0].lines] == ["What happened"]
    assert account(case({}).story, "en").empty
    none = account(case({"events": []}).story, "en")
    assert none.no_events and not none.empty


def test_the_brief_account_keeps_what_happened_and_who() -> None:
    labels = [line.label for line in account(case().story, "en", brief=True).events[1].lines]
    assert labels == ["What happened", "Harm", "Who did it", "Asked the police or other authorities for help"]


def test_part_b_text_tells_each_event_and_the_fear() -> None:
    text = past_harm_text(case().story)
    assert text is not None
    assert text.startswith("Event 1 — about August 2023, Choloma, Cortés, Honduras\nWhat happened:")
    assert "Event 2 — January 20, 2024" in text
    assert "Why no one asked the authorities for help: The police work with them." in text
    assert text.endswith("In the applicant's own words:\nI never wanted to leave.")
    fear = fear_text(case().story)
    assert fear is not None and fear.startswith("Harm feared on return: That they kill me.")
    assert "Tried living elsewhere in the country before leaving: yes" in fear
    assert past_harm_text(case({"events": []}).story) is None
    assert fear_text(case({}).story) is None


# --- the evidence checklist ------------------------------------------------------------------------


def test_the_story_suggests_documents_naming_its_events() -> None:
    found = suggestions(case())
    assert found["police_reports"][0].en.startswith(
        "From what you told us about event 1 (about August 2023, Choloma, Cortés, Honduras): you or your family "
        "asked the authorities for help."
    )
    medical = [text.en for text in found["medical_records"]]
    assert any("event 2" in text and "received medical care" in text for text in medical)
    assert any("event 2" in text and "death certificate" in text for text in medical)
    assert [text.en.count("event 1") for text in found["threat_evidence"]] == [
        1,
        1,
    ]  # threats, money demanded
    assert "event 2" in found["photographs"][0].en
    assert "event 2" in found["state_protection_evidence"][0].en
    witnesses = found["witness_statements"][0].en
    assert "event 1 (" in witnesses and " and event 2 (" in witnesses
    assert "after you left" in found["witness_statements"][1].en
    assert "tried living elsewhere" in found["relocation_evidence"][0].en
    assert found["police_reports"][0].es.startswith(
        "Por lo que nos contó sobre el hecho 1 (hacia agosto de 2023"
    )


def test_no_story_no_suggestion() -> None:
    assert suggestions(case({})) == {}
    assert suggestions(case({"events": []})) == {}
    assert "police_reports" not in suggestions(case({"events": [{"reported": False}]}))


def test_the_checklist_carries_the_suggestions_and_the_story_makes_past_harm_certain() -> None:
    facts = case(claim={"country": "HN", "persecutor": "non_state"})
    items = checklist(facts, screen(facts, AS_OF))
    police = items.get("police_reports")
    assert police is not None and police.from_story and "event 1" in police.from_story[0].en
    medical = items.get("medical_records")
    # Without the story, medical records are listed "only if you were physically harmed".
    assert medical is not None and medical.condition is None and len(medical.from_story) == 2
    assert items.to_json("es")["items"][items.ids.index("police_reports")]["from_story"][0].startswith(
        "Por lo que nos contó"
    )
    bare = validate_case({"withhold": "case/1", "claim": {"country": "HN"}})
    unknown = checklist(bare, screen(bare, AS_OF)).get("medical_records")
    assert unknown is not None and unknown.condition is not None and unknown.from_story == ()


# --- the data ---------------------------------------------------------------------------------------


def test_every_value_of_the_case_format_has_its_label_in_both_languages() -> None:
    texts = story_texts()
    for group, values in (
        ("harm", Harm),
        ("who_kind", WhoKind),
        ("authorities_response", AuthoritiesResponse),
    ):
        assert set(texts.values[group]) == set(get_args(values)), group
        for label in texts.values[group].values():
            assert label.en.strip() and label.es.strip() and label.en != label.es


def raw() -> dict[str, Any]:
    return copy.deepcopy(read_yaml("withhold.preparation", "story.yaml"))


def written(data: dict[str, Any]) -> list[str]:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).splitlines()


def problems(data: dict[str, Any]) -> tuple[str, ...]:
    with pytest.raises(DataFileError) as error:
        parse("\n".join(written(data)))
    return error.value.problems


def test_a_missing_label_a_missing_value_and_a_wrong_item_are_named() -> None:
    data = raw()
    del data["labels"]["who"]
    del data["harm"]["threats"]
    data["evidence"]["reported"]["item"] = "police_report"
    data["who_kind"]["police"]["es"] = data["who_kind"]["police"]["en"]
    lines = written(data)
    found = problems(data)
    assert f"labels.who: missing (line {lines.index('labels:') + 1})" in found
    assert f"harm.threats: missing (line {lines.index('harm:') + 1})" in found
    item = lines.index("    item: police_report") + 1
    assert any(
        p.startswith("evidence.reported.item: Input should be ") and p.endswith(f"(line {item})")
        for p in found
    )
    police = lines.index("  police:", lines.index("who_kind:")) + 1
    assert f"who_kind.police: es: identical to the English text: not translated (line {police})" in found


def test_a_placeholder_the_code_does_not_fill_is_refused() -> None:
    data = raw()
    data["evidence"]["threats"]["en"] = "About {event}: keep the threats."
    data["evidence"]["threats"]["es"] = "Sobre {event}: guarde las amenazas."
    threats = written(data).index("  threats:", written(data).index("evidence:")) + 1
    assert problems(data) == (f"evidence.threats: unknown placeholder {{event}} (line {threats})",)
    data["evidence"]["threats"]["es"] = "Sobre {events}: guarde las amenazas."
    assert problems(data) == (
        f"evidence.threats: en and es use different placeholders (or unbalanced braces) (line {threats})",
    )
