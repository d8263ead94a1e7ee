"""Three-valued values, rules, traces and the evaluator. There is no law in this package."""

from withhold.logic.evaluate import Context, Evaluation, FactSource, ParameterSource, RuleError
from withhold.logic.period import ALWAYS, Period, between, since, until
from withhold.logic.rule import LAW_AS_OF, Rule, Version, rule, walk
from withhold.logic.trace import Assumption, Trace, json_value
from withhold.logic.value import (
    FALSE,
    TRUE,
    UNKNOWN,
    V,
    all_,
    any_,
    case_split,
    equals,
    implies,
    known,
    not_,
    one_of,
    unknown,
)

__all__ = [
    "ALWAYS", "FALSE", "LAW_AS_OF", "TRUE", "UNKNOWN", "Assumption", "Context", "Evaluation",
    "FactSource", "ParameterSource", "Period", "Rule", "RuleError", "Trace", "V", "Version", "all_",
    "any_", "between", "case_split", "equals", "implies", "json_value", "known", "not_", "one_of",
    "rule", "since", "unknown", "until", "walk",
]  # fmt: skip
