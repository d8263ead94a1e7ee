"""The answers of a self-help session, carried by the person's own page, never kept by the server.

Each page holds the answers so far as one hidden field: the case (``case/1``) as JSON, compressed and
signed with the server's key (Django's signing), so the server can tell a set of answers it handed out
from one altered or made up on the way back, and refuse the latter plainly without losing the page the
person is on (their browser still holds the answers of the page before). A case file the person brings
back to resume is a file like any other: validated, its problems named.
"""

from __future__ import annotations

from django.core import signing

from withhold.facts.case import Case
from withhold.facts.loading import CaseFileError, validate_case
from withhold.interview.answers import document_of

SALT = "withhold.selfhelp.answers"
STATE_MAX_CHARS = 400_000
"""The largest signed state taken (a full case with a long story is far below it)."""


class StateError(ValueError):
    """The answers posted back are not a set this server handed out (altered, cut, or too large)."""


def sealed(case: Case) -> str:
    return signing.dumps(document_of(case), salt=SALT, compress=True)


def opened(value: str) -> Case:
    if not value or len(value) > STATE_MAX_CHARS:
        raise StateError("missing or too large")
    try:
        document = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        raise StateError("altered") from None
    try:
        return validate_case(document)
    except CaseFileError:
        raise StateError("not a case") from None
