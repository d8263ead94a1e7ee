"""How many questions the interview asks, against a static questionnaire and against the least possible.

For every scoreable precedent (tests/precedents/cases) and N generated complete cases (bench/case_generator.py,
seeded), an interview is simulated and answered from the full case ("I don't know" where the full case
does not know). For each case:

- asked: the questions the planner asked;
- static: a fixed questionnaire's length — every question the screening needs, skipping only the obviously
  inapplicable (conviction details without convictions, the social group's cognizability without a social
  group, a non-state persecutor's control without a non-state persecutor, humanitarian asylum without past
  persecution);
- minimum: the fewest of the case's facts that already fix every status the full case fixes — exact, by
  search over the known facts the full-case trace reads: every fact without which those facts no longer
  suffice must be in any sufficient set (the statuses are monotone in the facts), so the search starts from
  those and adds the others, smallest sets first.

What "fix" means. A status is fixed when no further answer could change it: the same reading the planner
stops on. Merely *reaching* a status is not fixing it: a set of facts can give "not eligible" while an
open bar could still turn it "barred" (the screening format puts "barred" above everything), or give
"eligible" while a finding it assumes could still defeat it; no interview, and no person, could stop there
knowing the status. So the headline minimum is the *final* one: the smallest set after which each status
the full case determines is the full case's and nothing is left open for it but what the full case leaves
open too (facts it does not know either). The statuses the full case fixes are its determined ones; an
undetermined status is not fixed and needs no fact. The "reach" minimum (the status is the full case's,
whatever could still change it) is printed beside it, for comparison with earlier runs.

The interview must end with exactly the full case's statuses (mismatches=0). Printed: the means, the
ratios asked/minimum and asked/static overall and per protection, the worst ten cases, the planning time
(99th percentile, on cases with 60 known facts, against the 20 ms target), and a last line
``asked/minimum=… asked/static=… mismatches=…``.

Two audiences (issue 15). The same cases are interviewed page by page as the **client** (facts a person
can know, the person and their story first, the questions asked of everyone after the story, never a
finding) and as the **attorney** (facts and findings, in the planner's order, after the two facts no result
is final without: the kind of case and the country). For each: questions and pages per interview; for the
client, the position of the first bar question (the first question of the section asked of everyone) and
of the first trauma-heavy one (sensitivity 3), and the judgement questions put to the client (must be 0);
for the attorney, the statuses at the end against the full case's (mismatches must be 0) and the ratio to
the **fair minimum**: the final minimum, with undetermined statuses held to it too (the fewest known facts
after which nothing the full case knows is left open for any status), plus what no interview can skip — each fact that could still
change a status even with everything the full case knows (an undetermined status's missing facts, a
not-eligible one's open bars, an eligible one's assumptions: the interview must ask it, and hears "I
don't know"), and the kind of case and the country, always (no result is final without asking
them, known or not; the minimum is taken with them known where the full case knows them). The client's pages are compared with the questions today's interview
(the single planner, :func:`withhold.interview.simulation.simulate`) asks.

The last line: ``asked/fair_minimum=… asked/static=… client_judgement_questions=… first_bar_position=…
mismatches=…`` (the attorney's ratios; the client's earliest first bar question over all cases; the
attorney's mismatches).

Run: ``uv run python bench/interview_length.py [--cases 1000] [--seed 0]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from case_generator import AS_OF, generate, protection_reads, screening_facts

from withhold.facts.case import Case
from withhold.facts.loading import validate_case
from withhold.facts.paths import generic
from withhold.facts.source import CaseFacts
from withhold.interview.bank import bank, question_for
from withhold.interview.pages import Audience
from withhold.interview.planner import next_question
from withhold.interview.review import BASICS
from withhold.interview.simulation import simulate, simulate_pages
from withhold.law.protections import PROTECTIONS
from withhold.logic.evaluate import Evaluation
from withhold.logic.protection import determine, status_of
from withhold.logic.value import UNKNOWN, V, unknown
from withhold.parameters import load as load_parameters
from withhold.screening import screen

ROOT = Path(__file__).resolve().parents[1]
NAMES = tuple(p.name for p in PROTECTIONS)
SEARCH_LIMIT = 20_000  # subsets tried per case before the minimum is reported as a bound


class MaskedFacts:
    """The full case's facts, with only ``known`` of them visible."""

    def __init__(self, full: CaseFacts, known: frozenset[str]) -> None:
        self.full = full
        self.known = known

    def read(self, path: str) -> V[Any]:
        return self.full.read(path) if path in self.known else unknown(path)


