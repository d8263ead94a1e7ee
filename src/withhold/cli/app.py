"""The ``withhold`` command: screen a case, list its deadlines, print the case-file schema, list and explain
the rules.

Every command renders what the core returns; none decides the law. The clock is read here (the core
takes the evaluation date as an argument). User errors print one clear message and exit with code 2; no
input ever prints a traceback (cli/command.py: a bug prints one line without case data and exits 1).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from withhold import __version__
from withhold.cli.command import BUG, FLAG, Command, Group, bug_line
from withhold.cli.console import make_console, show
from withhold.cli.errors import USAGE_ERROR, UserError
from withhold.cli.files import load_case
from withhold.cli.options import (
    as_of_date,
    evaluation_date,
    option_date,
    other_law_date,
    output_format,
    today_date,
)
from withhold.cli.render_screening import FULL, Heading, Limits, render_screening
from withhold.facts.case import Case
from withhold.facts.consistency import check as check_dates
from withhold.facts.describe import person_name
from withhold.facts.loading import CaseIssue
from withhold.screening import screen as screen_case

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_TITLE = "Withhold case file (case/1)"

app = typer.Typer(
    cls=Group,
    name="withhold",
    help="Decision support for asylum, withholding of removal and CAT protection in US immigration "
    "court. Not legal advice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a :class:`UserError` into its message on standard error and exit code 2."""
    try:
        yield
    except UserError as error:
        for line in error.lines():
            typer.echo(line, err=True)
        raise typer.Exit(USAGE_ERROR) from None


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def warn(issues: tuple[CaseIssue, ...]) -> None:
    """Dates that contradict each other or the evaluation date, one line each on standard error (so the
    JSON on standard output stays clean), before any result computed from them."""
    if not issues:
        return
    console = make_console(stderr=True)
    for issue in issues:
        line = Text("warning: ", style="bold yellow")
        line.append(str(issue))
        console.print(line, soft_wrap=True)  # one line each, whatever the width: easy to grep


CASE_ARGUMENT = typer.Argument(
    metavar="CASE", help="Case file (.yaml, .yml or .json), or - for standard input."
)
FORMAT_OPTION = typer.Option("--format", "-f", metavar="text|json", help="Output: text or json.")
AS_OF_HELP = "Evaluate the law in force on this date (default: the case's law_as_of, else today)."
TODAY_OPTION = typer.Option(
    "--today",
    metavar="YYYY-MM-DD",
    envvar="WITHHOLD_TODAY",
    help="Count deadlines and days from this date instead of the computer's clock (to check or plan).",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"withhold {__version__}")
        raise typer.Exit()


