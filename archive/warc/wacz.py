"""Package WARC files as one WACZ (Web Archive Collection Zipped, spec 1.1.1).

A WACZ is a plain ZIP that replay tools (pywb, ReplayWeb.page) open without
unpacking: ``archive/`` holds the WARC files (stored, not deflated, so they
can be read at an offset), ``indexes/index.cdx`` their sorted CDXJ index,
``pages/pages.jsonl`` the article pages as entry points, and
``datapackage.json`` lists every file with its size and sha256 digest
(``datapackage-digest.json`` fixes the digest of that list in turn).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from archive import __version__
from archive.warc.cdxj import index_directory, merged_lines
from archive.warc.names import is_plain_name
from scrapers.items import utcnow

WACZ_VERSION = "1.1.1"
PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages", "title": "Articles"}


@dataclass(frozen=True, slots=True)
class WaczSummary:
    path: Path
    warc_files: int
    pages: int
    index_lines: int
    bytes: int


def select_warcs(conn: sqlite3.Connection, since: str | None, until: str | None) -> list[str]:
    """WARC files holding captures fetched in [since, until] (all when unbounded)."""
    sql, params = "SELECT DISTINCT warc_file FROM captures WHERE warc_file IS NOT NULL", []
    if since:
        sql += " AND fetched_at >= ?"
        params.append(since)
    if until:
        sql += " AND fetched_at <= ?"
        params.append(until)
    return sorted(r[0] for r in conn.execute(sql, params))


def page_lines(conn: sqlite3.Connection, warc_files: set[str]) -> Iterator[str]:
    """``pages.jsonl`` entries: one per archived article in the selected files."""
    rows = conn.execute(
        "SELECT a.id, a.url, a.title, c.fetched_at, c.warc_file FROM articles a "
        "JOIN captures c ON c.id = a.capture_id ORDER BY c.fetched_at, a.url"
    )
    for article_id, url, title, fetched_at, warc_file in rows:
        if warc_file in warc_files:
            page = {"id": article_id, "url": url, "ts": fetched_at, "title": title or url}
            yield json.dumps(page, ensure_ascii=False)


class _DigestingZip:
    """Writes zip members and remembers each one's size and sha256 for datapackage.json."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path, "w", allowZip64=True)
        self.resources: list[dict[str, object]] = []

    def add_file(self, source: Path, arcname: str) -> None:
        digest = hashlib.sha256()
        info = zipfile.ZipInfo.from_file(source, arcname)
        info.compress_type = zipfile.ZIP_STORED
        with open(source, "rb") as src, self.zip.open(info, "w", force_zip64=True) as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                dst.write(chunk)
        self._remember(arcname, digest.hexdigest(), source.stat().st_size)

    def add_lines(self, lines: Iterator[str], arcname: str) -> int:
        digest, size, count = hashlib.sha256(), 0, 0
        info = zipfile.ZipInfo(arcname, date_time=_zip_time())
        info.compress_type = zipfile.ZIP_DEFLATED
        with self.zip.open(info, "w", force_zip64=True) as dst:
            for line in lines:
                data = (line.rstrip("\n") + "\n").encode("utf-8")
                digest.update(data)
                dst.write(data)
                size += len(data)
                count += 1
        self._remember(arcname, digest.hexdigest(), size)
        return count

    def add_bytes(self, data: bytes, arcname: str) -> str:
        self.zip.writestr(zipfile.ZipInfo(arcname, date_time=_zip_time()), data)
        return "sha256:" + hashlib.sha256(data).hexdigest()

    def _remember(self, arcname: str, hexdigest: str, size: int) -> None:
        self.resources.append(
            {
                "name": Path(arcname).name,
                "path": arcname,
                "hash": "sha256:" + hexdigest,
                "bytes": size,
            }
        )


def _zip_time() -> tuple[int, int, int, int, int, int]:
    return datetime.now(UTC).timetuple()[:6]


def write_wacz(
    db_path: str | os.PathLike,
    warc_dir: str | os.PathLike,
    out: str | os.PathLike,
    *,
    since: str | None = None,
    until: str | None = None,
    index_dir: str | os.PathLike | None = None,
    title: str = "newsarchive",
) -> WaczSummary:
    """Package the WARC files with captures in [since, until] into ``out``."""
    warc_dir, out = Path(warc_dir), Path(out)
    index_dir = Path(index_dir) if index_dir else warc_dir.parent / "indexes"
    index_directory(warc_dir, index_dir)
    conn = sqlite3.connect(db_path)
    try:
        files = [
            f
            for f in select_warcs(conn, since, until)
            if is_plain_name(f) and (warc_dir / f).exists()  # never a path out of warc_dir
        ]
        if not files:
            raise ValueError("no WARC files in that date range")
        tmp = out.with_name(out.name + ".tmp")
        zw = _DigestingZip(tmp)
        for name in files:
            zw.add_file(warc_dir / name, f"archive/{name}")
        indexes = [index_dir / (name + ".cdxj") for name in files]
        lines = zw.add_lines(merged_lines(indexes), "indexes/index.cdx")
        entries = chain([json.dumps(PAGES_HEADER)], page_lines(conn, set(files)))
        pages = zw.add_lines(entries, "pages/pages.jsonl") - 1
    finally:
        conn.close()
    package = {
        "profile": "data-package",
        "wacz_version": WACZ_VERSION,
        "title": title,
        "created": utcnow(),
        "software": f"newsarchive/{__version__}",
        "resources": zw.resources,
    }
    data = json.dumps(package, indent=2).encode()
    digest = zw.add_bytes(data, "datapackage.json")
    zw.add_bytes(
        json.dumps({"path": "datapackage.json", "hash": digest}, indent=2).encode(),
        "datapackage-digest.json",
    )
    zw.zip.close()
    os.replace(tmp, out)
    return WaczSummary(out, len(files), pages, lines, out.stat().st_size)
