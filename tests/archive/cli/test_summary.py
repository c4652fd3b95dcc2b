"""The summary `make demo` and `newsarchive summary` print: what the archive holds."""

from __future__ import annotations

from archive.cli.summary import archive_summary, format_summary
from archive.store.writer import ArchiveStore


def _archive(tmp_path, stats: dict) -> str:
    db = tmp_path / "a.db"
    store = ArchiveStore.open(db)
    crawl = store.start_crawl("wordpress", {})
    store.finish_crawl(crawl, stats, "finished")
    store.close()
    return str(db)


def test_the_article_accounting_is_printed(tmp_path):
    stats = {"archive/articles/started": 5, "archive/articles/stored": 4, "archive/failures": 1}
    stats["archive/articles/failed"] = 1
    text = format_summary(archive_summary(_archive(tmp_path, stats), str(tmp_path / "warc")))
    assert "article pages: 5 started, 4 stored, 1 failed" in text
    assert "LOST" not in text


def test_a_lost_article_is_named_as_a_bug(tmp_path):
    stats = {"archive/articles/started": 5, "archive/articles/stored": 4}
    text = format_summary(archive_summary(_archive(tmp_path, stats), str(tmp_path / "warc")))
    assert "1 LOST (a bug: see the log)" in text