@app.callback()
def withhold(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, metavar=FLAG, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Decision support for asylum, withholding of removal and CAT protection in US immigration court.

    This is decision support, not legal advice.
    """


def _open_case(
    case_file: str, as_of: str | None, today: str | None = None
) -> tuple[Case, dt.date, str, dt.date]:
    """Load a case and choose its two dates: the law's (--as-of, else the case's law_as_of, else today)
    and the one days are counted from (--today, else the clock). User errors (a bad date, a bad file) exit
    2 with one line each."""
    with user_errors():
        given = as_of_date(as_of)
        counted_from = today_date(today)
        case = load_case(case_file)
        day, source = evaluation_date(given, case.law_as_of, counted_from)
    return case, day, source, counted_from


@app.command(cls=Command)
def screen(
    case_file: Annotated[
        str, typer.Argument(metavar="CASE", help="Case file (.yaml, .yml or .json), or - for standard input.")
    ],
    output: Annotated[str, FORMAT_OPTION] = "text",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Evaluate the law in force on this date (default: the case's law_as_of, else today).",
        ),
    ] = None,
    today: Annotated[str | None, TODAY_OPTION] = None,
    trace: Annotated[
        bool,
        typer.Option(
            "--trace",
            metavar=FLAG,
            help="Include the full evaluation trace (json: a trace per relief; text: every entry of every "
            "list and the tree of rules).",
        ),
    ] = False,
) -> None:
    """Screen a case for asylum, statutory withholding, CAT withholding and CAT deferral."""
    with user_errors():
        chosen = output_format(output)
    case, law_as_of, source, counted_from = _open_case(case_file, as_of, today)
    warn(check_dates(case, counted_from))
    screening = screen_case(case, law_as_of)
    if chosen == "json":
        print_json(screening.to_json(include_trace=trace))
        return
    heading = Heading(person_name(case.person), law_as_of, source, other_law_date(law_as_of, counted_from))
    limits = FULL if trace else Limits()
    show(render_screening(screening, heading, limits=limits, trace=trace))


@app.command(cls=Command)
def deadlines(
    case_file: Annotated[str, CASE_ARGUMENT],
    output: Annotated[str, FORMAT_OPTION] = "text",
    ics: Annotated[
        str | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Also write the dated deadlines to FILE as an iCalendar file (all-day events, reminders 7 "
            "days and 1 day before; importing it again updates the events).",
        ),
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=AS_OF_HELP)] = None,
    today: Annotated[str | None, TODAY_OPTION] = None,
    label: Annotated[
        str | None,
        typer.Option(
            "--label",
            metavar="TEXT",
            help="What the header and the calendar events call the case (default: the case file's name "
            "without its extension; the person's name is never used unless you pass it here).",
        ),
    ] = None,
) -> None:
    """List a case's deadlines: past, due soon, later, and those that cannot be computed yet."""
    from withhold.cli.calendar_file import calendar_label, case_key, write_atomically
    from withhold.cli.render_deadlines import DeadlinesHeading, render_deadlines
    from withhold.deadlines.schedule import schedule as schedule_case
    from withhold.reports.ics import to_ics

    with user_errors():
        chosen = output_format(output)
        shown_label = calendar_label(label, case_file)
    case, day, source, counted_from = _open_case(case_file, as_of, today)
    with user_errors():
        key = case_key(case, case_file, label) if ics is not None else ""
    issues = check_dates(case, counted_from)
    warn(issues)
    found = schedule_case(case, day, counted_from)
    written = None
    events = sum(1 for entry in found.entries if entry.date is not None)
    if ics is not None and events:
        with user_errors():
            written = write_atomically(ics, to_ics(found, case_key=key, label=shown_label))
    if chosen == "json":
        print(json.dumps(found.to_json(), indent=2, ensure_ascii=False))
    else:
        banner = other_law_date(day, counted_from)
        show(render_deadlines(found, DeadlinesHeading(shown_label, day, source, issues, banner)))
    if ics is not None:
        if written is None:
            typer.echo(f"No dated deadlines yet: {ics} was not written.", err=True)
        else:
            typer.echo(f"Calendar: {events} event{'s' if events != 1 else ''} written to {written}", err=True)


@app.command(cls=Command)
def roadmap(
    case_file: Annotated[str, CASE_ARGUMENT],
    output: Annotated[str, FORMAT_OPTION] = "text",
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=AS_OF_HELP)] = None,
    today: Annotated[str | None, TODAY_OPTION] = None,
    label: Annotated[
        str | None,
        typer.Option(
            "--label", metavar="TEXT", help="What the header calls the case (default: the file name)."
        ),
    ] = None,
) -> None:
    """Show the road through court: each stage of the case's proceeding, where it stands, and the dates."""
    from withhold.cli.calendar_file import calendar_label
    from withhold.cli.render_roadmap import render_roadmap
    from withhold.roadmap import roadmap as road_of

    with user_errors():
        chosen = output_format(output)
        shown_label = calendar_label(label, case_file)
    case, day, _, counted_from = _open_case(case_file, as_of, today)
    warn(check_dates(case, counted_from))
    road = road_of(case, day, counted_from)
    if chosen == "json":
        print(json.dumps(road.to_json(), indent=2, ensure_ascii=False))
        return
    show(render_roadmap(road, f"The road through court — {shown_label}"))


