"""The SQLite store: schema, batching, idempotent upserts, full-text search."""

from __future__ import annotations

from sqlite_utils import Database

from archive.store.writer import ArchiveStore
from scrapers.items import Article, Author, Comment, Media


def _article(
    title: str = "Putin Restates Support", n_comments: int = 2, n_media: int = 1
) -> Article:
    comments = [
        Comment(
            id=str(i),
            parent_id=str(i - 1) if i else None,
            author=f"Reader {i}",
            text=f"Comment number {i}",
            position=i,
            depth=min(i, 1),
        )
        for i in range(n_comments)
    ]
    return Article(
        url="https://news.example/2019/putin/",
        title=title,
        body="Body text.",
        authors=[Author(name="Peter Spinella")],
        source="dpa",
        tags=["Russia", "Venezuela"],
        comments=comments,
        comments_declared=n_comments,
        media=[
            Media(
                url=f"https://news.example/img/{i}.jpg",
                caption=f"Presidents Maduro and Putin, picture {i}",
                credit="sputnik",
                alt="Two men" if i == 0 else None,
                position=i,
            )
            for i in range(n_media)
        ],
    )


def test_rerun_updates_and_never_duplicates():
    store = ArchiveStore(Database(memory=True), batch_size=1000)
    store.add_article(_article(), fetched_at="2020-01-01T00:00:00Z", capture_id=None, crawl_id=None)
    store.flush()
    store.add_article(
        _article("Edited headline", 3),
        fetched_at="2020-01-02T00:00:00Z",
        capture_id=None,
        crawl_id=None,
    )
    store.flush()
    db = store.db
    assert db["articles"].count == 1
    row = next(db["articles"].rows)
    assert row["title"] == "Edited headline"
    assert row["first_seen"] == "2020-01-01T00:00:00Z"
    assert row["last_fetched"] == "2020-01-02T00:00:00Z"
    assert db["comments"].count == 3
    assert db["authors"].count == 1
    assert db["article_authors"].count == 1
    first = db.execute("select first_seen from comments where comment_id = '0'").fetchone()[0]
    assert first == "2020-01-01T00:00:00Z"


def test_media_rows_are_replaced_with_their_article():
    store = ArchiveStore(Database(memory=True), batch_size=1000)
    article_id = store.add_article(
        _article(n_media=3), fetched_at="2020-01-01T00:00:00Z", capture_id=None, crawl_id=None
    )
    store.flush()
    rows = list(store.db.query("select * from media order by position"))
    assert [r["id"] for r in rows] == [f"{article_id}:{i}" for i in range(3)]
    assert rows[0] == {
        "id": f"{article_id}:0",
        "article_id": article_id,
        "position": 0,
        "url": "https://news.example/img/0.jpg",
        "caption": "Presidents Maduro and Putin, picture 0",
        "credit": "sputnik",
        "alt": "Two men",
        "kind": "image",
    }
    # a re-capture with fewer pictures (same batch as another capture, and a later batch)
    store.add_article(_article(n_media=2), fetched_at="t2", capture_id=None, crawl_id=None)
    store.add_article(_article(n_media=1), fetched_at="t3", capture_id=None, crawl_id=None)
    store.flush()
    assert store.db["media"].count == 1
    store.add_article(_article(n_media=0), fetched_at="t4", capture_id=None, crawl_id=None)
    store.flush()
    assert store.db["media"].count == 0


def test_captions_and_credits_are_searchable():
    store = ArchiveStore(Database(memory=True))
    store.add_article(_article(n_media=2), fetched_at="t", capture_id=None, crawl_id=None)
    store.flush()
    assert len(list(store.db["media"].search("maduro"))) == 2
    assert len(list(store.db["media"].search("sputnik"))) == 2


def test_replies_point_at_parent_rows():
    store = ArchiveStore(Database(memory=True))
    article_id = store.add_article(_article(), fetched_at="t", capture_id=None, crawl_id=None)
    store.flush()
    reply = store.db.execute("select parent_id from comments where comment_id = '1'").fetchone()[0]
    assert reply == f"{article_id}:0"


def test_full_text_search_on_articles_and_comments():
    store = ArchiveStore(Database(memory=True))
    store.add_article(_article(), fetched_at="t", capture_id=None, crawl_id=None)
    store.flush()
    assert [r["title"] for r in store.db["articles"].search("putin")] == ["Putin Restates Support"]
    assert len(list(store.db["comments"].search("number"))) == 2


def test_batches_until_size_then_writes():
    store = ArchiveStore(Database(memory=True), batch_size=3)
    store.add_capture({"id": "<urn:1>", "url": "u", "status": 200})
    assert store.db["captures"].count == 0
    store.add_capture({"id": "<urn:2>", "url": "u", "status": 200})
    store.add_capture({"id": "<urn:3>", "url": "u", "status": 200})
    assert store.db["captures"].count == 3


def test_crawl_rows_record_stats(tmp_path):
    store = ArchiveStore.open(tmp_path / "a.db")
    crawl_id = store.start_crawl("wordpress", {"url": "http://x/"})
    store.finish_crawl(
        crawl_id, {"item_scraped_count": 5, "response_received_count": 9}, "finished"
    )
    row = store.db["crawls"].get(crawl_id)
    assert (row["items"], row["pages"], row["finish_reason"]) == (5, 9, "finished")
    assert store.db.journal_mode == "wal"
    store.close()
