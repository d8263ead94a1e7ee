"""How the docket page grows with the number of cases an organization has.

Every case's summary (name, A-number, dates, statuses) is stored encrypted, so the docket decrypts the
organization's summaries to sort them by urgency, and renders one page of them
(``WITHHOLD_DOCKET_PAGE`` rows). This measures that cost at a small and a large docket in one run, on the
embedded SQLite database of ``withhold serve``'s settings, in a throwaway data directory with a key ring
made for the run: the first page of the docket, a later page, and a search by name, each the median of
``--repeat`` requests after one untimed request. The cases are invented (``Inventada 17 Prueba``), with a
hearing on two cases in three.

Prints, for each size, the medians in milliseconds, then the ratio of the large docket's first page to
the small one's against the ratio of their sizes (linear growth would make them equal), and a last line
``docket_ms_small=… docket_ms_large=… ratio=… size_ratio=…``.

Run: ``uv run python bench/docket_size.py [--small 200] [--large 2000] [--repeat 7]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from typing import Any

from throwaway_site import setup


def organization_with(cases: int, seed: int) -> Any:
    """A new organization with ``cases`` invented cases, and a client logged in as its attorney."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from withhold.facts.loading import validate_case
    from withhold.web.accounts.models import Membership, Organization
    from withhold.web.accounts.roles import Role
    from withhold.web.cases import store

    rng = random.Random(seed)
    organization = Organization.objects.create(name=f"Invented Clinic {cases}")
    user = get_user_model().objects.create_user(f"attorney-{cases}", password="an invented password 42")
    Membership.objects.create(user=user, organization=organization, role=Role.ATTORNEY)
    today = dt.date.today()
    for number in range(cases):
        document: dict[str, Any] = {
            "withhold": "case/1",
            "person": {"given_name": f"Inventada{number}", "family_name": "Prueba"},
        }
        if number % 3:
            day = today + dt.timedelta(days=rng.randint(1, 400))
            document["proceedings"] = {"hearings": [{"kind": "master", "date": day.isoformat()}]}
        store.create(organization, validate_case(document), None)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def median_ms(client: Any, url: str, repeat: int) -> float:
    assert client.get(url).status_code == 200  # untimed: templates and caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    setup("docket-bench")
    first: dict[int, float] = {}
    for size in (args.small, args.large):
        start = time.perf_counter()
        client = organization_with(size, seed=size)
        made = time.perf_counter() - start
        first[size] = median_ms(client, "/cases/", args.repeat)
        later = median_ms(client, "/cases/?page=3", args.repeat)
        search = median_ms(client, "/cases/?q=inventada17", args.repeat)
        print(
            f"{size:6d} cases (made in {made:5.1f} s): first page {first[size]:7.1f} ms"
            f"  page 3 {later:7.1f} ms  search by name {search:7.1f} ms"
        )
    ratio = first[args.large] / first[args.small]
    size_ratio = args.large / args.small
    print(
        f"first page, {args.large} against {args.small} cases: {ratio:.2f}x for {size_ratio:.0f}x the cases"
    )
    print(
        f"docket_ms_small={first[args.small]:.1f} docket_ms_large={first[args.large]:.1f}"
        f" ratio={ratio:.2f} size_ratio={size_ratio:.0f}"
    )


if __name__ == "__main__":
    main()
