"""Screening many case files against only reading them, side by side in one run (issue 18: screening
throughput at least half the parse-only throughput, with the fast YAML loader).

``--cases`` invented complete cases (``bench/case_generator.py``, seeded) are written as YAML case files in
memory; then, in one process, each is (a) parsed and validated only, and (b) parsed, validated and
screened under the law of 2026-11-23. One warm-up pass first (rules, parameters and texts are read once
per process). Prints the cases per second of each and a last line ``parse=…/s screen=…/s ratio=…
target=0.5`` (ratio: screening throughput over parse-only throughput).

Then the same cases through ``withhold batch``'s own worker pool (:func:`withhold.batch.screen_items`,
rows, deadlines and all, the pool's start included) with ``--jobs 1`` and ``--jobs 2``, and a last line
``jobs1=…/s jobs2=…/s scaling=…`` (scaling: the two processes' throughput over the one's; at most 2, less
when the machine is busy with other work: say so with the figures).

Run: ``uv run python bench/batch_screening.py [--cases 2000] [--jobs 1 2]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time

import yaml
from case_generator import generate

from withhold.batch import Item, screen_items
from withhold.facts.loading import parse_case
from withhold.facts.reading import LOADER
from withhold.interview.answers import document_of
from withhold.screening import screen

AS_OF = dt.date(2026, 11, 23)
TARGET = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to compare")
    options = parser.parse_args()
    texts = [
        yaml.safe_dump(document_of(generate(seed)), allow_unicode=True, sort_keys=False)
        for seed in range(options.cases)
    ]
    for text in texts[:20]:  # warm-up
        screen(parse_case(text, "yaml"), AS_OF)
    start = time.perf_counter()
    for text in texts:
        parse_case(text, "yaml")
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    decided = 0
    for text in texts:
        decided += len(screen(parse_case(text, "yaml"), AS_OF).determinations)
    screened = time.perf_counter() - start
    parse_rate, screen_rate = options.cases / parsed, options.cases / screened
    print(
        f"YAML loader: {LOADER.__name__} (libyaml: {yaml.__with_libyaml__}); {options.cases} cases, {decided} determinations"
    )
    print(f"parse only          {parsed:.2f}s  {parse_rate:,.0f} cases/s")
    print(f"parse and screen    {screened:.2f}s  {screen_rate:,.0f} cases/s")
    print(
        f"parse={parse_rate:.0f}/s screen={screen_rate:.0f}/s ratio={screen_rate / parse_rate:.2f} target={TARGET}"
    )
    found = [Item(f"{number}.yaml", text, "yaml") for number, text in enumerate(texts)]
    rates: dict[int, float] = {}
    for jobs in options.jobs:
        start = time.perf_counter()
        rows = screen_items(found, AS_OF, AS_OF, jobs)
        took = time.perf_counter() - start
        assert len(rows) == len(found) and not any(row["errors"] for row in rows)
        rates[jobs] = options.cases / took
        print(f"withhold batch --jobs {jobs:<3} {took:.2f}s  {rates[jobs]:,.0f} cases/s")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} cores; load average {load} (other work on the machine lowers the scaling)")
    if 1 in rates and 2 in rates:
        print(f"jobs1={rates[1]:.0f}/s jobs2={rates[2]:.0f}/s scaling={rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