@app.command(cls=Command)
def interview(
    case_file: Annotated[
        str | None,
        typer.Argument(
            metavar="CASE",
            help="Case file to start from or to resume (the answers are saved into it unless --out is given).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="en|es|fr|pt|ht|ar",
            help="Language of the questions (default: the file's, else en).",
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            metavar="FILE",
            help="Save the answers here after every answer (default: CASE). Without CASE, an existing FILE "
            "is resumed.",
        ),
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=AS_OF_HELP)] = None,
    audience: Annotated[
        str | None,
        typer.Option(
            "--audience",
            metavar="client|attorney",
            help="Who answers: the client (facts a person can know, their story first; never a legal finding) "
            "or the attorney (the findings too). Default: client until the attorney has reviewed a finding.",
        ),
    ] = None,
    today: Annotated[str | None, TODAY_OPTION] = None,
) -> None:
    """Ask, one at a time, only the questions that can still change the result; save after every answer.

    Type an answer's number or letter and press Enter. ? shows why we ask; < goes back; ! is "I don't know";
    - skips a question for now (it is asked again the next time).

    Ctrl-C stops the interview; run the command again on the same file to go on.
    """
    from withhold.cli.interview import (
        INTERRUPTED,
        StoppedError,
        audience_of,
        default_audience,
        saved_line,
        show_client_end,
        show_standings,
    )
    from withhold.cli.interview import run as run_interview
    from withhold.cli.interview import start as start_interview
    from withhold.cli.interview import text as interview_text
    from withhold.interview.pages import Audience
    from withhold.interview.review import standings

    with user_errors():
        given = as_of_date(as_of)
        chosen = audience_of(audience)
        counted_from = today_date(today)
        begun = start_interview(case_file, out, lang)
        day, source = evaluation_date(given, begun.case.law_as_of, counted_from)
        who = chosen if chosen is not None else default_audience(begun.case)
    language = begun.language
    console = make_console()
    try:
        with user_errors():
            case = run_interview(console, begun, day, who, counted_from)
    except StoppedError:
        console.print()
        console.print(Text(saved_line(language, begun.target)), soft_wrap=True)  # the path stays whole
        raise typer.Exit(INTERRUPTED) from None
    console.print()
    console.print(Text(interview_text("done", language), style="bold"))
    console.print()
    if who is Audience.CLIENT:
        # The client's interview ends with what is still open, not with the screening: the legal findings
        # are the attorney's, and the statuses wait for them.
        show_client_end(console, case, standings(case, day), language, begun.target)
        console.print(Text(saved_line(language, begun.target)), soft_wrap=True)
        return
    heading = Text(interview_text("result", language), style="bold")
    if language != "en":
        heading.append(" " + interview_text("in_english", language))
    console.print(heading)
    console.print()
    warn(check_dates(case, counted_from))
    show_standings(console, standings(case, day), language, begun.target)
    show(render_screening(screen_case(case, day), Heading(person_name(case.person), day, source)), console)
    console.print()
    console.print(Text(saved_line(language, begun.target)), soft_wrap=True)


