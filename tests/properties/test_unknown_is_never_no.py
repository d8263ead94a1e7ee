"""Unknown is never no: answering more questions can only move a status the way the law allows.

Hypothesis generates a partial case (a random subset of the facts, every enum value, dates around the
legal thresholds, zero to three convictions) and a completion of it (some of its unknown facts answered;
nothing already answered changes), screens both on the same date and checks:

- ``barred`` stays ``barred``: a bar that applies on some facts applies on more;
- ``not_eligible`` becomes only ``not_eligible`` or ``barred``;
- ``eligible`` stays ``eligible`` unless a fact the status listed under ``assumptions`` was answered
  against it (credibility, discretion, a torture element, the likelihood a pattern or practice stood in for);
- ``undetermined`` changes only if a fact in its ``missing`` or ``assumptions`` was newly answered
  (paths compared generically: ``convictions[0].final`` is ``convictions[].final``);
- no status depends on ``person``, ``notes`` or ``family``.

Runs are deterministic (the ``withhold`` Hypothesis profile in ``tests/conftest.py`` derandomizes).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from withhold.facts.loading import validate_case
from withhold.facts.paths import catalogue
from withhold.screening import screen
from withhold.screening.screen import Screening

RELIEFS = ("asylum", "statutory_withholding", "cat_withholding", "cat_deferral")
EXAMPLES = max(300, settings().max_examples)  # 300 by default; more under HYPOTHESIS_PROFILE=explore


def _around(*days: dt.date) -> st.SearchStrategy[dt.date]:
    """A date on, just before or just after a legal threshold, or about a year after it."""
    offsets = (-366, -365, -1, 0, 1, 364, 365, 366)
    return st.builds(
        lambda day, offset: day + dt.timedelta(days=offset), st.sampled_from(days), st.sampled_from(offsets)
    )


D = dt.date
# Thresholds: IIRIRA (1997-04-01), REAL ID (2005-05-11), Barajas-Romero (2017-01-18), Guzman-Vazquez
# (2020-05-18), CLP window (2023-05-11 – 2025-05-11), Securing the Border (2024-06-05), Proclamation 10888
# (2025-01-20), a Saturday Fourth of July (2026-07-04), a February 29 (2024-02-29).
THRESHOLDS = (
    D(1997, 4, 1), D(2005, 5, 11), D(2017, 1, 18), D(2020, 5, 18), D(2023, 5, 11), D(2024, 6, 5),
    D(2025, 1, 20), D(2025, 5, 11), D(2025, 7, 4), D(2024, 2, 29), D(2026, 7, 4),
)  # fmt: skip
AS_OF = (
    D(2026, 11, 23), D(2026, 11, 23), D(2026, 7, 6), D(2025, 5, 12), D(2024, 6, 4), D(2020, 5, 17),
    D(2020, 5, 18), D(2017, 1, 17), D(2017, 1, 18), D(2005, 5, 10), D(1998, 4, 2),
)  # fmt: skip

BOOL = st.booleans()
LIKELIHOOD = st.sampled_from(("none", "reasonable_possibility", "more_likely_than_not"))
GROUNDS = ("race", "religion", "nationality", "political_opinion", "particular_social_group")


def fact(favourable: Any, anything: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the answer that helps the claim, so that statuses get decided and can then be reversed."""
    return st.one_of(st.just(favourable), st.just(favourable), anything)


