"""Rules, versions, exceptions, traces and the evaluator — with toy law, not real law."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from withhold.logic import (
    UNKNOWN,
    Context,
    Evaluation,
    Rule,
    RuleError,
    V,
    Version,
    all_,
    rule,
    since,
    unknown,
    until,
)


class Facts:
    def __init__(self, **values: Any) -> None:
        self.values = {key.replace("__", "."): value for key, value in values.items()}

    def read(self, path: str) -> V[Any]:
        value = self.values.get(path)
        return unknown(path) if value is None else V(value)


class Params:
    def value(self, name: str, on: dt.date) -> tuple[Any, str]:
        return (30 if on >= dt.date(2020, 1, 1) else 10), "Toy Act § 1"


def evaluate(target: Rule, as_of: dt.date = dt.date(2026, 1, 1), **facts: Any) -> tuple[V[Any], Any]:
    return Evaluation(Facts(**facts), as_of, Params()).evaluate(target)


@rule("toy.member", "Is a member", cites=("Toy Act § 2",), reads=("x.member",))
def member(ctx: Context) -> V[bool]:
    return ctx.fact("x.member")


@rule("toy.child", "Is a child", cites=("Toy Act § 3",), reads=("x.child",))
def child(ctx: Context) -> V[bool]:
    return ctx.fact("x.child")


@rule(
    "toy.bar",
    "Bar applies unless a child",
    cites=("Toy Act § 4",),
    reads=("x.late",),
    exceptions=(child,),
)
def bar(ctx: Context) -> V[bool]:
    return ctx.fact("x.late")


@rule("toy.both", "Member and barred", cites=("Toy Act § 5",), uses=(member, bar))
def both(ctx: Context) -> V[bool]:
    return all_(ctx.rule(member), ctx.rule(bar))


def test_exception_defeats_the_general_rule() -> None:
    assert evaluate(bar, x__late=True, x__child=True)[0].value is False
    assert evaluate(bar, x__late=True, x__child=False)[0].value is True
    assert evaluate(bar, x__late=False)[0].value is False


def test_unknown_exception_keeps_the_rule_open_and_says_why() -> None:
    value, trace = evaluate(bar, x__late=True)
    assert value.value is UNKNOWN
    assert value.depends == {"x.child"}
    (exception,) = trace.children
    assert exception.role == "exception" and exception.rule == "toy.child"


def test_trace_records_rule_citations_facts_and_children() -> None:
    value, trace = evaluate(both, x__member=True, x__late=True, x__child=False)
    assert value.value is True
    assert trace.rule == "toy.both" and trace.citations == ("Toy Act § 5",)
    assert [c.rule for c in trace.children] == ["toy.member", "toy.bar"]
    assert dict(trace.children[0].facts) == {"x.member": True}
    assert trace.to_dict()["children"][1]["children"][0]["role"] == "exception"


def test_dependency_set_of_an_unknown_result() -> None:
    value, trace = evaluate(both, x__late=True)
    assert value.value is UNKNOWN
    assert value.depends == {"x.member", "x.child"}
    assert trace.to_dict()["depends"] == ["x.child", "x.member"]


def test_reading_an_undeclared_fact_is_an_error() -> None:
    @rule("toy.sneaky", "Reads what it did not declare", cites=("Toy Act § 6",), reads=("x.a",))
    def sneaky(ctx: Context) -> V[bool]:
        return ctx.fact("x.b")

    with pytest.raises(RuleError, match=r"reads x\.b without declaring it"):
        evaluate(sneaky, x__b=True)


def test_using_an_undeclared_rule_is_an_error() -> None:
    @rule("toy.sneaky2", "Uses what it did not declare", cites=("Toy Act § 7",))
    def sneaky(ctx: Context) -> V[bool]:
        return ctx.rule(member)

    with pytest.raises(RuleError, match=r"uses toy\.member without declaring it"):
        evaluate(sneaky, x__member=True)


def _old(ctx: Context) -> V[bool]:
    return V("old")  # type: ignore[arg-type]


def _new(ctx: Context) -> V[bool]:
    return V("new")  # type: ignore[arg-type]


dated = Rule(
    id="toy.dated",
    title="A rule that changed",
    citations=("Toy Act § 8",),
    versions=(
        Version(until(2009, 12, 31), _old, label="old text"),
        Version(since(2010, 1, 1), _new, label="new text", citations=("Toy Amendment",)),
    ),
    reads=(),
    selected_by="x.filed",
)


def test_the_selecting_date_picks_the_version() -> None:
    value, trace = evaluate(dated, x__filed=dt.date(2005, 6, 1))
    assert value.value == "old" and "old text" in trace.note
    value, trace = evaluate(dated, x__filed=dt.date(2015, 6, 1))
    assert value.value == "new" and trace.citations == ("Toy Act § 8", "Toy Amendment")


def test_unknown_selecting_date_runs_every_version_it_could_select() -> None:
    # On 2005-01-01 only the old text can have been selected.
    value, trace = evaluate(dated, as_of=dt.date(2005, 1, 1))
    assert value.value == "old"
    # Later, either text could apply: the answer is unknown, and the selecting date is what it needs.
    value, trace = evaluate(dated, as_of=dt.date(2015, 1, 1))
    assert value.value is UNKNOWN
    assert value.depends == {"x.filed"}
    assert "every version it could select was applied" in trace.note


def test_unknown_selecting_date_is_not_needed_when_every_version_agrees() -> None:
    agree = Rule(
        id="toy.agree",
        title="Two texts, one answer",
        citations=("Toy Act § 12",),
        versions=(Version(until(2009, 12, 31), _old), Version(since(2010, 1, 1), _old)),
        selected_by="x.filed",
    )
    assert evaluate(agree, as_of=dt.date(2015, 1, 1))[0].value == "old"


def test_a_rule_not_yet_in_force_gives_its_declared_value() -> None:
    @rule("toy.future", "Enacted 2030", cites=("Toy Act § 9",), in_force=since(2030, 1, 1))
    def future(ctx: Context) -> V[bool]:
        raise AssertionError("must not run before it is in force")

    value, trace = evaluate(future)
    assert value.value is False
    assert "not in force on 2026-01-01" in trace.note


def test_parameters_are_dated_and_recorded_with_their_reference() -> None:
    @rule("toy.param", "Uses a parameter", cites=("Toy Act § 10",), params=("days",))
    def uses_param(ctx: Context) -> V[int]:
        return V(ctx.param("days"))

    value, trace = evaluate(uses_param, as_of=dt.date(2019, 6, 1))
    assert value.value == 10
    assert trace.parameters == (("days", 10, "Toy Act § 1"),)
    assert evaluate(uses_param, as_of=dt.date(2021, 6, 1))[0].value == 30


def test_soft_facts_are_assumed_not_turned_into_answers() -> None:
    @rule("toy.soft", "Not defeated", cites=("Toy Act § 11",), reads=("x.credible",))
    def soft(ctx: Context) -> V[bool]:
        return ctx.unless("x.credible", False, "not yet assessed")

    value, trace = evaluate(soft)
    assert value.value is True
    assert [a.fact for a in trace.assumptions] == ["x.credible"]
    assert evaluate(soft, x__credible=False)[0].value is False


def test_evaluations_share_nothing_across_threads() -> None:
    cases = [{"x__member": i % 2 == 0, "x__late": True, "x__child": i % 3 == 0} for i in range(200)]

    def run(facts: dict[str, Any]) -> Any:
        return evaluate(both, **facts)[0].value

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, cases))
    expected = [f["x__member"] and not f["x__child"] for f in cases]
    assert results == expected
