"""The findings review: what the attorney assesses after the client's intake, and what a status still
waits for.

A client is never asked a finding (:mod:`withhold.interview.pages`). After the intake, each finding a
status depends on is put to the attorney with, beside it, the client's own answers that bear on it
(``bearing.yaml``) and, where the law lets those answers point it one way, the suggestion of the law's
rule for it (:mod:`withhold.law.findings.suggestions`), marked as a suggestion: it is not a fact of the
case until the attorney confirms it. A status that depends on a finding the attorney has not reviewed
says "needs your assessment", never a final answer; and no status is final while the country of feared
harm or the kind of proceeding is unknown (protection is decided for one country, in one forum).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, RootModel, model_validator

from withhold.facts.case import Case
from withhold.facts.loading import validate_case
from withhold.facts.paths import catalogue, generic
from withhold.facts.source import CaseFacts
from withhold.interview.answers import document_of, with_answer, without_answer
from withhold.interview.bank import Question, item_index, question_for
from withhold.interview.pages import concrete_paths
from withhold.law.findings.suggestions import SUGGESTIONS
from withhold.law.protections import PROTECTIONS
from withhold.logic.evaluate import Evaluation, concrete
from withhold.logic.protection import Status, open_facts
from withhold.logic.rule import Rule
from withhold.logic.value import V
from withhold.package_data import read_model
from withhold.parameters import load as load_parameters

BASICS = ("claim.country", "proceedings.kind")
"""Without these no status is final: protection is decided for one country of removal, in one forum."""


@dataclass(frozen=True)
class Suggestion:
    value: Any
    """The value the law's rule suggests for the finding."""
    rule: Rule
    """The rule that suggests it (its title, citations and caveat say why and how far)."""
    because: tuple[tuple[str, Any], ...]
    """The client's answers it rests on: (concrete fact path, value)."""


@dataclass(frozen=True)
class FindingToReview:
    path: str
    """The concrete finding path (``convictions[0].particularly_serious``)."""
    question: Question
    protections: tuple[str, ...]
    """The protections whose status an assessment could still change."""
    value: V[Any]
    """What the case records now (unknown until assessed)."""
    reviewed: bool
    """The attorney has reviewed it (confirmed a value, or left it open on purpose)."""
    bearing: tuple[tuple[str, Any], ...]
    """The client's known answers that bear on it: (concrete fact path, value)."""
    suggestion: Suggestion | None


@dataclass(frozen=True)
class Standing:
    """A protection's status as the interview may show it."""

    protection: str
    status: Status
    needs_assessment: tuple[str, ...]
    """Findings it depends on that the attorney has not reviewed: the status is not final."""
    unknown_basics: tuple[str, ...]
    """Of :data:`BASICS`, those still unknown: the status is not final."""

    @property
    def final(self) -> bool:
        return not self.needs_assessment and not self.unknown_basics


def _a_finding(path: str) -> str:
    if not _is_finding(path):
        raise ValueError("not a finding of case/1")
    return path


def _a_fact(path: str) -> str:
    if path not in catalogue():
        raise ValueError(f"{path}: not a fact path of case/1")
    return path


class BearingFile(
    RootModel[
        dict[Annotated[str, AfterValidator(_a_finding)], list[Annotated[str, AfterValidator(_a_fact)]] | None]
    ]
):
    """``bearing.yaml``: for each finding of ``case/1``, every one listed, the fact paths that bear on it."""

    @model_validator(mode="after")
    def _every_finding_listed(self) -> BearingFile:
        facts = catalogue()
        missing = [path for path in facts if facts[path].finding and path not in self.root]
        if missing:
            raise ValueError("no bearing answers listed for " + ", ".join(missing))
        return self


@cache
def bearing() -> dict[str, tuple[str, ...]]:
    """Each finding's bearing answers (generic paths), checked against the catalogue once."""
    read = read_model(BearingFile, "withhold.interview", "bearing.yaml")
    return {finding: tuple(paths or ()) for finding, paths in read.root.items()}


def _is_finding(path: str) -> bool:
    info = catalogue().get(path)
    return info is not None and info.finding


