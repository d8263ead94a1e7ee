"""Part B.1.A and B.1.B written from the client's story when the team wrote no explanation, read back from
the PDF; what the team wrote is never overwritten. Invented people throughout (issue 15)."""

from __future__ import annotations

import pytest
from i589_forms import EXAMPLES, fill, values

from withhold.forms import FilledForm
from withhold.forms.values import FROM_STORY

PB = "form1[0].#subform[5].#subform[6]."
SUPP_B = "form1[0].#subform[13]."
PAST_HARM = PB + "TextField14[0]"
FEAR = PB + "TextField15[0]"
PAST_HARM_YES, PAST_HARM_NO = PB + "ckboxyn1a[0]", PB + "ckboxyn1a[1]"
FEAR_YES = PB + "ckboxyn1b[0]"

STORY = """\
withhold: case/1
person: {family_name: Inventada, given_name: Rosa, a_number: "A12345678"}
proceedings: {kind: removal}
story:
  events:
    - {date: 2022-05, place: "Colonia Nueva, Tegucigalpa", country: HN, what_happened: "They stopped me on the road.",
       harm: [threats], who: "Men from the neighbourhood gang", who_kind: [gang_or_cartel], why: "I refused to carry packages",
       reported: true, authorities_response: [refused]}
  fear: {what: "That they will kill me.", who: "The same gang", why: "I refused them"}
"""


@pytest.fixture(scope="module")
def from_story(blank_form: bytes) -> FilledForm:
    return fill(STORY, blank_form)


def test_the_story_answers_part_b1_and_explains_it(from_story: FilledForm) -> None:
    found = values(from_story.pdf)
    assert PAST_HARM_YES in from_story.written and PAST_HARM_NO not in from_story.written
    assert FEAR_YES in from_story.written
    text = found[PAST_HARM]
    assert text.startswith("Event 1 — May 2022, Colonia Nueva, Tegucigalpa, Honduras")
    assert "What happened: They stopped me on the road." in text
    assert "Who did it: Men from the neighbourhood gang (a gang, mara or cartel)" in text
    assert "Asked the police or other authorities for help: yes" in text
    assert "What the authorities did: they refused to take the report or to help" in text
    assert found[FEAR].startswith("Harm feared on return: That they will kill me.")
    assert FROM_STORY in from_story.notes
    assert ("B", "1.A") not in {(u.part, u.line) for u in from_story.unanswered}


def test_a_long_story_continues_on_supplement_b(blank_form: bytes) -> None:
    filled = fill((EXAMPLES / "story-client-intake-honduras.yaml").read_text(encoding="utf-8"), blank_form)
    found = values(filled.pdf)
    assert found[PAST_HARM].startswith("Event 1 — about August 2023, Choloma, Cortés, Honduras")
    assert filled.supplement_b_pages >= 1
    assert (found[SUPP_B + "TextField31[0]"], found[SUPP_B + "TextField31[1]"]) == ("B", "1.A")
    supplement = found[SUPP_B + "TextField32[0]"]
    assert "Event 2 — January 20, 2024, Choloma, Cortés, Honduras" in supplement
    assert "In the applicant's own words:" in supplement


def test_what_the_team_wrote_is_never_overwritten(blank_form: bytes) -> None:
    team = STORY + (
        "application:\n"
        "  past_harm: {answer: true, explanation: 'Written by the legal team.'}\n"
        "  fear_of_harm: {answer: true, explanation: 'Also the team.'}\n"
    )
    filled = fill(team, blank_form)
    found = values(filled.pdf)
    assert found[PAST_HARM] == "Written by the legal team."
    assert found[FEAR] == "Also the team."
    assert FROM_STORY not in filled.notes


def test_a_recorded_no_the_story_contradicts_is_left_for_a_person(blank_form: bytes) -> None:
    filled = fill(STORY + "application:\n  past_harm: {answer: false}\n", blank_form)
    assert PAST_HARM_YES not in filled.written and PAST_HARM_NO not in filled.written
    assert any(note.startswith("Part B.1.A: the case answers no") for note in filled.notes)


def test_no_events_is_not_a_no_for_the_form(blank_form: bytes) -> None:
    # The story's events are the person's and their family's; the form also asks about close friends
    # and colleagues, so an empty list leaves the question to be answered.
    filled = fill(
        "withhold: case/1\nperson: {family_name: Inventada, given_name: Rosa}\nstory: {events: []}\n",
        blank_form,
    )
    assert PAST_HARM_YES not in filled.written and PAST_HARM_NO not in filled.written
    assert ("B", "1.A") in {(u.part, u.line) for u in filled.unanswered}
