"""Crawls of a demo site driven through time (issue #7).

The site runs in this process; each crawl is the real ``scrapy crawl`` in a
subprocess, told the site's time with ``ARCHIVE_RECRAWL_CLOCK`` so that the
recrawl policy ages articles on the same clock as the site.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from archive.demo import PROJECT_ROOT, crawl_command
from demosite.server import DemoServer

OUTCOME = "new, refetched, unchanged, skipped_policy, failed"


def crawl(
    server: DemoServer, out: Path, *extra: str, clock: bool = True, timeout: int = 300
) -> subprocess.CompletedProcess:
    """One crawl of ``server`` into ``out/archive.db`` (log in ``out/crawl.log``)."""
    args = ["-s", "LOG_LEVEL=INFO", "-s", f"LOG_FILE={out / 'crawl.log'}"]
    # lean: no parser processes to start, no archive walk (sitemaps and feed find all)
    args += ["-s", "ARCHIVE_PARSE_WORKERS=0", "-a", "discover=sitemaps,feeds", *extra]
    if clock:
        args += ["-s", f"ARCHIVE_RECRAWL_CLOCK={server.site.now().isoformat()}"]
    cmd = crawl_command(server.url, str(out / "archive.db"), str(out / "warc"), *args)
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    return subprocess.run(
        cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def outcome(db: Path) -> tuple[int, ...]:
    """(new, refetched, unchanged, skipped_policy, failed) of the latest crawl."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT {OUTCOME} FROM crawls ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
