"""The command as a person runs it: a separate process, real standard streams, real exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from withhold.facts.loading import parse_case
from withhold.screening import screen

CASE = """\
withhold: case/1
law_as_of: 2026-11-23
person: {family_name: Invented, given_name: Ilse}
claim: {country: GT, grounds: [religion]}
convictions: []
"""


def run(args: list[str], *, executable: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    command = executable or [sys.executable, "-m", "withhold.cli.app"]
    env = {key: value for key, value in os.environ.items() if key not in {"FORCE_COLOR", "NO_COLOR"}}
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False
    )


def test_module_entry_point_screens_a_case(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    result = run(["screen", str(path), "--format", "json"])
    assert result.returncode == 0, result.stderr
    expected = screen(parse_case(CASE, "yaml"), dt.date(2026, 11, 23)).to_json()
    assert json.loads(result.stdout) == expected

    text = run(["screen", str(path)])
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Withhold screening — Ilse Invented\n")
    assert "\x1b[" not in text.stdout  # a pipe, not a terminal: plain text


def test_module_entry_point_user_error_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("withhold: case/1\nclaim: {nexsu: a_reason}\n", encoding="utf-8")
    result = run(["screen", str(path)])
    assert result.returncode == 2
    assert "did you mean claim.nexus?" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("withhold") is None, reason="console script not on PATH")
def test_installed_console_script() -> None:
    script = shutil.which("withhold")
    assert script is not None
    result = run(["explain", "asylum.bar.one_year"], executable=[script])
    assert result.returncode == 0, result.stderr
    assert "INA 208(a)(2)(B)" in result.stdout
    missing = run(["screen", "/nonexistent/case.yaml"], executable=[script])
    assert missing.returncode == 2
    assert missing.stderr.strip() == "error: /nonexistent/case.yaml: no such file"
