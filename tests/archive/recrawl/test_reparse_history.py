"""``reparse --history`` rebuilds from the WARC files the history the crawls built."""

from __future__ import annotations

from archive.reparse.run import reparse
from tests.archive.conftest import copy_captures
from tests.archive.recrawl.conftest import query

HISTORY = {
    "article_versions": "SELECT article_id, version, capture_id, fetched_at, crawl_id, title, "
    "authors, published, modified, body, version_hash FROM article_versions "
    "ORDER BY article_id, version",
    "comments": "SELECT id, text, parent_id, first_seen, last_seen, capture_id, removed_at "
    "FROM comments ORDER BY id",
    "comment_versions": "SELECT comment_id, version, text, capture_id, seen_until, replaced_at "
    "FROM comment_versions ORDER BY comment_id, version",
    "articles": "SELECT id, title, body, first_seen, last_fetched, capture_id, "
    "comments_complete, version_hash, new_comments FROM articles ORDER BY id",
}


def test_reparse_history_reproduces_the_crawls(story, tmp_path):
    fresh = tmp_path / "fresh.db"
    copy_captures(story["db"], fresh)
    stats = reparse(fresh, story["out"] / "warc", jobs=1, history=True)
    assert stats.errors == 0
    for name, sql in HISTORY.items():
        assert query(fresh, sql) == query(story["db"], sql), name
    # and again on the rebuilt archive: the same
    reparse(fresh, story["out"] / "warc", jobs=2, history=True)
    assert query(fresh, HISTORY["article_versions"]) == query(
        story["db"], HISTORY["article_versions"]
    )
