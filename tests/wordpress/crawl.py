"""The crawl of the test WordPress: the real command line in a subprocess,
and what it left (SQLite, WARC, the server's access log), read back with
sqlite3 and warcio only.

The command is built here, not imported from the project, so these tests
see the crawl as a user types it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def crawl_command(url: str, db: Path, warc_dir: Path, log: Path, *extra: str) -> list[str]:
    """``scrapy crawl wordpress -a url=...``; a local site needs no politeness delay."""
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "wordpress",
        "-a",
        f"url={url}",
        "-s",
        f"ARCHIVE_SQLITE_PATH={db}",
        "-s",
        f"ARCHIVE_WARC_DIR={warc_dir}",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=6",
        "-s",
        "LOG_LEVEL=INFO",
        "-s",
        f"LOG_FILE={log}",
        *extra,
    ]


@dataclass
class Crawl:
    """One finished crawl and the files it left."""

    name: str
    out: Path
    returncode: int
    stderr: str
    seconds: float
    server_requests: list[str] = field(default_factory=list)  # access-log lines

    @property
    def db(self) -> Path:
        return self.out / "archive.db"

    @property
    def warc_dir(self) -> Path:
        return self.out / "warc"

    @property
    def log(self) -> Path:
        return self.out / "crawl.log"

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db)
        conn.row_factory = sqlite3.Row
        return conn

    def rows(self, sql: str, *args: object) -> list[dict]:
        with self.connect() as conn:
            return [dict(r) for r in conn.execute(sql, args)]


def run_crawl(
    name: str,
    url: str,
    out: Path,
    access_log: Path,
    *extra: str,
    timeout: float = 600,
    project: Path = PROJECT_ROOT,
) -> Crawl:
    """Crawl ``url`` into ``out``; the server's access-log lines written
    meanwhile are the requests this crawl made.  ``project``: the checkout
    whose code crawls (its folder is the crawl's working directory, first on
    its import path), this one by default."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = crawl_command(url, out / "archive.db", out / "warc", out / "crawl.log", *extra)
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    before = access_log.stat().st_size if access_log.exists() else 0
    started = time.monotonic()
    run = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - started
    with open(access_log, "rb") as fh:
        fh.seek(before)
        lines = fh.read().decode("utf-8", "replace").splitlines()
    return Crawl(name, out, run.returncode, run.stderr, seconds, lines)
