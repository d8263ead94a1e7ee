"""The form's PDF, opened for filling with pypdf.

USCIS publishes the I-589 as an encrypted hybrid XFA form: an XFA packet (which Adobe viewers render from
scripts) beside ordinary AcroForm fields. Filling it: decrypt with the empty user password; drop the XFA
packet, so every viewer shows the AcroForm fields we fill; set NeedAppearances, so viewers redraw the
boxes; fill text fields with their values and check boxes with their own on-state (the name under their
/AP /N, such as /Y or /M: a wrong name would silently leave a box unchecked).

Supplements are copied when a case needs more of them: the copy's fields hang under a renamed subform
(``SupplementB_2[0]`` beside ``#subform[13]``), so their names stay unique and they are filled like any
other field.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from withhold.forms.errors import FormError
from withhold.forms.layout import TextBox, wrapped

READ_ONLY = 1
MULTILINE = 1 << 12


@dataclass(frozen=True)
class Widget:
    name: str
    kind: str
    """``text`` or ``checkbox``"""
    page: PageObject
    annotation: DictionaryObject
    on_state: str | None = None
    box: TextBox | None = None


def _qualified_name(annotation: DictionaryObject) -> str:
    parts: list[str] = []
    node: DictionaryObject | None = annotation
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return ".".join(reversed(parts))


def _dictionary(entry: PdfObject | None) -> DictionaryObject:
    """``entry`` as a dictionary (an empty one when it is absent or something else)."""
    target = entry.get_object() if entry is not None else None
    return target if isinstance(target, DictionaryObject) else DictionaryObject()


def _inherited(annotation: DictionaryObject, key: str) -> PdfObject | None:
    node: DictionaryObject | None = annotation
    while node is not None:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


@contextmanager
def quiet_pdf_library() -> Iterator[None]:
    """pypdf's log lines and warnings about a damaged file ("invalid pdf header", "EOF marker not found")
    held back while a file is read: a file it cannot read gets one clear error, not those first."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


UNREADABLE = (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError)
"""What pypdf raises on a damaged or hostile file, besides its own errors."""


