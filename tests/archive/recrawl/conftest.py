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

import pytest

from archive.cli.demo import PROJECT_ROOT, crawl_command
from demosite import build_site
from demosite.content import content
from demosite.server import DemoServer

# Site of 60 articles (seed 1) at its default clock: the newest article is an
# hour old (every run), one is 4 days old (daily), one 23 days old with
# comments off (weekly, doubled), every other one is older than 60 days (never).
NEWEST = "/2024/12/18/medical-association-rejects-tourism-season-in-mexico-city/"
OLD = "/2024/07/10/governor-unveils-plan-on-fishing-quotas-in-bogota/"
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
    # (no browser stage: it would render only the demo's Disqus page; its own
    # tests are in tests/archive/crawl/browser/)
    cmd = crawl_command(
        server.url, str(out / "archive.db"), str(out / "warc"), "-s", "ARCHIVE_BROWSER=never", *args
    )
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


@pytest.fixture(scope="session")
def story(tmp_path_factory):
    """Six crawls with changes in between; the outcome and archive after each."""
    out = tmp_path_factory.mktemp("living")
    site = build_site(articles=60, seed=1)
    daily = next(p for p in site.posts[-3:] if p.lang == "ru").path  # 4 days old
    db = out / "archive.db"
    steps = {}
    with DemoServer(site) as srv:

        def run(name: str, *extra: str) -> None:
            result = crawl(srv, out, *extra)
            assert result.returncode == 0, result.stderr[-3000:]
            steps[name] = outcome(db)

        run("first")
        run("same_time")
        # minutes after the last crawl, an old article is corrected, the
        # newest gets a comment, a moderator removes one
        srv.advance(minutes=5)
        srv.edit_article(OLD, title="Governor unveils revised plan", append="Correction: x.")
        new_id = srv.add_comment(NEWEST, "A new reader comment.")
        removed = content(site, site.by_path[daily]).comments[0].id
        srv.remove_comment(daily, removed)
        srv.advance(days=1)
        run("next_day")
        steps["after_next_day"] = _archive(db)
        snapshot = _snapshot(db, out / "after_next_day" / "archive.db")
        run("next_day_again")
        srv.restore_comment(daily, removed)
        edited = content(site, site.by_path[NEWEST]).comments[0].id
        srv.edit_comment(NEWEST, edited, "Edited by its author.")
        srv.advance(days=1)
        run("day_after")
        run("full", "-a", "full=1")
        not_modified = sum(srv.not_modified.values())
    return {
        "steps": steps,
        "db": db,
        "out": out,
        "ids": (new_id, removed, edited, daily),
        "not_modified": not_modified,
        "final": _archive(db),
        "after_next_day_db": snapshot,  # the archive as it was then (the removal marked)
    }


def _snapshot(db: Path, to: Path) -> Path:
    """A copy of the archive as it is now (SQLite's backup: WAL included)."""
    to.parent.mkdir(parents=True)
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return to


def _archive(db):
    return {
        "versions": query(db, "SELECT a.url, v.version, v.title FROM article_versions v "
                              "JOIN articles a ON a.id = v.article_id ORDER BY a.url, v.version"),
        "removed": query(db, "SELECT comment_id, removed_at IS NOT NULL FROM comments "
                             "WHERE removed_at IS NOT NULL"),
        "comment_versions": query(db, "SELECT c.comment_id, v.version, v.text, c.text "
                                      "FROM comment_versions v JOIN comments c ON c.id = v.comment_id"),
    }  # fmt: skip
