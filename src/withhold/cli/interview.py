"""The guided interview in a terminal: one question at a time, saved after every answer.

Plain lines in, Rich text out, no full-screen interface: a person types an answer and presses Enter, and a
program can drive the same session through a pseudo-terminal line by line. The planner (core) chooses each
question; this module shows it, reads the reply (:mod:`withhold.interview.typed_answer`), puts the answer into
the case (core), and writes the case file atomically before the next question, so Ctrl-C, end of input or a
crash loses nothing already answered. What was asked and which answers were "I don't know" are kept in the
case file's ``interview`` record, so a resumed interview goes on where it stopped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from withhold.cli.calendar_file import write_atomically
from withhold.cli.console import show
from withhold.cli.errors import UserError
from withhold.cli.files import STDIN, load_case, syntax_of
from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError, validate_case
from withhold.interview.answers import (
    answered,
    answered_dont_know,
    asked_of,
    back,
    document_of,
    recorded,
)
from withhold.interview.bank import DONT_KNOW, UI, Question, question_for, question_text
from withhold.interview.planner import Plan, next_question
from withhold.interview.refusals import AnswerRefusedError
from withhold.interview.typed_answer import (
    BACK_KEY,
    DONT_KNOW_KEY,
    HELP_KEY,
    NOT_FILED_KEY,
    NOT_FILED_PATH,
    Answer,
    Back,
    DontKnow,
    Help,
    Invalid,
    parse_answer,
)
from withhold.language import LANGUAGES, Language, Localized

OUT_OPTION = "--out"
INTERRUPTED = 130
"""The exit code of a program stopped by Ctrl-C (128 + SIGINT); also used at end of input."""

PROMPT = "> "

TEXTS: dict[str, Localized] = {
    "title": Localized(en="Withhold guided interview — {name}", es="Entrevista guiada de Withhold — {name}"),
    "disclaimer": Localized(
        en="Decision support, not legal advice. Each answer is saved in {path} as soon as you give it.",
        es="Apoyo para tomar decisiones, no asesoría legal. Cada respuesta se guarda en {path} en cuanto "
        "la da.",
    ),
    "resumed": Localized(
        en="Going on from where you stopped: {answered} already answered.",
        es="Seguimos donde lo dejó: {answered} ya respondidas.",
    ),
    "yes_key": Localized(en="y", es="s"),
    "no_key": Localized(en="n", es="n"),
    "file": Localized(en="File: {path}", es="Archivo: {path}"),
}
"""Interface strings of the terminal that the question bank's :data:`UI` does not have."""


def text(key: str, language: Language, **values: object) -> str:
    found = UI[key] if key in UI else TEXTS[key]
    wording = found.get(language)
    return wording.format(**values) if values else wording


# --- starting: which file, which case, which language ---------------------------------------------


@dataclass(frozen=True)
class Start:
    case: Case
    target: str
    """Where the answers are saved."""
    language: Language
    option: str = OUT_OPTION
    """What errors in saving name: ``--out``, or ``CASE`` when the answers go into the case file itself."""


def language_of(option: str | None, recorded: str | None) -> Language:
    """``--lang``, else the language the case file's interview was held in, else English."""
    chosen = (option if option is not None else recorded or "en").strip().lower()
    for language in LANGUAGES:
        if chosen == language:
            return language
    if option is not None:
        raise UserError(f"--lang must be one of {', '.join(LANGUAGES)}; got {option!r}")
    return "en"


def start(case_file: str | None, out: str | None, lang: str | None) -> Start:
    """Read the case to start from (CASE, else an existing ``--out`` file, else an empty case), decide where
    to save and in which language, and make sure the answers can be saved before the first question.

    A different file that already exists is never overwritten from CASE (it may hold another interview's
    answers): resume it by giving it as CASE, or choose another ``--out``."""
    if case_file == STDIN or out == STDIN:
        raise UserError("the interview reads your answers from the terminal: give a case file, not -")
    if case_file is None and out is None:
        raise UserError("give a CASE to resume or --out FILE to save to")
    if lang is not None:
        language_of(lang, None)  # a wrong --lang is reported before any file is read
    if case_file is not None and out is not None and not _same_file(case_file, out) and Path(out).exists():
        raise UserError(
            f"--out {out} already exists: to go on with it, run `withhold interview {out}`; "
            "to start again from CASE, give another --out file"
        )
    if case_file is not None:
        case = load_case(case_file)
    elif out is not None and Path(out).exists():
        case = load_case(out)
    else:
        case = validate_case({"withhold": "case/1"})
    language = language_of(lang, case.interview.language)
    if out is None:
        assert case_file is not None
        found = Start(recorded(case, language=language), case_file, language, option="CASE")
    else:
        found = Start(recorded(case, language=language), out, language)
    if Path(found.target).exists():
        if not os.access(Path(found.target).resolve().parent, os.W_OK):
            raise UserError(f"{found.option}: cannot write {found.target}: permission denied")
    else:
        save(found)
    return found


def _same_file(first: str, second: str) -> bool:
    try:
        return Path(first).resolve() == Path(second).resolve()
    except OSError:
        return first == second


# --- the interview record and saving ----------------------------------------------------------------


