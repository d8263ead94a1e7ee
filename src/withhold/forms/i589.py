"""Fill Form I-589 from a case: the answers in their fields, the supplements where they belong, and the
questions still unanswered, so the application is complete before it is filed (8 CFR 1208.3(c)(3)).

Answers too long for their box continue on Supplement B, one part and question per page, with the
applicant's name and A-number; children after the fourth go to Supplement A, two per page. Both
supplements are pages of the form itself, copied as often as needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from withhold.deadlines.schedule import schedule
from withhold.facts.case import Case
from withhold.forms.answers import Continuation, Placed, Plan, Unanswered, resolve
from withhold.forms.edition import edition_of, latest_edition, map_for
from withhold.forms.errors import FormError
from withhold.forms.field_map import FieldMap, slot_fields
from withhold.forms.formats import DoesNotFitError, render
from withhold.forms.layout import fits, pages, split
from withhold.forms.pdf_form import PdfForm
from withhold.forms.values import VALUES, Context
from withhold.screening import screen

CONTINUED = "[continued on Supplement B]"
SEE_SUPPLEMENT = ("See Supplement B", "See Supp. B", "Supp. B")


@dataclass(frozen=True)
class FilledForm:
    pdf: bytes
    edition: str
    unanswered: tuple[Unanswered, ...]
    notes: tuple[str, ...]
    written: Mapping[str, str]
    """Every field written, by its name in the filled PDF: the text, or the checked box's on-state."""
    supplement_a_pages: int
    supplement_b_pages: int


def check_map(field_map: FieldMap, pdf: PdfForm) -> list[str]:
    """How the map and the PDF disagree: fields missing, of another kind, boxes without one on-state."""
    boxes = set(field_map.checkboxes())
    problems = []
    for name in sorted(set(field_map.fields())):
        widget = pdf.widgets.get(name)
        if widget is None:
            problems.append(f"no field {name}")
        elif (name in boxes) != (widget.kind == "checkbox"):
            problems.append(f"{name} is a {widget.kind} field")
        elif widget.kind == "checkbox" and widget.on_state is None:
            problems.append(f"{name} has no single checked state")
    return problems


def _header(ctx: Context) -> tuple[str, str]:
    person = ctx.case.person
    name = VALUES["full_name"].compute(ctx, person, None)
    try:
        a_number = render(person.a_number, "a_number") if person.a_number else ""
    except DoesNotFitError:
        a_number = ""
    return (name if isinstance(name, str) else ""), a_number


def _fit(pdf: PdfForm, placed: Placed, continuations: list[Continuation]) -> tuple[str, float | None] | None:
    """The text to write in the field and, for a long one-line answer, the smaller font size that fits
    it; what does not fit even so moves to Supplement B. None if not even a pointer to it fits."""
    assert placed.text is not None
    box = pdf.widgets[placed.field].box
    assert box is not None
    if box.multiline:
        if fits(placed.text, box):
            return placed.text, None
        head, rest = split(placed.text, box, CONTINUED)
        continuations.append(Continuation(placed.part, placed.line, f"(continued) {rest}"))
        return head, None
    size = box.size_to_fit(placed.text)
    if size is not None:
        return placed.text, (size if size != box.font_size else None)
    pointer = next((text for text in SEE_SUPPLEMENT if box.fits_line(text)), None)
    if pointer is None:
        return None
    continuations.append(Continuation(placed.part, placed.line, f"{placed.ask}: {placed.text}"))
    return pointer, None


@dataclass(frozen=True)
class Outstanding:
    """What a form of one edition will leave unanswered for a case, found from the edition's field map
    alone (no PDF): :attr:`FilledForm.unanswered` and :attr:`FilledForm.notes` of that edition, except an
    answer too long for its box even as a pointer to Supplement B, which only the PDF's boxes tell."""

    edition: str
    unanswered: tuple[Unanswered, ...]
    notes: tuple[str, ...]


def _resolved(case: Case, field_map: FieldMap, as_of: dt.date) -> tuple[Context, Plan]:
    ctx = Context(case, as_of, screen(case, as_of), schedule(case, as_of))
    return ctx, resolve(field_map, ctx)


def outstanding_i589(case: Case, as_of: dt.date, edition: str | None = None) -> Outstanding:
    """The questions of Form I-589 ``edition`` (default: the newest Withhold has a map for) that ``case``
    does not answer yet, as filed on ``as_of``, by part and line in the form's order; before any PDF is
    at hand. Raises :class:`UnknownEditionError` for an edition without a map."""
    field_map = map_for(edition or latest_edition())
    ctx, plan = _resolved(case, field_map, as_of)
    return Outstanding(field_map.edition, tuple(plan.unanswered), tuple(ctx.notes))


def _open(form: bytes) -> tuple[PdfForm, FieldMap]:
    pdf = PdfForm(form)
    edition = edition_of(pdf.page_text())
    field_map = map_for(edition)
    if problems := check_map(field_map, pdf):
        raise FormError(
            f"this PDF does not have the fields of the I-589 edition {edition} it prints "
            f"({len(problems)} differ, e.g. {problems[0]}); use the form as USCIS publishes it"
        )
    return pdf, field_map


