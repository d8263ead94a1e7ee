"""Nothing about a case in logs or error pages (8 CFR 1208.6 forbids disclosing asylum information).

Two guards. :class:`ConfidentialFilter`, on every log handler, removes query strings (a docket search
carries a name), calendar feed tokens and client intake link tokens from messages, and replaces a
traceback by its frames alone: the exception's message, which may quote a value from a case, is dropped. :class:`ConfidentialReporterFilter`
and :class:`ConfidentialExceptionReporter` make Django's error reports (the DEBUG page, and any report
built from an exception) show no request data, no variables and no exception message at all.
"""

from __future__ import annotations

import logging
import re
import traceback
from types import TracebackType
from typing import Any

from django.http import HttpRequest
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

HIDDEN = "[hidden: may hold case information]"

_QUERY = re.compile(r"\?[^\s\"']*")
_FEED = re.compile(r"(/calendar/)[^/\s\"']+")
_INTAKE = re.compile(r"(/intake/)[^\s\"']+")
"""A client intake link's token, and anything after it (a malformed link is still someone's)."""


def redact(text: str) -> str:
    """A log line without query strings, feed tokens or client intake link tokens."""
    return _INTAKE.sub(r"\1[token]", _FEED.sub(r"\1[token]", _QUERY.sub("?[query]", text)))


def frames_only(exc_info: tuple[type[BaseException], BaseException, TracebackType | None]) -> str:
    """A traceback that names the exception's type and where it happened, not what it said."""
    kind, _, trace = exc_info
    lines = ["Traceback (most recent call last; messages hidden):"]
    for frame in traceback.extract_tb(trace):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    lines.append(f"{kind.__module__}.{kind.__qualname__}: {HIDDEN}")
    return "\n".join(lines)


class ConfidentialFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: keep its template, drop its values
            message = str(record.msg)
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and record.exc_info[0] is not None:
            exc_info = record.exc_info
            assert exc_info[1] is not None
            record.exc_text = frames_only((exc_info[0], exc_info[1], exc_info[2]))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = HIDDEN
        # Django attaches the request to error records; handlers that would read it see nothing.
        if hasattr(record, "request"):
            record.request = None
        return True


class ConfidentialReporterFilter(SafeExceptionReporterFilter):
    """Every request value and every local variable is hidden, in DEBUG too."""

    def is_active(self, request: HttpRequest | None) -> bool:
        return True

    def get_post_parameters(self, request: HttpRequest | None) -> Any:
        if request is None:
            return {}
        return dict.fromkeys(request.POST, HIDDEN)

    def get_traceback_frame_variables(self, request: HttpRequest | None, tb_frame: Any) -> Any:
        return [(name, HIDDEN) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        return dict.fromkeys(request.META, HIDDEN)

    def get_safe_settings(self) -> dict[str, Any]:
        return {}


class ConfidentialExceptionReporter(ExceptionReporter):
    """The DEBUG error page without the query string, the GET values or the exception's message."""

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if data.get("exception_value"):
            data["exception_value"] = HIDDEN
        data["request_GET_items"] = [(name, HIDDEN) for name, _ in data.get("request_GET_items") or []]
        data["request_FILES_items"] = [(name, HIDDEN) for name, _ in data.get("request_FILES_items") or []]
        if data.get("request_insecure_uri"):
            data["request_insecure_uri"] = redact(str(data["request_insecure_uri"]))
        for frame in data.get("frames") or []:
            frame["vars"] = [(name, HIDDEN) for name, _ in frame.get("vars") or []]
            frame["exc_cause"] = None
        return data
