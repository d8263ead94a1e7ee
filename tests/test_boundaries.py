"""The layers hold by test, not by description (issue 18, item 5): the core — the facts, the law, the
engine, the deadlines, the interview, the preparation of findings — imports no face (command line, web app,
reports, forms) and no web, terminal, template, PDF or calendar library; and no package of Withhold
imports, directly or through others, a package that imports it back.

Every import counts, at the top of a module or inside a function: a lazy import is still a dependency."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "withhold"

CORE = (
    "facts",
    "law",
    "logic",
    "screening",
    "deadlines",
    "interview",
    "language",
    "parameters",
    "roadmap",
    "preparation",
    "watch",
    "package_data",
)
FACES = ("cli", "web", "reports", "forms", "filing", "batch")  # batch: many cases at once, for cli and web
LIBRARIES_OF_FACES = (
    "django",
    "typer",
    "click",
    "rich",
    "jinja2",
    "weasyprint",
    "pypdf",
    "pypdfium2",
    "img2pdf",
    "PIL",
    "pillow_heif",
    "pikepdf",
    "icalendar",
    "gunicorn",
    "markdown",
    "playwright",
)


def _package(path: Path) -> str:
    parts = path.relative_to(SOURCE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imports() -> dict[str, set[tuple[str, str]]]:
    """Each package of Withhold → every (module imported, file) in it."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in SOURCE.rglob("*.py"):
        where = str(path.relative_to(SOURCE))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found[_package(path)].update((alias.name, where) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found[_package(path)].add((node.module, where))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for package, imported in _imports().items():
        for module, _ in imported:
            if module.startswith("withhold."):
                target = module.split(".")[1]
                if target != package:
                    graph[package].add(target)
    return graph


def test_every_package_is_core_or_a_face() -> None:
    packages = {_package(path) for path in SOURCE.rglob("*.py")} - {"__init__"}
    assert packages <= set(CORE) | set(FACES), packages - set(CORE) - set(FACES)


def test_the_core_imports_no_face_and_no_library_of_one() -> None:
    wrong = sorted(
        f"{where} imports {module}"
        for package, imported in _imports().items()
        if package in CORE
        for module, where in imported
        if module.split(".")[0] in LIBRARIES_OF_FACES
        or (module.startswith("withhold.") and module.split(".")[1] in FACES)
    )
    assert not wrong, wrong


def test_no_package_imports_itself_through_others() -> None:
    graph = _graph()

    def reaches(start: str, goal: str) -> list[str] | None:
        """A path of imports from ``start`` to ``goal``, if there is one."""
        seen = {start}
        paths = [[start]]
        while paths:
            path = paths.pop()
            for following in sorted(graph.get(path[-1], ())):
                if following == goal:
                    return [*path, goal]
                if following not in seen:
                    seen.add(following)
                    paths.append([*path, following])
        return None

    cycles = [" → ".join(found) for package in sorted(graph) if (found := reaches(package, package))]
    assert not cycles, cycles


def test_the_checks_see_a_cycle_and_a_face_library() -> None:
    """The three checks are not vacuous: the graph they read has the known edges."""
    graph = _graph()
    assert "law" in graph["screening"] and "facts" in graph["law"]
    assert any(module == "django" or module.startswith("django.") for module, _ in _imports()["web"])
