"""Finding a case by name or A-number without storing either in the clear.

Each word of the person's names (and each of its first letters, from three on) and the A-number are
normalized (case, accents, the A prefix and leading zeros of an A-number) and stored as keyed digests
(:func:`withhold.web.vault.digest`). A search digests its words the same way, under every key of the
ring, and a case matches when each word of the search matches one of its digests.

The terms of one case are bounded, whatever its names: a word counts by its first :data:`WORD_MAX`
letters (a longer search word is cut the same way, so it still finds the case), and a case has at most
:data:`TERMS_MAX` terms: the A-number first, then the words of the given, middle and family names and
their beginnings, then those of the other names. (Every beginning of every word of a name of 990,000
characters was once half a billion characters to digest and store.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from withhold.facts.case import Case
from withhold.web import vault
from withhold.web.cases.models import CaseRecord, SearchDigest

PREFIX_FROM = 3
WORD_MAX = 24
"""The letters of a word that count: names longer than this are told apart by their start."""
TERMS_MAX = 300
"""The search terms of one case: a person with many names keeps all their whole words in practice."""
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_A_NUMBER = re.compile(r"^a?-?(\d[\d-]{6,10}\d)$", re.IGNORECASE)


def normalized(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def a_number_term(text: str) -> str | None:
    """``A012345678``, ``12345678`` and ``012-345-678`` are the same A-number."""
    match = _A_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    digits = match.group(1).replace("-", "")
    if not 8 <= len(digits) <= 9:
        return None
    return "a:" + digits.zfill(9)


def name_words(text: str) -> list[str]:
    return [word[:WORD_MAX] for word in _WORD.findall(normalized(text))]


def terms_of(case: Case) -> set[str]:
    """The case's search terms, at most :data:`TERMS_MAX`, the most useful first (see above)."""
    terms: set[str] = set()
    for term in _candidates(case):
        if len(terms) == TERMS_MAX:
            break
        terms.add(term)
    return terms


def _candidates(case: Case) -> Iterator[str]:
    person = case.person
    if person.a_number and (whole := a_number_term(person.a_number)):
        yield whole
    for names in ([person.given_name, person.middle_name, person.family_name], person.other_names or []):
        words = list(dict.fromkeys(word for name in names for word in name_words(name or "")))
        yield from ("w:" + word for word in words)
        yield from ("w:" + word[:size] for word in words for size in range(PREFIX_FROM, len(word)))


def terms_may_differ(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether two stored case files may have different :func:`terms_of`: only when their person differs,
    the one part the terms are read from (found without reading either case)."""
    return before.get("person") != after.get("person")


def query_terms(query: str) -> list[str]:
    """What a search asks for: an A-number as a whole, else each word of a name."""
    whole = a_number_term(query)
    if whole:
        return [whole]
    terms = []
    for part in query.split():
        term = a_number_term(part)
        terms.extend([term] if term else ["w:" + word for word in name_words(part)])
    return terms


def index(record: CaseRecord, case: Case) -> None:
    SearchDigest.objects.filter(case=record).delete()
    SearchDigest.objects.bulk_create(
        SearchDigest(case=record, digest=digest) for digest in sorted(vault.all_digests(terms_of(case)))
    )


def matching(cases: QuerySet[CaseRecord], query: str) -> QuerySet[CaseRecord]:
    terms = query_terms(query)
    if not terms:
        return cases
    for term in terms:
        cases = cases.filter(digests__digest__in=vault.digests(term))
    return cases.distinct()
