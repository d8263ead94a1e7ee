"""An API screening call against a trivial API call, each under 20 concurrent clients (issue 20: the
screening call's p99 at most 3 times the trivial call's).

The server is started as ``withhold serve`` starts it (migrations, static files, gunicorn with ``--workers``
processes of ``--threads`` threads each, 2 and 4 by default, and the task queue's worker beside it) on a
free port of 127.0.0.1, with a throwaway data directory, key ring and SQLite database (``--database-url``
for another). An organization, its administrator and an attorney's API token are made in the server's
database (``manage.py shell``); one case is created through the API (``POST /api/v1/cases``), and read back.

Then ``--clients`` threads (20), each with its own keep-alive connection (httpx), make ``--requests``
requests each (100), as fast as the answers come back, first of the trivial call (``GET /api/v1/token``:
the token is checked and counted, as every call's is, and the answer is a few fields) and then of the
screening call (``POST /api/v1/screen`` with ``--example``, ``examples/clean-asylum.yaml`` as JSON: read
by the core's loader, screened, and the core's JSON sent back; nothing is stored). A last phase mixes the
two, each client alternating, so that both are timed under the same load. Before them, one client
alone makes ``--requests`` of each, one after the other: what a call costs when nothing waits in line.
``--warmup`` requests per
client come first, untimed. The rate limit is set out of the way (``WITHHOLD_API_RATE``, 10,000,000 a
minute): every answer must be 200, or the run stops.

Prints p50/p99 of each call in each phase and a last line ``token_p99_ms=… screen_p99_ms=… ratio_p99=…
target=3 clients=… workers=… threads=…``. Every request goes to 127.0.0.1 only; the run is bounded (a
fixed number of requests, ``--max-seconds``) and stops by itself. Every person is invented.

Run: ``uv run python bench/api_screening.py [--clients 20] [--requests 100] [--workers 2] [--threads 4]``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_load  # the web benchmark's free port and server environment

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
TARGET = 3.0
MAKE_TOKEN = """
from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.users import create_user
from withhold.web.api.auth import issue
organization = Organization.objects.create(name="Invented Benchmark Clinic")
maker = create_user("bench-admin", "an invented long password 9")
Membership.objects.create(user=maker, organization=organization, role="admin")
print(issue(organization, "benchmark", "attorney", maker)[1])
"""


def environment(data_dir: Path, database_url: str) -> dict[str, str]:
    """The web benchmark's server environment, with no rate limit: the clients here are the load."""
    return {**web_load.environment(data_dir, database_url), "WITHHOLD_API_RATE": "10000000/min"}


@contextmanager
def server(env: dict[str, str], port: int, workers: int, threads: int) -> Iterator[str]:
    """``withhold serve`` on ``port`` until the block ends; yields its URL once it answers."""
    log = Path(env["WITHHOLD_DATA_DIR"]) / "serve.log"
    command = [sys.executable, "-m", "withhold.cli.app", "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), "--threads", str(threads)]
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise SystemExit(
                    f"withhold serve exited with {process.returncode}:\n{log.read_text()[-2000:]}"
                )
            try:
                if httpx.get(f"{url}/api/v1/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("withhold serve did not start within 180 s")
            time.sleep(0.2)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100), linear between the closest ranks, in ms."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return 1000 * (ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


def line(label: str, values: list[float]) -> str:
    return (
        f"{label:<32} n={len(values):<5} p50={percentile(values, 50):7.1f} ms  "
        f"p99={percentile(values, 99):7.1f} ms  mean={1000 * statistics.fmean(values):7.1f} ms  "
        f"max={percentile(values, 100):7.1f} ms"
    )


class Calls:
    """The two calls, each sent on one client's connection and timed."""

    def __init__(self, url: str, secret: str, case: str) -> None:
        self.url, self.case = url, case
        self.headers = {"Authorization": f"Bearer {secret}"}

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=f"{self.url}/api/v1", headers=self.headers, timeout=60)

    def trivial(self, http: httpx.Client) -> float:
        return self._timed(http, "GET", "/token", None)

    def screening(self, http: httpx.Client) -> float:
        return self._timed(http, "POST", "/screen", self.case)

    @staticmethod
    def _timed(http: httpx.Client, method: str, path: str, body: str | None) -> float:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        start = time.perf_counter()
        answer = http.request(method, path, content=body, headers=headers)
        spent = time.perf_counter() - start
        if answer.status_code != 200:
            raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.text[:200]}")
        return spent


