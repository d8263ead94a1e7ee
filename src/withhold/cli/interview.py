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
from withhold.facts.describe import fact_description
from withhold.facts.loading import CaseFileError, validate_case
from withhold.interview.answers import (
    answered,
    answered_dont_know,
    asked_of,
    back,
    come_back_to_skipped,
    document_of,
    recorded,
    skipped_for_now,
)
from withhold.interview.bank import DONT_KNOW, UI, Question, question_for, question_text
from withhold.interview.pages import Audience, Page, next_page
from withhold.interview.refusals import AnswerRefusedError
from withhold.interview.review import FindingToReview, Standing, findings_to_review, marked_reviewed
from withhold.interview.screens import screens
from withhold.interview.sections import sections
from withhold.interview.typed_answer import (
    BACK_KEY,
    DONT_KNOW_KEY,
    HELP_KEY,
    NOT_FILED_KEY,
    NOT_FILED_PATH,
    SKIP_KEY,
    Answer,
    Back,
    DontKnow,
    Help,
    Invalid,
    Skip,
    parse_answer,
)
from withhold.interview.words import answer_words
from withhold.language import LANGUAGES, Language, Localized, date_in_words
from withhold.language.gender import reading
from withhold.law.protections import PROTECTIONS

OUT_OPTION = "--out"
INTERRUPTED = 130
"""The exit code of a program stopped by Ctrl-C (128 + SIGINT); also used at end of input."""

PROMPT = "> "

TEXTS: dict[str, Localized] = screens()["terminal"]
"""Interface strings of the terminal that the question bank's :data:`UI` does not have."""

PROTECTION_TITLES = {protection.name: protection.title for protection in PROTECTIONS}


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
        f"{HELP_KEY} {text('help', language)}   ·   {BACK_KEY} {text('back', language)}\n"
        f"{DONT_KNOW_KEY} {DONT_KNOW.get(language)}   ·   {SKIP_KEY} {text('skip', language)}"
    )


def show_section(console: Console, page: Page, language: Language) -> None:
    """A section's title and the words that open it, before its first question."""
    found = sections()[page.section]
    console.print()
    console.print(Text(found.title.get(language).upper(), style="bold"))
    console.print(Text(found.intro.get(language)), soft_wrap=False)


def show_question(
    console: Console,
    case: Case,
    path: str,
    remaining: int,
    language: Language,
    review: FindingToReview | None = None,
) -> None:
    """The progress line, the question, its note (for a finding: the client's answers that bear on it and
    the law's suggestion, if any), its answers and the keys; the prompt comes after."""
    question = question_for(path)
    parts: list[RenderableType] = [
        Text(),
        Text(text("progress", language, answered=len(asked_of(case)), remaining=remaining), style="dim"),
        Text(question_text(case, path, language), style="bold"),
    ]
    if review is not None:
        parts.extend(_review_lines(case, review, language))
    elif question.judgement:
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


def _review_lines(case: Case, review: FindingToReview, language: Language) -> list[RenderableType]:
    """What the client said that bears on a finding, and the law's suggestion, for the attorney."""
    lines: list[RenderableType] = []
    if review.bearing:
        said = Table.grid(padding=(0, 2))
        said.add_column(overflow="fold", ratio=1)
        said.add_column(overflow="fold", ratio=1, style="bold")
        for path, value in review.bearing:
            said.add_row(_asked_as(case, path, language), answer_words(path, value, language))
        lines += [Text(text("client_said", language), style="italic"), Padding(said, (0, 0, 0, 2))]
    if review.suggestion is not None:
        rule = review.suggestion.rule
        value = answer_words(review.path, review.suggestion.value, language)
        wording = text("suggested", language, value=value, rule=rule.title, cites="; ".join(rule.citations))
        lines.append(Text(wording, style="cyan"))
    return lines


def _asked_as(case: Case, path: str, language: Language) -> str:
    try:
        return question_text(case, path, language)
    except KeyError:  # a fact no question asks: the case format's words
        return fact_description(path) or path


# --- the loop ---------------------------------------------------------------------------------------


class StoppedError(Exception):
    """Ctrl-C or the end of input: the answers given so far are saved."""


