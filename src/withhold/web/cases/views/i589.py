"""Form I-589 filled from a case (:func:`withhold.forms.fill_i589`). The blank form is USCIS's own PDF,
which Withhold does not ship: the person uploads it (from uscis.gov/i-589) and gets the filled form back.
Nothing uploaded is kept. The filled form is the whole application, so it needs the export permission."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from withhold.forms import FormError, UnknownEditionError, fill_i589
from withhold.web.accounts.models import Membership
from withhold.web.accounts.roles import Can
from withhold.web.audit.models import Action
from withhold.web.audit.record import record as audit
from withhold.web.cases.access import case_view
from withhold.web.cases.documents import case_of
from withhold.web.cases.models import CaseRecord
from withhold.web.cases.store import today
from withhold.web.cases.summary import as_of_for
from withhold.web.cases.views.downloads import attachment
from withhold.web.language import language_of
from withhold.web.texts import text as ui

MAX_FORM_BYTES = 20_000_000


class BlankFormForm(forms.Form):
    blank = forms.FileField(
        label="The blank Form I-589 (PDF from uscis.gov/i-589)",
        help_text="Its edition is read from it. Withhold fills the editions it has a map for.",
    )


@case_view(Can.EXPORT)
def i589(request: HttpRequest, membership: Membership, record: CaseRecord) -> HttpResponse:
    form = BlankFormForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["blank"]
        if upload.size is not None and upload.size > MAX_FORM_BYTES:
            form.add_error("blank", ui("invalid.i589_too_large", language_of(request)))
        else:
            case = case_of(record.document)
            try:
                filled = fill_i589(case, upload.read(), as_of_for(case, today()))
            except UnknownEditionError as error:
                form.add_error("blank", f"{error} Editions Withhold can fill: {', '.join(error.known)}.")
            except FormError as error:
                form.add_error("blank", str(error))
            else:
                audit(
                    request,
                    membership.organization,
                    Action.EXPORTED,
                    record.id,
                    version=record.version,
                    what="i589",
                )
                return attachment(filled.pdf, "application/pdf", f"case-{record.number}-i589.pdf")
    return render(request, "cases/i589.html", {"record": record, "form": form})
