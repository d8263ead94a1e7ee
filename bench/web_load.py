"""The web application under a bounded load: concurrent simulated users going through the browser interview,
and a trivial page timed in the same run, against the targets of issue 7.

The server is started as ``withhold serve`` starts it (migrations, static files, gunicorn with its default
workers and threads unless ``--workers``/``--threads`` are given) on a free port of 127.0.0.1, with a
throwaway data directory and key ring; the database is the embedded SQLite unless ``--database-url`` (or
``DATABASE_URL``) names one, such as the server of ``scripts/postgres-for-tests.sh``. ``withhold_demo``
makes the demo organization, and one invented screener per simulated user is added to it.

Each simulated user logs in with its own session, creates its own case (named after nobody), and then
``--steps`` times answers the page of questions shown and waits for the next one: the POST of the answers
and the GET of the page it redirects to, as a person waits after "Save and continue". A yes/no or choice is
picked at random (seeded), a date or number is given, a text or country question gets "I don't know" (a
page whose answers do not fit is skipped for now); a user whose interview ends starts another case. ``--warmup`` steps per user come first, untimed. Meanwhile one more
client, logged out, fetches the login page (rendered from a template, with a CSRF token, no database) every
``--probe-every`` seconds: the trivial page, under the same load. Between two steps a user pauses
``--think`` seconds on average (uniformly 0.5 to 1.5 times it; 1 s by default, when a person reading and
answering a question takes 5 to 60 s). ``--think 0`` makes every user answer the moment the page is back:
the server is then saturated and a step's latency is the number of users over the throughput (steps/s).

``--htmx`` sends each answer as htmx sends a form (``HX-Request: true``): the server then answers the POST
with the next question's page itself (200), one round trip per step instead of two. That is what a browser
with JavaScript does once the question form is sent by htmx (``hx-post``/``hx-boost``); a plain form (no
JavaScript, or a form without htmx attributes) takes the POST-redirect-GET path, measured without
``--htmx``. The first line of the output says which path was measured.

Prints p50/p99 of an interview step (the round trip) and of its requests, of the trivial page, the ratio
of the p50s, and a last line ``interview_step_p99_ms=… trivial_p50_ms=… ratio_p50=… users=… path=…``.
Targets: an interview step's p99 under 250 ms with 20 concurrent users on a 2-core machine; its p50 within
3 times the trivial page's. Every request goes to 127.0.0.1 only, and the run stops by itself (a bounded
number of steps and ``--max-seconds``). Every person is invented.

Run: ``uv run python bench/web_load.py [--users 20] [--steps 20] [--think 1] [--htmx] [--database-url URL]``.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
STEP_P99_TARGET_MS = 250.0
P50_RATIO_TARGET = 3.0
LOGIN = "/accounts/login/"
DATE_ANSWER = "2024-01-15"
HTMX = {"HX-Request": "true"}

# --- a small browser: one keep-alive connection, its cookies, forms read from the page ----------------------


class Inputs(HTMLParser):
    """The ``<input>`` tags of a page, as dictionaries of their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            self.found.append({name: value or "" for name, value in attrs})


def inputs_of(page: str) -> list[dict[str, str]]:
    parser = Inputs()
    parser.feed(page)
    return parser.found


@dataclass
class Response:
    status: int
    location: str
    body: str


