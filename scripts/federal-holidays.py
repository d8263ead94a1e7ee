"""Write src/withhold/law/time/federal_holidays.json: the US federal legal holidays (observed days
included) of 1990-2100, from the ``holidays`` package, which stays the source of truth.

The table spares every command the package's import (about a second: it loads every country's calendar)
for the years a case can touch; ``tests/deadlines/test_federal_holiday_table.py`` fails when the package
and the table disagree, and says to run this again:

    uv run --frozen python scripts/federal-holidays.py
"""

from __future__ import annotations

import json
from pathlib import Path

import holidays

FIRST, LAST = 1990, 2100
TABLE = Path(__file__).resolve().parents[1] / "src" / "withhold" / "law" / "time" / "federal_holidays.json"


def table() -> dict[str, dict[str, str]]:
    return {
        str(year): {
            day.isoformat(): name
            for day, name in sorted(holidays.country_holidays("US", years=year, observed=True).items())
        }
        for year in range(FIRST, LAST + 1)
    }


if __name__ == "__main__":
    TABLE.write_text(json.dumps(table(), indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{TABLE}: {LAST - FIRST + 1} years, holidays {holidays.__version__}")
