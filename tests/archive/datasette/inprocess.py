"""Datasette in this process, with newsarchive's metadata, plugins and
templates, answering requests through its own ASGI client (no socket).

The same application ``newsarchive serve`` runs, minus the HTTP server: fast
enough to check many pages, while the browser test covers the real server.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import lxml.html
from datasette.app import Datasette

from archive.datasette import PLUGINS_DIR, TEMPLATES_DIR, load_metadata


class Reader:
    """``Reader(db).page("/archive/articles/ID")``: a page's parsed HTML."""

    def __init__(self, db: Path, metadata: dict[str, Any] | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.ds = Datasette(
            [str(db)],
            metadata=metadata or load_metadata(db.stem),
            plugins_dir=str(PLUGINS_DIR),
            template_dir=str(TEMPLATES_DIR),
        )
        self.loop.run_until_complete(self.ds.invoke_startup())

    def get(self, path: str) -> httpx.Response:
        return self.loop.run_until_complete(self.ds.client.get(path))

    def page(self, path: str) -> lxml.html.HtmlElement:
        response = self.get(path)
        assert response.status_code == 200, (path, response.status_code, response.text[-2000:])
        return lxml.html.fromstring(response.text)

    def close(self) -> None:
        self.ds.executor.shutdown(wait=True)
        for db in self.ds.databases.values():
            db.close()
        self.loop.close()
