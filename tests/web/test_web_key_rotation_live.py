"""Key rotation while the server runs, with real processes: ``withhold serve`` (gunicorn) over a SQLite file
and a key file, and ``rotate_keys --new-key --retire-old`` run beside it as an operator would. The running
server must go on reading every case (no 500), and a case created through it afterwards must be encrypted
under the key that is left, so that nothing is lost when the old key is gone. Everyone here is invented."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from live_server import serving

MANAGE = [sys.executable, "-m", "withhold.web.manage"]


@dataclass
class Live:
    url: str
    env: dict[str, str]
    key_file: Path
    passwords: dict[str, str]

    def manage(self, *command: str) -> str:
        done = subprocess.run(
            [*MANAGE, *command], env=self.env, capture_output=True, text=True, timeout=180, check=False
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Live]:
    """``withhold serve`` on a free loopback port, its keys in a key file (no ``WITHHOLD_FERNET_KEYS``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WITHHOLD_", "DJANGO_", "DATABASE_"))}
    env.update(DJANGO_SETTINGS_MODULE="withhold.web.settings.local", WITHHOLD_DATA_DIR=str(tmp_path))
    with serving(env, tmp_path / "server.log", workers=1) as url:
        found = Live(url, env, tmp_path / "fernet.keys", {})
        demo = found.manage("withhold_demo", "--examples", str(tmp_path / "no-examples"))
        found.passwords = dict(re.findall(r"username (\S+)\s+password (\S+)", demo))
        yield found


class Browser:
    """A person at the server over plain HTTP: cookies kept, the CSRF token sent with each form."""

    def __init__(self, live: Live) -> None:
        self.live = live
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.live.url + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.live.url + path, data=body, method="POST")
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", "")

    def log_in(self, username: str) -> None:
        self.get("/accounts/login/")
        status, where = self.post(
            "/accounts/login/", {"username": username, "password": self.live.passwords[username]}
        )
        assert (status, where) == (302, "/cases/"), status

    def new_case(self, given: str, family: str) -> str:
        self.get("/cases/new/")
        status, where = self.post(
            "/cases/new/", {"given_name": given, "family_name": family, "a_number": "", "then": "case"}
        )
        assert status == 302 and re.fullmatch(r"/cases/[0-9a-f-]{36}/", where), (status, where)
        return where


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


READ_EVERYTHING = """
import json
from withhold.web.accounts.models import Organization
from withhold.web.cases import search
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord, CaseVersion
records = list(CaseRecord.objects.all())
print(json.dumps({
    "names": sorted(str(case_of(r.document).person.family_name) for r in records),
    "versions": [str(case_of(v.document).person.family_name) for v in CaseVersion.objects.all()],
    "summaries": [r.summary.get("name", "") for r in records if r.summary],
    "organizations": Organization.objects.count(),
    "found": [str(case_of(r.document).person.family_name) for r in search.matching(CaseRecord.objects.all(), "Despues")],
}))
"""
"""Loads every encrypted value (cases, versions, summaries, organizations and their feed tokens) and searches
by name, in a process of its own that reads the key file afresh."""


def test_rotating_keys_while_the_server_runs_loses_no_case(live: Live) -> None:
    person = Browser(live)
    person.log_in("demo")
    before = person.new_case("Invented", "Antes")
    assert person.get(before)[0] == 200
    first_key = live.key_file.read_text().split()

    rotated = live.manage("rotate_keys", "--new-key", "--retire-old")
    assert "older keys were removed" in rotated
    left = live.key_file.read_text().split()
    assert len(left) == 1 and left != first_key

    # The running server, that read the old key at start, reads the new one.
    status, page = person.get(before)
    assert status == 200 and "Invented Antes" in page
    after = person.new_case("Invented", "Después")
    status, page = person.get(after)
    assert status == 200 and "Invented Después" in page
    status, docket = person.get("/cases/?q=despues")
    assert status == 200 and "Invented Después" in docket

    # A fresh process with only the key left reads everything, the case made after rotation included, and
    # finds it by name (its search digests are under the key left too).
    printed = live.manage("shell", "-c", READ_EVERYTHING)
    read = json.loads(printed.strip().splitlines()[-1])
    assert read["names"] == ["Antes", "Después"]
    assert sorted(read["versions"]) == ["Antes", "Después"]
    assert read["found"] == ["Después"]
