"""The import rules of the layout (docs/architecture.md), read from the code with ``ast``.

Rooms are the packages of ``archive/`` and ``scrapers/`` (and ``scrapers/parsers/``),
plus the few shared modules.  Each room may import the rooms listed in
``MAY_IMPORT`` and nothing else of ours; every import counts, at module level
or inside a function.  A new module that breaks a rule, or a new dependency
between rooms that nobody wrote down here, fails this test.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("archive", "scrapers", "demosite", "settings")

# room -> the rooms it may import (its own modules always)
MAY_IMPORT: dict[str, set[str]] = {
    # shared records and the spider/archive contract
    "scrapers": set(),  # the package's face
    "scrapers.items": set(),
    "scrapers.contract": set(),
    "scrapers.profiles": set(),
    # parse: (bytes, url) -> records, lowest room first
    "scrapers.parsers.document": {"scrapers.items"},
    "scrapers.parsers.dates": {"scrapers.parsers.document"},
    "scrapers.parsers.title": {"scrapers.parsers.document"},
    "scrapers.parsers.authors": {
        "scrapers.items",
        "scrapers.parsers.document",
        "scrapers.parsers.dates",
    },
    "scrapers.parsers.body": {"scrapers.parsers.document", "scrapers.parsers.dates"},
    "scrapers.parsers.comments": {
        "scrapers.items",
        "scrapers.parsers.document",
        "scrapers.parsers.dates",
    },
    "scrapers.parsers.wpapi": {"scrapers.items", "scrapers.parsers.comments"},
    "scrapers.parsers": {  # the entry points: page.py, article.py
        "scrapers.items",
        "scrapers.parsers.document",
        "scrapers.parsers.dates",
        "scrapers.parsers.title",
        "scrapers.parsers.authors",
        "scrapers.parsers.body",
        "scrapers.parsers.comments",
    },
    # discover and fetch
    "scrapers.spiders": {
        "scrapers.items",
        "scrapers.contract",
        "scrapers.profiles",
        "scrapers.parsers",
        "scrapers.parsers.comments",
        "scrapers.parsers.wpapi",
    },
    # capture
    "archive": set(),  # the package's face: __version__
    "archive.warc": {"archive", "scrapers.items"},
    "archive.store": {"archive", "scrapers.items"},
    "archive.crawl": {
        "archive",
        "archive.store",
        "archive.warc",
        "scrapers.contract",
        "scrapers.items",
    },
    "archive.reliability": {"archive.crawl", "scrapers.contract"},
    "archive.recrawl": {"archive.crawl", "scrapers.contract"},
    "archive.fleet": {
        "archive.crawl",
        "archive.store",
        "archive.warc",
        "scrapers.contract",
        "scrapers.items",
    },
    # re-parse, serve and export
    "archive.reparse": {
        "archive.store",
        "archive.warc",
        "scrapers.items",
        "scrapers.parsers",
        "scrapers.parsers.comments",
        "scrapers.parsers.wpapi",
        "scrapers.profiles",
    },
    "archive.export": {"archive", "archive.store", "scrapers.items"},
    "archive.datasette": set(),
    "archive.commands": set(),
    "archive.cli": {
        "archive",
        "demosite",
        "archive.commands",
        "archive.datasette",
        "archive.export",
        "archive.fleet",
        "archive.reparse",
        "archive.store",
        "archive.warc",
    },
    # the bundled demo site knows nothing of the crawler that reads it
    "demosite": set(),
    "settings": set(),
}

# What may stand directly in a package beside its rooms: the face and the truly shared.
LOOSE_MODULES = {
    "archive": {"__init__.py"},
    "scrapers": {"__init__.py", "items.py", "contract.py", "profiles.py"},
    "scrapers/parsers": {"__init__.py", "page.py", "article.py"},  # the entry points
}


def _modules() -> Iterator[tuple[str, Path]]:
    for top in ("archive", "scrapers", "demosite"):
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path
    yield "settings", ROOT / "settings.py"


def _imports(name: str, path: Path) -> Iterator[tuple[str, int]]:
    """Every module ``name`` imports (of ours), with the line, at any depth of the code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # "from pkg import module" imports the module; "from module import name" the module
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] in OURS:
                yield target, node.lineno


def room_of(module: str) -> str | None:
    """The room a module (or a name in one) belongs to: the longest room that contains it."""
    parts = module.split(".")
    for k in range(len(parts), 0, -1):
        if ".".join(parts[:k]) in MAY_IMPORT:
            return ".".join(parts[:k])
    return None


def _edges() -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = {}
    for name, path in _modules():
        source = room_of(name)
        for target, line in _imports(name, path):
            room = room_of(target)
            if room is not None and room != source:
                edges.setdefault((source, room), []).append(f"{path.relative_to(ROOT)}:{line}")
    return edges


def test_every_module_is_in_a_room():
    assert [name for name, _ in _modules() if room_of(name) is None] == []


def test_rooms_import_only_what_the_layout_allows():
    wrong = {
        f"{source} -> {target}": where[:3]
        for (source, target), where in _edges().items()
        if target not in MAY_IMPORT[source]
    }
    assert wrong == {}


def test_no_cycles_between_rooms():
    graph: dict[str, set[str]] = {}
    for source, target in _edges():
        graph.setdefault(source, set()).add(target)
    done: set[str] = set()

    def visit(room: str, path: tuple[str, ...]) -> None:
        if room in path:
            pytest.fail("cycle: " + " -> ".join((*path[path.index(room) :], room)))
        if room in done:
            return
        for nxt in sorted(graph.get(room, ())):
            visit(nxt, (*path, room))
        done.add(room)

    for room in sorted(graph):
        visit(room, ())


def test_spiders_reach_the_archive_only_through_the_contract():
    reach = {t for (s, t) in _edges() if s == "scrapers.spiders"}
    assert not {t for t in reach if t.startswith("archive")}
    assert "scrapers.contract" in reach


@pytest.mark.parametrize("package", sorted(LOOSE_MODULES))
def test_only_the_face_and_shared_modules_stand_loose(package):
    loose = {p.name for p in (ROOT / package).glob("*.py")}
    assert loose <= LOOSE_MODULES[package]


def test_every_room_says_what_it_is_for():
    faces = [p for top in ("archive", "scrapers") for p in (ROOT / top).rglob("__init__.py")]
    silent = [
        str(p.relative_to(ROOT)) for p in faces if not ast.get_docstring(ast.parse(p.read_text()))
    ]
    assert silent == []