@dataclass
class Row:
    name: str
    asked: int
    static: int
    minimum: int
    final_minimum: int
    exact: bool
    mismatch: bool
    dont_know: int
    asked_for: dict[str, int]
    minimum_for: dict[str, int]
    fair_minimum: int = 0
    attorney_asked: int = 0
    attorney_pages: int = 0
    attorney_mismatch: bool = False
    client_asked: int = 0
    client_pages: int = 0
    client_judgement: int = 0
    first_bar: int | None = None
    first_trauma: int | None = None
    story_before_bars: bool = True


def statuses(full: CaseFacts, known: frozenset[str], as_of: dt.date) -> tuple[str, ...]:
    evaluation = Evaluation(MaskedFacts(full, known), as_of, load_parameters())
    return tuple(status_of(p, evaluation).value for p in PROTECTIONS)


def known_facts(case: Case) -> list[str]:
    """The concrete paths of the screening's facts that the full case knows."""
    facts = CaseFacts(case)
    found = []
    for path in screening_facts():
        if path.startswith("convictions[]."):
            for index in range(len(case.convictions or [])):
                concrete = path.replace("[]", f"[{index}]")
                if facts.read(concrete).known:
                    found.append(concrete)
        elif facts.read(path).known:
            found.append(path)
    return found


def read_facts(case: Case, as_of: dt.date) -> list[str]:
    """The concrete paths of the known facts the full case's trace reads (every rule of every protection)."""
    evaluation = Evaluation(CaseFacts(case), as_of, load_parameters())
    found: dict[str, None] = {}
    for protection in PROTECTIONS:
        for node in determine(protection, evaluation).trace.walk():
            for path, value in node.facts:
                if value is not UNKNOWN:
                    found[path] = None
    return sorted(found)


def minimum(
    case: Case,
    as_of: dt.date,
    want: tuple[str, ...],
    facts: frozenset[str],
    only: tuple[int, ...] | None = None,
    *,
    final: bool = False,
    fair: bool = False,
    given: frozenset[str] = frozenset(),
) -> tuple[int, bool]:
    """The size of the smallest set of the case's known ``facts`` (:func:`read_facts`) that gives every
    status the full case fixes (of ``only`` protections). With ``final``, each of those statuses must
    also be final: nothing missing and nothing assumed, so that no further answer could change it — what
    an interview that must end with exactly the full case's statuses has to establish. With ``fair``, an
    undetermined status is held to the same: nothing the full case knows may be left open for it (an
    interview cannot stop on an undetermined protection before asking what could still change it). Facts
    ``given`` are known in every set tried and not counted (the interview asks them whatever the case)."""
    full = CaseFacts(case)
    final = final or fair
    pick = tuple(
        i for i in (only if only is not None else range(len(NAMES))) if fair or want[i] != "undetermined"
    )
    if not pick:
        return 0, True

    def still_open(evaluation: Evaluation, i: int) -> set[str]:
        found = determine(PROTECTIONS[i], evaluation)
        return set(found.missing) | {a.fact for a in found.assumptions}

    # What stays open even with every known fact: facts the full case does not know either.
    everything = Evaluation(MaskedFacts(full, facts), as_of, load_parameters())
    open_anyway = {i: still_open(everything, i) for i in pick} if final else {}

    facts = facts - given

    def enough(known: frozenset[str]) -> bool:
        evaluation = Evaluation(MaskedFacts(full, known | given), as_of, load_parameters())
        for i in pick:
            if status_of(PROTECTIONS[i], evaluation).value != want[i]:
                return False
            if final and not still_open(evaluation, i) <= open_anyway[i]:
                return False
        return True

    necessary = frozenset(f for f in facts if not enough(facts - {f}))
    if enough(necessary):
        return len(necessary), True
    rest = sorted(facts - necessary)
    tried = 0
    for size in range(1, len(rest) + 1):
        for extra in itertools.combinations(rest, size):
            tried += 1
            if enough(necessary | frozenset(extra)):
                return len(necessary) + size, True
            if tried >= SEARCH_LIMIT:
                return _greedy(facts, enough), False
    return len(facts), True


