"""The cover page's caption from a case file: who, which court, which judge, the next hearing, who files.

Nothing is guessed (rule 1): a fact the case does not record stays empty, and the cover page and the notes
say it is to be filled in. The person's name is read here only to be printed on the filing itself.
"""

from __future__ import annotations

import datetime as dt

from withhold.facts.case import Case
from withhold.facts.describe import person_name
from withhold.filing.model import Caption, Representative


def caption_of(case: Case, today: dt.date, *, title: str, judge: str = "") -> Caption:
    person = case.person
    proceedings = case.proceedings
    upcoming = sorted(
        (hearing for hearing in proceedings.hearings or () if hearing.date and hearing.date >= today),
        key=lambda hearing: hearing.date or today,
    )
    next_hearing = upcoming[0] if upcoming else None
    name = person_name(person)
    return Caption(
        respondents=(name,) if name else (),
        a_numbers=(_a_number(person.a_number),) if person.a_number else (),
        court=proceedings.court or "",
        detained=proceedings.detained,
        judge=judge,
        next_hearing=next_hearing.date if next_hearing else None,
        next_hearing_time=(next_hearing.time or "") if next_hearing else "",
        hearing_kind=next_hearing.kind if next_hearing else None,
        filed_by=_representative(case),
        title=title,
    )


def _a_number(value: str) -> str:
    """As EOIR writes it: A and nine digits in groups of three (an eight-digit number gets a leading 0)."""
    digits = "".join(char for char in value if char.isdigit()).zfill(9)
    return f"A{digits[0:3]}-{digits[3:6]}-{digits[6:9]}"


def _representative(case: Case) -> Representative | None:
    """The attorney or accredited representative who prepared the application with a G-28, if the case
    records one; otherwise the respondent files alone (pro se)."""
    preparer = case.application.preparer
    if preparer is None or preparer.g28_attached is not True or not preparer.name:
        return None
    street = ", ".join(part for part in (preparer.street, preparer.unit) if part)
    city = " ".join(
        part for part in (f"{preparer.city}," if preparer.city else "", preparer.state, preparer.zip) if part
    )
    address = "\n".join(part for part in (street, city) if part)
    return Representative(preparer.name, address, preparer.phone or "")
