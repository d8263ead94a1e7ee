"""The ``withhold`` command: screen a case, print the case-file schema, list and explain the rules.

Every command renders what the core returns; none decides the law. The clock is read here (the core
takes the evaluation date as an argument). User errors print one clear message and exit with code 2.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from withhold import __version__
from withhold.cli.console import show
from withhold.cli.errors import USAGE_ERROR, UserError
from withhold.cli.files import load_case
from withhold.cli.labels import person_name
from withhold.cli.options import as_of_date, evaluation_date, output_format
from withhold.cli.render_rules import explain as explain_rule
from withhold.cli.render_rules import rules_json, rules_table
from withhold.cli.render_screening import FULL, Heading, Limits, render_screening
from withhold.facts.case import Case
from withhold.law.registry import all_rules, rule_by_id
from withhold.parameters import load as load_parameters
from withhold.screening import screen as screen_case

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_TITLE = "Withhold case file (case/1)"

app = typer.Typer(
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"withhold {__version__}")
        raise typer.Exit()


@app.callback()
def withhold(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Decision support for asylum, withholding of removal and CAT protection in US immigration court.

    This is decision support, not legal advice.
    """


@app.command()
def screen(
    case_file: Annotated[
        str, typer.Argument(metavar="CASE", help="Case file (.yaml, .yml or .json), or - for standard input.")
    ],
    output: Annotated[str, typer.Option("--format", "-f", help="Output: text or json.")] = "text",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Evaluate the law in force on this date (default: the case's law_as_of, else today).",
        ),
    ] = None,
    trace: Annotated[
        bool,
        typer.Option(
            "--trace",
            help="Include the full evaluation trace (json: a trace per relief; text: every entry of every "
            "list and the tree of rules).",
        ),
    ] = False,
) -> None:
    """Screen a case for asylum, statutory withholding, CAT withholding and CAT deferral."""
    with user_errors():
        chosen = output_format(output)
        option_date = as_of_date(as_of)
        case = load_case(case_file)
    law_as_of, source = evaluation_date(option_date, case.law_as_of, dt.date.today())
    screening = screen_case(case, law_as_of)
    if chosen == "json":
        print_json(screening.to_json(include_trace=trace))
        return
    heading = Heading(person_name(case.person), law_as_of, source)
    limits = FULL if trace else Limits()
    show(render_screening(screening, heading, limits=limits, trace=trace))


@app.command()
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


@app.command()
def rules(
    output: Annotated[str, typer.Option("--format", "-f", help="Output: text or json.")] = "text",
) -> None:
    """List every rule of the law: id, title, citations, dates in force, rules-reference ids."""
    with user_errors():
        chosen = output_format(output)
    found = all_rules()
    if chosen == "json":
        print_json(rules_json(found))
    else:
        show(rules_table(found))


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE-ID", help="A rule id, e.g. asylum.bar.one_year.")],
) -> None:
    """Show one rule: citations, dated versions, facts it reads, rules it uses, parameters, caveats."""
    with user_errors():
        try:
            found = rule_by_id(rule_id.strip())
        except KeyError as error:
            raise UserError(str(error.args[0]) if error.args else f"no rule {rule_id!r}") from None
    show(explain_rule(found, load_parameters()))


def main() -> None:
    app(prog_name="withhold")


if __name__ == "__main__":
    main()