def reviewed_of(case: Case) -> set[str]:
    return set(case.interview.reviewed or ())


def findings_to_review(case: Case, as_of: dt.date) -> list[FindingToReview]:
    """Every finding a status depends on (unknown, or assumed by an "eligible"), and every finding the
    case records that the attorney has not reviewed, in the bank's order."""
    facts = CaseFacts(case)
    evaluation = Evaluation(facts, as_of, load_parameters())
    reviewed = reviewed_of(case)
    bearing_on: dict[str, set[str]] = {}
    for protection in PROTECTIONS:
        status, paths, _ = open_facts(protection, evaluation)
        if status is Status.BARRED:
            continue
        for path in paths:
            if _is_finding(generic(path)):
                bearing_on.setdefault(path, set()).add(protection.name)
    for path in _recorded_findings(case):
        if path not in reviewed:
            bearing_on.setdefault(path, set())
    found = [
        FindingToReview(
            path,
            question_for(path),
            tuple(sorted(names)),
            facts.read(path),
            path in reviewed,
            _known(facts, path, bearing().get(generic(path), ())),
            _suggestion(evaluation, facts, path),
        )
        for path, names in bearing_on.items()
    ]
    return sorted(found, key=lambda item: (item.question.order, item.path))


def _recorded_findings(case: Case) -> list[str]:
    """The concrete paths of the findings the case records."""
    facts = CaseFacts(case)
    found: list[str] = []
    for path, info in catalogue().items():
        if not info.finding:
            continue
        for concrete_path in concrete_paths(path, facts):
            if facts.read(concrete_path).known:
                found.append(concrete_path)
    return found


def _known(facts: CaseFacts, finding: str, paths: Iterable[str]) -> tuple[tuple[str, Any], ...]:
    """The known values of ``paths`` (generic), made concrete for the finding's item."""
    item = item_index(finding)
    found: list[tuple[str, Any]] = []
    for path in paths:
        for concrete_path in concrete_paths(concrete(path, item) if item is not None else path, facts):
            try:
                value = facts.read(concrete_path)
            except KeyError:
                continue
            if value.known:
                found.append((concrete_path, value.value))
    return tuple(found)


def _suggestion(evaluation: Evaluation, facts: CaseFacts, path: str) -> Suggestion | None:
    for suggesting in SUGGESTIONS.get(generic(path), ()):
        value, _ = evaluation.evaluate(suggesting, item_index(path))
        if value.known:
            return Suggestion(value.value, suggesting, _known(facts, path, suggesting.reads))
    return None


def standings(case: Case, as_of: dt.date) -> list[Standing]:
    """Each protection's status, with what keeps it from being final."""
    facts = CaseFacts(case)
    evaluation = Evaluation(facts, as_of, load_parameters())
    reviewed = reviewed_of(case)
    missing_basics = tuple(path for path in BASICS if not facts.read(path).known)
    found: list[Standing] = []
    for protection in PROTECTIONS:
        status, paths, _ = open_facts(protection, evaluation)
        waiting: tuple[str, ...] = ()
        if status in (Status.UNDETERMINED, Status.ELIGIBLE):
            waiting = tuple(sorted(p for p in paths if _is_finding(generic(p)) and p not in reviewed))
        basics = missing_basics if status is not Status.BARRED else ()
        found.append(Standing(protection.name, status, waiting, basics))
    return found


def reviewed(case: Case, path: str, value: Any) -> Case:
    """The case after the attorney's review of the finding ``path``: ``value`` recorded (None leaves it
    open on purpose), and the finding listed as reviewed. Raises ``CaseFileError`` when the value does
    not fit the case file."""
    if not _is_finding(generic(path)):
        raise KeyError(f"{path} is not a finding")
    return marked_reviewed(
        without_answer(case, path) if value is None else with_answer(case, path, value), path
    )


def marked_reviewed(case: Case, path: str) -> Case:
    """The case with the finding ``path`` listed as reviewed by the attorney (its value as it is)."""
    document = document_of(case)
    record = dict(document.get("interview") or {})
    record["reviewed"] = sorted({*(record.get("reviewed") or ()), path})
    document["interview"] = record
    return validate_case(document)
