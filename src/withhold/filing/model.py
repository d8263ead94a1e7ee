"""What a filing is made of, and what building it gave: plain data, no PDF library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from withhold.filing.documents import Document

ServiceMethod = Literal["mail", "hand", "electronic"]
"""How the filing was served on DHS: first-class mail, in person, or through ECAS (8 CFR 1003.32(a))."""
SERVICE_METHODS: tuple[ServiceMethod, ...] = ("mail", "hand", "electronic")


@dataclass(frozen=True)
class Translator:
    """Who translated a document: named on its certificate of translation (8 CFR 1003.33)."""

    name: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Exhibit:
    """One document of the filing, and its English translation if it is in another language."""

    title: str
    document: Document
    language: str | None = None
    """The document's language in words ("Spanish"); none or English: no translation is needed."""
    translation: Document | None = None
    translator: Translator | None = None

    @property
    def needs_translation(self) -> bool:
        return self.language is not None and self.language.strip().lower() not in {"", "english", "en"}


@dataclass(frozen=True)
class Representative:
    """Who files: the attorney or accredited representative, or the respondent alone (pro se)."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    eoir_id: str = ""
    """The EOIR ID of a registered practitioner."""


@dataclass(frozen=True)
class Caption:
    """The case as the cover page names it."""

    respondents: tuple[str, ...]
    """Each respondent's full name, the lead respondent first."""
    a_numbers: tuple[str, ...]
    court: str
    """The immigration court's city and state, as EOIR names it."""
    detained: bool | None
    judge: str = ""
    next_hearing: dt.date | None = None
    next_hearing_time: str = ""
    hearing_kind: Literal["master", "individual"] | None = None
    filed_by: Representative | None = None
    """None: the respondent files alone (pro se)."""
    title: str = "Respondent's Submission of Evidence"


@dataclass(frozen=True)
class Service:
    """The proof of service on DHS's counsel (8 CFR 1003.32(a); ICPM ch. 3.2)."""

    served_on: dt.date
    method: ServiceMethod
    served_by: str
    dhs_address: str = ""
    """The Office of the Principal Legal Advisor's address for this court (not needed through ECAS)."""


@dataclass(frozen=True)
class FilingRequest:
    caption: Caption
    exhibits: tuple[Exhibit, ...]
    service: Service | None = None
    front: tuple[Exhibit, ...] = ()
    """Documents placed before the evidence, untabbed (the filled I-589, the declaration)."""


@dataclass(frozen=True)
class IndexEntry:
    """One line of the table of contents."""

    tab: str
    title: str
    first_page: int
    last_page: int
    volume: int = 1
    pages_of_document: int = 0
    """The pages of the document itself (and its translation and certificate), without its tab."""


@dataclass(frozen=True)
class Volume:
    pdf: bytes
    first_page: int
    last_page: int


@dataclass(frozen=True)
class Filing:
    volumes: tuple[Volume, ...]
    index: tuple[IndexEntry, ...]
    pages: int
    notes: tuple[str, ...] = field(default=())
    """What the person filing should know (a filing split into volumes, and why)."""
