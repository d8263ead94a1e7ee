"""Which edition of Form I-589 a PDF is, read from the footer every page prints.

USCIS accepts only the editions it lists on its website, and each edition names some fields differently,
so the filler must know the edition before it writes anything: the footer "Form I-589 Edition 03/01/23"
names it (the XFA template prints the same text, so it survives the PDF's conversion to AcroForm).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from withhold.forms.errors import FormError, UnknownEditionError
from withhold.forms.field_map import FieldMap, maps

FOOTER = re.compile(r"Form\s+I-589\s+(?:Supplement\s+[AB]\s+)?Edition\s+([0-9]{2}/[0-9]{2}/[0-9]{2})")


def edition_of(pages: Iterable[str]) -> str:
    """The edition date the pages print (``03/01/23``); the first page usually suffices."""
    seen: Counter[str] = Counter()
    mentions_form = False
    for text in pages:
        seen.update(FOOTER.findall(text))
        mentions_form = mentions_form or "I-589" in text
        if seen:
            break
    if seen:
        return seen.most_common(1)[0][0]
    if mentions_form:
        raise FormError("cannot tell which edition of Form I-589 this is: no page prints its edition date")
    raise FormError("this PDF is not Form I-589")


def known_editions() -> list[str]:
    return sorted(maps(), key=lambda edition: (edition[6:], edition[:5]))


def latest_edition() -> str:
    """The newest edition Withhold has a map for: what a form is expected to be before one is at hand."""
    return known_editions()[-1]


def map_for(edition: str) -> FieldMap:
    found = maps().get(edition)
    if found is None:
        raise UnknownEditionError(edition, known_editions())
    return found
