"""``withhold serve`` starts the task queue's worker (``manage.py db_worker``) beside gunicorn, with the
server's own environment, and stops it when the server stops; ``--no-worker`` leaves it out."""

from __future__ import annotations

import os
import time
from pathlib import Path

import live_server
import pytest
from live_server import serving


def workers_of(data_dir: Path) -> list[int]:
    """The db_worker processes running with ``data_dir`` as their data directory (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
            environment = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"db_worker" in command and f"WITHHOLD_DATA_DIR={data_dir}".encode() in environment:
            found.append(int(entry.name))
    return found


def gone(data_dir: Path, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not workers_of(data_dir):
            return True
        time.sleep(0.2)
    return False


def server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WITHHOLD_", "DJANGO_", "DATABASE_"))}
    env.update(DJANGO_SETTINGS_MODULE="withhold.web.settings.local", WITHHOLD_DATA_DIR=str(data_dir))
    return env


def test_serve_starts_one_worker_and_stops_it_with_the_server(tmp_path: Path) -> None:
    with serving(server_env(tmp_path), tmp_path / "server.log", workers=1):
        assert len(workers_of(tmp_path)) == 1
    assert gone(tmp_path), "the queue worker outlived the server"


def test_no_worker_leaves_it_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live_server, "SERVE", [*live_server.SERVE, "--no-worker"])
    with serving(server_env(tmp_path), tmp_path / "server.log", workers=1):
        assert workers_of(tmp_path) == []
