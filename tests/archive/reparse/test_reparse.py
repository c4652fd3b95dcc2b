"""Re-parse from WARC alone rebuilds the same articles and comments as the crawl."""

from __future__ import annotations

import sqlite3

from archive.reparse.run import reparse
from tests.archive.conftest import copy_captures

BOOKKEEPING = {"first_seen", "last_fetched", "last_seen", "crawl_id"}


def _rows(db, table: str) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return {
            r["id"]: {k: r[k] for k in r.keys() if k not in BOOKKEEPING}  # noqa: SIM118
            for r in conn.execute(f"SELECT * FROM {table}")
        }
    finally:
        conn.close()


def _links(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT * FROM article_authors"))
    finally:
        conn.close()


def _assert_same(a, b) -> None:
    for table in ("articles", "comments", "authors", "media"):
        got, want = _rows(b, table), _rows(a, table)
        assert set(got) == set(want), (table, sorted(set(got) ^ set(want))[:5])
        diffs = [(k, f) for k in want for f in want[k] if want[k][f] != got[k][f]]
        assert not diffs, (table, diffs[:5])
    assert _links(a) == _links(b)


def test_crawls_ok(warc_crawl):
    for run in warc_crawl.runs:
        assert run.returncode == 0, run.stderr[-2000:]


def test_reparse_into_fresh_db_matches_crawl(warc_crawl, tmp_path):
    fresh = tmp_path / "fresh.db"
    copy_captures(warc_crawl.db, fresh)
    seen = []
    stats = reparse(fresh, warc_crawl.warc_dir, jobs=2, progress=lambda d, t: seen.append((d, t)))
    assert stats.errors == 0, stats.error_samples
    assert stats.comment_pages > 0 and stats.incomplete_threads == 0
    assert seen and seen[-1][0] == seen[-1][1] == stats.pages
    _assert_same(warc_crawl.db, fresh)
    assert len(_rows(fresh, "articles")) == stats.articles
    assert len(_rows(fresh, "media")) > 5  # captions rebuilt from the WARC files
    _assert_search_intact(warc_crawl.db, fresh)


def _assert_search_intact(crawled, fresh) -> None:
    """Full-text indexes match their tables, behind the same triggers (archive.store.fts)."""
    conn = sqlite3.connect(fresh)
    try:
        for table in ("articles_fts", "comments_fts", "media_fts"):
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        hits = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'the'")
        assert hits.fetchone()[0] > 0
    finally:
        conn.close()
    sql = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    triggers = [sqlite3.connect(db).execute(sql).fetchall() for db in (crawled, fresh)]
    assert triggers[0] == triggers[1] and triggers[0]


def test_reparse_is_idempotent_and_in_process(warc_crawl, tmp_path):
    fresh = tmp_path / "fresh.db"
    copy_captures(warc_crawl.db, fresh)
    reparse(fresh, warc_crawl.warc_dir, jobs=1)
    before = (_rows(fresh, "articles"), _rows(fresh, "comments"), _rows(fresh, "media"))
    stats = reparse(fresh, warc_crawl.warc_dir, jobs=2)
    assert (_rows(fresh, "articles"), _rows(fresh, "comments"), _rows(fresh, "media")) == before
    _assert_search_intact(warc_crawl.db, fresh)
    assert stats.articles == len(before[0])


def test_reparse_filters_by_site_and_date(warc_crawl, tmp_path):
    fresh = tmp_path / "fresh.db"
    copy_captures(warc_crawl.db, fresh)
    assert reparse(fresh, warc_crawl.warc_dir, site="elsewhere.example", jobs=1).pages == 0
    assert reparse(fresh, warc_crawl.warc_dir, since="2999-01-01", jobs=1).pages == 0
    host = warc_crawl.url.split("/")[2]
    assert reparse(fresh, warc_crawl.warc_dir, site=host, jobs=1).articles > 0


def test_reparse_command(warc_crawl, tmp_path):
    from click.testing import CliRunner

    from archive.cli.main import main

    fresh = tmp_path / "fresh.db"
    copy_captures(warc_crawl.db, fresh)
    args = ["reparse", "--db", str(fresh), "--warc-dir", str(warc_crawl.warc_dir), "-j", "2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and "0 errors" in result.output
