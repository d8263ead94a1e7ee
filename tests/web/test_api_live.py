"""The API through a real HTTP client (httpx) against ``withhold serve`` (gunicorn, the real middleware,
a SQLite file): a token made in the server's database, a case created by POST, read, screened and
changed, ``POST /screen``, a stale change, and a bad token. One server for the module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet
from live_server import serving

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MAKE_TOKEN = """
from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.users import create_user
from withhold.web.api.auth import issue
organization = Organization.objects.create(name="Invented Live Clinic")
maker = create_user("live-admin", "an invented long password 7")
Membership.objects.create(user=maker, organization=organization, role="admin")
print(issue(organization, "live test", "attorney", maker)[1])
"""


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, dict[str, str]]]:
    """The server's URL, an attorney token's secret, and the server's environment."""
    data = tmp_path_factory.mktemp("withhold-api-live")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="withhold.web.settings.local",
        WITHHOLD_DATA_DIR=str(data),
        WITHHOLD_FERNET_KEYS=Fernet.generate_key().decode("ascii"),
    )
    with serving(env, data / "server.log") as url:
        made = subprocess.run(
            [sys.executable, "-m", "withhold.web.manage", "shell", "-c", MAKE_TOKEN],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        yield url, made.stdout.split()[-1], env
        log = (data / "server.log").read_text()
    assert "Zephyrine" not in log and "Quixotelli" not in log  # no case data in the server's log


@pytest.fixture(scope="module")
def http(live: tuple[str, str, dict[str, str]]) -> Iterator[httpx.Client]:
    url, secret, _ = live
    with httpx.Client(
        base_url=f"{url}/api/v1", headers={"Authorization": f"Bearer {secret}"}, timeout=60
    ) as client:
        yield client


def example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def test_a_case_is_created_read_screened_and_changed_over_http(http: httpx.Client) -> None:
    created = http.post(
        "/cases", content=example("clean-asylum.yaml"), headers={"Content-Type": "application/yaml"}
    )
    assert created.status_code == 201, created.text
    case = created.json()
    assert case["version"] == 1 and case["document"]["withhold"] == "case/1"
    read = http.get(f"/cases/{case['id']}")
    assert read.status_code == 200 and read.json()["document"] == case["document"]
    screening = http.get(f"/cases/{case['id']}/screening")
    assert screening.status_code == 200
    assert "asylum" in screening.json()["reliefs"]
    listed = http.get("/cases", params={"limit": 10}).json()
    assert case["id"] in [item["id"] for item in listed["items"]]
    document = {**case["document"], "notes": "Invented note for the live test"}
    changed = http.put(f"/cases/{case['id']}", json={"version": 1, "document": document})
    assert changed.status_code == 200 and changed.json()["version"] == 2
    stale = http.put(f"/cases/{case['id']}", json={"version": 1, "document": case["document"]})
    assert stale.status_code == 409 and stale.json()["detail"][0]["loc"] == ["body", "version"]


def test_posting_a_case_to_screen_over_http(
    http: httpx.Client, live: tuple[str, str, dict[str, str]]
) -> None:
    before = http.get("/cases").json()["count"]
    document: dict[str, Any] = {
        "withhold": "case/1",
        "law_as_of": "2026-11-23",
        "person": {"given_name": "Zephyrine", "family_name": "Quixotelli"},
        "claim": {"country": "SV", "grounds": ["political_opinion"]},
    }
    screened = http.post(
        "/screen", content=json.dumps(document), headers={"Content-Type": "application/json"}
    )
    assert screened.status_code == 200
    assert screened.json()["law_as_of"] == "2026-11-23" and len(screened.json()["reliefs"]) == 4
    assert http.get("/cases").json()["count"] == before  # nothing kept
    wrong = http.post("/screen", json={"withhold": "case/1", "claim": {"nexsu": "yes"}})
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "claim.nexsu"]
    broken = http.post("/screen", content=b"{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 422 and "not valid JSON" in broken.json()["detail"][0]["msg"]


def test_a_bad_token_is_401_over_http(live: tuple[str, str, dict[str, str]]) -> None:
    url, secret, _ = live
    for headers in ({}, {"Authorization": "Bearer whk_invented"}, {"Authorization": f"Token {secret}"}):
        response = httpx.get(f"{url}/api/v1/cases", headers=headers, timeout=30)
        assert response.status_code == 401
        assert response.json() == {"detail": "Unauthorized"}
        assert response.headers["www-authenticate"] == "Bearer"
    assert httpx.get(f"{url}/api/v1/openapi.json", timeout=30).json()["openapi"].startswith("3.1")