def check_i589(form: bytes) -> str:
    """The edition of the blank Form I-589 ``form``, once it is checked to be one :func:`fill_i589` can
    fill (a form kept to fill later is checked when it comes). Raises :class:`FormError` as it would."""
    return _open(form)[1].edition


def fill_i589(case: Case, form: bytes, as_of: dt.date) -> FilledForm:
    """Fill ``form`` (the PDF of an I-589 edition Withhold has a map for) from ``case``, as filed on
    ``as_of``. Raises :class:`FormError` for a PDF that is not such a form."""
    pdf, field_map = _open(form)
    edition = field_map.edition
    ctx, plan = _resolved(case, field_map, as_of)
    unanswered = list(plan.unanswered)
    continuations = list(plan.continuations)
    name, a_number = _header(ctx)

    texts: dict[tuple[str, int], str] = {}
    sizes: dict[tuple[str, int], float] = {}
    checked: list[tuple[str, int]] = []
    for placed in plan.placed:
        if placed.text is None:
            checked.append((placed.field, placed.copy))
            continue
        fitted = _fit(pdf, placed, continuations)
        if fitted is None:
            unanswered.append(
                Unanswered(
                    placed.part, placed.line, placed.ask, (), reason="write it by hand: it does not fit"
                )
            )
            continue
        texts[(placed.field, placed.copy)] = fitted[0]
        if fitted[1] is not None:
            sizes[(placed.field, placed.copy)] = fitted[1]

    # Supplement A: the form's own page, then copies.
    supplement_a = field_map.supplement_a
    a_pages = plan.supplement_a_pages
    a_names: list[dict[str, str]] = []
    if a_pages:
        original = [f for slot in supplement_a.slots for f in slot_fields(slot)]
        renames: list[Callable[[str], str]] = [_same]
        after = pdf.page_of(supplement_a.name)
        for copy in range(1, a_pages):
            renames.append(pdf.copy_page([supplement_a.name, *original], f"SupplementA_{copy + 1}[0]", after))
            after += 1
        for copy, rename in enumerate(renames):
            a_names.append(
                {field: rename(field) for field in [supplement_a.name, supplement_a.a_number, *original]}
            )
            if name:
                texts[(supplement_a.name, copy)] = name
            if a_number:
                texts[(supplement_a.a_number, copy)] = a_number

    # Supplement B: one part and question per page, as many pages as the text needs.
    supplement_b = field_map.supplement_b
    groups: dict[tuple[str, str], list[str]] = {}
    for continuation in continuations:
        groups.setdefault((continuation.part, continuation.line), []).append(continuation.text)
    text_box = pdf.widgets[supplement_b.text].box
    assert text_box is not None
    b_pages = [
        (part, line, piece)
        for (part, line), parts in groups.items()
        for piece in pages("\n\n".join(parts), text_box)
    ]
    b_fields = [
        supplement_b.name,
        supplement_b.a_number,
        supplement_b.part,
        supplement_b.question,
        supplement_b.text,
    ]
    written: dict[str, str] = {}
    final_texts: dict[str, str] = {}
    if b_pages:
        after = pdf.page_of(supplement_b.text)
        for number, (part, line, piece) in enumerate(b_pages):
            rename = (
                _same
                if number == 0
                else pdf.copy_page(b_fields, f"SupplementB_{number + 1}[0]", after + number - 1)
            )
            values = {supplement_b.name: name, supplement_b.a_number: a_number, supplement_b.part: part,
                      supplement_b.question: line, supplement_b.text: piece}  # fmt: skip
            for field, value in values.items():
                if value:
                    final_texts[rename(field)] = value

    for (field, copy), text in texts.items():
        final_texts[a_names[copy][field] if copy else field] = text
    final_checked = [a_names[copy][field] if copy else field for field, copy in checked]
    final_sizes = {a_names[copy][field] if copy else field: size for (field, copy), size in sizes.items()}
    pdf.fill(final_texts, final_checked, final_sizes)
    written.update(final_texts)
    written.update({field: pdf.widgets[field].on_state or "" for field in final_checked})

    notes = list(ctx.notes)
    unsupported = sorted({p.ask for p in plan.placed if p.text and not _font_can_show(p.text)})
    if unsupported:
        notes.append(
            "These answers use letters the form's font cannot show (" + "; ".join(unsupported) + "): "
            "check them in the printed form and write them by hand if they do not appear."
        )
    return FilledForm(
        pdf=pdf.to_bytes(),
        edition=edition,
        unanswered=tuple(unanswered),
        notes=tuple(notes),
        written=written,
        supplement_a_pages=a_pages,
        supplement_b_pages=len(b_pages),
    )


def _same(field: str) -> str:
    return field


def _font_can_show(text: str) -> bool:
    """The form's fonts use WinAnsi (cp1252): other letters (Arabic, Amharic, Chinese) do not show."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
