"""A real crawl of the demo site over HTTP on 127.0.0.1, shared by the e2e tests.

The site is served in this process; the crawl is the real command line
(`scrapy crawl wordpress -a url=...`) in a subprocess, run twice so that the
tests can check that a rerun updates the archive and never duplicates it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.cli.demo import PROJECT_ROOT, crawl_command
from demosite import build_site
from demosite.server import DemoServer


@dataclass
class CrawledDemo:
    url: str
    db: Path
    warc_dir: Path
    truth: dict
    runs: list[subprocess.CompletedProcess]
    counts_after_first: dict[str, int]
    logs: list[Path]

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db)
        conn.row_factory = sqlite3.Row
        return conn


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "comments", "captures", "crawls", "authors", "media")
        }
    finally:
        conn.close()


def _crawl(url: str, db: Path, warc_dir: Path, log: Path) -> subprocess.CompletedProcess:
    cmd = crawl_command(
        url,
        str(db),
        str(warc_dir),
        "-s",
        "LOG_LEVEL=INFO",
        "-s",
        f"LOG_FILE={log}",
        # ask the REST API for every WordPress thread, so its path is exercised
        "-s",
        "ARCHIVE_COMMENTS_API=always",
    )
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    return subprocess.run(
        cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="session")
def crawled_demo(tmp_path_factory) -> CrawledDemo:
    out = tmp_path_factory.mktemp("demo-crawl")
    site = build_site(articles=40, seed=7)
    db, warc_dir = out / "archive.db", out / "warc"
    with DemoServer(site) as server:
        first = _crawl(server.url, db, warc_dir, out / "crawl1.log")
        counts = _counts(db) if db.exists() else {}
        second = _crawl(server.url, db, warc_dir, out / "crawl2.log")
        url = server.url
    return CrawledDemo(
        url=url,
        db=db,
        warc_dir=warc_dir,
        truth=site.ground_truth(),
        runs=[first, second],
        counts_after_first=counts,
        logs=[out / "crawl1.log", out / "crawl2.log"],
    )
