"""Fixtures shared by the archive's tests: a demo crawl with the exact bytes
the site sent (WARC and re-parse tests), and a small archive built straight
through ``ArchiveStore`` (Datasette and export tests, :mod:`tests.archive.sample`).

The demo crawl is the real ``scrapy crawl`` in a subprocess; the demo site runs in
this process and logs every response as written to the socket, so tests can
compare archived payloads with what was really served.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from archive.cli.demo import PROJECT_ROOT, crawl_command
from archive.store.writer import ArchiveStore
from demosite import build_site
from demosite.server import DemoServer
from tests.archive.sample import build_archive


@dataclass
class WarcCrawl:
    url: str
    db: Path
    warc_dir: Path
    runs: list[subprocess.CompletedProcess]
    wire: dict[str, list[bytes]] = field(default_factory=dict)  # target -> raw responses


def run_crawl(url: str, db: Path, warc_dir: Path, *extra: str, timeout: int = 300):
    # The browser stage would render only the demo's Disqus page here (~4 s a
    # crawl); it has tests of its own (tests/archive/crawl/browser/), which
    # switch it on again (later -s options win).
    cmd = crawl_command(
        url,
        str(db),
        str(warc_dir),
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        "ARCHIVE_BROWSER=never",
        *extra,
    )
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    return subprocess.run(
        cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def copy_captures(src: Path, dst: Path) -> None:
    """A fresh archive holding only the source's captures (in capture order)."""
    ArchiveStore.open(dst).close()
    conn = sqlite3.connect(dst)
    with conn:
        conn.execute("ATTACH ? AS src", (str(src),))
        conn.execute("INSERT INTO captures SELECT * FROM src.captures ORDER BY rowid")
    conn.close()


@pytest.fixture(scope="session")
def warc_crawl(tmp_path_factory) -> WarcCrawl:
    out = tmp_path_factory.mktemp("warc-crawl")
    wire: dict[str, list[bytes]] = defaultdict(list)
    site = build_site(articles=30, seed=11)
    db, warc_dir = out / "archive.db", out / "warc"
    with DemoServer(site, wire_log=lambda target, data: wire[target].append(data)) as server:
        first = run_crawl(server.url, db, warc_dir)
        second = run_crawl(server.url, db, warc_dir)
        url = server.url
    return WarcCrawl(url, db, warc_dir, [first, second], dict(wire))


@pytest.fixture
def archive_db(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "archive.db")
