"""Government forms filled from a case: Form I-589, with its supplements and its unanswered questions.

Faces (the CLI, the web) render what :func:`fill_i589` returns, or before any PDF is at hand what
:func:`outstanding_i589` finds unanswered; the law's answers (the CAT boxes, the one-year
question) come from the core, never from here.
"""

from withhold.forms.answers import Unanswered
from withhold.forms.edition import known_editions, latest_edition
from withhold.forms.errors import FormError, UnknownEditionError
from withhold.forms.i589 import FilledForm, Outstanding, check_i589, fill_i589, outstanding_i589

__all__ = [
    "FilledForm",
    "FormError",
    "Outstanding",
    "Unanswered",
    "UnknownEditionError",
    "check_i589",
    "fill_i589",
    "known_editions",
    "latest_edition",
    "outstanding_i589",
]