class Browser:
    """One person's browser: a keep-alive connection to the server and the cookies it was given."""

    def __init__(self, port: int, timeout: float = 30.0) -> None:
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=timeout)

    def close(self) -> None:
        self.connection.close()

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str | list[str]] | None = None,
        extra: dict[str, str] | None = None,
    ) -> Response:
        headers = {"Host": f"{HOST}:{self.port}", **(extra or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                answer = self.connection.getresponse()
                data = answer.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection before this request reached it.
                self.connection.close()
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
                if attempt == 2:
                    raise
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(answer.status, urlsplit(answer.getheader("Location") or "").path, data)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(
        self, path: str, form: dict[str, str | list[str]], extra: dict[str, str] | None = None
    ) -> Response:
        return self.request("POST", path, form, extra)

    def form_token(self, page: str) -> str:
        for attributes in inputs_of(page):
            if attributes.get("name") == "csrfmiddlewaretoken":
                return attributes.get("value", "")
        return self.cookies.get("csrftoken", "")


def expect(response: Response, status: int, what: str) -> Response:
    if response.status != status:
        raise RuntimeError(f"{what}: HTTP {response.status}, expected {status}")
    return response


PATHS = {
    "redirect": "POST-redirect-GET (two round trips: a browser without JavaScript, or any browser while the "
    "question form is a plain form)",
    "htmx": "htmx (HX-Request: one round trip, the POST returns the next question: a browser with "
    "JavaScript once the question form is sent by htmx)",
}

# --- one simulated user -----------------------------------------------------------------------------------


@dataclass
class Timings:
    step: list[float] = field(default_factory=list)
    post: list[float] = field(default_factory=list)
    get: list[float] = field(default_factory=list)
    new_case: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def answer_for(page: str, rng: random.Random) -> dict[str, str | list[str]] | None:
    """The form a person would send for the page of questions on ``page`` (each one numbered on the page,
    ``answer-N``); None when the page asks nothing."""
    found = inputs_of(page)
    paths = [i.get("value", "") for i in found if i.get("name") == "path"]
    if not paths:
        return None
    form: dict[str, str | list[str]] = {"path": paths, "csrfmiddlewaretoken": "", "action": "answer"}
    for number in range(1, len(paths) + 1):
        name = f"answer-{number}"
        answers = [i for i in found if i.get("name") == name and i.get("value") != "dont_know"]
        kinds = {i.get("type", "text") for i in answers}
        if kinds == {"radio"}:
            form[name] = rng.choice([i["value"] for i in answers])
        elif kinds == {"checkbox"}:
            form[name] = [rng.choice([i["value"] for i in answers])]
        elif kinds == {"date"}:
            form[name] = DATE_ANSWER
        elif kinds == {"number"}:
            form[name] = rng.choice(["0", "1", "2"])
        else:
            form[f"dont_know-{number}"] = "1"
    return form


class User(threading.Thread):
    def __init__(
        self,
        number: int,
        port: int,
        password: str,
        arguments: argparse.Namespace,
        start_together: threading.Barrier,
        deadline: float,
    ) -> None:
        super().__init__(name=f"user-{number}", daemon=True)
        self.number = number
        self.browser = Browser(port)
        self.password = password
        self.arguments = arguments
        self.start_together = start_together
        self.deadline = deadline
        self.rng = random.Random(1000 + number)
        self.timings = Timings()

    def run(self) -> None:
        try:
            self._log_in()
            page = self._new_case(timed=False)
            for _ in range(self.arguments.warmup):
                page = self._step(page, timed=False)
        except Exception as error:
            self.timings.errors.append(f"setup: {error}")
            self.start_together.abort()
            return
        finally:
            with suppress(threading.BrokenBarrierError):
                self.start_together.wait(timeout=300)
        try:
            for _ in range(self.arguments.steps):
                if time.monotonic() > self.deadline:
                    self.timings.errors.append("stopped at --max-seconds")
                    break
                if self.arguments.think:
                    time.sleep(self.rng.uniform(0.5, 1.5) * self.arguments.think)
                page = self._step(page, timed=True)
        except Exception as error:
            self.timings.errors.append(str(error))
        finally:
            self.browser.close()

    def _log_in(self) -> None:
        page = expect(self.browser.get(LOGIN), 200, "login page").body
        form: dict[str, str | list[str]] = {
            "username": f"bench-user-{self.number:02d}",
            "password": self.password,
            "csrfmiddlewaretoken": self.browser.form_token(page),
        }
        expect(self.browser.post(LOGIN, form), 302, "log in")

    def _new_case(self, timed: bool) -> str:
        """Create a case and return its first question's page (timed after the warm-up: part of the load)."""
        start = time.perf_counter()
        page = expect(self.browser.get("/cases/new/"), 200, "new case page").body
        form: dict[str, str | list[str]] = {
            "given_name": f"Invented{self.number:02d}",
            "family_name": "Benchperson",
            "then": "interview",
            "csrfmiddlewaretoken": self.browser.form_token(page),
        }
        made = expect(self.browser.post("/cases/new/", form), 302, "create a case")
        self.interview = made.location
        body = expect(self.browser.get(self.interview), 200, "first question").body
        if timed:
            self.timings.new_case.append(time.perf_counter() - start)
        return body

    def _step(self, page: str, timed: bool) -> str:
        """Answer the question on ``page`` and return the next page (a new case's when this one ended)."""
        form = answer_for(page, self.rng)
        if form is None:
            return self._new_case(timed)
        form["csrfmiddlewaretoken"] = self.browser.form_token(page)
        if self.arguments.htmx:
            return self._htmx_step(form, timed)
        start = time.perf_counter()
        posted = self.browser.post(self.interview, form)
        middle = time.perf_counter()
        if posted.status == 422:  # an answer did not fit: "Skip for now" instead, as a person would
            form["action"] = "skip"
            posted = self.browser.post(self.interview, form)
            middle = time.perf_counter()
        expect(posted, 302, "answer")
        shown = expect(self.browser.get(posted.location), 200, "next question")
        end = time.perf_counter()
        if timed:
            self.timings.step.append(end - start)
            self.timings.post.append(middle - start)
            self.timings.get.append(end - middle)
        return shown.body

    def _htmx_step(self, form: dict[str, str | list[str]], timed: bool) -> str:
        """The answer as htmx sends it: the reply is the next question's page, in one round trip."""
        start = time.perf_counter()
        shown = self.browser.post(self.interview, form, HTMX)
        if shown.status == 422:
            form["action"] = "skip"
            shown = self.browser.post(self.interview, form, HTMX)
        end = time.perf_counter()
        expect(shown, 200, "answer (htmx)")
        if timed:
            self.timings.step.append(end - start)
            self.timings.post.append(end - start)
        return shown.body


class Probe(threading.Thread):
    """A logged-out visitor fetching the login page at a steady pace while the users work."""

    def __init__(self, port: int, every: float) -> None:
        super().__init__(name="probe", daemon=True)
        self.browser = Browser(port)
        self.every = every
        self.times: list[float] = []
        self.errors: list[str] = []
        self.done = threading.Event()

    def run(self) -> None:
        try:
            while not self.done.is_set():
                start = time.perf_counter()
                response = self.browser.get(LOGIN)
                elapsed = time.perf_counter() - start
                expect(response, 200, "login page")
                self.browser.cookies.clear()  # always a first visit
                self.times.append(elapsed)
                self.done.wait(self.every)
        except Exception as error:
            self.errors.append(str(error))
        finally:
            self.browser.close()


# --- the server --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def environment(data_dir: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WITHHOLD_", "DJANGO_", "DATABASE_"))}
    env.update(
        WITHHOLD_DATA_DIR=str(data_dir),
        WITHHOLD_FERNET_KEYS=Fernet.generate_key().decode("ascii"),
        DJANGO_SETTINGS_MODULE="withhold.web.settings.local",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "withhold.web.manage", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(f"manage {args[0]} failed:\n{done.stderr[-2000:]}")
    return done.stdout


ADD_USERS = """
from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.roles import Role
from withhold.web.accounts.users import create_user
from withhold.web.management.commands.withhold_demo import ORGANIZATION
organization = Organization.objects.get(name=ORGANIZATION)
for number in range(1, {users} + 1):
    user = create_user(f"bench-user-{{number:02d}}", {password!r})
    Membership.objects.create(user=user, organization=organization, role=Role.SCREENER)
"""


@contextmanager
def server(
    env: dict[str, str], port: int, workers: int | None, threads: int | None
) -> Iterator[tuple[Path, int]]:
    """``withhold serve`` on ``port``, until the block ends; yields its log file and process id."""
    log = Path(env["WITHHOLD_DATA_DIR"]) / "serve.log"
    command = [sys.executable, "-m", "withhold.cli.app", "serve", "--host", HOST, "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    if threads:
        command += ["--threads", str(threads)]
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise SystemExit(
                    f"withhold serve exited with {process.returncode}:\n{log.read_text()[-2000:]}"
                )
            try:
                with socket.create_connection((HOST, port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("withhold serve did not start within 120 s") from None
                time.sleep(0.1)
        yield log, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in children:
            found += _process_tree(int(child))
    return found


def cpu_seconds(server_pid: int) -> tuple[float, float, float] | None:
    """CPU seconds used so far by the server's processes, by this process, and by the whole machine (Linux's
    /proc; None elsewhere): what else ran on the machine shows in the figures."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        server_cpu = 0.0
        for pid in _process_tree(server_pid):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            server_cpu += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        cpu = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
        busy = (sum(cpu) - cpu[3] - cpu[4]) / ticks  # all but idle and iowait
        return server_cpu, time.process_time(), busy
    except (OSError, ValueError, IndexError):
        return None


# --- the figures -------------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation between the closest ranks, in ms."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return 1000 * (ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


def line(label: str, values: list[float]) -> str:
    mean = 1000 * statistics.fmean(values) if values else float("nan")
    return (
        f"{label:<34} n={len(values):<5} p50={percentile(values, 50):7.1f} ms  "
        f"p99={percentile(values, 99):7.1f} ms  mean={mean:7.1f} ms  max={percentile(values, 100):7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20, help="concurrent simulated users (default 20)")
    parser.add_argument("--steps", type=int, default=20, help="timed interview steps per user (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps per user first (default 2)")
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean pause between steps, seconds (default 1; 0: none)"
    )
    parser.add_argument(
        "--htmx",
        action="store_true",
        help="send answers as htmx does: the POST returns the next question (default: POST-redirect-GET)",
    )
    parser.add_argument("--probe-every", type=float, default=0.05, help="seconds between trivial pages")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: withhold serve's)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: withhold serve's)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--server-log", type=Path, help="keep a copy of the server's log here")
    parser.add_argument("--max-seconds", type=float, default=300.0, help="stop the timed run after this")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="withhold-web-load-") as folder:
        env = environment(Path(folder), arguments.database_url)
        password = secrets.token_urlsafe(18)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "withhold_demo", "--examples", str(ROOT / "examples"))
        manage(env, "shell", "-c", ADD_USERS.format(users=arguments.users, password=password))
        port = free_port()
        with server(env, port, arguments.workers, arguments.threads) as (log, server_pid):
            ready = threading.Barrier(arguments.users + 1)
            deadline = time.monotonic() + arguments.max_seconds
            users = [
                User(n, port, password, arguments, ready, deadline) for n in range(1, arguments.users + 1)
            ]
            for user in users:
                user.start()
            with suppress(threading.BrokenBarrierError):
                ready.wait(timeout=300)
            probe = Probe(port, arguments.probe_every)
            started = time.perf_counter()
            cpu_before = cpu_seconds(server_pid)
            probe.start()
            for user in users:
                user.join(timeout=max(1.0, deadline - time.monotonic() + 30))
            elapsed = time.perf_counter() - started
            cpu_after = cpu_seconds(server_pid)
            probe.done.set()
            probe.join(timeout=30)
        if arguments.server_log:
            arguments.server_log.write_text(log.read_text())
        server_errors = [
            text for text in log.read_text().splitlines() if " ERROR " in text or "Error:" in text
        ]

    timings = Timings()
    for user in users:
        timings.step += user.timings.step
        timings.post += user.timings.post
        timings.get += user.timings.get
        timings.new_case += user.timings.new_case
        timings.errors += [f"{user.name}: {error}" for error in user.timings.errors]
    timings.errors += [f"probe: {error}" for error in probe.errors]

    database = "PostgreSQL" if arguments.database_url.startswith("postgres") else "SQLite"
    print(
        f"{arguments.users} users x {arguments.steps} steps (think {arguments.think}s) on {database}, "
        f"{os.cpu_count()} cores, {elapsed:.1f} s, "
        f"{len(timings.step) / elapsed if elapsed else 0:.1f} steps/s"
    )
    print(f"answer path: {PATHS['htmx' if arguments.htmx else 'redirect']}")
    print(line("interview step (answer + next page)", timings.step))
    if arguments.htmx:
        print(line("  POST answer (save, 200 next page)", timings.post))
    else:
        print(line("  POST answer (save, 302)", timings.post))
        print(line("  GET next question", timings.get))
    print(line("new case (form, create, 1st question)", timings.new_case))
    print(line("trivial page (login page, logged out)", probe.times))
    if cpu_before and cpu_after:
        server_cpu, own_cpu, busy = (
            after - before for after, before in zip(cpu_after, cpu_before, strict=True)
        )
        print(
            f"CPU in use over the timed run, in cores: server {server_cpu / elapsed:.2f}, this load generator "
            f"{own_cpu / elapsed:.2f}, other processes {max(0.0, busy - server_cpu - own_cpu) / elapsed:.2f}"
        )
    for error in timings.errors[:10]:
        print(f"error: {error}")
    for text in server_errors[-10:]:
        print(f"server: {text}")
    step_p50, step_p99 = percentile(timings.step, 50), percentile(timings.step, 99)
    trivial_p50 = percentile(probe.times, 50)
    ratio = step_p50 / trivial_p50 if trivial_p50 else float("nan")
    question_ratio = percentile(timings.get, 50) / trivial_p50 if timings.get else float("nan")
    print(
        f"targets: step p99 {step_p99:.1f} ms < {STEP_P99_TARGET_MS:.0f} ms "
        f"{'met' if step_p99 < STEP_P99_TARGET_MS else 'MISSED'}; "
        f"step p50 / trivial p50 = {ratio:.2f} < {P50_RATIO_TARGET:.0f} "
        f"{'met' if ratio < P50_RATIO_TARGET else 'MISSED'}"
        + (f" (question page alone: {question_ratio:.2f})" if timings.get else "")
    )
    print(
        f"interview_step_p99_ms={step_p99:.1f} interview_step_p50_ms={step_p50:.1f} "
        f"trivial_p50_ms={trivial_p50:.1f} trivial_p99_ms={percentile(probe.times, 99):.1f} "
        f"ratio_p50={ratio:.2f} users={arguments.users} errors={len(timings.errors)} "
        f"path={'htmx' if arguments.htmx else 'redirect'}"
    )
    if timings.errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