def serialized(case: Case, target: str) -> bytes:
    """The case file's text: JSON for a ``.json`` file, else YAML; ``withhold: case/1`` first."""
    document = document_of(case)
    ordered: dict[str, Any] = {"withhold": document.pop("withhold", "case/1"), **document}
    if syntax_of(target) == "json":
        return (json.dumps(ordered, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    dumped = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return dumped.encode("utf-8")


def save(begun: Start, case: Case | None = None) -> None:
    """Write ``case`` (by default the starting one) to the file the answers go to, atomically."""
    chosen = begun.case if case is None else case
    write_atomically(begun.target, serialized(chosen, begun.target), option=begun.option)


# --- one question on the screen -----------------------------------------------------------------------


def options(question: Question, language: Language) -> list[tuple[str, str]]:
    """The answers to show, each as (what to type, what it means)."""
    if question.kind == "yes_no":
        return [
            (text("yes_key", language), text("yes", language)),
            (text("no_key", language), text("no", language)),
        ]
    if question.kind in ("choice", "choices"):
        return [
            (str(number), label.get(language)) for number, label in enumerate(question.choices.values(), 1)
        ]
    if question.path == NOT_FILED_PATH:
        return [(NOT_FILED_KEY, text("not_filed_yet", language))]
    return []


def hint(question: Question, language: Language) -> str | None:
    """A line on the form of the answer, where the options do not say it."""
    if question.kind == "choices":
        return text("choose_several", language)
    if question.kind in ("date", "number", "count", "text", "country"):
        return question.invalid.get(language)
    return None


def keys(language: Language) -> str:
    return (
        f"{HELP_KEY} {text('help', language)}   ·   {BACK_KEY} {text('back', language)}   ·   "
        f"{DONT_KNOW_KEY} {DONT_KNOW.get(language)}"
    )


def show_question(console: Console, case: Case, plan: Plan, language: Language) -> None:
    """The progress line, the question, its note, its answers and the keys; the prompt comes after."""
    question = question_for(plan.path)
    parts: list[RenderableType] = [
        Text(),
        Text(text("progress", language, answered=len(asked_of(case)), remaining=plan.remaining), style="dim"),
        Text(question_text(case, plan.path, language), style="bold"),
    ]
    if question.judgement:
        parts.append(Text(text("judgement_note", language), style="italic"))
    shown = options(question, language)
    if shown:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", no_wrap=True, style="bold cyan")
        table.add_column(overflow="fold", ratio=1)  # a long label wraps under itself
        for key, label in shown:
            table.add_row(key, label)
        parts.append(Padding(table, (0, 0, 0, 2)))
    about = hint(question, language)
    if about:
        parts.append(Padding(Text(about), (0, 0, 0, 2)))
    parts.append(Text(keys(language), style="dim"))
    show(Group(*parts), console)


# --- the loop ---------------------------------------------------------------------------------------


class StoppedError(Exception):
    """Ctrl-C or the end of input: the answers given so far are saved."""


def ask(console: Console, case: Case, plan: Plan, begun: Start, today: dt.date | None = None) -> Case:
    """Ask one question until it has a reply; return the case after it (answered, "I don't know", or one
    step back), already saved. An answer that contradicts the case (or ``today``, the day counted from) is
    refused with the reason, and the question asked again."""
    question = question_for(plan.path)
    language = begun.language
    while True:
        line = console.input(PROMPT)
        reply = parse_answer(line, question, language)
        if isinstance(reply, Help):
            console.print(Text(question.help.get(language)))
            continue
        if isinstance(reply, Invalid):
            console.print(Text(reply.message, style="yellow"))
            continue
        if isinstance(reply, Back):
            if not asked_of(case):
                console.print(Text(text("first", language), style="yellow"))
                continue
            case = back(case)
        elif isinstance(reply, DontKnow):
            case = answered_dont_know(case, plan.path)
        else:
            assert isinstance(reply, Answer)
            try:
                case = answered(case, plan.path, reply.value, today=today)
            except AnswerRefusedError as refused:
                console.print(Text(refused.reason.get(language), style="yellow"))
                continue
            except CaseFileError:
                console.print(Text(question.invalid.get(language), style="yellow"))
                continue
        save(begun, case)
        return case


def run(console: Console, begun: Start, as_of: dt.date, today: dt.date | None = None) -> Case:
    """Ask until nothing left can change the result; return the final case (saved). ``today`` is the day
    dates are checked against (no date in the future where the past is meant). Raises
    :class:`StoppedError` on Ctrl-C or end of input, after the last answer was saved."""
    language = begun.language
    case = begun.case
    console.print(Text(text("title", language, name=Path(begun.target).name), style="bold"))
    console.print(Text(text("disclaimer", language, path=begun.target), style="dim"), soft_wrap=True)
    if asked_of(case):
        console.print(Text(text("resumed", language, answered=len(asked_of(case)))))
    try:
        while True:
            plan = next_question(case, as_of)  # it skips the recorded "I don't know" answers
            if plan is None:
                return case
            show_question(console, case, plan, language)
            case = ask(console, case, plan, begun, today)
    except (KeyboardInterrupt, EOFError):
        raise StoppedError from None


def saved_line(language: Language, target: str) -> str:
    return f"{text('saved', language)} {text('file', language, path=target)}"
