"""A request whose body is larger than any Withhold takes is refused before it is read.

Django bounds what it holds in memory (``DATA_UPLOAD_MAX_MEMORY_SIZE`` for form fields,
``FILE_UPLOAD_MAX_MEMORY_SIZE`` before an upload is spooled to a temporary file), but reads an upload of
any size to disk. The largest body Withhold takes is the blank I-589 (at most 20 MB) with its form; a
larger one is answered 413 from its declared length alone. (A body without a length, sent in chunks, is
not read by Django at all.) One form takes more: the upload of a case's evidence documents, several files
at once (``WITHHOLD_EVIDENCE_MAX_REQUEST_BYTES``), at its own address only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from withhold.web.errors import too_large

EVIDENCE_UPLOAD = re.compile(r"^/cases/[0-9a-f-]{36}/evidence/upload/$")


def limit(path: str) -> int:
    """The largest body a request to ``path`` may have."""
    if EVIDENCE_UPLOAD.match(path):
        return int(settings.WITHHOLD_EVIDENCE_MAX_REQUEST_BYTES)
    return int(settings.WITHHOLD_REQUEST_MAX_BYTES)


class RequestSizeLimit:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit(request.path):
            return too_large(request)
        return self.get_response(request)