def phase(
    calls: Calls, clients: int, requests: int, warmup: int, kinds: tuple[str, ...], stop_at: float
) -> dict[str, list[float]]:
    """``clients`` threads, each making ``requests`` requests (cycling through ``kinds``) back to back."""
    timed: dict[str, list[float]] = {kind: [] for kind in kinds}
    errors: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(clients)

    def run() -> None:
        with calls.client() as http:
            try:
                for number in range(warmup):
                    getattr(calls, kinds[number % len(kinds)])(http)
                ready.wait(timeout=120)
                for number in range(requests):
                    if time.monotonic() > stop_at:
                        raise RuntimeError("--max-seconds reached")
                    kind = kinds[number % len(kinds)]
                    spent = getattr(calls, kind)(http)
                    with lock:
                        timed[kind].append(spent)
            except (RuntimeError, httpx.HTTPError, threading.BrokenBarrierError) as error:
                with lock:
                    errors.append(str(error))

    threads = [threading.Thread(target=run) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{len(errors)} client(s) failed: {errors[0]}")
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per client and phase")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per client first")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    parser.add_argument("--example", default="clean-asylum.yaml", help="the case screened, from examples/")
    parser.add_argument("--database-url", default="", help="another database than a fresh SQLite file")
    parser.add_argument("--max-seconds", type=float, default=600)
    options = parser.parse_args()
    document = yaml.safe_load((ROOT / "examples" / options.example).read_text(encoding="utf-8"))
    case = json.dumps(document, ensure_ascii=False, default=str)
    stop_at = time.monotonic() + options.max_seconds
    with tempfile.TemporaryDirectory(prefix="withhold-api-bench-") as data:
        env = environment(Path(data), options.database_url)
        with server(env, web_load.free_port(), options.workers, options.threads) as url:
            made = subprocess.run(
                [sys.executable, "-m", "withhold.web.manage", "shell", "-c", MAKE_TOKEN],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            )
            secret = made.stdout.split()[-1]
            calls = Calls(url, secret, case)
            with calls.client() as http:
                created = http.post("/cases", content=case, headers={"Content-Type": "application/json"})
                assert created.status_code == 201, created.text[:300]
                read = http.get(f"/cases/{created.json()['id']}")
                assert read.status_code == 200 and read.json()["version"] == 1
            print(
                f"withhold serve: {options.workers} workers x {options.threads} threads (gthread), "
                f"{'SQLite' if not options.database_url else 'the given database'}; {options.clients} clients "
                f"x {options.requests} requests per phase; case {options.example} "
                f"({len(case.encode()):,} bytes as JSON); {os.cpu_count()} CPUs"
            )
            for kind, label in (("trivial", "GET /api/v1/token"), ("screening", "POST /api/v1/screen")):
                single = phase(calls, 1, options.requests, options.warmup, (kind,), stop_at)
                print(line(f"{label} (one client)", single[kind]))
            alone = {}
            for kind, label in (("trivial", "GET /api/v1/token"), ("screening", "POST /api/v1/screen")):
                found = phase(calls, options.clients, options.requests, options.warmup, (kind,), stop_at)
                alone[kind] = found[kind]
                print(line(f"{label} (alone)", found[kind]))
            mixed = phase(
                calls, options.clients, options.requests, options.warmup, ("trivial", "screening"), stop_at
            )
            print(line("GET /api/v1/token (mixed)", mixed["trivial"]))
            print(line("POST /api/v1/screen (mixed)", mixed["screening"]))
    token_p99, screen_p99 = percentile(alone["trivial"], 99), percentile(alone["screening"], 99)
    mixed_ratio = percentile(mixed["screening"], 99) / percentile(mixed["trivial"], 99)
    print(
        f"p99 ratio, each call alone under the same number of clients: {screen_p99 / token_p99:.2f} (target at most {TARGET:g})"
    )
    print(f"p99 ratio, the two calls mixed: {mixed_ratio:.2f}")
    print(
        f"token_p99_ms={token_p99:.1f} screen_p99_ms={screen_p99:.1f} ratio_p99={screen_p99 / token_p99:.2f} "
        f"mixed_ratio_p99={mixed_ratio:.2f} target={TARGET:g} clients={options.clients} "
        f"workers={options.workers} threads={options.threads}"
    )


if __name__ == "__main__":
    main()
