"""How long one report PDF takes, for every example, against the 3-second target.

For each case in ``examples/`` and each audience (attorney in English, client in Spanish), the whole
path of ``withhold report``: screen the case, build the report, render the HTML and lay out the PDF. One
warm-up run first (it reads the texts, the templates and the fonts, once per process), then the median of
``--runs`` runs. With ``--cold``, each run is instead a fresh ``withhold report CASE -o FILE.pdf`` process
(Python start-up and imports included; Python's bytecode cache is allowed, as in a normal install).
Prints one line per report and a last line ``worst=…s target=3.0s ratio=…`` (ratio: worst median /
target; under 1 meets the target).

Run: ``uv run python bench/report_speed.py [--runs 5] [--cold]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from withhold.facts.loading import parse_case
from withhold.language import Language
from withhold.reports import Audience, build_report, render

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGET_SECONDS = 3.0
DEFAULT_AS_OF = dt.date(2026, 11, 23)
REPORTS: tuple[tuple[Audience, Language], ...] = (("attorney", "en"), ("client", "es"))


def one_pdf(text: str, audience: Audience, language: Language) -> tuple[float, int]:
    """Seconds to go from the case file's text to the PDF's bytes, and the PDF's size."""
    start = time.perf_counter()
    case = parse_case(text, "yaml")
    data = render(build_report(case, case.law_as_of or DEFAULT_AS_OF, audience, language), "pdf")
    return time.perf_counter() - start, len(data)


def one_process(path: Path, audience: Audience, language: Language, folder: Path) -> tuple[float, int]:
    """Seconds for a fresh ``withhold report`` process to write the PDF, and the PDF's size."""
    target = folder / "report.pdf"
    command = [sys.executable, "-c", "from withhold.cli.app import main; main()", "report", str(path)]
    command += ["-o", str(target), "--audience", audience, "--lang", language]
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")  # bytecode cached outside the repository
    start = time.perf_counter()
    subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, target.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per report (default 5)")
    parser.add_argument("--cold", action="store_true", help="time a fresh withhold process per run")
    arguments = parser.parse_args()
    runs = max(1, arguments.runs)
    paths = sorted(EXAMPLES.glob("*.yaml"))
    folder = Path(tempfile.mkdtemp(prefix="withhold-bench-"))
    if arguments.cold:
        one_process(paths[0], *REPORTS[0], folder)  # warm-up: fills the bytecode cache
    else:
        one_pdf(paths[0].read_text(encoding="utf-8"), *REPORTS[0])  # warm-up
    worst = 0.0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for audience, language in REPORTS:
            times = []
            size = 0
            for _ in range(runs):
                if arguments.cold:
                    seconds, size = one_process(path, audience, language, folder)
                else:
                    seconds, size = one_pdf(text, audience, language)
                times.append(seconds)
            median = statistics.median(times)
            worst = max(worst, median)
            print(
                f"{path.stem:42} {audience:8} {language}  median {median:5.2f}s  "
                f"max {max(times):5.2f}s  {size / 1024:6.0f} KB  ratio {median / TARGET_SECONDS:.2f}"
            )
    print(f"worst={worst:.2f}s target={TARGET_SECONDS:.1f}s ratio={worst / TARGET_SECONDS:.2f}")


if __name__ == "__main__":
    main()