def ask(
    console: Console, case: Case, path: str, begun: Start, audience: Audience, today: dt.date | None = None
) -> Case:
    """Ask one question until it has a reply; return the case after it (answered, "I don't know", skipped
    for now, or one step back), already saved. A finding the attorney answers is recorded as reviewed. An
    answer that contradicts the case (or ``today``, the day counted from) is refused with the reason, and
    the question asked again."""
    question = question_for(path)
    language = reading(begun.language, case.person.sex)
    while True:
        line = console.input(PROMPT)
        reply = parse_answer(line, question, language)
        if isinstance(reply, Help):
            console.print(Text(question.help.get(language)))
            if audience is Audience.ATTORNEY and question.cites:  # the authority is the lawyer's line
                console.print(Text(text("authority", language, cites=question.cites), style="dim"))
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
            case = answered_dont_know(case, path)
        elif isinstance(reply, Skip):
            case = skipped_for_now(case, path)
        else:
            assert isinstance(reply, Answer)
            try:
                case = answered(case, path, reply.value, today=today)
            except AnswerRefusedError as refused:
                console.print(Text(refused.reason.get(language), style="yellow"))
                continue
            except CaseFileError:
                console.print(Text(question.invalid.get(language), style="yellow"))
                continue
            if isinstance(reply.value, dt.date):  # the date understood, in words: 03/01 is never guessed
                console.print(
                    Text(text("date_understood", language, date=date_in_words(reply.value, language)))
                )
        if question.judgement and audience is Audience.ATTORNEY and not isinstance(reply, Back):
            case = marked_reviewed(case, path)
        save(begun, case)
        return case


def audience_of(option: str | None) -> Audience | None:
    """``--audience``, checked; None when not given."""
    if option is None:
        return None
    chosen = option.strip().lower()
    for audience in Audience:
        if chosen == audience.value:
            return audience
    raise UserError(f"--audience must be client or attorney; got {option[:40]!r}")


def default_audience(case: Case) -> Audience:
    """The client's interview until the attorney has reviewed a finding; then the attorney's."""
    return Audience.ATTORNEY if case.interview.reviewed else Audience.CLIENT


def run(
    console: Console, begun: Start, as_of: dt.date, audience: Audience, today: dt.date | None = None
) -> Case:
    """Ask until nothing left can change the result (the client: until nothing is left to ask a client);
    return the final case (saved). A page's questions are asked one after the other, each saved; a
    section opens with its title and introduction. Raises :class:`StoppedError` on Ctrl-C or end of
    input, after the last answer was saved. ``today`` is the day dates are checked against (no date in
    the future where the past is meant)."""
    language = begun.language
    case = begun.case
    console.print(Text(text("title", language, name=Path(begun.target).name), style="bold"))
    console.print(Text(text("disclaimer", language, path=begun.target), style="dim"), soft_wrap=True)
    console.print(Text(text(f"audience_{audience.value}", language), style="dim"), soft_wrap=True)
    if asked_of(case):
        console.print(Text(text("resumed", language, answered=len(asked_of(case)))))
    if case.interview.skipped:
        # "Skip for now" lasts one sitting: the next one asks again what was skipped.
        console.print(Text(text("skipped_again", language, count=len(case.interview.skipped))))
        case = come_back_to_skipped(case)
        save(begun, case)
    section = None
    try:
        while True:
            page = next_page(case, as_of, audience)  # it skips "I don't know" and what was skipped
            if page is None:
                return case
            language = reading(begun.language, case.person.sex)  # the texts agree with the person
            if audience is Audience.CLIENT and page.section != section:
                show_section(console, page, language)  # the attorney's order crosses sections freely
            section = page.section
            path = page.paths[0]
            review = None
            if audience is Audience.ATTORNEY and question_for(path).judgement:
                review = next((item for item in findings_to_review(case, as_of) if item.path == path), None)
            show_question(console, case, path, page.remaining, language, review)
            case = ask(console, case, path, begun, audience, today)
    except (KeyboardInterrupt, EOFError):
        raise StoppedError from None


def show_standings(console: Console, found: list[Standing], language: Language, target: str) -> None:
    """What keeps each status from being final, before the screening is shown: a status that waits for
    the attorney's assessment, or for the country or the kind of case, is never read as a final answer."""
    waiting = [standing for standing in found if not standing.final]
    if not waiting:
        return
    console.print(Text(text("not_final", language), style="bold yellow"))
    for standing in waiting:
        title = PROTECTION_TITLES[standing.protection]
        if standing.unknown_basics:
            what = f" {text('and', language)} ".join(
                text(f"basic_{path}", language) for path in standing.unknown_basics
            )
            line = text("unknown_basics", language, protection=title, what=what)
        else:
            line = text(
                "needs_assessment",
                language,
                protection=title,
                count=len(standing.needs_assessment),
                file=target,
            )
        console.print(Padding(Text(line), (0, 0, 0, 2)), soft_wrap=False)
    console.print()


def show_client_end(
    console: Console, case: Case, found: list[Standing], language: Language, target: str
) -> None:
    """The end of a client's interview: thanks, what was skipped, and what the statuses wait for."""
    console.print(Text(text("client_thanks", language)), soft_wrap=False)
    skipped = len(case.interview.skipped or ())
    if skipped:
        console.print(Text(text("skipped_left", language, count=skipped, file=target)), soft_wrap=False)
    console.print()
    show_standings(console, found, language, target)


def saved_line(language: Language, target: str) -> str:
    return f"{text('saved', language)} {text('file', language, path=target)}"
