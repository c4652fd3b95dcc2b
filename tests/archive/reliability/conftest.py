"""One real crawl of the hostile demo site (and its robots.txt-500 twin), shared
by the acceptance tests.

The sites are served in this process; the crawl is the real ``scrapy crawl
wordpress`` in a subprocess, with small limits so that the faults trip fast:
4 s download timeout, 2 MB maximum size (the 50 MB page and the 64 MB gzip
bomb exceed it), 0.2 s retry backoff, short trap limits.
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
from demosite.hostile import Hostile, RobotsError
from demosite.server import DemoServer

CRAWL_SETTINGS = {
    "DOWNLOAD_TIMEOUT": "4",  # a loaded machine must not time out good pages
    "DOWNLOAD_MAXSIZE": str(2 * 1024 * 1024),
    "DOWNLOAD_WARNSIZE": "0",
    "ARCHIVE_RETRY_BACKOFF": "0.2",
    "ARCHIVE_TRAP_MAX_PAGE": "10",
    "ARCHIVE_TRAP_PAST_YEARS": "0",
    "ARCHIVE_PARSE_WORKERS": "0",
    "LOG_LEVEL": "INFO",
}


@dataclass
class HostileCrawl:
    truth: dict
    db: Path
    warc_dir: Path
    log: Path
    run: subprocess.CompletedProcess
    hits: dict[str, int]  # request target -> count, main host
    second_hits: dict[str, int]  # the robots.txt-500 host
    times: dict[str, list[float]]  # hostile path -> request times (monotonic)

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db)
        conn.row_factory = sqlite3.Row
        return conn


@pytest.fixture(scope="session")
def hostile_crawl(tmp_path_factory) -> HostileCrawl:
    out = tmp_path_factory.mktemp("hostile-crawl")
    site = build_site(articles=4, seed=3)
    hostile = Hostile(slow_seconds=30)
    db, warc_dir, log = out / "archive.db", out / "warc", out / "crawl.log"
    with (
        DemoServer(site, hostile=hostile) as main,
        DemoServer(site, hostile=RobotsError()) as second,
    ):
        extra = [f"LOG_FILE={log}", *(f"{k}={v}" for k, v in CRAWL_SETTINGS.items())]
        cmd = crawl_command(
            f"{main.url},{second.url}",
            str(db),
            str(warc_dir),
            "-s",
            "ARCHIVE_BROWSER=never",  # (the browser stage has tests of its own)
            *(arg for setting in extra for arg in ("-s", setting)),
        )
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
        run = subprocess.run(
            cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        truth = hostile.truth(main.url, second.url)
        hits, second_hits = dict(main.hits), dict(second.hits)
    return HostileCrawl(truth, db, warc_dir, log, run, hits, second_hits, dict(hostile.times))
