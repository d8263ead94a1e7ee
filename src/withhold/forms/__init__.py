"""Government forms filled from a case: Form I-589, with its supplements and its unanswered questions.

Faces (the CLI) render what :func:`fill_i589` returns; the law's answers (the CAT boxes, the one-year
question) come from the core, never from here.
"""

from withhold.forms.answers import Unanswered
from withhold.forms.edition import known_editions
from withhold.forms.errors import FormError, UnknownEditionError
from withhold.forms.i589 import FilledForm, fill_i589

__all__ = ["FilledForm", "FormError", "Unanswered", "UnknownEditionError", "fill_i589", "known_editions"]
