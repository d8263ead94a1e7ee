"""A cold ``withhold screen`` against a bare ``python -c pass``, side by side in one run (issue 18: at most
25 times).

Each run is a fresh process, as a person at a terminal starts one. Python's bytecode cache is allowed, as
in a normal install: the sources are compiled once first into a private cache (``PYTHONPYCACHEPREFIX``),
so a machine that forbids writing ``.pyc`` files (``PYTHONDONTWRITEBYTECODE``) measures what a user's
does. ``--no-bytecode`` measures with every module compiled at each start instead.
Prints the median of ``--runs`` runs of each and a last line ``pass=…s screen=…s ratio=… target=25``.

Run: ``uv run python bench/startup.py [--runs 7] [--no-bytecode]``.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "clean-asylum.yaml"
TARGET = 25.0


def seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-bytecode", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if options.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            sys.pycache_prefix = cache  # compileall writes where the runs will read
            for folder in (ROOT / "src", Path(sysconfig.get_paths()["purelib"])):
                compileall.compile_dir(folder, quiet=2, workers=0)
        bare = [sys.executable, "-c", "pass"]
        screen = [sys.executable, "-m", "withhold.cli.app", "screen", str(CASE)]
        seconds(screen, env)  # one warm-up each: the file system's cache, not Python's
        seconds(bare, env)
        passes, screens = [], []
        for _ in range(options.runs):  # interleaved, so a busy moment weighs on both
            passes.append(seconds(bare, env))
            screens.append(seconds(screen, env))
    python, withhold = statistics.median(passes), statistics.median(screens)
    print(f"python -c pass    median {python:.3f}s over {options.runs} runs")
    print(f"withhold screen   median {withhold:.3f}s over {options.runs} runs")
    bytecode = "without bytecode" if options.no_bytecode else "with bytecode"
    print(
        f"pass={python:.3f}s screen={withhold:.3f}s ratio={withhold / python:.1f} target={TARGET:.0f} ({bytecode})"
    )


if __name__ == "__main__":
    main()
