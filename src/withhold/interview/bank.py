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
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from withhold.facts.case import Case
from withhold.facts.paths import FactInfo, catalogue, generic
from withhold.interview.screens import screens
from withhold.language import Language, Localized, LocalizedText, filled_by, placeholder_problems
from withhold.package_data import validated

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
    from importlib import resources

    order = {path: position for position, path in enumerate(catalogue())}
    text = resources.files("withhold.interview").joinpath("questions.yaml").read_text(encoding="utf-8")
    questions = parse(text)
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


# --- the file, declared ---------------------------------------------------------------------------

FILE = "withhold/interview/questions.yaml"

Shown = Annotated[LocalizedText, filled_by()]
"""A text shown as written (help, a message, a choice's label): no placeholder."""


class _Key(str):
    """An entry's key (its fact path), handed to the entry as its ``path`` (:meth:`QuestionBank.keyed`):
    a ``path`` field written in the file is not one."""


def _facts(info: ValidationInfo) -> Mapping[str, FactInfo]:
    facts: Mapping[str, FactInfo] = (info.context or {}).get("facts") or catalogue()
    return facts


def _fact(info: ValidationInfo) -> FactInfo | None:
    """The catalogue's entry for the question being read (None when its path is not a fact: said once,
    by :class:`QuestionBank`)."""
    path = info.data.get("path")
    return None if path is None else _facts(info).get(path)


