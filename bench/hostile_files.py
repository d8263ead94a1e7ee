"""Hostile case files through every command that reads a case, in this process: crashes per 10,000 files.

    uv run --frozen python bench/hostile_files.py [--files 10000] [--seed 0] [--jobs 2] [--i589-every 50]

Each file of ``bench/hostile_generator.py`` goes through ``screen`` (text, or JSON for one in four),
``deadlines``, ``roadmap``, ``report`` (Markdown) and, for one file in ``--i589-every``, ``i589`` (the blank Form
I-589 committed in ``forms/``), with the file's ``--as-of`` if it has one,
as Typer's test runner calls them. A crash is an exception out of a command, an exit code other than 0
(done) and 2 (the input refused with a message), or a traceback in the output: exit 1 is Withhold's own
"internal error" line, which a hostile file must never reach. The last line is the figure:
``crashes=… files=… per_10000=…``. ``make fuzz`` runs the default.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_generator import HostileFile, hostile_at

from withhold.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
BLANK_I589 = ROOT / "forms" / "i-589-edition-2023-03-01.pdf"


def commands(hostile: HostileFile, case: Path, directory: Path, form: Path | None) -> list[list[str]]:
    """The command lines one file goes through."""
    as_of = ["--as-of", hostile.as_of] if hostile.as_of is not None else []
    json_output = ["--format", "json"] if len(hostile.text) % 4 == 0 else []
    found = [
        ["screen", str(case), *as_of, *json_output],
        ["deadlines", str(case), *as_of],
        ["roadmap", str(case), *as_of],
        ["report", str(case), "-o", str(directory / "report.md"), *as_of],
    ]
    if form is not None:
        found.append(["i589", str(case), "--form", str(form), "-o", str(directory / "filled.pdf"), *as_of])
    return found


def crashes(hostile: HostileFile, directory: Path, form: Path | None = None) -> list[str]:
    """What went wrong running ``hostile`` through the commands: one line each (empty: nothing did)."""
    case = directory / f"case{hostile.suffix}"
    case.write_text(hostile.text, encoding="utf-8", errors="surrogatepass")
    runner = CliRunner()
    found = []
    for line in commands(hostile, case, directory, form):
        result = runner.invoke(app, line)
        error = result.exception
        if error is not None and not isinstance(error, SystemExit):
            found.append(f"{line[0]}: {type(error).__name__}: {str(error)[:120]}")
        elif result.exit_code not in (0, 2) or "Traceback" in result.output:
            found.append(f"{line[0]}: exit {result.exit_code}: {result.stderr.strip()[:160]}")
    return found


def _run_slice(arguments: tuple[int, int, int, int]) -> tuple[int, list[tuple[int, str]]]:
    start, stop, seed, i589_every = arguments
    form = BLANK_I589 if BLANK_I589.is_file() and i589_every > 0 else None
    found: list[tuple[int, str]] = []
    with tempfile.TemporaryDirectory(prefix="withhold-hostile-") as folder:
        for number in range(start, stop):
            with_form = form if form is not None and number % i589_every == 0 else None
            found.extend(
                (number, crash) for crash in crashes(hostile_at(number, seed), Path(folder), with_form)
            )
    return stop - start, found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--i589-every", type=int, default=50, help="i589 for one file in N (0: never)")
    options = parser.parse_args()
    started = time.perf_counter()
    size = 250
    slices = [
        (start, min(start + size, options.files), options.seed, options.i589_every)
        for start in range(0, options.files, size)
    ]
    done = 0
    crashed: dict[int, list[str]] = {}
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        for count, found in pool.map(_run_slice, slices):
            done += count
            for number, crash in found:
                crashed.setdefault(number, []).append(crash)
            print(
                f"{done:,} files, {len(crashed)} crashed, {time.perf_counter() - started:.0f} s", flush=True
            )
    kinds = Counter(
        crash.split(":")[0] + ":" + crash.split(":")[1] for crashes_ in crashed.values() for crash in crashes_
    )
    for number, found in sorted(crashed.items())[:20]:
        print(f"file {number}: {'; '.join(found)}")
    for kind, count in kinds.most_common(10):
        print(f"{count:6} {kind}")
    form_note = (
        f"i589 for 1 in {options.i589_every}" if BLANK_I589.is_file() and options.i589_every else "no i589"
    )
    print(f"seed {options.seed}, {form_note}, {time.perf_counter() - started:.0f} s")
    per = len(crashed) * 10_000 / max(options.files, 1)
    print(f"crashes={len(crashed)} files={options.files} per_10000={per:.1f}")


if __name__ == "__main__":
    main()
