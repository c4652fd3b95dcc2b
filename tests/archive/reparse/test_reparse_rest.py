"""Re-parse rebuilds threads the REST API completed, as the crawl did.

The demo site answers every second comment page with a 404, so the crawl's
HTML threads are incomplete and ``ARCHIVE_COMMENTS_API=auto`` asks the API,
which adds the missing comments (modern theme) or refuses (classic theme: the
thread stays incomplete).  Re-parsing the WARC files alone must give the same
rows: the same failed pages skipped, the same archived API answers reconciled.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from archive.reparse.run import reparse
from demosite import build_site
from demosite.server import DemoServer
from tests.archive.conftest import copy_captures, run_crawl
from tests.archive.reparse.test_reparse import _assert_same, _rows

_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n"


def _second_page_fails(transport, server, target: str) -> bool:
    if "/comment-page-2/" in target or "cpage=2" in target:
        transport.write(_NOT_FOUND)
        return True
    return False


@dataclass
class RestCrawl:
    db: Path
    warc_dir: Path
    truth: dict


@pytest.fixture(scope="module")
def rest_crawl(tmp_path_factory) -> RestCrawl:
    out = tmp_path_factory.mktemp("rest-crawl")
    site = build_site(articles=24, seed=4)
    db, warc_dir = out / "archive.db", out / "warc"
    with DemoServer(site, hostile=_second_page_fails) as server:
        run = run_crawl(server.url, db, warc_dir)
    assert run.returncode == 0, run.stderr[-2000:]
    return RestCrawl(db, warc_dir, site.ground_truth())


def _api_statuses(db: Path) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT url, status FROM captures").fetchall()
    finally:
        conn.close()
    return [s for u, s in rows if urlsplit(u).path == "/wp-json/wp/v2/comments"]


def test_the_api_completed_threads_in_the_crawl(rest_crawl):
    statuses = _api_statuses(rest_crawl.db)
    assert 200 in statuses and 401 in statuses, statuses
    completed = [
        a
        for a in rest_crawl.truth["articles"]
        if a["rest_api"] and len(a["comment_pages"]) > 1 and a["comments_system"] == "wordpress"
    ]
    assert completed, "the demo site has no paginated API thread"
    conn = sqlite3.connect(rest_crawl.db)
    for a in completed:
        row = conn.execute(
            "SELECT comments_count, comments_complete FROM articles WHERE url LIKE ?",
            (f"%{a['url']}",),
        ).fetchone()
        assert row == (len(a["comments"]), 1), a["url"]  # page 2's comments: from the API
    conn.close()


def test_reparse_rebuilds_api_completed_threads(rest_crawl, tmp_path):
    fresh = tmp_path / "fresh.db"
    copy_captures(rest_crawl.db, fresh)
    stats = reparse(fresh, rest_crawl.warc_dir, jobs=2)
    assert stats.errors == 0, stats.error_samples
    assert stats.api_threads > 0 and stats.failed_comment_pages > 0
    _assert_same(rest_crawl.db, fresh)
    incomplete = [r for r in _rows(fresh, "articles").values() if r["comments_complete"] == 0]
    assert incomplete  # classic-theme threads: page 2 failed and the API refused


def test_history_rebuild_of_api_completed_threads(rest_crawl, tmp_path):
    fresh = tmp_path / "fresh.db"
    copy_captures(rest_crawl.db, fresh)
    stats = reparse(fresh, rest_crawl.warc_dir, jobs=1, history=True)
    assert stats.errors == 0 and stats.api_threads > 0
    _assert_same(rest_crawl.db, fresh)
