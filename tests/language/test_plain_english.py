"""The English a person alone reads on the self-help pages is plain: US grade 8 or below on the
Flesch-Kincaid formula (textstat, which counts syllables with pyphen), each text of a sentence or more and
all of them together; the worst are listed when one is over."""

from __future__ import annotations

import textstat

from withhold.reports.texts import NEXT_STEPS
from withhold.reports.texts import texts as report_texts
from withhold.web.texts import texts as web_texts

GRADE_MOST = 8.0


def _self_help_texts() -> dict[str, str]:
    found = {key: text.en for key, text in web_texts().items() if key.startswith("selfhelp.")}
    for step in NEXT_STEPS:
        for field in ("title", "text"):
            found[f"next_steps.{step}.{field}"] = report_texts().get("next_steps", step, field).en
    return found


def test_self_help_english_reads_at_grade_8_or_below() -> None:
    found = _self_help_texts()
    assert len(found) > 40
    graded = {
        key: textstat.flesch_kincaid_grade(text) for key, text in found.items() if len(text.split()) >= 8
    }
    worst = sorted(graded.items(), key=lambda item: -item[1])[:5]
    assert all(grade <= GRADE_MOST for grade in graded.values()), f"worst: {worst}"
    assert textstat.flesch_kincaid_grade(" ".join(found.values())) <= GRADE_MOST


def test_the_measure_can_fail() -> None:
    legal = (
        "Notwithstanding the applicability of discretionary determinations, the adjudicator's jurisdictional "
        "prerogatives encompass consideration of extraordinary circumstances materially affecting eligibility."
    )
    assert textstat.flesch_kincaid_grade(legal) > GRADE_MOST
