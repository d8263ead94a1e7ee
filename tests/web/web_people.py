"""The invented people of the web tests."""

from __future__ import annotations

from typing import Any

# An invented person, with words that must never appear in the database, an audit entry or a log.
INVENTED: dict[str, Any] = {
    "withhold": "case/1",
    "law_as_of": "2026-11-23",
    "person": {"given_name": "Zephyrine", "family_name": "Quixotelli", "a_number": "A098765432"},
    "proceedings": {
        "kind": "removal",
        "circuit": "9",
        "hearings": [{"kind": "master", "date": "2026-12-08"}, {"kind": "individual", "date": "2027-03-15"}],
    },
    "entry": {"last_arrival_date": "2024-08-10"},
    "claim": {"country": "SV", "grounds": ["political_opinion"]},
    "notes": "Marigoldish threats from the Vexwood gang",
}
SECRET_WORDS = ("Zephyrine", "Quixotelli", "098765432", "Marigoldish", "Vexwood")
