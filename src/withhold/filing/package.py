"""A filing package: the documents of a filing put together as the immigration court reads them.

The order, for each filing: a cover page with the caption (ICPM ch. 3.3; its sample in the Practice
Manual's appendices), a table of contents giving each exhibit's tab, title and page range, then each exhibit
behind a tab page (an electronic filing cannot have paper tabs: a separator page, with a PDF bookmark, stands
for it — common practice, not a verified rule), a foreign-language document followed by its English
translation and the translator's certificate (8 CFR 1003.33; ICPM ch. 3.3(a): the certificate is attached to
the document), and last the proof of service (8 CFR 1003.32(c); ICPM ch. 3.2). Every page of the filing,
the cover included, is numbered in one sequence at the bottom, and the table of contents is made from the
numbers actually stamped.

ECAS takes files of at most 25 MB (``court_format.yaml``, a secondary source): a larger filing is split
into parts at exhibit boundaries (an exhibit larger than a part alone is split by pages), each part opening
with the cover page marked "Part n of N", the numbers running on across parts, and the table of contents
(in part 1) naming the part of each exhibit. The research behind each choice, with what is and is not
verified, is ``docs/law/filing.md``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pypdf import PdfReader, PdfWriter

from withhold.filing.court_format import court_format
from withhold.filing.documents import Document
from withhold.filing.model import Exhibit, Filing, FilingRequest, IndexEntry, Service, Volume
from withhold.filing.stamping import helvetica, stamp_number
from withhold.filing.tabs import TabPages
from withhold.filing.texts import filing_texts

ROWS_PER_PAGE = 24
"""About how many exhibits a page of the table of contents lists (a first guess; the layout decides)."""
SAFETY = 0.92
"""The share of the upload limit a part is planned to fill: the stamps, outline and covers add a little."""


@dataclass(frozen=True)
class _Slice:
    """Pages ``first``..``last`` (from 0, inclusive) of one exhibit's own pages."""

    exhibit: int
    first: int
    last: int


@dataclass
class _Plan:
    """Which exhibit slices go into which part."""

    parts: list[list[_Slice]]


def tab_label(index: int) -> str:
    """A, B, ..., Z, AA, AB, ...: the tab of the exhibit at ``index`` (from 0)."""
    label = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        label = chr(ord("A") + remainder) + label
    return label


def build_filing(request: FilingRequest, *, today: dt.date, limit_bytes: int | None = None) -> Filing:
    """The filing for ``request``: one PDF, or parts when it would exceed the court's upload limit on
    ``today`` (``limit_bytes``: another limit, for a court or a system with its own)."""
    limit = limit_bytes or int(court_format().value("upload_limit_megabytes", today) * 1024 * 1024)
    exhibits = request.exhibits
    own_pages = [_own_pages(exhibit) for exhibit in exhibits]
    plan = _plan(exhibits, own_pages, limit)
    # The table of contents is laid out with the numbers its own length implies: first its length is
    # estimated from its rows; if the layout takes another number of pages, it is laid out again.
    contents_pages = 1 + (len(exhibits) + (2 if request.service else 1)) // ROWS_PER_PAGE
    for _ in range(4):
        entries = _entries(request, plan, own_pages, contents_pages)
        pages_total = _pages_total(request, plan, own_pages, contents_pages)
        generated = _render(request, plan, entries, pages_total)
        laid_out = _section_pages(generated)["contents"]
        if laid_out == contents_pages:
            break
        contents_pages = laid_out
    volumes = _assemble(request, plan, generated, entries)
    notes = _notes(request, len(volumes), limit)
    return Filing(tuple(volumes), tuple(entries), volumes[-1].last_page, notes)


def _own_pages(exhibit: Exhibit) -> int:
    """An exhibit's pages without its tab: the document, its translation, the certificate."""
    pages = exhibit.document.pages
    if exhibit.translation is not None:
        pages += exhibit.translation.pages + 1
    return pages


def _size(document: Document | None) -> int:
    return 0 if document is None else len(document.pdf)


