"""The interview for two audiences (issue 15): the client is asked facts, the person and their story
first, bars after the story, never a finding; the attorney reviews the findings with the client's answers
and the law's suggestions beside them; no status is final while it waits for an assessment or for the
country and the kind of case."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest
import yaml

from withhold.facts.case import Case
from withhold.facts.loading import parse_case, validate_case
from withhold.interview.answers import (
    answered,
    answered_dont_know,
    back,
    come_back_to_skipped,
    skipped_for_now,
    with_answer,
)
from withhold.interview.bank import SECTIONS, bank, question_for
from withhold.interview.pages import Audience, next_page
from withhold.interview.review import BearingFile, findings_to_review, reviewed, standings
from withhold.interview.sections import parse as parse_sections
from withhold.interview.sections import sections
from withhold.interview.simulation import simulate_pages
from withhold.law.findings.suggestions import SUGGESTIONS
from withhold.law.registry import all_rules
from withhold.logic.protection import Status
from withhold.package_data import DataFileError, validated

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 23)


def read_text(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


PRECEDENTS = sorted((ROOT / "tests" / "precedents" / "cases").glob("*.yaml"))
EMPTY = {"withhold": "case/1"}


def example(name: str) -> Case:
    return parse_case((ROOT / "examples" / name).read_text(encoding="utf-8"))


def precedent(path: Path) -> Case:
    return validate_case(yaml.safe_load(path.read_text(encoding="utf-8"))["case"])


# --- the client's interview ---------------------------------------------------------------------------


def test_a_client_interview_opens_with_who_the_person_is() -> None:
    page = next_page(validate_case(EMPTY), AS_OF, Audience.CLIENT)
    assert page is not None
    assert page.section == "about_you" and page.first_of_section
    assert all(question_for(path).sensitivity == 0 for path in page.paths)


@pytest.mark.parametrize("path", PRECEDENTS[:12], ids=lambda p: p.stem)
def test_a_client_is_never_asked_a_finding_and_meets_the_bars_after_the_story(path: Path) -> None:
    full = precedent(path)
    run = simulate_pages(full, full.law_as_of or AS_OF, Audience.CLIENT)
    asked = run.asked
    assert asked, "a client interview asks something"
    assert not [p for p in asked if question_for(p).judgement]
    assert "proceedings.circuit" not in asked
    order = [SECTIONS.index(section) for section in run.sections]
    assert order == sorted(order)  # sections in their natural order, never back
    assert question_for(asked[0]).sensitivity < 3  # never a trauma-heavy question first
    story = [i for i, p in enumerate(asked) if question_for(p).section == "what_happened"]
    everyone = [i for i, p in enumerate(asked) if question_for(p).section == "everyone"]
    if story and everyone:
        assert max(story) < min(everyone)  # the questions asked of everyone come after the story


def test_the_country_and_the_kind_of_case_are_always_asked() -> None:
    for audience in Audience:
        run = simulate_pages(example("almost-nothing-known.yaml"), AS_OF, audience)
        known = run.final
        assert known.claim.country is not None or "claim.country" in run.dont_know
        assert "proceedings.kind" in run.asked or example("almost-nothing-known.yaml").proceedings.kind


def test_hearings_are_asked_when_the_case_is_in_court_and_not_otherwise() -> None:
    case = with_answer(validate_case(EMPTY), "proceedings.kind", "removal")
    for _ in range(40):
        page = next_page(case, AS_OF, Audience.CLIENT)
        assert page is not None
        if "proceedings.hearings" in page.paths:
            break
        for path in page.paths:
            case = answered_dont_know(case, path)
    else:
        pytest.fail("a person in removal proceedings was never asked their hearings")
    affirmative = with_answer(validate_case(EMPTY), "proceedings.kind", "affirmative")
    case = affirmative
    while (page := next_page(case, AS_OF, Audience.CLIENT)) is not None:
        assert "proceedings.hearings" not in page.paths
        for path in page.paths:
            case = answered_dont_know(case, path)


def test_one_hearing_is_asked_on_one_page() -> None:
    case = with_answer(validate_case(EMPTY), "proceedings.kind", "removal")
    case = answered(case, "proceedings.hearings", 2)
    pages = []
    while (page := next_page(case, AS_OF, Audience.CLIENT)) is not None and len(pages) < 60:
        pages.append(page.paths)
        for path in page.paths:
            case = answered_dont_know(case, path)
    hearing_pages = [paths for paths in pages if any(p.startswith("proceedings.hearings[") for p in paths)]
    assert hearing_pages == [
        ("proceedings.hearings[0].kind", "proceedings.hearings[0].date"),
        ("proceedings.hearings[1].kind", "proceedings.hearings[1].date"),
    ]


def test_a_condition_waits_for_its_answer() -> None:
    # The agreement country is asked only once DHS is known to have invoked an agreement.
    case = with_answer(validate_case(EMPTY), "proceedings.kind", "removal")
    seen: list[str] = []
    while (page := next_page(case, AS_OF, Audience.CLIENT)) is not None and len(seen) < 80:
        seen.extend(page.paths)
        for path in page.paths:
            value = False if path == "proceedings.cooperative_agreement.invoked" else None
            case = answered(case, path, value) if value is not None else answered_dont_know(case, path)
    assert "proceedings.cooperative_agreement.invoked" in seen
    assert "proceedings.cooperative_agreement.country" not in seen


def test_skip_for_now_is_not_i_dont_know_and_comes_back() -> None:
    case = validate_case(EMPTY)
    page = next_page(case, AS_OF, Audience.CLIENT)
    assert page is not None
    first = page.paths[0]
    skipped = skipped_for_now(case, first)
    assert skipped.interview.skipped == [first] and not skipped.interview.dont_know
    after = next_page(skipped, AS_OF, Audience.CLIENT)
    assert after is None or first not in after.paths
    again = next_page(come_back_to_skipped(skipped), AS_OF, Audience.CLIENT)
    assert again is not None and first in again.paths
    assert back(skipped).interview.skipped == []


# --- the attorney's interview and the findings review ------------------------------------------------


@pytest.mark.parametrize("path", PRECEDENTS, ids=lambda p: p.stem)
def test_the_attorney_interview_ends_with_the_full_case_statuses(path: Path) -> None:
    full = precedent(path)
    as_of = full.law_as_of or AS_OF
    run = simulate_pages(full, as_of, Audience.ATTORNEY)
    want = {s.protection: s.status for s in standings(full, as_of)}
    got = {s.protection: s.status for s in standings(run.final, as_of)}
    assert got == want


def test_findings_wait_for_the_attorney_and_say_so() -> None:
    run = simulate_pages(example("clean-asylum.yaml"), AS_OF, Audience.CLIENT)
    found = standings(run.final, AS_OF)
    assert not any(s.status is Status.ELIGIBLE and s.final for s in found)
    waiting = {s.protection: s.needs_assessment for s in found}
    assert waiting["asylum"] and waiting["cat_deferral"]
    to_review = {item.path: item for item in findings_to_review(run.final, AS_OF)}
    assert "claim.credible" in to_review
    # Reviewed (even left open on purpose), a finding no longer waits for the attorney.
    case = reviewed(run.final, "claim.credible", None)
    assert "claim.credible" not in {p for s in standings(case, AS_OF) for p in s.needs_assessment}
    assert case.interview.reviewed == ["claim.credible"]
    case = reviewed(case, "claim.credible", True)
    assert case.claim.credible is True


def test_an_unknown_country_or_kind_of_case_keeps_every_status_from_being_final() -> None:
    case = example("clean-asylum.yaml")
    document = case.model_dump(mode="json", exclude_unset=True)
    document["claim"].pop("country", None)
    document.get("torture", {}).pop("country", None)
    found = standings(validate_case(document), AS_OF)
    assert all(
        "claim.country" in s.unknown_basics and not s.final for s in found if s.status is not Status.BARRED
    )


def test_a_suggestion_from_the_client_answers_is_marked_and_not_recorded() -> None:
    case = with_answer(validate_case(EMPTY), "claim.persecutor", "government")
    case = with_answer(case, "application.other_countries.answer", False)
    items = {item.path: item for item in findings_to_review(case, AS_OF)}
    official = items["torture.official_involvement"]
    assert official.suggestion is not None and official.suggestion.value == "direct"
    assert official.suggestion.because == (("claim.persecutor", "government"),)
    assert official.suggestion.rule.citations and official.suggestion.rule.id in {r.id for r in all_rules()}
    assert not official.value.known  # a suggestion is never a fact until the attorney confirms it
    assert items["asylum.firmly_resettled"].suggestion is not None
    assert items["asylum.firmly_resettled"].suggestion.value is False
    assert ("claim.persecutor", "government") in items["claim.nexus"].bearing


def test_nothing_is_suggested_without_the_answers_that_would_suggest_it() -> None:
    items = findings_to_review(validate_case(EMPTY), AS_OF)
    assert all(item.suggestion is None for item in items)


def test_a_suggestion_never_applies_before_the_law_it_rests_on() -> None:
    case = with_answer(validate_case(EMPTY), "claim.persecutor", "government")
    items = {item.path: item for item in findings_to_review(case, dt.date(1999, 3, 21))}
    official = items.get("torture.official_involvement")
    assert official is None or official.suggestion is None


def test_every_suggestion_is_for_a_finding_and_reads_only_plain_facts() -> None:
    for finding, rules in SUGGESTIONS.items():
        assert question_for(finding).judgement, finding
        for rule in rules:
            assert all(not question_for(path).judgement for path in rule.reads if path in bank()), rule.id


# --- the sections ------------------------------------------------------------------------------------


def test_every_section_has_a_title_and_opening_words_in_both_languages() -> None:
    assert list(sections()) == list(SECTIONS)
    for section in sections().values():
        for language in ("en", "es"):
            assert section.title.get(language).strip() and section.intro.get(language).strip()


def test_the_sections_file_is_checked() -> None:
    with pytest.raises(DataFileError, match=r"\(the file\): expected exactly about_you, papers.*\(line 1\)"):
        parse_sections('about_you:\n  title: {en: "A", es: "B"}\n  intro: {en: "C", es: "D"}\n')
    text = read_text("withhold.interview", "sections.yaml")
    text = text.replace('title:\n    en: "About you"', 'title:\n    en: "About {name}"', 1)
    text = text.replace("\nfear:\n", "\nfear:\n  outro: {en: A, es: B}\n", 1)
    with pytest.raises(DataFileError) as raised:
        parse_sections(text)
    line = text.splitlines().index("  outro: {en: A, es: B}") + 1
    title = text.splitlines().index('    en: "About {name}"')  # the line of `title:`
    assert raised.value.problems == (
        f"about_you.title: en and es use different placeholders (or unbalanced braces) (line {title})",
        f"fear.outro: unknown field (line {line})",
    )


def test_the_bearing_file_names_findings_and_facts_of_the_catalogue() -> None:
    text = read_text("withhold.interview", "bearing.yaml")
    text = text.replace("claim.fundamental_change: [claim.country]", "claim.country: [claim.countyr]", 1)
    with pytest.raises(DataFileError) as raised:
        validated(BearingFile, text, "bearing.yaml")
    line = text.splitlines().index("claim.country: [claim.countyr]") + 1
    assert raised.value.problems == (
        f"claim.country: not a finding of case/1 (line {line})",
        f"claim.country: 0: claim.countyr: not a fact path of case/1 (line {line})",
    )
    text = text.replace("claim.country: [claim.countyr]", "", 1)
    with pytest.raises(DataFileError) as raised:
        validated(BearingFile, text, "bearing.yaml")
    assert raised.value.problems == (
        "(the file): no bearing answers listed for claim.fundamental_change (line 5)",
    )


def test_the_client_story_suggests_what_the_law_lets_it() -> None:
    case = example("story-client-intake-honduras.yaml")
    items = {item.path: item for item in findings_to_review(case, AS_OF)}
    unwilling = items["claim.government_unable_or_unwilling"]
    assert unwilling.suggestion is not None and unwilling.suggestion.value is True
    assert unwilling.suggestion.rule.id.endswith(".unanswered_report")
    assert any(path.startswith("story.events[") for path, _ in unwilling.bearing)
    assert any(
        path == "story.fear.could_live_elsewhere" for path, _ in items["claim.relocation_reasonable"].bearing
    )