@app.command(cls=Command)
def report(
    case_file: Annotated[str, CASE_ARGUMENT],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE; its suffix chooses the format: .pdf, .html or .md. The file is "
            "replaced whole or not at all, and a case file is never overwritten.",
        ),
    ],
    audience: Annotated[
        str,
        typer.Option(
            "--audience",
            metavar="attorney|client",
            help="attorney: the full screening with reasons and citations, deadlines, comparison, checklist "
            "and warnings; client: plain language, what each protection would mean, what happens next.",
        ),
    ] = "attorney",
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="en|es|fr|pt|ht|ar",
            help="Language of the report (default: for the client, the language of the case's interview; "
            "otherwise en).",
        ),
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=AS_OF_HELP)] = None,
    today: Annotated[str | None, TODAY_OPTION] = None,
) -> None:
    """Write a report of the case for the attorney's file or for the client: PDF, HTML or Markdown.

    Every page carries the law-as-of date, the Withhold version and "Not legal advice". Prints the path
    written.
    """
    from withhold.cli.calendar_file import write_atomically
    from withhold.language import LANGUAGES
    from withhold.reports import AUDIENCES, OutputError, build_report, check_not_a_case_file
    from withhold.reports import output_format as report_format
    from withhold.reports import render as render_report

    with user_errors():
        try:
            chosen = report_format(output)
        except OutputError as error:
            raise UserError(str(error)) from None
        who = _one_of("--audience", audience, AUDIENCES)
        language = _one_of("--lang", lang, LANGUAGES) if lang is not None else None
    case, day, _, counted_from = _open_case(case_file, as_of, today)
    with user_errors():
        try:
            check_not_a_case_file(output, case_file)
        except OutputError as error:
            raise UserError(str(error)) from None
    warn(check_dates(case, counted_from))
    if language is None:
        language = (case.interview.language or "en") if who == "client" else "en"
    data = render_report(build_report(case, day, who, language, counted_from), chosen)
    with user_errors():
        written = write_atomically(output, data, option="--output")
    typer.echo(str(written))


