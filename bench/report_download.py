"""A repeat report download against the first, side by side in one run (issue 18: a repeat under 50 ms).

The web app builds a report PDF inside the request (seconds); it keeps what it built for the same case
content, dates, audience and language (``withhold.web.cases.built_reports``), so the next download of the
same report is served from memory. This measures, on the embedded SQLite database of ``withhold serve``'s
settings in a throwaway data directory with a key ring made for the run, for an invented example case:
the first download of the client report in Spanish and of the attorney report in English, then the median
of ``--repeat`` repeat downloads of each (the whole request: session, permission check, decryption,
audit entry, response).

Prints the figures in milliseconds and a last line ``first_ms=… repeat_ms=… ratio=… target_ms=50``.

Run: ``uv run python bench/report_download.py [--repeat 9]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from throwaway_site import setup

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "story-client-intake-honduras.yaml"
TARGET_MS = 50.0


def timed(client: object, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)  # type: ignore[attr-defined]
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200 and response.content.startswith(b"%PDF"), response.status_code
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    options = parser.parse_args()
    setup("report-bench")
    from django.contrib.auth import get_user_model
    from django.test import Client

    from withhold.facts.loading import parse_case
    from withhold.web.accounts.models import Membership, Organization
    from withhold.web.accounts.roles import Role
    from withhold.web.cases import store

    organization = Organization.objects.create(name="Invented Clinic")
    user = get_user_model().objects.create_user("attorney", password="an invented password 42")
    Membership.objects.create(user=user, organization=organization, role=Role.ATTORNEY)
    record = store.create(organization, parse_case(EXAMPLE.read_text(encoding="utf-8")), None)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    firsts, repeats = [], []
    for audience, language in (("client", "es"), ("attorney", "en")):
        url = f"/cases/{record.id}/report/{audience}/{language}.pdf"
        first = timed(client, url)
        again = statistics.median(timed(client, url) for _ in range(options.repeat))
        firsts.append(first)
        repeats.append(again)
        print(
            f"{audience} report ({language}): first {first:7.0f} ms   repeat (median of {options.repeat}) {again:6.1f} ms"
        )
    first, repeat = max(firsts), max(repeats)
    print(f"first_ms={first:.0f} repeat_ms={repeat:.1f} ratio={repeat / first:.4f} target_ms={TARGET_MS:.0f}")


if __name__ == "__main__":
    main()