def _plan(exhibits: Sequence[Exhibit], own_pages: Sequence[int], limit: int) -> _Plan:
    """Exhibits in order, packed into parts under the limit; an exhibit too large alone is cut by pages,
    each page taken as an equal share of the exhibit's bytes (scans of one document are alike)."""
    budget = limit * SAFETY
    parts: list[list[_Slice]] = [[]]
    used = 0.0
    for index, exhibit in enumerate(exhibits):
        size = _size(exhibit.document) + _size(exhibit.translation)
        if used + size <= budget or (size <= budget and not parts[-1]):
            parts[-1].append(_Slice(index, 0, own_pages[index] - 1))
            used += size
            continue
        if size <= budget:  # fits a part of its own: never cut a document that need not be
            parts.append([_Slice(index, 0, own_pages[index] - 1)])
            used = size
            continue
        per_page = size / max(own_pages[index], 1)
        first = 0
        while first < own_pages[index]:
            room = budget - used
            fits = int(room // per_page) if per_page else own_pages[index]
            if fits <= 0:
                if parts[-1]:
                    parts.append([])
                    used = 0.0
                    continue
                fits = 1  # one page larger than a part: it still goes, alone, and the note says so
            last = min(own_pages[index] - 1, first + fits - 1)
            parts[-1].append(_Slice(index, first, last))
            used += per_page * (last - first + 1)
            first = last + 1
    return _Plan(parts)


def _pages_total(request: FilingRequest, plan: _Plan, own_pages: Sequence[int], contents: int) -> int:
    tabs = len(request.exhibits)
    return len(plan.parts) + contents + tabs + sum(own_pages) + (1 if request.service else 0)


def _entries(
    request: FilingRequest, plan: _Plan, own_pages: Sequence[int], contents: int
) -> list[IndexEntry]:
    """Each exhibit's tab, title and page range (its tab page first), in the numbering of the filing."""
    page = 2 + contents  # after the cover of part 1 and the table of contents
    entries: dict[int, IndexEntry] = {}
    for number, part in enumerate(plan.parts, start=1):
        if number > 1:
            page += 1  # this part's cover
        for piece in part:
            exhibit = request.exhibits[piece.exhibit]
            size = piece.last - piece.first + 1
            if piece.exhibit not in entries:
                first = page
                page += 1 + size  # its tab and its pages
                entries[piece.exhibit] = IndexEntry(
                    tab_label(piece.exhibit),
                    exhibit.title,
                    first,
                    page - 1,
                    number,
                    own_pages[piece.exhibit],
                )
            else:
                page += size
                before = entries[piece.exhibit]
                entries[piece.exhibit] = IndexEntry(
                    before.tab, before.title, before.first_page, page - 1, before.volume,
                    before.pages_of_document,
                )  # fmt: skip
    return [entries[index] for index in sorted(entries)]


def _render(
    request: FilingRequest,
    plan: _Plan,
    entries: Sequence[IndexEntry],
    pages_total: int,
) -> Any:
    """The added pages (covers, contents, certificates, service) laid out by WeasyPrint."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # WeasyPrint ships no type information

    texts = filing_texts()
    parts = len(plan.parts)
    service = _service_view(request.service, texts) if request.service else None
    html = _template().render(
        t=texts,
        caption=request.caption,
        next_hearing=_next_hearing(request, texts),
        parts=parts,
        covers=[{"part": number} for number in range(1, parts + 1)],
        contents=[
            {
                "tab": entry.tab,
                "title": entry.title,
                "pages": _range(entry.first_page, entry.last_page),
                "volume": entry.volume,
                "translated": request.exhibits[index].translation is not None,
            }
            for index, entry in enumerate(entries)
        ],
        exhibits=[_exhibit_view(i, exhibit, texts) for i, exhibit in enumerate(request.exhibits)],
        service=service,
        service_pages=str(pages_total),
    )
    return HTML(string=html).render()


def _range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _next_hearing(request: FilingRequest, texts: dict[str, Any]) -> str:
    caption = request.caption
    if caption.next_hearing is None:
        return ""
    words = caption.next_hearing.strftime("%B %-d, %Y")
    if caption.next_hearing_time:
        words += f", {caption.next_hearing_time}"
    if caption.hearing_kind:
        words += f" ({texts['hearing_kind'][caption.hearing_kind]})"
    return words


def _exhibit_view(index: int, exhibit: Exhibit, texts: dict[str, Any]) -> dict[str, Any]:
    certificate = None
    if exhibit.translation is not None:
        translator = exhibit.translator.name if exhibit.translator else texts["translator_unknown"]
        certificate = texts["translation_body"].format(
            translator=translator, language=exhibit.language or "", title=exhibit.title
        )
    return {
        "title": exhibit.title,
        "certificate": certificate,
        "translator": exhibit.translator,
    }


def _service_view(service: Service, texts: dict[str, Any]) -> dict[str, str]:
    date = service.served_on.strftime("%B %-d, %Y")
    key = {"electronic": "service_ecas", "mail": "service_mail", "hand": "service_hand"}[service.method]
    return {
        "statement": texts[key].format(date=date, server=service.served_by),
        "address": "" if service.method == "electronic" else service.dhs_address,
        "server": service.served_by,
    }


def _section_pages(document: Any) -> dict[str, int]:
    """How many pages each section of the rendered added pages took, by its id; and where each begins
    (``@id`` keys hold the index of the section's first page)."""
    starts: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.split("-")[0] in {"cover", "contents", "certificate", "service"}:
                starts.setdefault(anchor, number)
    ordered = sorted(starts.items(), key=lambda item: item[1])
    found: dict[str, int] = {}
    for position, (anchor, first) in enumerate(ordered):
        end = ordered[position + 1][1] if position + 1 < len(ordered) else len(document.pages)
        found[anchor] = end - first
        found["@" + anchor] = first
    return found


def _assemble(
    request: FilingRequest, plan: _Plan, generated: Any, entries: Sequence[IndexEntry]
) -> list[Volume]:
    added = PdfReader(io.BytesIO(generated.write_pdf()))
    where = _section_pages(generated)
    readers = [_readers(exhibit) for exhibit in request.exhibits]
    volumes: list[Volume] = []
    page_number = 1
    tabbed: set[int] = set()
    for number, part in enumerate(plan.parts, start=1):
        writer = PdfWriter()
        font = writer._add_object(helvetica())
        tabs = TabPages(writer)
        first_page = page_number
        sections = [f"cover-{number}"] + (["contents"] if number == 1 else [])
        for section in sections:
            for offset in range(where[section]):
                writer.add_page(added.pages[where["@" + section] + offset])
        for piece in part:
            exhibit = request.exhibits[piece.exhibit]
            if piece.exhibit not in tabbed:
                tabbed.add(piece.exhibit)
                tab_at = len(writer.pages)
                label = filing_texts()["tab"].format(tab=entries[piece.exhibit].tab)
                writer.add_page(tabs.page(label, exhibit.title))
                writer.add_outline_item(
                    title=f"{entries[piece.exhibit].tab}. {exhibit.title}", page_number=tab_at
                )
            for source, index in _own_page_sources(exhibit, readers[piece.exhibit], where, piece):
                writer.add_page(source.pages[index] if source is not None else added.pages[index])
        if number == len(plan.parts) and request.service is not None:
            writer.add_page(added.pages[where["@service"]])
            writer.add_outline_item(title=filing_texts()["service_title"], page_number=len(writer.pages) - 1)
        for page in writer.pages:
            stamp_number(writer, page, str(page_number), font)
            page_number += 1
        writer.add_metadata({"/Title": request.caption.title, "/Producer": "Withhold"})
        out = io.BytesIO()
        writer.write(out)
        volumes.append(Volume(out.getvalue(), first_page, page_number - 1))
    return volumes


def _readers(exhibit: Exhibit) -> tuple[PdfReader, PdfReader | None]:
    document = PdfReader(io.BytesIO(exhibit.document.pdf))
    translation = PdfReader(io.BytesIO(exhibit.translation.pdf)) if exhibit.translation else None
    return document, translation


def _own_page_sources(
    exhibit: Exhibit, readers: tuple[PdfReader, PdfReader | None], where: dict[str, int], piece: _Slice
) -> list[tuple[PdfReader | None, int]]:
    """The exhibit's own pages in ``piece``: the document, then the translation and the certificate (a
    ``None`` source is the added pages)."""
    document, translation = readers
    sources: list[tuple[PdfReader | None, int]] = [(document, i) for i in range(exhibit.document.pages)]
    if translation is not None and exhibit.translation is not None:
        sources += [(translation, i) for i in range(exhibit.translation.pages)]
        sources.append((None, where[f"@certificate-{piece.exhibit + 1}"]))
    return sources[piece.first : piece.last + 1]


def _notes(request: FilingRequest, parts: int, limit: int) -> tuple[str, ...]:
    texts = filing_texts()["notes"]
    notes: list[str] = []
    caption = request.caption
    if parts > 1:
        notes.append(texts["split"].format(limit=limit // 2**20, parts=parts))
    missing = [
        texts["missing"][what]
        for what, absent in (
            ("court", not caption.court),
            ("a_number", not caption.a_numbers),
            ("judge", not caption.judge),
            ("next_hearing", caption.next_hearing is None),
            ("detained", caption.detained is None),
        )
        if absent
    ]
    if missing:
        notes.append(texts["fill_in"].format(what=", ".join(missing)))
    untranslated = [e.title for e in request.exhibits if e.needs_translation and e.translation is None]
    if untranslated:
        notes.append(texts["untranslated"].format(titles="; ".join(untranslated)))
    if request.service is None:
        notes.append(texts["no_service"])
    return tuple(notes)


@cache
def _template() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("withhold.filing", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("filing.html.j2")
