"""The question bank: one question per fact a rule reads, in English and Spanish side by side.

The bank is package data (``questions.yaml``), read and checked once when first used; nothing else here
does I/O. Each question has its answer kind, a tie-break order, a sensitivity level (neutral before
trauma-heavy when two questions would settle the same thing), whether it asks for a legal judgement
(the practitioner's assessment, or an adjudicator's finding), the question and its help text with the
authority, the labels of its choices, and the message shown for an answer of the wrong form. "I don't
know" (:data:`DONT_KNOW`) is always offered: it records the fact as unknown, and the interview does not
ask it again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from withhold.facts.case import Case
from withhold.facts.paths import FactInfo, catalogue, generic
from withhold.interview.screens import screens
from withhold.language import Language, Localized, read_localized
from withhold.package_data import check_fields, read_yaml

KINDS = ("yes_no", "date", "choice", "choices", "number", "text", "country", "count")
"""Answer kinds; each fact kind of the catalogue has exactly one (see :data:`KIND_OF_FACT`)."""

KIND_OF_FACT = {
    "bool": "yes_no",
    "date": "date",
    "number": "number",
    "choice": "choice",
    "choices": "choices",
    "text": "text",
    "country": "country",
    "list": "count",
}

SENSITIVITIES = range(4)
"""0 neutral (dates, proceedings) · 1 about the claim · 2 about harm suffered · 3 trauma-heavy."""

_FIELDS = (
    "kind",
    "order",
    "sensitivity",
    "judgement",
    "section",
    "group",
    "intake",
    "when",
    "text",
    "help",
    "cites",
    "choices",
    "invalid",
)
_REQUIRED = ("kind", "order", "sensitivity", "judgement", "section", "text", "help", "cites", "invalid")

INTAKES = ("client", "always")
"""When a question is asked though no rule needs its answer yet (see :attr:`Question.intake`)."""

SECTIONS = (
    "about_you",
    "papers",
    "arrival",
    "what_happened",
    "fear",
    "family",
    "everyone",
    "findings",
)
"""The interview's sections in the order a person is asked them (:mod:`withhold.interview.sections` has
their titles): the person and their story first, the questions asked of everyone (bars, criminal history)
after it, and the findings, which only the attorney is asked, last."""


@dataclass(frozen=True)
class Question:
    path: str
    """The generic fact path (``convictions[].final``)."""
    kind: str
    order: int
    sensitivity: int
    judgement: bool
    section: str
    """The section it is asked in (:data:`SECTIONS`); findings are in ``findings``, asked of no client."""
    group: str | None
    """Questions of one group (and, for list items, of one item) are asked together on one page."""
    intake: str | None
    """``client``: asked of the client for the case record (the I-589, the reports) even when no rule can
    use the answer yet; ``always``: asked of every audience while unknown (what kind of case, which
    country: no result is final without them); None: asked only while an answer could change a status."""
    when: tuple[tuple[str, tuple[Any, ...]], ...]
    """Asked only when each of these facts has one of these values (``proceedings.kind`` in court)."""
    text: Localized
    help: Localized
    """Why we ask, in plain words: the client reads it (no citation)."""
    cites: str
    """The authority for the question, a line for the lawyer only (attorneys' screens and reports)."""
    choices: dict[str, Localized]
    """For ``choice`` and ``choices``: each value of the fact with its label, in the catalogue's order."""
    invalid: Localized

    def render(self, language: Language, item: int | None = None, offense: str | None = None) -> str:
        """The question text, with ``{n}`` the number of the item (``item`` is the 0-based index of a
        concrete path, so ``convictions[2]`` is conviction 3) and ``{offense}`` the offense as named.
        Without an offense, a ``({offense})`` aside is left out; without an item, the number is."""
        return fill(self.text.get(language), language, item, offense)


UI: dict[str, Localized] = screens()["shared"]
"""The words both faces of the interview show (``screens.yaml``)."""
DONT_KNOW = UI["dont_know"]
"""Interface strings of the interview that both faces (terminal and browser) show, each face adding its
own; ``progress`` takes ``{answered}`` and ``{remaining}``. ``in_english`` follows a heading whose content
(the screening's result) is in English only; in English it is empty. A wrong answer's message is each
question's own ``invalid`` text."""

_UNNAMED_CONVICTION = Localized(en="conviction {n}", es="condena {n}")
"""What stands for a bare ``{offense}`` when the offense is not known."""


def fill(text: str, language: Language, item: int | None = None, offense: str | None = None) -> str:
    """Fill ``{n}`` and ``{offense}`` in a text. Values are inserted literally (an offense named with
    braces cannot inject a placeholder)."""
    named = offense.strip() if offense else ""
    if not named:
        text = re.sub(r"\s*\(\{offense\}\)", "", text)
        text = text.replace("{offense}", _UNNAMED_CONVICTION.get(language))
    number = "" if item is None else str(item + 1)
    if item is None:
        text = text.replace(" {n}", "")
    text = text.replace("{n}", number)
    return text.replace("{offense}", named)


def item_index(path: str) -> int | None:
    """The (first) item index in a concrete path: ``convictions[2].final`` → 2; None without one."""
    found = re.search(r"\[(\d+)\]", path)
    return int(found.group(1)) if found else None


@cache
def bank() -> dict[str, Question]:
    """Every question, keyed by generic fact path, in the case format's order (read once; the file itself
    is free to group its entries as a reviewer reads them)."""
    order = {path: position for position, path in enumerate(catalogue())}
    questions = parse(read_yaml("withhold.interview", "questions.yaml"))
    return dict(sorted(questions.items(), key=lambda item: order[item[0]]))


def question_for(path: str) -> Question:
    """The question for a fact path, generic or concrete (``convictions[2].final``)."""
    key = generic(path)
    try:
        return bank()[key]
    except KeyError:
        raise KeyError(f"no question for {path!r} in the question bank") from None


def question_text(case: Case, path: str, language: Language) -> str:
    """The question for a concrete path, numbered for an item and naming the offense of a conviction."""
    item = item_index(path)
    offense = None
    if item is not None and path.startswith("convictions[") and item < len(case.convictions or []):
        offense = (case.convictions or [])[item].offense
    return question_for(path).render(language, item, offense)


# --- loading and checking --------------------------------------------------------------------------


def parse(raw: Any, facts: Mapping[str, FactInfo] | None = None) -> dict[str, Question]:
    """Check a question bank read from YAML and build its questions. Raises ``ValueError`` listing every
    problem as ``path: field: what is wrong`` (a missing translation, an unknown kind, choices that do
    not match the fact's, a path that is not a fact of ``case/1``)."""
    known = catalogue() if facts is None else facts
    if not isinstance(raw, dict):
        raise ValueError("question bank: expected a mapping of fact paths to questions")
    problems: list[str] = []
    questions: dict[str, Question] = {}
    orders: dict[int, str] = {}
    for path, body in raw.items():
        before = len(problems)
        question = _question(str(path), body, known, problems)
        if question is None or len(problems) > before:
            continue
        if question.order in orders:
            problems.append(f"{path}: order: {question.order} is already used by {orders[question.order]}")
            continue
        orders[question.order] = question.path
        questions[question.path] = question
    if problems:
        raise ValueError("question bank is not valid:\n  " + "\n  ".join(problems))
    return questions


def _question(path: str, body: Any, facts: Mapping[str, FactInfo], problems: list[str]) -> Question | None:
    info = facts.get(path)
    if info is None:
        problems.append(f"{path}: not a fact path of case/1")
        return None
    if not check_fields(path, body, allowed=_FIELDS, required=_REQUIRED, problems=problems):
        return None
    kind = body.get("kind")
    if kind not in KINDS:
        problems.append(f"{path}: kind: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    elif kind != KIND_OF_FACT.get(info.kind):
        problems.append(
            f"{path}: kind: {kind!r} does not fit a {info.kind} fact (expected {KIND_OF_FACT.get(info.kind)!r})"
        )
    order = _integer(path, "order", body.get("order"), problems)
    sensitivity = _integer(path, "sensitivity", body.get("sensitivity"), problems)
    if sensitivity is not None and sensitivity not in SENSITIVITIES:
        problems.append(f"{path}: sensitivity: {sensitivity} is not between 0 and 3")
    judgement = body.get("judgement")
    if not isinstance(judgement, bool):
        problems.append(f"{path}: judgement: expected true or false")
    elif judgement != info.finding:
        problems.append(f"{path}: judgement: must be {str(info.finding).lower()}, as the fact's finding flag")
    text = read_localized(
        f"{path}: text", body.get("text"), problems, placeholders_allowed=_placeholders(path)
    )
    help_text = read_localized(f"{path}: help", body.get("help"), problems)
    cites = body.get("cites")
    if not isinstance(cites, str):
        problems.append(f"{path}: cites: expected the authorities as one line (empty if none)")
    invalid = read_localized(f"{path}: invalid", body.get("invalid"), problems)
    choices = _choices(path, kind, body.get("choices"), info, problems)
    section = body.get("section")
    if section not in SECTIONS:
        problems.append(f"{path}: section: {section!r} is not one of {', '.join(SECTIONS)}")
    elif (section == "findings") != info.finding:
        problems.append(f"{path}: section: findings, and only findings, go in the findings section")
    group = body.get("group")
    if group is not None and (not isinstance(group, str) or not group):
        problems.append(f"{path}: group: expected a name")
    intake = body.get("intake")
    if intake not in (None, *INTAKES):
        problems.append(f"{path}: intake: expected one of {', '.join(INTAKES)}")
    when = _when(path, body.get("when"), facts, problems)
    if (
        order is None
        or sensitivity is None
        or not isinstance(judgement, bool)
        or text is None
        or help_text is None
        or not isinstance(cites, str)
        or invalid is None
        or choices is None
        or when is None
        or section not in SECTIONS
    ):
        return None
    return Question(
        path,
        str(kind),
        order,
        sensitivity,
        judgement,
        str(section),
        group if isinstance(group, str) and group else None,
        intake if intake in INTAKES else None,
        when,
        text,
        help_text,
        " ".join(cites.split()),
        choices,
        invalid,
    )


def _when(
    path: str, value: Any, facts: Mapping[str, FactInfo], problems: list[str]
) -> tuple[tuple[str, tuple[Any, ...]], ...] | None:
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        problems.append(f"{path}: when: expected a mapping of fact paths to the values that let it be asked")
        return None
    found: list[tuple[str, tuple[Any, ...]]] = []
    for fact, values in value.items():
        if fact not in facts:
            problems.append(f"{path}: when: {fact!r} is not a fact path of case/1")
            return None
        if not isinstance(values, list) or not values:
            problems.append(f"{path}: when: {fact}: expected a list of values")
            return None
        found.append((str(fact), tuple(values)))
    return tuple(found)


def _integer(path: str, name: str, value: Any, problems: list[str]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"{path}: {name}: expected a whole number, got {value!r}")
        return None
    return value


def _choices(
    path: str, kind: Any, value: Any, info: FactInfo, problems: list[str]
) -> dict[str, Localized] | None:
    if kind not in ("choice", "choices"):
        if value:
            problems.append(f"{path}: choices: a {kind} question has no choices")
            return None
        return {}
    if not isinstance(value, dict):
        problems.append(f"{path}: choices: expected a mapping of the fact's values to labels")
        return None
    labelled = {str(key): label for key, label in value.items()}  # `1:` unquoted reads as a number
    given = list(labelled)
    if set(given) != set(info.choices) or len(value) != len(info.choices):
        missing = [c for c in info.choices if c not in given]
        extra = [c for c in given if c not in info.choices]
        problems.append(
            f"{path}: choices: must be exactly the fact's values {list(info.choices)}"
            + (f"; missing {missing}" if missing else "")
            + (f"; not values of the fact {extra}" if extra else "")
        )
        return None
    labels: dict[str, Localized] = {}
    for key in info.choices:
        label = read_localized(f"{path}: choices.{key}", labelled[key], problems)
        if label is None:
            return None
        labels[key] = label
    return labels


def _placeholders(path: str) -> frozenset[str]:
    """What a question text may hold (:func:`fill` fills them): per-item questions may number their item,
    and convictions name the offense. Help, messages and labels are shown as written, so they hold none."""
    if "[]" not in path:
        return frozenset()
    return frozenset({"n", "offense"}) if path.startswith("convictions[]") else frozenset({"n"})