def _one_of(option: str, value: str, allowed: tuple[str, ...]) -> Any:
    """The option's value (any case, spaces trimmed) if it is one of ``allowed``; else a user error."""
    chosen = value.strip().lower()
    if chosen not in allowed:
        raise UserError(f"{option} must be one of {', '.join(allowed)}; got {value!r}")
    return chosen


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of the case file format (case/1)."""
    body = Case.model_json_schema()
    print_json(
        {
            "$schema": SCHEMA_DIALECT,
            "title": SCHEMA_TITLE,
            **{key: value for key, value in body.items() if key not in {"$schema", "title"}},
        }
    )


@app.command(cls=Command)
def rules(
    output: Annotated[str, FORMAT_OPTION] = "text",
    grep: Annotated[
        str | None,
        typer.Option(
            "--grep", metavar="TEXT", help="Only the rules whose id or title contains TEXT (any case)."
        ),
    ] = None,
    cites: Annotated[
        str | None,
        typer.Option(
            "--cites",
            metavar="TEXT",
            help="Only the rules with a citation containing TEXT, e.g. 1158 or 1208.16.",
        ),
    ] = None,
) -> None:
    """List every rule of the law: id, title, citations, dates in force, rules-reference ids."""
    from withhold.cli.render_rules import matching, rules_json, rules_table
    from withhold.law.registry import all_rules

    with user_errors():
        chosen = output_format(output)
    found = matching(all_rules(), grep, cites)
    if chosen == "json":
        print_json(rules_json(found))
    else:
        show(rules_table(found))


@app.command(cls=Command)
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE-ID", help="A rule id, e.g. asylum.bar.one_year.")],
) -> None:
    """Show one rule: citations, dated versions, facts it reads, rules it uses, parameters, caveats."""
    from withhold.cli.render_rules import explain as explain_rule
    from withhold.law.registry import rule_by_id
    from withhold.parameters import load as load_parameters

    with user_errors():
        try:
            found = rule_by_id(rule_id.strip())
        except KeyError as error:
            raise UserError(str(error.args[0]) if error.args else f"no rule {rule_id!r}") from None
    show(explain_rule(found, load_parameters()))


law = typer.Typer(
    cls=Group,
    help="The law watch: what changed in the law between two dates, and what has not been checked lately.",
    no_args_is_help=True,
)
catalogs = typer.Typer(cls=Group, help="The gettext catalogs translators work in (withhold/locale).")
app.add_typer(catalogs, name="catalogs")


@catalogs.command("update", cls=Command)
def catalogs_update(
    spanish: Annotated[
        Path | None, typer.Option("--spanish", help="Also write the Spanish catalogs (from the YAML) here.")
    ] = None,
) -> None:
    """Write each domain's template (.pot) and bring every language's catalogs up to date with the texts:
    a translation whose English is unchanged stays; a new or changed text waits, empty, for a translator."""
    from withhold.cli.catalogs import spanish as spanish_catalogs
    from withhold.cli.catalogs import update as update_catalogs

    with user_errors():
        written = update_catalogs()
        if spanish is not None:
            written += spanish_catalogs(spanish)
    for path in written:
        typer.echo(str(path))


app.add_typer(law, name="law")


@law.command("changes", cls=Command)
def law_changes(
    since: Annotated[str, typer.Option("--since", metavar="YYYY-MM-DD", help="First day of the window.")],
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="YYYY-MM-DD", help="Last day of the window (default: today)."),
    ] = None,
    output: Annotated[str, FORMAT_OPTION] = "text",
) -> None:
    """List what changed in the law between two dates.

    Both dates are included: new rule versions, new parameter values (fees, periods, agreements in
    force), new comparison cells and litigation, each cited, with the day its source was last checked.
    """
    from withhold.cli.render_watch import changes_table
    from withhold.watch import changes as law_changes_between

    with user_errors():
        chosen = output_format(output)
        first = option_date("--since", since)
        last = option_date("--until", until) or dt.date.today()
        assert first is not None
        if last < first:
            raise UserError(f"--since {first.isoformat()} is after --until {last.isoformat()}")
    found = law_changes_between(first, last)
    if chosen == "json":
        print_json(
            {"since": first.isoformat(), "until": last.isoformat(), "changes": [c.to_json() for c in found]}
        )
    else:
        show(changes_table(found, first, last))


@law.command("stale", cls=Command)
def law_stale(
    older_than: Annotated[
        int,
        typer.Option(
            "--older-than",
            metavar="DAYS",
            min=0,
            help="List what was last checked before this many days ago.",
        ),
    ],
    output: Annotated[str, FORMAT_OPTION] = "text",
) -> None:
    """List what has not been checked against its source for DAYS days.

    Rule versions, parameter values, comparison cells and developments, oldest check first.
    """
    from withhold.cli.render_watch import stale_table
    from withhold.watch import stale as unchecked

    with user_errors():
        chosen = output_format(output)
    today = dt.date.today()
    found = unchecked(today, older_than)
    if chosen == "json":
        print_json(
            {"today": today.isoformat(), "older_than_days": older_than, "items": [i.to_json() for i in found]}
        )
    else:
        show(stale_table(found, today, older_than))


@app.command(cls=Command)
def i589(
    case_file: Annotated[str, CASE_ARGUMENT],
    form: Annotated[
        str,
        typer.Option(
            "--form",
            metavar="I-589.pdf",
            help="The blank Form I-589 PDF, as downloaded from uscis.gov/i-589 (its edition is read from it).",
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILLED.pdf", help="Where to write the filled form.")
    ],
    output_kind: Annotated[str, FORMAT_OPTION] = "text",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="The filing date the form is prepared for (default: the case's law_as_of, else today).",
        ),
    ] = None,
) -> None:
    """Fill Form I-589 from a case and list the form's questions still unanswered, by part and line.

    Answers too long for their box continue on Supplement B; children after the fourth go on Supplement A.
    The CAT boxes follow the screening. The filled PDF holds confidential case data (8 CFR 1208.6).
    """
    from withhold.cli.calendar_file import write_atomically
    from withhold.cli.form_files import check_output, read_form
    from withhold.cli.render_i589 import filled_json, render_filled
    from withhold.forms import FormError, UnknownEditionError, fill_i589

    with user_errors():
        chosen = output_format(output_kind)
        check_output(output, {case_file: "case file", form: "blank form given with --form"})
        blank = read_form(form)
    case, day, _, _ = _open_case(case_file, as_of)
    warn(check_dates(case, day))
    with user_errors():
        try:
            result = fill_i589(case, blank, day)
        except UnknownEditionError as error:
            raise UserError(
                f"--form: {error}",
                [f"editions Withhold can fill: {', '.join(error.known)}", "see README, Form I-589"],
            ) from None
        except FormError as error:
            raise UserError(f"--form: {form}: {error}") from None
        written = write_atomically(output, result.pdf, option="--output")
    if chosen == "json":
        print_json(filled_json(result, str(written)))
        return
    show(render_filled(result, str(written)))


@app.command(cls=Command)
def package(
    case_file: Annotated[str, CASE_ARGUMENT],
    exhibit: Annotated[
        list[str],
        typer.Option(
            "--exhibit",
            "-e",
            metavar="FILE[=TITLE]",
            help="A document of the filing, in order: a PDF or a photo (JPEG, PNG, HEIC). Its title in the "
            "table of contents follows =; without one, the file's name.",
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILING.pdf",
            help="Where to write the filing; a filing over the court's upload limit is written as "
            "FILING_Part1.pdf, FILING_Part2.pdf…",
        ),
    ],
    served_on: Annotated[
        str | None,
        typer.Option(
            "--served-on", metavar="YYYY-MM-DD", help="The day DHS was served: adds the proof of service."
        ),
    ] = None,
    service_method: Annotated[
        str,
        typer.Option(
            "--service-method",
            metavar="mail|hand|electronic",
            help="How DHS was served: first-class mail, by hand, or through ECAS (electronic).",
        ),
    ] = "electronic",
    served_by: Annotated[
        str | None,
        typer.Option("--served-by", metavar="NAME", help="Who served DHS (default: who files)."),
    ] = None,
    dhs_address: Annotated[
        str | None,
        typer.Option(
            "--dhs-address",
            metavar="TEXT",
            help="The DHS counsel's address served by mail or by hand (the court gives it: ICPM ch. 3.2(b)).",
        ),
    ] = None,
    translation: Annotated[
        list[str] | None,
        typer.Option(
            "--translation",
            metavar="FILE=ENGLISH.pdf",
            help="The English translation of an exhibit; a certificate of translation is added after it.",
        ),
    ] = None,
    language: Annotated[
        list[str] | None,
        typer.Option(
            "--language", metavar="FILE=LANGUAGE", help="The language of an exhibit not in English."
        ),
    ] = None,
    translator: Annotated[
        str | None,
        typer.Option(
            "--translator",
            metavar="NAME; ADDRESS; PHONE",
            help="The translator named on the certificates of translation (they sign them).",
        ),
    ] = None,
    judge: Annotated[
        str, typer.Option("--judge", metavar="NAME", help="The immigration judge, for the cover page.")
    ] = "",
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="The filing's title on the cover page.")
    ] = None,
    i589: Annotated[
        str | None,
        typer.Option(
            "--i589",
            metavar="BLANK.pdf",
            help="Fill Form I-589 from the case with this blank form and put it first (Tab A).",
        ),
    ] = None,
    leave_out_problems: Annotated[
        bool,
        typer.Option(
            "--leave-out-problems",
            metavar=FLAG,
            help="Build without the documents that cannot be read, and without the letters of a title the "
            "court's fonts lack, instead of stopping (each is listed).",
        ),
    ] = False,
    output_kind: Annotated[str, FORMAT_OPTION] = "text",
    today: Annotated[str | None, TODAY_OPTION] = None,
) -> None:
    """Build a court-ready filing from a case and its documents: cover page, table of contents, tabs,
    page numbers on every page, certificates of translation and the proof of service.

    Lists what it built (the pages of each exhibit) and what it could not. The filing holds confidential
    case data (8 CFR 1208.6).
    """
    from withhold.cli.calendar_file import write_atomically
    from withhold.cli.form_files import check_output, read_form
    from withhold.cli.package_files import (
        checked_title,
        exhibit_argument,
        pairs,
        part_names,
        read_file,
        translator_argument,
    )
    from withhold.cli.render_package import package_json, render_package
    from withhold.filing.caption import caption_of
    from withhold.filing.documents import DocumentError, read_document
    from withhold.filing.model import SERVICE_METHODS, Exhibit, FilingRequest, Service
    from withhold.filing.package import build_filing
    from withhold.filing.texts import filing_texts

    with user_errors():
        chosen = output_format(output_kind)
        counted_from = today_date(today)
        named = [exhibit_argument(value) for value in exhibit]
        translations = pairs("--translation", translation or [])
        languages = pairs("--language", language or [])
        for option, given in (("--translation", translations), ("--language", languages)):
            unknown = [key for key in given if key not in {n.path for n in named}]
            if unknown:
                raise UserError(f"{option}: {unknown[0]} is not one of the --exhibit files")
        method = _one_of("--service-method", service_method, SERVICE_METHODS)
        served_day = option_date("--served-on", served_on) if served_on else None
        inputs = (
            {case_file: "case file"}
            | {n.path: "exhibit" for n in named}
            | {path: "translation" for path in translations.values()}
        )
        check_output(output, inputs)
        blank = read_form(i589, option="--i589") if i589 else None
    case, _, _, _ = _open_case(case_file, None, today)
    with user_errors():
        caption = caption_of(
            case, counted_from, title=title or filing_texts()["default_title"], judge=" ".join(judge.split())
        )
        left_out: list[DocumentError] = []
        retitled: list[tuple[str, str]] = []
        exhibits: list[Exhibit] = []
        if blank is not None:
            from withhold.forms import FormError, fill_i589

            try:
                filled = fill_i589(case, blank, counted_from)
            except FormError as error:
                raise UserError(f"--i589: {i589}: {error}") from None
            form = read_document("I-589.pdf", filled.pdf)
            exhibits.append(
                Exhibit("Form I-589, Application for Asylum and for Withholding of Removal", form)
            )
        for item in named:
            try:
                document = read_file(item.path)
                english = read_file(translations[item.path]) if item.path in translations else None
            except DocumentError as problem:
                left_out.append(problem)
                continue
            printed, missing = checked_title(item.title, leave_out=leave_out_problems)
            if missing:
                retitled.append((item.title, missing))
            exhibits.append(
                Exhibit(
                    printed,
                    document,
                    language=languages.get(item.path),
                    translation=english,
                    translator=translator_argument(translator) if english is not None else None,
                )
            )
        if left_out and not leave_out_problems:
            raise UserError(
                f"--exhibit: {len(left_out)} of the documents cannot go into the filing:",
                [str(problem) for problem in left_out]
                + ["fix or remove them, or pass --leave-out-problems to build without them"],
            )
        if not exhibits:
            raise UserError("no document could go into the filing", [str(p) for p in left_out])
        service = None
        if served_day is not None:
            server = served_by or (
                caption.filed_by.name if caption.filed_by else (caption.respondents or ("",))[0]
            )
            if not server:
                raise UserError("--served-by: give the name of who served DHS")
            address = " ".join((dhs_address or "").split())
            if method != "electronic" and not address:
                raise UserError(
                    f"--dhs-address: serving by {method} needs the DHS counsel's address",
                    ["the immigration court gives it (ICPM ch. 3.2(b))"],
                )
            service = Service(served_day, method, server, address)
        filing = build_filing(FilingRequest(caption, tuple(exhibits), service), today=counted_from)
        names = part_names(output, len(filing.volumes))
        written = [
            str(write_atomically(name, volume.pdf, option="--output"))
            for name, volume in zip(names, filing.volumes, strict=True)
        ]
    if chosen == "json":
        print_json(package_json(filing, written, left_out, retitled))
        return
    show(render_package(filing, written, left_out, retitled))


@app.command(cls=Command)
def batch(
    source: Annotated[
        str,
        typer.Argument(
            metavar="INPUT", help="A folder of case files, a ZIP of them, or a JSON Lines file (.jsonl)."
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="RESULTS.jsonl|RESULTS.csv",
            help="Where to write one row per case; the suffix chooses JSON Lines or CSV.",
        ),
    ],
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=AS_OF_HELP)] = None,
    today: Annotated[str | None, TODAY_OPTION] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", metavar="N", help="Processes to screen with (default: every core)."),
    ] = 0,
) -> None:
    """Screen many cases at once: one row each with the four statuses, the best protection, the next
    deadline and any errors (never a name or a fact of the case)."""
    import os

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from withhold.batch import BatchInputError, items, output_kind, screen_items, write_rows
    from withhold.cli.calendar_file import write_atomically

    with user_errors():
        fmt = output_kind(output)
        if fmt is None:
            raise UserError(f"--output: {output}: end the name in .jsonl or .csv")
        given = as_of_date(as_of)
        counted_from = today_date(today)
        if jobs < 0 or jobs > 256:
            raise UserError(f"--jobs must be between 1 and 256; got {jobs}")
        workers = jobs or os.cpu_count() or 1
        try:
            found = list(items(Path(source)))
        except BatchInputError as error:
            raise UserError(f"INPUT: {error}") from None
        if not found:
            raise UserError(f"INPUT: {source}: no case files (.yaml, .yml, .json) in it")
    progress = Progress(
        TextColumn("Screening"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=make_console(stderr=True), transient=True,
    )  # fmt: skip
    with progress:
        task = progress.add_task("cases", total=len(found))
        rows = screen_items(found, given, counted_from, workers, lambda n: progress.advance(task, n))
    with user_errors():
        written = write_atomically(output, write_rows(rows, fmt), option="--output")
    failed = sum(1 for row in rows if row["errors"])
    typer.echo(f"{len(rows)} case(s) screened, {failed} with errors: {written}", err=True)


@app.command(cls=Command)
def serve(
    host: Annotated[
        str, typer.Option("--host", metavar="ADDRESS", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", metavar="PORT", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    workers: Annotated[int, typer.Option("--workers", metavar="N", min=1, help="Worker processes.")] = 2,
    threads: Annotated[int, typer.Option("--threads", metavar="N", min=1, help="Threads per worker.")] = 4,
    queue_worker: Annotated[
        bool,
        typer.Option(
            "--worker/--no-worker",
            help="Start the task queue's worker beside the server, stopped with it (it builds report PDFs "
            "and filing packages); --no-worker when it runs on its own (manage.py db_worker).",
        ),
    ] = True,
) -> None:
    """Serve the web application with gunicorn, after applying pending database migrations.

    Settings come from DJANGO_SETTINGS_MODULE (default: withhold.web.settings.local, plain HTTP on this
    machine; use withhold.web.settings.production behind HTTPS). Log in at /accounts/login/; the docket is
    at /cases/.
    """
    from withhold.web.server import serve as serve_web  # Django loads only for this command

    typer.echo(f"Withhold on http://{host}:{port}/ (log in at /accounts/login/, docket at /cases/)", err=True)
    serve_web(host, port, workers, threads, queue_worker)


def main() -> None:
    """The console script. Each command already turns any error into a message (cli/command.py); this is
    the last net, for an error outside every command (in Typer's own work before one runs)."""
    try:
        app(prog_name="withhold")
    except Exception as error:
        typer.echo(bug_line(error), err=True)
        raise SystemExit(BUG) from None


if __name__ == "__main__":
    main()
