"""Why a file cannot be kept, in the reader's language: the problems :func:`withhold.filing.documents.
read_document` names (in English, for the filing), each with its web text; a problem without one is shown
as the core says it."""

from __future__ import annotations

from withhold.filing.documents import DocumentError
from withhold.language import Language
from withhold.web.evidence.documents import TooLargeError
from withhold.web.texts import text as ui

PROBLEMS = {
    "the file is empty": "evidence_problem.empty",
    "the PDF is damaged and cannot be read": "evidence_problem.damaged_pdf",
    "the PDF is protected by a password; save an unprotected copy and add that one": "evidence_problem.password",
    "the PDF has no pages": "evidence_problem.no_pages",
    "the photo is damaged or in a form that cannot be read": "evidence_problem.damaged_photo",
}
"""The core's words for a problem, and the web text that says it."""

NAMED = ("pdf", "jpg", "jpeg", "png", "heic", "heif")


def problem_words(error: DocumentError, language: Language) -> str:
    if isinstance(error, TooLargeError):
        return ui(
            "evidence_problem.too_large", language, size=f"{error.size / 2**20:.1f}", most=error.most // 2**20
        )
    if error.problem.startswith("not a PDF or a photo"):
        name = error.name
        claimed = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if claimed in NAMED:
            return ui("evidence_problem.not_what_named", language, kind=claimed)
        return ui("evidence_problem.not_a_document", language)
    if error.problem.startswith("the file is ") and "MB" in error.problem:  # the filing's own size limit
        return ui("evidence_problem.too_large_filing", language)
    key = PROBLEMS.get(error.problem)
    return ui(key, language) if key else error.problem