def _greedy(facts: frozenset[str], enough: Any) -> int:
    current = set(facts)
    for fact in sorted(facts):
        if enough(frozenset(current - {fact})):
            current.discard(fact)
    return len(current)


def open_anyway(case: Case, as_of: dt.date, facts: frozenset[str]) -> set[str]:
    """The facts that could still change a status with everything the full case knows (an undetermined
    one's missing facts, a not-eligible one's open bars, an eligible one's assumptions): an interview
    that may stop must have asked each, and heard "I don't know" (the full case does not know it)."""
    everything = Evaluation(MaskedFacts(CaseFacts(case), facts), as_of, load_parameters())
    found: set[str] = set()
    for protection in PROTECTIONS:
        determined = determine(protection, everything)
        if determined.status.value != "barred":
            found |= set(determined.missing) | {a.fact for a in determined.assumptions}
    return {path for path in found if generic(path) in bank()}


def audiences(row: Row, case: Case, as_of: dt.date, want: tuple[str, ...]) -> None:
    """The client's and the attorney's interviews of ``case`` (see the module's docstring)."""
    attorney = simulate_pages(case, as_of, Audience.ATTORNEY)
    row.attorney_asked = len(attorney.asked)
    row.attorney_pages = len(attorney.pages)
    row.attorney_mismatch = tuple(screen(attorney.final, as_of).statuses[n] for n in NAMES) != want
    client = simulate_pages(case, as_of, Audience.CLIENT)
    asked = client.asked
    row.client_asked = len(asked)
    row.client_pages = len(client.pages)
    row.client_judgement = sum(1 for path in asked if question_for(path).judgement)
    sections = [question_for(path).section for path in asked]
    row.first_bar = next((i + 1 for i, s in enumerate(sections) if s == "everyone"), None)
    row.first_trauma = next((i + 1 for i, p in enumerate(asked) if question_for(p).sensitivity >= 3), None)
    story = [i for i, s in enumerate(sections) if s == "what_happened"]
    row.story_before_bars = not story or row.first_bar is None or max(story) < row.first_bar - 1


def static_length(case: Case) -> int:
    """A fixed questionnaire: every screening question, skipping the obviously inapplicable."""
    claim = case.claim
    count = 0
    for path in screening_facts():
        if path.startswith("convictions[]."):
            count += len(case.convictions or [])
            continue
        if (
            path == "claim.particular_social_group.cognizable"
            and claim.grounds is not None
            and ("particular_social_group" not in claim.grounds)
        ):
            continue
        if path == "claim.government_unable_or_unwilling" and claim.persecutor == "government":
            continue
        if path in ("claim.severe_past_persecution", "claim.other_serious_harm", "claim.fundamental_change",
                    "claim.future_fear_unrelated_to_past") and claim.past_persecution is False:  # fmt: skip
            continue
        count += 1
    return count


