"""Which of Withhold's texts a translator translates, in which catalog (gettext domain).

The English and Spanish texts live side by side in the package's YAML files, where a bilingual reviewer
reads them together. Every other language lives in gettext catalogs, one per domain and language
(``withhold/locale/<language>/LC_MESSAGES/<domain>.po``), so translators work in the tools they know
(Poedit, Weblate, Lokalize). A domain gathers the texts of one or more YAML files; ``skip`` leaves out
texts written for lawyers only (the precise attorney cell of the comparison, the reasons for other
relief), which stay in English and Spanish: the people who read the other languages are clients.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    package: str
    name: str
    skip_keys: frozenset[str] = frozenset()
    """A text under one of these keys (at any depth) is for lawyers: not in the catalog."""
    only_groups: frozenset[str] = frozenset()
    """When set, only these top-level groups (the web texts a client sees, and the pages that follow a
    build: report downloads and the filing package)."""


@dataclass(frozen=True)
class Domain:
    name: str
    sources: tuple[Source, ...]


DOMAINS: tuple[Domain, ...] = (
    Domain(
        "interview",
        (
            Source("withhold.interview", "questions.yaml"),
            Source("withhold.interview", "sections.yaml"),
            Source("withhold.interview", "refusals.yaml"),
            Source("withhold.interview", "screens.yaml"),
        ),
    ),
    Domain("story", (Source("withhold.preparation", "story.yaml"),)),
    Domain(
        "comparison", (Source("withhold.preparation", "protections.yaml", skip_keys=frozenset({"text"})),)
    ),
    Domain("evidence", (Source("withhold.preparation", "evidence.yaml"),)),
    Domain(
        "relief",
        (
            Source(
                "withhold.preparation",
                "other_relief.yaml",
                skip_keys=frozenset({"what_to_check", "note", "ask", "indicated", "unknown"}),
            ),
            Source("withhold.law.other_relief", "tps.yaml", skip_keys=frozenset({"note"})),
        ),
    ),
    Domain("reports", (Source("withhold.reports", "texts.yaml", skip_keys=frozenset({"cite"})),)),
    Domain(
        "web",
        (
            Source(
                "withhold.web",
                "texts.yaml",
                only_groups=frozenset(
                    {
                        "layout",
                        "choice",
                        "errors",
                        "invalid",
                        "intake",
                        "selfhelp",
                        "standing",
                        "builds",
                        "filing",
                    }
                ),
            ),
        ),
    ),
    Domain("words", (Source("withhold.language", "words.yaml"),)),
)