YES, NO = fact(True, BOOL), fact(False, BOOL)
FACTS: dict[str, st.SearchStrategy[Any]] = {
    "proceedings.kind": fact(
        "removal",
        st.sampled_from(
            ("removal", "asylum_only", "withholding_only", "affirmative", "credible_fear", "reasonable_fear")
        ),
    ),
    "proceedings.circuit": st.sampled_from(("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "DC")),
    "proceedings.reinstated_order": NO,
    "entry.last_arrival_date": _around(*THRESHOLDS),
    "entry.unaccompanied_child": BOOL,
    "entry.southwest_border_from_mexico": NO,
    "entry.with_entry_documents": YES,
    "asylum.filed_on": st.one_of(st.none(), _around(*THRESHOLDS)),  # None: an explicit "not filed yet"
    "asylum.changed_circumstances": BOOL,
    "asylum.extraordinary_circumstances": BOOL,
    "asylum.filed_within_reasonable_period": BOOL,
    "asylum.previously_denied": NO,
    "asylum.safe_third_country_agreement": NO,
    "asylum.firmly_resettled": NO,
    "asylum.frivolous_finding": NO,
    "asylum.discretion_favorable": YES,
    "asylum.border_limitation_overcome": BOOL,
    "claim.grounds": fact(["political_opinion"], st.lists(st.sampled_from(GROUNDS), unique=True, max_size=3)),
    "claim.particular_social_group.cognizable": BOOL,
    "claim.harm_is_persecution": YES,
    "claim.persecutor": st.sampled_from(("government", "non_state")),
    "claim.government_unable_or_unwilling": YES,
    "claim.nexus": fact(
        "one_central_reason", st.sampled_from(("none", "incidental", "a_reason", "one_central_reason"))
    ),
    "claim.past_persecution": BOOL,
    "claim.future_fear_unrelated_to_past": NO,
    "claim.fundamental_change": NO,
    "claim.relocation_reasonable": NO,
    "claim.future_persecution": fact("more_likely_than_not", LIKELIHOOD),
    "claim.pattern_or_practice": BOOL,
    "claim.credible": YES,
    "claim.severe_past_persecution": BOOL,
    "claim.other_serious_harm": BOOL,
    "torture.likelihood": fact("more_likely_than_not", LIKELIHOOD),
    "torture.official_involvement": st.sampled_from(
        ("direct", "instigation", "consent", "acquiescence", "willful_blindness", "none")
    ),
    "torture.severe_pain_or_suffering": YES,
    "torture.specific_intent": YES,
    "torture.in_custody_or_control": YES,
    "torture.lawful_sanction": NO,
    "conduct.persecuted_others": NO,
    "conduct.serious_nonpolitical_crime_abroad": NO,
    "conduct.danger_to_security": NO,
    "conduct.terrorist_activity": NO,
}
CONVICTION_FACTS: dict[str, st.SearchStrategy[Any]] = {
    "final": BOOL,
    "sentence_months": st.sampled_from((0, 6, 11, 12, 20, 29, 30, 31, 59, 60, 72, 120)),
    "aggravated_felony": st.sampled_from(("A", "B", "D", "F", "G", "M", "P", "R", "S", "U", "none")),
    "drug_trafficking": BOOL,
    "particularly_serious": NO,
}
# The answers that defeat a status resting on an assumption (case format: the "soft" facts; and the
# likelihood of persecution while a pattern-or-practice finding stands in for it).
DEFEATING: dict[str, tuple[Any, ...]] = {
    "claim.credible": (False,),
    "asylum.discretion_favorable": (False,),
    "claim.future_fear_unrelated_to_past": (True,),
    "claim.future_persecution": ("none", "reasonable_possibility"),
    "proceedings.reinstated_order": (True,),
    "claim.harm_is_persecution": (False,),
    "claim.government_unable_or_unwilling": (False,),
    "claim.persecutor": ("non_state",),
    "torture.severe_pain_or_suffering": (False,),
    "torture.specific_intent": (False,),
    "torture.in_custody_or_control": (False,),
    "torture.lawful_sanction": (True,),
}


def _defeats(relief: str, fact: str, answer: Any) -> bool:
    if relief == "asylum" and fact == "claim.future_persecution":
        return answer == "none"  # a reasonable possibility is a well-founded fear
    return answer in DEFEATING.get(fact, ())


# How known a fact is: 0 unknown in both, 1 answered only in the completion, 2 known in both.
LEVEL = st.sampled_from((0, 1, 2, 2, 2, 2))


@dataclass(frozen=True)
class Pair:
    """A partial case, a completion of it, and the (generic) facts the completion newly answers."""

    as_of: dt.date
    partial: dict[str, Any]
    completion: dict[str, Any]
    answers: dict[str, Any]
    """Every fact of the completion by generic path (convictions[].x holds a list of values)."""
    newly: frozenset[str]


UNKNOWN, ANSWERED_LATER, KNOWN = 0, 1, 2


def _put(case: dict[str, Any], path: str, value: Any) -> None:
    *sections, key = path.split(".")
    node = case
    for section in sections:
        node = node.setdefault(section, {})
    node[key] = value


@st.composite
def pairs(draw: st.DrawFn, exclude_known_issues: bool = True) -> Pair:
    as_of = draw(st.sampled_from(AS_OF))
    facts: dict[str, list[Any]] = {}  # path -> [level, value]
    for path, strategy in FACTS.items():
        level = draw(LEVEL)
        if level != UNKNOWN:
            value = draw(strategy)
            if path == "asylum.filed_on" and value is not None and value > as_of:
                value = as_of  # an application cannot have been filed after the date of the screening
            facts[path] = [level, value]
    convictions_level = draw(LEVEL)
    items: list[dict[str, list[Any]]] = []
    if convictions_level != UNKNOWN:
        for _ in range(draw(st.integers(0, 3))):
            item = {}
            for key, strategy in CONVICTION_FACTS.items():
                level = draw(LEVEL)
                if level != UNKNOWN:
                    item[key] = [level if convictions_level == KNOWN else ANSWERED_LATER, draw(strategy)]
            items.append(item)
    if exclude_known_issues:
        _exclude_known_issues(facts, items)

    partial: dict[str, Any] = {"withhold": "case/1"}
    completion: dict[str, Any] = {"withhold": "case/1"}
    answers: dict[str, Any] = {}
    newly: set[str] = set()
    for path, (level, value) in facts.items():
        answers[path] = value
        _put(completion, path, value)
        if level == KNOWN:
            _put(partial, path, value)
        else:
            newly.add(path)
    if convictions_level != UNKNOWN:
        completion["convictions"] = [{key: value for key, (_, value) in item.items()} for item in items]
        if convictions_level == KNOWN:
            partial["convictions"] = [
                {key: value for key, (level, value) in item.items() if level == KNOWN} for item in items
            ]
        else:
            newly.add("convictions")
        for item in items:
            for key, (level, value) in item.items():
                answers.setdefault(f"convictions[].{key}", []).append(value)
                if level != KNOWN:
                    newly.add(f"convictions[].{key}")
    return Pair(as_of, partial, completion, answers, frozenset(newly))


def _exclude_known_issues(facts: dict[str, list[Any]], items: list[dict[str, list[Any]]]) -> None:
    """Keep known counterexamples (strict xfail regression tests below) out of the search, so that it goes
    on looking for new ones. There are none open now; a new one goes here together with its xfail test."""


def _generic(path: str) -> str:
    return re.sub(r"\[\d+\]", "[]", path)


def _screen(document: dict[str, Any], as_of: dt.date) -> Screening:
    return screen(validate_case(document), as_of)


def _check(pair: Pair) -> list[str]:
    before = _screen(pair.partial, pair.as_of)
    after = _screen(pair.completion, pair.as_of)
    problems = []
    for relief in RELIEFS:
        was, now = before.statuses[relief], after.statuses[relief]
        if was == now:
            continue
        d = before[relief]
        assumed = {_generic(a.fact) for a in d.assumptions}
        open_facts = {_generic(p) for p in d.missing} | assumed
        if was == "barred":
            problems.append(f"{relief}: barred became {now}")
        elif was == "not_eligible" and now != "barred":
            problems.append(f"{relief}: not_eligible became {now}")
        elif was == "eligible":
            defeated = [f for f in assumed & pair.newly if _defeats(relief, f, pair.answers.get(f))]
            if not defeated:
                problems.append(
                    f"{relief}: eligible became {now}, and no assumed fact ({sorted(assumed)}) was answered "
                    f"against it (newly answered: {sorted(pair.newly)})"
                )
        elif was == "undetermined" and not (open_facts & pair.newly):
            problems.append(
                f"{relief}: undetermined became {now} although none of its missing or assumed facts "
                f"({sorted(open_facts)}) was answered (newly answered: {sorted(pair.newly)})"
            )
    return problems


@settings(max_examples=EXAMPLES, deadline=None)
@given(pairs())
def test_answering_more_facts_never_reverses_a_status(pair: Pair) -> None:
    problems = _check(pair)
    assert not problems, (
        f"law as of {pair.as_of}\npartial: {pair.partial}\ncompletion: {pair.completion}\n"
        + "\n".join(problems)
    )


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(pairs())
def test_missing_facts_are_real_questions(pair: Pair) -> None:
    """What the screening asks for exists in case/1, and only open protections ask for anything."""
    screening = _screen(pair.partial, pair.as_of)
    paths = set(catalogue())
    for relief in RELIEFS:
        d = screening[relief]
        unknown_paths = [p for p in d.missing if _generic(p) not in paths]
        assert not unknown_paths, f"{relief}: missing names facts that case/1 does not have: {unknown_paths}"
        if d.status.value in ("eligible", "barred"):
            assert d.missing == (), f"{relief}: {d.status.value}, yet missing {d.missing}"
        if d.status.value != "undetermined":
            assert d.needs_legal_analysis == (), f"{relief}: {d.status.value} needs no legal analysis"
    asked = {
        p
        for relief in RELIEFS
        if screening.statuses[relief] == "undetermined"
        for p in screening[relief].missing
    }
    assert set(screening.questions) == asked


IDENTITY = st.fixed_dictionaries(
    {},
    optional={
        "person": st.fixed_dictionaries(
            {},
            optional={
                "family_name": st.sampled_from(("Example", "Ficticia", "Muestra")),
                "given_name": st.text(min_size=1, max_size=12),
                "nationality": st.sampled_from(("SV", "GT", "CN", "NO")),
                "date_of_birth": _around(D(2008, 1, 1), D(1990, 6, 1)),
                "sex": st.sampled_from(("male", "female")),
                "stateless": BOOL,
                "languages": st.lists(st.sampled_from(("es", "en", "fr")), unique=True, max_size=2),
            },
        ),
        "notes": st.text(max_size=40),
        "family": st.fixed_dictionaries(
            {},
            optional={
                "spouse": st.fixed_dictionaries(
                    {"given_name": st.just("Ejemplo"), "in_us": BOOL, "included": BOOL}
                ),
                "children": st.lists(
                    st.fixed_dictionaries(
                        {"married": BOOL, "included": BOOL, "date_of_birth": _around(D(2010, 1, 1))}
                    ),
                    max_size=2,
                ),
            },
        ),
    },
)


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(pairs(), IDENTITY)
def test_identity_notes_and_family_never_change_the_screening(pair: Pair, identity: dict[str, Any]) -> None:
    plain = _screen(pair.completion, pair.as_of).to_json()
    dressed = _screen({**pair.completion, **identity}, pair.as_of).to_json()
    assert dressed == plain


# --- counterexamples found, kept as regressions ------------------------------------------------------
# Each was found by the search above (or reduced from what it found). Those fixed in the engine
# (commits 8437bcb, 9eae048) stay as plain regression tests. Those still open are strict expected
# failures, and the search steers around them (`_exclude_known_issues`): when the engine is fixed the
# strict mark turns the pass into a failure, and the mark and the exclusion should then be removed.


def _flatten(document: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in document.items():
        path = f"{prefix}{key}"
        if key == "convictions" and isinstance(value, list):
            flat["convictions"] = len(value)
            for item in value:
                for sub, answer in item.items():
                    flat.setdefault(f"convictions[].{sub}", []).append(answer)
        elif isinstance(value, dict):
            flat.update(_flatten(value, f"{path}."))
        elif key != "withhold":
            flat[path] = value
    return flat


def _pair(as_of: dt.date, partial: dict[str, Any], completion: dict[str, Any]) -> Pair:
    before, after = _flatten(partial), _flatten(completion)
    newly = {path for path, value in after.items() if path not in before or before[path] != value}
    return Pair(as_of, partial, completion, after, frozenset(newly))


def _strong_claim(**changes: Any) -> dict[str, Any]:
    """A strong, timely claim in removal proceedings with every bar ruled out."""
    case: dict[str, Any] = {
        "withhold": "case/1",
        "proceedings": {"kind": "removal", "circuit": "5"},
        "entry": {"last_arrival_date": D(2025, 3, 10), "unaccompanied_child": False,
                  "southwest_border_from_mexico": False},
        "asylum": {"filed_on": D(2025, 9, 1), "previously_denied": False, "safe_third_country_agreement": False,
                   "firmly_resettled": False, "frivolous_finding": False, "discretion_favorable": True},
        "claim": {"country": "SV", "grounds": ["political_opinion"], "harm_is_persecution": True,
                  "persecutor": "government", "nexus": "one_central_reason", "past_persecution": True,
                  "fundamental_change": False, "relocation_reasonable": False, "credible": True},
        "torture": {"likelihood": "none"},
        "conduct": {"persecuted_others": False, "serious_nonpolitical_crime_abroad": False,
                    "danger_to_security": False, "terrorist_activity": False},
        "convictions": [],
    }  # fmt: skip
    for path, value in changes.items():
        section, _, key = path.partition("__")
        node, name = (case[section], key) if key else (case, section)
        if value is None:
            node.pop(name, None)
        else:
            node[name] = value
    return case


def test_regression_one_year_term_letter_with_unknown_sentence() -> None:
    """Found: an (F) aggravated felony with the sentence unknown barred asylum, and a sentence under a year
    answered later lifted the bar. INA 101(a)(43)(F) makes the one-year term part of the definition."""
    conviction = {
        "offense": "assault",
        "final": True,
        "aggravated_felony": "F",
        "particularly_serious": False,
    }
    partial = _strong_claim(convictions=[conviction])
    completion = _strong_claim(convictions=[{**conviction, "sentence_months": 6}])
    problems = _check(_pair(D(2026, 11, 23), partial, completion))
    assert not problems, problems
    before = _screen(partial, D(2026, 11, 23))["asylum"]
    assert before.status.value == "undetermined" and "convictions[0].sentence_months" in before.missing


def test_regression_unknown_filing_date_selects_the_real_id_standard() -> None:
    """Found: with the filing date unknown, the REAL ID "one central reason" standard was applied and a
    nexus of "a reason" was not eligible; a filing before May 11, 2005, answered later, made it eligible
    (REAL ID Act § 101(h)(2) ties the standard to the filing date)."""
    partial = _strong_claim(
        claim__nexus="a_reason", asylum__filed_on=None, entry__last_arrival_date=D(2003, 6, 1)
    )
    completion = _strong_claim(
        claim__nexus="a_reason", asylum__filed_on=D(2004, 1, 15), entry__last_arrival_date=D(2003, 6, 1)
    )
    problems = _check(_pair(D(2026, 11, 23), partial, completion))
    assert not problems, problems
    before = _screen(partial, D(2026, 11, 23))["statutory_withholding"]
    assert before.status.value == "undetermined" and "asylum.filed_on" in before.missing


def test_regression_pattern_or_practice_hides_the_likelihood_question() -> None:
    """Found: a pattern or practice stood in for an unrecorded likelihood of persecution without saying so;
    a likelihood of "none" answered later turned eligible into not eligible through an unlisted fact."""
    partial = _strong_claim(claim__past_persecution=False, claim__pattern_or_practice=True)
    completion = _strong_claim(
        claim__past_persecution=False, claim__pattern_or_practice=True, claim__future_persecution="none"
    )
    problems = _check(_pair(D(2026, 11, 23), partial, completion))
    assert not problems, problems
    before = _screen(partial, D(2026, 11, 23))["statutory_withholding"]
    assert before.status.value == "eligible"
    assert "claim.future_persecution" in {a.fact for a in before.assumptions}


def test_regression_reinstated_order_assumed_absent_in_removal_proceedings() -> None:
    """Found: in removal proceedings an unanswered reinstated_order was taken as "no" without saying so;
    answering "yes" later closed asylum through an unlisted fact (INA 241(a)(5))."""
    partial = _strong_claim()
    completion = _strong_claim(proceedings={"kind": "removal", "circuit": "5", "reinstated_order": True})
    problems = _check(_pair(D(2026, 11, 23), partial, completion))
    assert not problems, problems
    before = _screen(partial, D(2026, 11, 23))["asylum"]
    assert before.status.value == "eligible"
    assert "proceedings.reinstated_order" in {a.fact for a in before.assumptions}


def test_regression_entailed_state_failure_names_the_open_fact() -> None:
    """Found by the search (HYPOTHESIS_PROFILE=explore): the element stood on an unknown persecutor."""
    partial = _strong_claim(claim__persecutor=None, claim__government_unable_or_unwilling=False)
    completion = _strong_claim(claim__persecutor="non_state", claim__government_unable_or_unwilling=False)
    problems = _check(_pair(D(2026, 11, 23), partial, completion))
    assert not problems, problems
