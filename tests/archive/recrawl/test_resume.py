"""Interrupted crawls: SIGKILL at random points, and JOBDIR pause/resume.

Either way, the archive ends up as an uninterrupted crawl leaves it (same
articles, comments and versions), SQLite stays consistent after every kill,
and no article is ever stored without its comments.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time

import pytest

from archive.cli.demo import PROJECT_ROOT, crawl_command
from demosite import build_site
from demosite.server import DemoServer
from tests.archive.recrawl.conftest import crawl, query

LEAN = ("-s", "ARCHIVE_PARSE_WORKERS=0", "-a", "discover=sitemaps,feeds")
CONTENT = {
    "articles": "SELECT id, url, title, body, published, modified, comments_count, "
    "comments_complete FROM articles ORDER BY id",
    "comments": "SELECT id, parent_id, author, text, position, depth, removed_at "
    "FROM comments ORDER BY id",
    "versions": "SELECT article_id, version, title, body, authors FROM article_versions "
    "ORDER BY article_id, version",
}


@pytest.fixture(scope="module")
def served():
    site = build_site(articles=60, seed=2)
    with DemoServer(site) as srv:
        yield srv


@pytest.fixture(scope="module")
def reference(served, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    result = crawl(served, out, clock=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return {name: query(out / "archive.db", sql) for name, sql in CONTENT.items()}


def _captures(db) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM captures").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def _consistent(db) -> None:
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    half_written = query(
        db,
        "SELECT a.id FROM articles a WHERE a.comments_count != "
        "(SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.removed_at IS NULL)",
    )
    assert half_written == []


def _kill_after(url: str, out, more: int) -> None:
    """Start a crawl and SIGKILL it once ``more`` captures were committed."""
    db = out / "archive.db"
    start = _captures(db) if db.exists() else 0
    cmd = crawl_command(url, str(db), str(out / "warc"), "-s", "LOG_LEVEL=WARNING", *LEAN)
    cmd += ["-s", "ARCHIVE_BATCH_SIZE=7"]  # commit often: more states to be killed in
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    proc = subprocess.Popen(
        cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if _captures(db) >= start + more:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.02)
    finally:
        proc.wait(60)


def test_sigkill_at_random_points_then_rerun(served, reference, tmp_path):
    rng = random.Random(20261129)
    for _ in range(3):
        _kill_after(served.url, tmp_path, rng.randint(3, 30))
        _consistent(tmp_path / "archive.db")
    result = crawl(served, tmp_path, clock=False)
    assert result.returncode == 0, result.stderr[-2000:]
    _consistent(tmp_path / "archive.db")
    for name, sql in CONTENT.items():
        assert query(tmp_path / "archive.db", sql) == reference[name], name


def test_jobdir_pause_and_resume(served, reference, tmp_path):
    jobdir = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl(served, tmp_path, *jobdir, "-s", "CLOSESPIDER_PAGECOUNT=25", clock=False)
    assert first.returncode == 0, first.stderr[-2000:]
    assert query(tmp_path / "archive.db", "SELECT finish_reason FROM crawls") == [
        ("closespider_pagecount",)
    ]
    second = crawl(served, tmp_path, *jobdir, clock=False)
    assert second.returncode == 0, second.stderr[-2000:]
    _consistent(tmp_path / "archive.db")
    for name, sql in CONTENT.items():
        assert query(tmp_path / "archive.db", sql) == reference[name], name