class QuestionEntry(BaseModel):
    """One entry of ``questions.yaml``; the fields are checked in this order, each against the fact the
    entry's key names (``facts`` in the validation context; the catalogue of ``case/1`` without it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str
    kind: StrictStr
    order: StrictInt
    sensitivity: StrictInt
    judgement: StrictBool
    section: StrictStr
    group: Annotated[StrictStr, Field(min_length=1)] | None = None
    intake: Literal["client", "always"] | None = None
    when: dict[str, Annotated[list[Any], Field(min_length=1)]] | None = None
    text: LocalizedText
    help: Shown
    cites: StrictStr
    choices: dict[str, Shown] | None = None
    invalid: Shown

    @field_validator("path", mode="before")
    @classmethod
    def _from_key(cls, value: Any) -> Any:
        if not isinstance(value, _Key):
            raise ValueError("unknown field (the entry's key is its fact path)")
        return str(value)

    @field_validator("kind")
    @classmethod
    def _kind_fits_the_fact(cls, kind: str, info: ValidationInfo) -> str:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        fact = _fact(info)
        if fact is not None and kind != KIND_OF_FACT.get(fact.kind):
            raise ValueError(
                f"{kind!r} does not fit a {fact.kind} fact (expected {KIND_OF_FACT.get(fact.kind)!r})"
            )
        return kind

    @field_validator("order")
    @classmethod
    def _order_once(cls, order: int, info: ValidationInfo) -> int:
        # Each reading has its own context (read_model and validated copy it): the orders seen so far.
        seen: dict[int, str] = (info.context if info.context is not None else {}).setdefault("orders", {})
        path = info.data.get("path", "")
        if seen.setdefault(order, path) != path:
            raise ValueError(f"{order} is already used by {seen[order]}")
        return order

    @field_validator("sensitivity")
    @classmethod
    def _sensitivity(cls, sensitivity: int) -> int:
        if sensitivity not in SENSITIVITIES:
            raise ValueError(f"{sensitivity} is not between 0 and 3")
        return sensitivity

    @field_validator("judgement")
    @classmethod
    def _judgement_is_the_finding_flag(cls, judgement: bool, info: ValidationInfo) -> bool:
        fact = _fact(info)
        if fact is not None and judgement != fact.finding:
            raise ValueError(f"must be {str(fact.finding).lower()}, as the fact's finding flag")
        return judgement

    @field_validator("section")
    @classmethod
    def _section(cls, section: str, info: ValidationInfo) -> str:
        if section not in SECTIONS:
            raise ValueError(f"{section!r} is not one of {', '.join(SECTIONS)}")
        fact = _fact(info)
        if fact is not None and (section == "findings") != fact.finding:
            raise ValueError("findings, and only findings, go in the findings section")
        return section

    @field_validator("when")
    @classmethod
    def _when_names_facts(
        cls, when: dict[str, list[Any]] | None, info: ValidationInfo
    ) -> dict[str, list[Any]] | None:
        if when is not None and not when:
            raise ValueError("expected a mapping of fact paths to the values that let it be asked")
        for fact in when or {}:
            if fact not in _facts(info):
                raise ValueError(f"{fact!r} is not a fact path of case/1")
        return when

    @field_validator("text")
    @classmethod
    def _text_placeholders(cls, text: Localized, info: ValidationInfo) -> Localized:
        problems = placeholder_problems(text, _placeholders(info.data.get("path", "")))
        if problems:
            raise ValueError("; ".join(problems))
        return text

    @field_validator("choices", mode="before")
    @classmethod
    def _choice_keys_as_text(cls, value: Any) -> Any:
        # `1:` unquoted reads as a number: the fact's values are text.
        return {str(key): label for key, label in value.items()} if isinstance(value, dict) else value

    @field_validator("choices")
    @classmethod
    def _choices_are_the_facts(
        cls, choices: dict[str, Localized] | None, info: ValidationInfo
    ) -> dict[str, Localized] | None:
        kind, fact = info.data.get("kind"), _fact(info)
        if kind is None or fact is None:
            return choices
        if kind not in ("choice", "choices"):
            if choices:
                raise ValueError(f"a {kind} question has no choices")
            return choices
        given = list(choices or {})
        if set(given) != set(fact.choices) or len(given) != len(fact.choices):
            missing = [c for c in fact.choices if c not in given]
            extra = [c for c in given if c not in fact.choices]
            raise ValueError(
                f"must be exactly the fact's values {list(fact.choices)}"
                + (f"; missing {missing}" if missing else "")
                + (f"; not values of the fact {extra}" if extra else "")
            )
        labels = choices or {}
        return {key: labels[key] for key in fact.choices}  # in the catalogue's order

    def question(self) -> Question:
        return Question(
            self.path,
            self.kind,
            self.order,
            self.sensitivity,
            self.judgement,
            self.section,
            self.group,
            self.intake,
            tuple((fact, tuple(values)) for fact, values in (self.when or {}).items()),
            self.text,
            self.help,
            " ".join(self.cites.split()),
            dict(self.choices or {}),
            self.invalid,
        )


def _a_fact(path: str, info: ValidationInfo) -> str:
    if path not in _facts(info):
        raise ValueError("not a fact path of case/1")
    return path


class QuestionBank(RootModel[dict[Annotated[str, AfterValidator(_a_fact)], QuestionEntry]]):
    """``questions.yaml``: a question for each fact path (its key) of ``case/1``."""

    @model_validator(mode="before")
    @classmethod
    def keyed(cls, raw: Any) -> Any:
        """Each entry gets its key as its ``path``, so its fields are checked against that fact."""
        if not isinstance(raw, dict):
            return raw
        return {
            key: {"path": _Key(key), **body} if isinstance(body, dict) else body for key, body in raw.items()
        }


def parse(text: str, facts: Mapping[str, FactInfo] | None = None) -> dict[str, Question]:
    """A question bank's YAML ``text`` checked and its questions built. Raises :class:`DataFileError`
    listing every problem as ``path: field: what is wrong (line N)`` (a missing translation, an unknown
    kind, choices that do not match the fact's, a path that is not a fact of ``case/1``)."""
    context = {"facts": catalogue() if facts is None else facts}
    read = validated(QuestionBank, text, FILE, context=context)
    return {path: entry.question() for path, entry in read.root.items()}


def _placeholders(path: str) -> frozenset[str]:
    """What a question text may hold (:func:`fill` fills them): per-item questions may number their item,
    and convictions name the offense. Help, messages and labels are shown as written, so they hold none."""
    if "[]" not in path:
        return frozenset()
    return frozenset({"n", "offense"}) if path.startswith("convictions[]") else frozenset({"n"})