class PdfForm:
    """A fillable copy of the form: read once, filled in memory, written out as bytes."""

    def __init__(self, data: bytes) -> None:
        with quiet_pdf_library():
            try:
                self._open(data)
            except PdfReadError as error:
                raise FormError(f"not a readable PDF ({error})") from None
            except UNREADABLE as error:
                raise FormError(f"not a readable PDF ({type(error).__name__})") from None

    def _open(self, data: bytes) -> None:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormError("the PDF is protected by a password; use the form as USCIS publishes it")
        self._reader = reader
        writer = PdfWriter(clone_from=reader)
        acro_form = writer.root_object.get("/AcroForm")
        if acro_form is None or not acro_form.get_object().get("/Fields"):
            raise FormError("the PDF has no form fields to fill")
        self._acro_form: DictionaryObject = acro_form.get_object()
        # Without the XFA packet, Adobe viewers show the AcroForm fields we fill instead of re-rendering
        # the form from its (empty) XFA data.
        if "/XFA" in self._acro_form:
            del self._acro_form["/XFA"]
        self._writer = writer
        self.widgets: dict[str, Widget] = {}
        for page in writer.pages:
            self._index(page)

    def page_text(self) -> Iterable[str]:
        """The text of every page, first page first (for telling the edition)."""
        for page in self._reader.pages:
            with quiet_pdf_library():
                text = page.extract_text() or ""
            yield text

    # --- what the form holds ----------------------------------------------------------------------

    def _index(self, page: PageObject) -> None:
        for reference in page.get("/Annots", []) or []:
            annotation = reference.get_object()
            if annotation.get("/Subtype") != "/Widget":
                continue
            kind = str(_inherited(annotation, "/FT") or "")
            name = _qualified_name(annotation)
            if kind == "/Btn":
                normal = _dictionary(_dictionary(annotation.get("/AP")).get("/N"))
                states = [str(state) for state in normal if str(state) != "/Off"]
                on_state = states[0] if len(states) == 1 else None
                self.widgets[name] = Widget(name, "checkbox", page, annotation, on_state=on_state)
            elif kind == "/Tx":
                self.widgets[name] = Widget(name, "text", page, annotation, box=self._box(annotation))

    def _box(self, annotation: DictionaryObject) -> TextBox:
        x1, y1, x2, y2 = (float(v) for v in cast(ArrayObject, annotation["/Rect"]))
        appearance = str(_inherited(annotation, "/DA") or self._acro_form.get("/DA", "/Helv 0 Tf 0 g"))
        tokens = appearance.split()
        font_name = next((t for t in tokens if t.startswith("/")), "/Helv")
        size_at = tokens.index("Tf") - 1 if "Tf" in tokens else -1
        font_size = float(tokens[size_at]) if size_at >= 0 else 0.0
        font_size = font_size or 9.0  # auto size: measure as if 9 points, the form's own size
        widths: dict[int, float] = {}
        default_width, top, bottom = 600.0, 900.0, -300.0
        font = _dictionary(_dictionary(_dictionary(self._acro_form.get("/DR")).get("/Font")).get(font_name))
        if font:
            first = int(str(font.get("/FirstChar", 0)))
            widths = {first + i: float(w) for i, w in enumerate(cast(ArrayObject, font.get("/Widths", [])))}
            default_width = max(widths.values(), default=default_width)
            descriptor = _dictionary(font.get("/FontDescriptor"))
            if "/FontBBox" in descriptor:
                box = [float(v) for v in cast(ArrayObject, descriptor["/FontBBox"])]
                bottom, top = box[1], box[3]
        flags = int(str(_inherited(annotation, "/Ff") or 0))
        max_len = _inherited(annotation, "/MaxLen")
        return TextBox(
            width=abs(x2 - x1),
            height=abs(y2 - y1),
            font_size=font_size,
            leading=(top - bottom) / 1000,
            ascent=top / 1000,
            widths=widths,
            default_width=default_width,
            multiline=bool(flags & MULTILINE),
            max_len=int(str(max_len)) if max_len is not None else None,
        )

    def page_of(self, field: str) -> int:
        page = self.widgets[field].page
        return next(
            i for i, p in enumerate(self._writer.pages) if p.indirect_reference == page.indirect_reference
        )

    # --- copies of a page (supplements) -------------------------------------------------------------

    def copy_page(self, fields: Iterable[str], label: str, after: int) -> Callable[[str], str]:
        """Insert after page ``after`` a copy of the page holding ``fields``, its fields under a subform
        named ``label``; return how an original field's name reads on the copy."""
        originals = [self.widgets[name] for name in fields]
        page = originals[0].page
        tops = {self._top(w.annotation).indirect_reference for w in originals}
        if len(tops) != 1:
            raise FormError("cannot copy a supplement page whose fields belong to several subforms")
        top_reference = next(iter(tops))
        assert top_reference is not None
        top = _dictionary(top_reference)
        root = _dictionary(top["/Parent"])
        old_name = str(top["/T"])

        blank = PageObject(self._writer)
        for key, entry in page.items():
            if key not in ("/Annots", "/Parent", "/StructParents"):
                blank[NameObject(key)] = entry
        copy = self._writer.insert_page(blank, after + 1)
        widgets: list[IndirectObject] = []
        new_top = self._clone_node(top, top["/Parent"], copy, widgets, on_page=page)
        _dictionary(new_top)[NameObject("/T")] = TextStringObject(label)
        cast(ArrayObject, root["/Kids"]).append(new_top)
        copy[NameObject("/Annots")] = ArrayObject(widgets)
        self._index(copy)

        prefix = _qualified_name(root)
        before, after_name = f"{prefix}.{old_name}.", f"{prefix}.{label}."
        return lambda name: after_name + name.removeprefix(before) if name.startswith(before) else name

    @staticmethod
    def _top(annotation: DictionaryObject) -> DictionaryObject:
        """The subform just under the form's root that holds ``annotation``."""
        node = annotation
        while True:
            parent = node.get("/Parent")
            if parent is None or parent.get_object().get("/Parent") is None:
                return node
            node = parent.get_object()

    def _clone_node(
        self,
        node: DictionaryObject,
        parent: PdfObject,
        page: PageObject,
        widgets: list[IndirectObject],
        *,
        on_page: PageObject,
    ) -> IndirectObject:
        clone = DictionaryObject()
        for key, entry in node.items():
            if key in ("/Parent", "/Kids", "/P", "/AP"):
                continue
            clone[NameObject(key)] = entry if isinstance(entry, IndirectObject) else entry.clone(self._writer)
        clone[NameObject("/Parent")] = parent
        reference = self._writer._add_object(clone)  # pypdf has no public call to add an object
        if "/Kids" in node:
            kids = []
            for kid in cast(ArrayObject, node["/Kids"]):
                kid_node = _dictionary(kid)
                if self._on_page(kid_node, on_page):
                    kids.append(self._clone_node(kid_node, reference, page, widgets, on_page=on_page))
            clone[NameObject("/Kids")] = ArrayObject(kids)
        if node.get("/Subtype") == "/Widget":
            clone[NameObject("/P")] = page.indirect_reference
            if "/AP" in node:
                clone[NameObject("/AP")] = self._own_appearances(_dictionary(node["/AP"]))
            widgets.append(reference)
        return reference

    def _own_appearances(self, appearances: DictionaryObject) -> DictionaryObject:
        # pypdf redraws a text field by replacing the object its /AP /N points to: a copy sharing that
        # object with the original would show the original's text. Each copy gets its own streams.
        owned = DictionaryObject()
        for key, entry in appearances.items():
            target = entry.get_object()
            if isinstance(target, StreamObject):
                owned[NameObject(key)] = self._writer._add_object(
                    target.clone(self._writer, force_duplicate=True)
                )
            elif isinstance(target, DictionaryObject):
                owned[NameObject(key)] = self._own_appearances(target)
            else:
                owned[NameObject(key)] = entry
        return owned

    @staticmethod
    def _on_page(node: DictionaryObject, page: PageObject) -> bool:
        if node.get("/Subtype") == "/Widget":
            return node.get("/P") == page.indirect_reference
        return any(
            PdfForm._on_page(_dictionary(kid), page) for kid in cast(ArrayObject, node.get("/Kids", []))
        )

    # --- filling ------------------------------------------------------------------------------------

    def fill(self, texts: Mapping[str, str], checked: Iterable[str], sizes: Mapping[str, float]) -> None:
        """Write ``texts`` into text fields (at the font ``sizes`` given, else their own) and check the
        boxes named in ``checked``."""
        for name, size in sizes.items():
            # The size goes into the field's default appearance, which viewers use when they redraw it.
            annotation = self.widgets[name].annotation
            tokens = str(_inherited(annotation, "/DA") or "").split()
            if "Tf" in tokens:
                tokens[tokens.index("Tf") - 1] = f"{size:g}"
                annotation[NameObject("/DA")] = TextStringObject(" ".join(tokens))
        per_page: dict[int, dict[str, str]] = {}
        drawn: dict[str, str] = {}
        for name, text in texts.items():
            widget = self.widgets[name]
            assert widget.kind == "text" and widget.box is not None, name
            # pypdf draws a multiline box's text without wrapping it: give it the lines, then keep the
            # value as written (viewers wrap it again when they redraw).
            shown = wrapped(text, widget.box) if widget.box.multiline else text
            per_page.setdefault(id(widget.page), {})[name] = shown
            drawn[name] = text
        for name in checked:
            widget = self.widgets[name]
            assert widget.kind == "checkbox" and widget.on_state, name
            per_page.setdefault(id(widget.page), {})[name] = widget.on_state
        pages = {id(w.page): w.page for w in self.widgets.values()}
        for key, values in per_page.items():
            self._writer.update_page_form_field_values(pages[key], values, auto_regenerate=True)
        for name in [*texts, *checked]:
            annotation = self.widgets[name].annotation
            if name in drawn:
                annotation[NameObject("/V")] = TextStringObject(drawn[name])
            # The XFA scripts that unlocked these boxes are gone with the XFA packet: leave every filled
            # box editable, so a person can correct it in any viewer.
            flags = int(annotation.get("/Ff", 0))
            if flags & READ_ONLY:
                annotation[NameObject("/Ff")] = NumberObject(flags & ~READ_ONLY)
        self._writer.set_need_appearances_writer(True)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._writer.write(buffer)
        return buffer.getvalue()
