"""The SQLite archive: batched, idempotent writes of captures, articles, comments.

One ``ArchiveStore`` per crawl, shared by the WARC capture middleware and the
item pipeline (see :func:`store_for`), so both write through one connection in
one thread.  Rows are buffered and written in one transaction per batch:
per-row commits cost several times more.  Articles and comments are upserted
by primary key, so a rerun updates rows and never duplicates them; first-seen
times survive the update.  An article's byline links and media rows are
replaced with it (deleted and written again in the same transaction).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from archive.store import history
from archive.store.keyfilter import KeyFilter
from archive.store.rows import (
    ARTICLE_COLUMNS,
    CAPTURE_COLUMNS,
    COMMENT_COLUMNS,
    MEDIA_COLUMNS,
    RENDER_COLUMNS,
    article_row,
    as_int,
    comment_row,
    media_row,
    recrawl_sql,
    stable_id,
    upsert_sql,
)
from archive.store.schema import ensure_schema
from scrapers.items import Article, utcnow

logger = logging.getLogger(__name__)


class ArchiveStore:
    """Buffered writer over one archive database."""

    def __init__(self, db: Database, *, batch_size: int = 500) -> None:
        self.db = db
        self.batch_size = batch_size
        ensure_schema(db)
        self._captures: list[dict[str, Any]] = []
        self._articles: list[dict[str, Any]] = []
        self._comments: list[dict[str, Any]] = []
        self._authors: dict[str, dict[str, Any]] = {}
        self._links: list[dict[str, Any]] = []
        self._media: list[dict[str, Any]] = []
        self._unlink: set[str] = set()
        self._history: list[history.Observation] = []
        self._history_at: list[str] = []
        self._recrawl: dict[str, dict[str, Any]] = {}
        # "certainly not stored" tests that spare per-request queries (archive.store.keyfilter);
        # built on first use, kept current by flush()
        self._filters: dict[str, KeyFilter] = {}
        self.counts = {"captures": 0, "articles": 0, "comments": 0, "new": 0, "refetched": 0}
        self.counts["media"] = 0

    @classmethod
    def open(cls, path: str | os.PathLike, **kwargs: Any) -> ArchiveStore:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        store = cls(Database(path), **kwargs)
        # WAL with synchronous=NORMAL: a commit is safe from a crash of the
        # process (kill -9 loses nothing committed); only a power cut may undo
        # the last commits, as it may the WARC bytes, which are not fsynced
        # either.  FULL costs an fsync per batch on the crawl's one core.
        store.db.execute("PRAGMA synchronous=NORMAL")
        return store

    # -- cheap membership tests (archive.store.keyfilter) ---------------------------------
    _FILTER_SQL = {
        "article_url": "SELECT url FROM articles",
        "article_id": "SELECT id FROM articles",
        "digest": "SELECT payload_digest FROM captures WHERE revisit_of IS NULL",
    }

    def _filter(self, name: str) -> KeyFilter:
        found = self._filters.get(name)
        if found is None:
            found = self._filters[name] = KeyFilter.from_query(self.db.conn, self._FILTER_SQL[name])
        return found

    def may_hold_article_url(self, url: str) -> bool:
        """False when no stored article has this URL; True means "ask SQLite"."""
        return url in self._filter("article_url")

    def _remember_written(self) -> None:
        """Add the rows of the batch being written to the filters already built."""
        f = self._filters
        if "article_url" in f:
            f["article_url"].update(row["url"] for row in self._articles if row["url"])
        if "article_id" in f:
            f["article_id"].update(row["id"] for row in self._articles)
        if "digest" in f:
            f["digest"].update(
                row["payload_digest"]
                for row in self._captures
                if row["revisit_of"] is None and row["payload_digest"]
            )

    # -- crawls ----------------------------------------------------------------
    def start_crawl(self, spider: str, args: dict[str, Any]) -> int:
        row = {"spider": spider, "args": json.dumps(args, sort_keys=True), "started_at": utcnow()}
        return self.db["crawls"].insert(row).last_pk

    def finish_crawl(self, crawl_id: int, stats: dict[str, Any], reason: str) -> None:
        self.flush()
        stats = {**stats, "recrawl/new": self.counts["new"]}
        stats["recrawl/refetched"] = self.counts["refetched"]
        self.db["crawls"].update(
            crawl_id,
            {
                "finished_at": utcnow(),
                "finish_reason": reason,
                "items": stats.get("item_scraped_count", 0),
                "pages": stats.get("response_received_count", 0),
                "stats": json.dumps(stats, sort_keys=True, default=str),
                # the run's plan and outcome (m004); failures are counted by
                # the failure recorder's ``archive/failures`` stat where present
                "new": self.counts["new"],
                "refetched": self.counts["refetched"],
                "unchanged": stats.get("recrawl/unchanged", 0),
                "skipped_policy": stats.get("recrawl/skipped_policy", 0),
                "failed": stats.get("archive/failures", 0),
                "planned": stats.get("recrawl/due", 0),
                # article pages: started = stored + failed + unfinished, else one was lost (m007)
                "articles_started": stats.get("archive/articles/started", 0),
                "articles_stored": stats.get("archive/articles/stored", 0),
                "articles_failed": stats.get("archive/articles/failed", 0),
                "articles_unfinished": stats.get("archive/articles/unfinished", 0),
            },
        )

    # -- rows ------------------------------------------------------------------
    def original_capture(self, payload_digest: str) -> tuple[str, str, str] | None:
        """(id, url, fetched_at) of a stored capture whose record holds this payload."""
        if payload_digest not in self._filter("digest"):
            return None
        return self.db.execute(
            "SELECT id, url, fetched_at FROM captures "
            "WHERE payload_digest = ? AND revisit_of IS NULL LIMIT 1",
            [payload_digest],
        ).fetchone()

    def add_capture(self, row: dict[str, Any]) -> None:
        self._captures.append({c: row.get(c) for c in CAPTURE_COLUMNS})
        self._maybe_flush()

    def add_render(self, row: dict[str, Any]) -> None:
        """One ``renders`` row (the browser stage), after the captures it
        refers to are written."""
        self.flush()
        self.db["renders"].upsert({c: row.get(c) for c in RENDER_COLUMNS}, pk="page_capture")

    def add_failure(self, row: dict[str, Any]) -> None:
        """One ``failures`` row, written at once: failures are rare, and the row
        must survive a crawl that dies right after (docs/reliability.md)."""
        self.db["failures"].insert(row)

    def add_article(
        self,
        article: Article,
        *,
        fetched_at: str,
        capture_id: str | None,
        crawl_id: int | None,
        complete: bool | None = None,
        comment_captures: list[str] | None = None,
    ) -> str:
        """Queue an article and its thread; return the article's id.

        ``comment_captures`` are the response records of the thread's further
        comment pages (the first page is ``capture_id``).
        """
        url = article.canonical_url or article.url
        article_id = stable_id(url)
        if article_id in self._unlink:  # history compares with what is written
            self.flush()
        site = urlsplit(url).hostname or ""
        row = article_row(article, article_id, site, fetched_at=fetched_at, capture_id=capture_id)
        row.update(
            comments_complete=as_int(complete),
            comment_captures=json.dumps(comment_captures or []),
            crawl_id=crawl_id,
        )
        thread = [comment_row(article_id, c, fetched_at, capture_id) for c in article.comments]
        snapshot = {k: row.get(k) for k in ("title", "body", "published", "modified")}
        snapshot.update(authors=article.author_names, fetched_at=fetched_at)
        snapshot.update(capture_id=capture_id, crawl_id=crawl_id)
        row["version_hash"] = snapshot["version_hash"] = history.version_hash(
            snapshot["title"],
            snapshot["authors"],
            snapshot["published"],
            snapshot["modified"],
            snapshot["body"],
        )
        if article_id in self._filter("article_id"):
            obs = history.observe(self.db.conn, article_id, snapshot, thread, complete=complete)
        else:  # certainly a first capture: what observe() says without asking SQLite
            obs = history.Observation(
                is_new=True, version=history._version_row(article_id, snapshot, 1)
            )
        self.counts["new" if obs.is_new else "refetched"] += 1
        row["new_comments"] = obs.new_comments
        self._history.append(obs)
        self._history_at.append(fetched_at)
        self._articles.append({c: row.get(c) for c in ARTICLE_COLUMNS})
        self._unlink.add(article_id)
        for pos, author in enumerate(article.authors):
            # one row per person and site, whatever apostrophes a theme prints (m007)
            author_id = stable_id(site, author.key)
            self._authors[author_id] = {
                "id": author_id,
                "name": author.name,
                "url": author.url,
                "site": site,
                "key": author.key,
            }
            self._links.append({"article_id": article_id, "author_id": author_id, "position": pos})
        self._comments.extend(thread)
        self._media += [media_row(article_id, m) for m in article.media]
        self._maybe_flush()
        return article_id

    # -- batching --------------------------------------------------------------
    def clear_records(self) -> None:
        """Delete what is derived from captures (articles, comments, authors,
        history), before ``reparse --history`` derives it again."""
        self.flush()
        with self.db.conn:
            for table in (
                "comment_versions",
                "article_versions",
                "comments",
                "article_authors",
                "media",
            ):
                self.db.conn.execute(f"DELETE FROM [{table}]")
            self.db.conn.execute("DELETE FROM articles")
            self.db.conn.execute("DELETE FROM authors")
        self._filters.pop("article_url", None)  # rebuilt (empty) on next use
        self._filters.pop("article_id", None)

    def add_recrawl_state(self, row: dict[str, Any]) -> None:
        """Queue a URL's validators and check time (see :mod:`archive.recrawl.middleware`)."""
        self._recrawl[row["url"]] = row
        self._maybe_flush()

    def _pending(self) -> int:
        return len(self._captures) + len(self._articles) + len(self._comments) + len(self._recrawl)

    def _maybe_flush(self) -> None:
        if self._pending() >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write everything buffered in one transaction."""
        if not (self._pending() or self._authors):
            return
        conn = self.db.conn
        with conn:
            self._before_write(conn)
            if self._captures:
                conn.executemany(upsert_sql("captures", CAPTURE_COLUMNS), self._captures)
            if self._articles:
                conn.executemany(
                    upsert_sql("articles", ARTICLE_COLUMNS, ("first_seen",)), self._articles
                )
            if self._authors:
                conn.executemany(
                    upsert_sql("authors", ["id", "name", "url", "site", "key"]),
                    list(self._authors.values()),
                )
            if self._unlink:
                conn.executemany(
                    "DELETE FROM article_authors WHERE article_id = ?", [(i,) for i in self._unlink]
                )
            if self._links:
                conn.executemany(
                    "INSERT OR REPLACE INTO article_authors (article_id, author_id, position) "
                    "VALUES (:article_id, :author_id, :position)",
                    self._links,
                )
            if self._unlink:  # an article's media are replaced with it, as its byline
                conn.executemany(
                    "DELETE FROM media WHERE article_id = ?", [(i,) for i in self._unlink]
                )
            if self._media:
                conn.executemany(upsert_sql("media", MEDIA_COLUMNS), self._media)
            if self._comments:
                conn.executemany(
                    upsert_sql("comments", COMMENT_COLUMNS, ("first_seen",)), self._comments
                )
            history.write(conn, self._history, self._history_at)
            if self._recrawl:
                conn.executemany(recrawl_sql(), list(self._recrawl.values()))
            self._after_write(conn)
        self._remember_written()
        self.counts["captures"] += len(self._captures)
        self.counts["articles"] += len(self._articles)
        self.counts["comments"] += len(self._comments)
        self.counts["media"] += len(self._media)
        self._captures, self._articles, self._comments, self._links = [], [], [], []
        self._media = []
        self._authors, self._unlink = {}, set()
        self._history, self._history_at, self._recrawl = [], [], {}

    def _before_write(self, conn: Any) -> None:
        """First step of each batch's transaction; a subclass's hook
        (archive.store.fts indexes text per batch instead of per row)."""

    def _after_write(self, conn: Any) -> None:
        """Last step of each batch's transaction, before the commit."""

    def close(self) -> None:
        self.flush()
        self.db.conn.close()
