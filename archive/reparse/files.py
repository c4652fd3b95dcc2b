"""Parsing of saved pages outside a crawl (``newsarchive parse``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scrapers.parsers import parse_page


def parse_file(data: bytes, url: str) -> dict[str, Any]:
    """One page's record as a JSON-ready dict."""
    return parse_page(data, url).to_dict()


def parse_manifest(manifest: Path) -> Iterator[str]:
    """Yield one JSON line per manifest line, in order; failures become ``error`` lines.

    Relative paths are resolved against the manifest's own folder.
    """
    base = manifest.parent
    with manifest.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            url = ""
            try:
                entry = json.loads(line)
                url = entry.get("url") or ""
                path = Path(entry["path"])
                record = parse_file((path if path.is_absolute() else base / path).read_bytes(), url)
            except Exception as exc:  # one bad input must never stop the run
                record = {
                    "url": url,
                    "title": None,
                    "authors": [],
                    "published": None,
                    "modified": None,
                    "body": "",
                    "comments": [],
                    "error": f"line {lineno}: {type(exc).__name__}: {exc}",
                }
            yield json.dumps(record, ensure_ascii=False)
