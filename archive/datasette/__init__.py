"""Datasette configuration shipped with newsarchive: metadata (descriptions,
labels, sort orders, facets, stored queries), plugins and the reading room's
templates (article, author and site pages: ``archive.datasette.reading``).

``newsarchive serve`` uses :func:`datasette_command`; the same command can be
typed by hand, which is why the configuration lives in plain files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
METADATA = HERE / "metadata.yml"
PLUGINS_DIR = HERE / "plugins"
TEMPLATES_DIR = HERE / "templates"
REPLAY_ENV = "NEWSARCHIVE_REPLAY_URL"
"""Environment variable the metadata reads the replay (pywb) URL from."""
DEFAULT_NAME = "archive"
"""Database name the metadata is written for (Datasette names a database by its file's stem)."""

SETTINGS = {
    "default_page_size": "50",
    "sql_time_limit_ms": "5000",
    "facet_time_limit_ms": "500",
    "truncate_cells_html": "600",
}
"""Longer time limits than Datasette's defaults (full-text search over comments can
take a second)."""


def load_metadata(db_name: str = DEFAULT_NAME) -> dict[str, Any]:
    """The metadata with its database section (and links) renamed to ``db_name``."""
    data = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    if db_name != DEFAULT_NAME:
        data["databases"] = {db_name: data["databases"].pop(DEFAULT_NAME)}
        data["description_html"] = data["description_html"].replace(
            f"/{DEFAULT_NAME}/", f"/{db_name}/"
        )
    return data


def datasette_command(
    db: str | Path,
    *,
    metadata: str | Path = METADATA,
    host: str = "127.0.0.1",
    port: int = 8001,
    python: str | None = None,
) -> list[str]:
    """The ``datasette`` command line for an archive, with our metadata, plugins,
    templates and settings; ``python`` set gives ``python -m datasette`` instead."""
    cmd = [python, "-m", "datasette"] if python else ["datasette"]
    cmd += ["serve", str(db), "-m", str(metadata), "--plugins-dir", str(PLUGINS_DIR)]
    cmd += ["--template-dir", str(TEMPLATES_DIR)]
    cmd += ["--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        cmd += ["--setting", name, value]
    return cmd


def python_command(db: str | Path, **kwargs: Any) -> list[str]:
    """As :func:`datasette_command`, run by this interpreter (no PATH lookup)."""
    return datasette_command(db, python=sys.executable, **kwargs)