def per_protection(
    case: Case, as_of: dt.date, asked: tuple[str, ...], want: tuple[str, ...], facts: frozenset[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """Questions asked that bear on each protection, and its own minimum."""
    asked_for: dict[str, int] = {}
    minimum_for: dict[str, int] = {}
    for index, protection in enumerate(PROTECTIONS):
        reads = protection_reads()[protection.name]
        asked_for[protection.name] = sum(1 for path in asked if generic(path) in reads)
        minimum_for[protection.name] = minimum(case, as_of, want, facts, (index,), final=True)[0]
    return asked_for, minimum_for


def run_case(name: str, case: Case, as_of: dt.date) -> Row:
    want = tuple(screen(case, as_of).statuses[n] for n in NAMES)
    result = simulate(case, as_of)
    got = tuple(screen(result.final, as_of).statuses[n] for n in NAMES)
    facts = frozenset(read_facts(case, as_of))
    least, exact = minimum(case, as_of, want, facts)
    least_final, exact_final = minimum(case, as_of, want, facts, final=True)
    asked_for, minimum_for = per_protection(case, as_of, result.asked, want, facts)
    row = Row(
        name, len(result.asked), static_length(case), least, least_final, exact and exact_final,
        got != want, len(result.dont_know), asked_for, minimum_for,
    )  # fmt: skip
    # The kind of case and the country are asked whatever the case: always counted, and given to the
    # minimum (known to it for free when the full case knows them).
    least_fair, _ = minimum(case, as_of, want, facts, fair=True, given=frozenset(BASICS) & facts)
    row.fair_minimum = least_fair + len(open_anyway(case, as_of, facts)) + len(BASICS)
    audiences(row, case, as_of, want)
    return row


def planning_p99(cases: list[Case]) -> tuple[float, int]:
    """Planning time with 60 known facts: a full case padded with identity and procedure facts, with five
    screening facts taken away so the planner has work to do."""
    timings = []
    for number, case in enumerate(cases):
        document = case.model_dump(mode="json", exclude_unset=True)
        document["person"] = {
            "family_name": "Ficticia", "given_name": "Prueba", "middle_name": "Bench", "other_names": ["P. F."],
            "a_number": "A012345678", "date_of_birth": "1990-01-01", "sex": "female", "country_of_birth": "SV",
            "nationality": "SV", "stateless": False, "languages": ["es"], "religion": "none", "ethnicity": "none",
            "phone": "555-0100", "email": "bench@example.org",
            "address": {"street": "1 Test St", "unit": "1", "city": "Testville", "state": "CA", "zip": "90000"},
        }  # fmt: skip
        document["proceedings"] = {**document.get("proceedings", {}), "court": "Test", "detained": False,
                                   "hearings": [{"kind": "master", "date": "2027-01-05"}]}  # fmt: skip
        document["entry"] = {
            **document.get("entry", {}),
            "place": "Test",
            "inspected": False,
            "status_at_entry": "none",
        }
        for path in sorted(known_facts(case))[number % 7 :: 9][:5]:
            section, _, key = path.partition(".")
            if "[" not in path and "." not in key and isinstance(document.get(section), dict):
                document[section].pop(key, None)
        padded = validate_case(document)
        if _count_known(padded) < 60:
            continue
        next_question(padded, AS_OF)  # warm caches for this case's rules
        for _ in range(5):
            start = time.perf_counter()
            next_question(padded, AS_OF)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return (timings[int(len(timings) * 0.99) - 1] if timings else float("nan")), len(timings)


def _count_known(case: Case) -> int:
    def count(value: Any) -> int:
        if isinstance(value, dict):
            return sum(count(v) for v in value.values())
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return sum(count(v) for v in value)
        return 0 if value is None else 1

    return count(case.model_dump(mode="json", exclude={"interview", "withhold", "law_as_of", "notes"}))


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="generated cases (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    rows: list[Row] = []
    for path in sorted((ROOT / "tests" / "precedents" / "cases").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        case = validate_case(record["case"])
        rows.append(run_case(path.stem, case, case.law_as_of or AS_OF))
    generated = [generate(args.seed + i) for i in range(args.cases)]
    started = time.perf_counter()
    for i, case in enumerate(generated):
        rows.append(run_case(f"generated-{args.seed + i}", case, AS_OF))
    elapsed = time.perf_counter() - started

    asked = statistics.mean(r.asked for r in rows)
    static = statistics.mean(r.static for r in rows)
    least = statistics.mean(r.minimum for r in rows)
    least_final = statistics.mean(r.final_minimum for r in rows)
    mismatches = sum(r.mismatch for r in rows)
    inexact = sum(not r.exact for r in rows)
    print(
        f"cases: {len(rows)} ({len(rows) - len(generated)} precedents, {len(generated)} generated, seed {args.seed})"
    )
    print(
        f"mean questions: asked {asked:.2f}  minimum (final) {least_final:.2f}  minimum (reach) {least:.2f}  "
        f"static {static:.2f}"
    )
    dont_know = statistics.mean(r.dont_know for r in rows)
    print(
        f"of the questions asked, answered 'I don't know' (the full case does not know either): {dont_know:.2f}"
    )
    print(
        f"asked/minimum (reach)={ratio(asked, least):.2f}; answered/minimum (final)="
        f"{ratio(asked - dont_know, least_final):.2f} (questions with an answer, not counting the 'I don't "
        "know' ones no minimum can count)"
    )
    print(f"minimum exact on {len(rows) - inexact} cases; a bound (greedy) on {inexact}")
    print("per protection (questions bearing on it / its own final minimum):")
    for name in NAMES:
        a = statistics.mean(r.asked_for[name] for r in rows)
        m = statistics.mean(r.minimum_for[name] for r in rows)
        print(f"  {name:24s} asked {a:6.2f}  minimum {m:6.2f}  asked/minimum {ratio(a, m):.2f}")
    print("worst ten (asked/minimum):")
    for r in sorted(rows, key=lambda r: -ratio(r.asked, max(r.final_minimum, 1)))[:10]:
        print(
            f"  {r.name:40s} asked {r.asked:3d}  minimum {r.final_minimum:3d}  reach {r.minimum:3d}  "
            f"static {r.static:3d}"
        )
    for r in rows:
        if r.mismatch:
            print(f"MISMATCH: {r.name} (the interview ended with other statuses than the full case)")
    p99, samples = planning_p99(generated[:200])
    print(
        f"planning the next question, 60+ known facts: p99 {p99:.1f} ms over {samples} plans (target 20 ms)"
    )
    print(f"simulated {len(generated)} generated interviews in {elapsed:.1f} s")
    print(
        f"today's interview (one planner, one question a page): asked/minimum={ratio(asked, least_final):.2f}"
    )
    fair = statistics.mean(r.fair_minimum for r in rows)
    attorney = statistics.mean(r.attorney_asked for r in rows)
    attorney_mismatches = sum(r.attorney_mismatch for r in rows)
    print("two audiences:")
    print(
        f"  attorney: questions {attorney:.2f}  pages {statistics.mean(r.attorney_pages for r in rows):.2f}  "
        f"fair minimum {fair:.2f}  asked/fair_minimum {ratio(attorney, fair):.2f}  "
        f"asked/static {ratio(attorney, static):.2f}  mismatches {attorney_mismatches}"
    )
    client_pages = statistics.mean(r.client_pages for r in rows)
    bars = [r.first_bar for r in rows if r.first_bar is not None]
    trauma = [r.first_trauma for r in rows if r.first_trauma is not None]
    judgement = sum(r.client_judgement for r in rows)
    print(
        f"  client: questions {statistics.mean(r.client_asked for r in rows):.2f}  pages {client_pages:.2f}  "
        f"(today's interview asks {asked:.2f} questions: pages/today {ratio(client_pages, asked):.2f})  "
        f"judgement questions {judgement}"
    )
    print(
        f"  client: first bar question at {min(bars) if bars else 'none'} at the earliest, "
        f"{statistics.mean(bars) if bars else float('nan'):.1f} on average; the story before it in "
        f"{sum(r.story_before_bars for r in rows)}/{len(rows)} cases; first trauma-heavy question at "
        f"{min(trauma) if trauma else 'none'} at the earliest (today's interview: the first question is a bar)"
    )
    worse = [r.name for r in rows if r.client_pages > r.asked]
    print(
        f"  client pages above today's questions in {len(worse)} cases" + (f": {worse[:5]}" if worse else "")
    )
    for r in rows:
        if r.attorney_mismatch:
            print(f"MISMATCH (attorney): {r.name}")
    print(
        f"asked/fair_minimum={ratio(attorney, fair):.2f} asked/static={ratio(attorney, static):.2f} "
        f"client_judgement_questions={judgement} first_bar_position={min(bars) if bars else 0} "
        f"mismatches={attorney_mismatches + mismatches}"
    )


if __name__ == "__main__":
    main()
