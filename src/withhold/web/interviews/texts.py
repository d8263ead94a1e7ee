"""The words of the browser interview: the texts both faces share (``interview/screens.yaml``, group
``shared``), with the browser's own added and one replaced (group ``browser``). The page form
(``interviews/_page_form.html``) is shown to a client on their own phone too: plain words, no codes."""

from withhold.interview.screens import screens
from withhold.language import Localized

TEXTS: dict[str, Localized] = {**screens()["shared"], **screens()["browser"]}
