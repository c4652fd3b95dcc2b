"""History in the store's write path: versions, comment versions, removals."""

from __future__ import annotations

from sqlite_utils import Database

from archive.store.writer import ArchiveStore
from scrapers.items import Article, Author, Comment


def _article(title: str = "Headline", texts: dict[str, str] | None = None) -> Article:
    texts = {"1": "first", "2": "second"} if texts is None else texts
    return Article(
        url="https://news.example/2024/a/",
        title=title,
        body="Body.",
        authors=[Author(name="Ana Diaz")],
        published="2024-12-01",
        comments=[Comment(id=k, text=v, position=i) for i, (k, v) in enumerate(texts.items())],
    )


def _store(store: ArchiveStore, article: Article, day: int, complete: bool = True) -> None:
    store.add_article(
        article,
        fetched_at=f"2024-12-{day:02d}T00:00:00Z",
        capture_id=f"<urn:uuid:{day}>",
        crawl_id=None,
        complete=complete,
    )


def test_versions_removals_and_comment_versions():
    store = ArchiveStore(Database(memory=True), batch_size=1000)
    _store(store, _article(), 2)
    _store(store, _article(), 3)  # unchanged: no version (and same batch: flushed first)
    _store(store, _article("Corrected headline"), 4)
    _store(store, _article("Corrected headline", {"1": "first"}), 5, complete=False)
    _store(store, _article("Corrected headline", {"1": "first, edited"}), 6)
    _store(store, _article("Corrected headline", {"1": "first, edited", "2": "second"}), 7)
    store.flush()
    db = store.db
    versions = [(r["version"], r["title"]) for r in db["article_versions"].rows]
    assert versions == [(1, "Headline"), (2, "Corrected headline")]
    rows = {r["comment_id"]: r for r in db["comments"].rows}
    # day 5 was partial: no removal; day 6 complete: "2" removed; day 7 it is back
    assert rows["2"]["removed_at"] is None
    assert rows["1"]["text"] == "first, edited"
    assert [r["text"] for r in db["comment_versions"].rows] == ["first"]
    assert (
        db["articles"].get(next(iter(rows.values()))["article_id"])["new_comments"] == 0
    )  # "2" came back, not new
    assert store.counts["new"] == 1 and store.counts["refetched"] == 5


def test_removal_marked_only_by_complete_thread():
    store = ArchiveStore(Database(memory=True), batch_size=1000)
    _store(store, _article(), 2)
    _store(store, _article(texts={"1": "first"}), 3)
    store.flush()
    removed = {r["comment_id"]: r["removed_at"] for r in store.db["comments"].rows}
    assert removed == {"1": None, "2": "2024-12-03T00:00:00Z"}


def test_same_capture_reparsed_replaces_its_version():
    store = ArchiveStore(Database(memory=True), batch_size=1000)
    _store(store, _article(), 2)
    store.flush()
    _store(store, _article("Better parse"), 2)  # same capture id, new parser output
    store.flush()
    assert [r["title"] for r in store.db["article_versions"].rows] == ["Better parse"]
