"""``withhold serve`` (gunicorn) in a process of its own, for the tests that need the real server: the
browser tests, and key rotation beside a running server."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

SERVE = [sys.executable, "-m", "withhold.cli.app", "serve", "--host", "127.0.0.1"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(env: dict[str, str], log: Path, workers: int = 2, threads: int = 2) -> Iterator[str]:
    """The server on a free loopback port, with ``env``, its output in ``log``; yields its URL once the
    login page answers (``withhold serve`` applies the migrations before it listens)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [*SERVE, "--port", str(port), "--workers", str(workers), "--threads", str(threads)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=out)
    try:
        wait_until_up(url, lambda: process.poll() is None, log)
        yield url
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def wait_until_up(url: str, alive: Callable[[], bool], log: Path, seconds: float = 60) -> None:
    """Waits for the login page to answer; ``alive()`` is false once the server process has ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive():
            raise RuntimeError(f"the server stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/accounts/login/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer in {seconds} s:\n{log.read_text()[-3000:]}")
