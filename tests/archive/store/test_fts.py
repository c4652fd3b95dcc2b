"""The re-parse's writer indexes full text per batch: same index, same triggers, crash-safe."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from archive.store.fts import BatchIndexStore
from archive.store.writer import ArchiveStore
from scrapers.items import Article, Author, Comment, Media


def _article(n: int, title: str, words: str) -> Article:
    return Article(
        url=f"https://news.example/{n}/",
        title=title,
        body=f"Body of story {n}: {words}.",
        authors=[Author(name="Ana Ruiz")],
        comments=[
            Comment(id=f"{n}-{i}", author=f"Reader {i}", text=f"{words} comment {i}", position=i)
            for i in range(3)
        ],
        media=[
            Media(
                url=f"https://news.example/{n}-{i}.jpg", caption=f"{words} picture {i}", position=i
            )
            for i in range(n % 4)
        ],
    )


def _write(store: ArchiveStore, articles: list[Article]) -> None:
    for a in articles:
        store.add_article(a, fetched_at="2026-01-01T00:00:00Z", capture_id=None, crawl_id=None)
    store.flush()


def _state(db: Database) -> tuple:
    """What a reader sees: search hits per word, the rows, and the triggers."""
    conn = db.conn
    for table in (
        "articles_fts",
        "comments_fts",
        "media_fts",
    ):  # the index matches its content table
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    conn.commit()  # the checks are INSERTs: no transaction may stay open after them
    hits = {
        word: (
            sorted(
                r[0]
                for r in conn.execute(
                    "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                    "WHERE articles_fts MATCH ?",
                    [word],
                )
            ),
            sorted(
                r[0]
                for r in conn.execute(
                    "SELECT c.id FROM comments_fts f JOIN comments c ON c.rowid = f.rowid "
                    "WHERE comments_fts MATCH ?",
                    [word],
                )
            ),
            sorted(
                r[0]
                for r in conn.execute(
                    "SELECT m.id FROM media_fts f JOIN media m ON m.rowid = f.rowid "
                    "WHERE media_fts MATCH ?",
                    [word],
                )
            ),
        )
        for word in ("apples", "pears", "plums", "story", "headline", "picture")
    }
    rows = sorted(conn.execute("SELECT id, title, body FROM articles"))
    rows += sorted(conn.execute("SELECT id, caption FROM media"))
    triggers = sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
    return hits, rows, triggers


def _batches(store: ArchiveStore) -> None:
    _write(store, [_article(n, f"Headline {n}", "apples") for n in range(40)])
    # a rerun that changes some rows: old words must leave the index
    _write(store, [_article(n, f"New title {n}", "pears") for n in range(0, 40, 3)])
    _write(store, [_article(n, f"Headline {n}", "plums") for n in range(35, 45)])


def test_batch_indexing_gives_what_the_triggers_give():
    by_triggers, by_batch = Database(memory=True), Database(memory=True)
    _batches(ArchiveStore(by_triggers, batch_size=7))
    _batches(BatchIndexStore(by_batch, batch_size=7))
    assert _state(by_batch) == _state(by_triggers)
    assert _state(by_batch)[0]["pears"][0]  # the test searches for something
    assert _state(by_batch)[0]["pears"][2]  # captions too


def test_a_batch_that_fails_keeps_triggers_and_index(monkeypatch):
    db = Database(memory=True)
    store = BatchIndexStore(db, batch_size=1000)
    _write(store, [_article(n, f"Headline {n}", "apples") for n in range(5)])
    before = _state(db)

    def fail(conn, *, delete):
        if not delete:
            raise RuntimeError("killed mid-batch")

    monkeypatch.setattr(store, "_index", fail)
    with pytest.raises(RuntimeError):
        _write(store, [_article(n, f"Other {n}", "pears") for n in range(3, 8)])
    assert _state(db) == before  # rolled back: the triggers are there, the index matches
