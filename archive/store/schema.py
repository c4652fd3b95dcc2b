"""The archive's SQLite schema, as named sqlite-utils migrations.

Add a new migration for every change; never edit one that has shipped, since
archives made by earlier versions apply only the migrations they lack.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsarchive")


@migrations()
def m001_initial(db: Database) -> None:
    db["crawls"].create(
        {
            "id": int,
            "spider": str,
            "args": str,
            "started_at": str,
            "finished_at": str,
            "finish_reason": str,
            "items": int,
            "pages": int,
            "stats": str,
        },
        pk="id",
    )
    db["captures"].create(
        {
            "id": str,
            "url": str,
            "method": str,
            "status": int,
            "fetched_at": str,
            "content_type": str,
            "content_length": int,
            "payload_digest": str,
            "warc_file": str,
            "warc_offset": int,
            "warc_length": int,
            "request_record_id": str,
            "crawl_id": int,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["captures"].create_index(["url"])
    db["articles"].create(
        {
            "id": str,
            "url": str,
            "canonical_url": str,
            "site": str,
            "title": str,
            "source": str,
            "published": str,
            "published_raw": str,
            "modified": str,
            "modified_raw": str,
            "body": str,
            "body_html": str,
            "description": str,
            "language": str,
            "section": str,
            "tags": str,
            "image": str,
            "site_name": str,
            "post_id": str,
            "comments_declared": int,
            "comments_open": int,
            "comments_system": str,
            "comments_thread_id": str,
            "comments_count": int,
            "comments_complete": int,
            "first_seen": str,
            "last_fetched": str,
            "capture_id": str,
            "crawl_id": int,
            "parser_version": str,
        },
        pk="id",
        foreign_keys=[("capture_id", "captures", "id"), ("crawl_id", "crawls", "id")],
    )
    db["articles"].create_index(["site", "published"])
    db["articles"].create_index(["url"], unique=True)
    db["authors"].create({"id": str, "name": str, "url": str, "site": str}, pk="id")
    db["article_authors"].create(
        {"article_id": str, "author_id": str, "position": int},
        pk=("article_id", "author_id"),
        foreign_keys=[("article_id", "articles", "id"), ("author_id", "authors", "id")],
    )
    db["comments"].create(
        {
            "id": str,
            "article_id": str,
            "comment_id": str,
            "parent_id": str,
            "author": str,
            "author_url": str,
            "published": str,
            "published_raw": str,
            "published_approx": int,
            "text": str,
            "html": str,
            "position": int,
            "depth": int,
            "kind": str,
            "first_seen": str,
            "last_seen": str,
            "capture_id": str,
        },
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("parent_id", "comments", "id"),
            ("capture_id", "captures", "id"),
        ],
    )
    db["comments"].create_index(["article_id", "position"])
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="unicode61")
    db["comments"].enable_fts(["text", "author"], create_triggers=True, tokenize="unicode61")


@migrations()
def m002_comment_page_captures(db: Database) -> None:
    """The captures of an article's further comment pages, so a re-parse from
    WARC can rebuild the whole thread (JSON list of WARC-Record-IDs)."""
    db["articles"].add_column("comment_captures", str)


@migrations()
def m003_revisits(db: Database) -> None:
    """Identical payloads are stored once: a capture written as a WARC
    ``revisit`` record names the capture holding the payload (``revisit_of``),
    found by ``payload_digest``."""
    db["captures"].add_column("revisit_of", str)
    db["captures"].create_index(["payload_digest"])


@migrations()
def m004_history(db: Database) -> None:
    """Living pages (issue #7): article and comment history derived from
    captures, per-URL recrawl state, and each crawl's plan and outcome.

    ``articles.version_hash`` fingerprints what makes a version (title, body,
    authors, dates) so an unchanged capture is recognised without reading the
    old row; ``new_comments`` is how many comments the latest capture added
    (the recrawl policy's activity signal).  Existing articles get version 1.
    """
    db["articles"].add_column("version_hash", str)
    db["articles"].add_column("new_comments", int)
    db["comments"].add_column("removed_at", str)
    db["article_versions"].create(
        {
            "id": int,
            "article_id": str,
            "version": int,
            "capture_id": str,
            "fetched_at": str,
            "crawl_id": int,
            "title": str,
            "authors": str,
            "published": str,
            "modified": str,
            "body": str,
            "version_hash": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("capture_id", "captures", "id")],
    )
    db["article_versions"].create_index(["article_id", "version"], unique=True)
    db["comment_versions"].create(
        {
            "id": int,
            "comment_id": str,
            "version": int,
            "text": str,
            "html": str,
            "capture_id": str,
            "seen_until": str,
            "replaced_at": str,
        },
        pk="id",
        foreign_keys=[("comment_id", "comments", "id"), ("capture_id", "captures", "id")],
    )
    db["comment_versions"].create_index(["comment_id", "version"], unique=True)
    db["recrawl_state"].create(
        {
            "url": str,
            "etag": str,
            "last_modified": str,
            "checked_at": str,
            "status": int,
            "changed_at": str,
        },
        pk="url",
    )
    for column in ("new", "refetched", "unchanged", "skipped_policy", "failed", "planned"):
        db["crawls"].add_column(column, int)
    from archive.store.history import backfill_versions

    backfill_versions(db)


@migrations()
def m005_failures(db: Database) -> None:
    """Every fetch that failed for good (after retries), so a crawl left
    running from cron says what it could not archive and why (#9)."""
    db["failures"].create(
        {
            "id": int,
            "crawl_id": int,
            "url": str,
            "stage": str,
            "error": str,
            "message": str,
            "status": int,
            "attempts": int,
            "capture_id": str,
            "failed_at": str,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["failures"].create_index(["crawl_id", "stage"])
    db["failures"].create_index(["url"])


@migrations()
def m006_media(db: Database) -> None:
    """The article's pictures and videos with their captions and credits (#17):
    captions left the body, and are kept here, one row per picture in page
    order, replaced with the article on every capture; captions and credits
    are searchable."""
    db["media"].create(
        {
            "id": str,
            "article_id": str,
            "position": int,
            "url": str,
            "caption": str,
            "credit": str,
            "alt": str,
            "kind": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["media"].create_index(["article_id", "position"])
    db["media"].enable_fts(["caption", "credit"], create_triggers=True, tokenize="unicode61")


@migrations()
def m007_article_accounting(db: Database) -> None:
    """No article lost without a trace (#15): each crawl counts the article
    pages it started to archive, those it stored and those that ended as a
    ``failures`` row, and (a crawl closed before its end) those still being
    fetched; started = stored + failed + unfinished, else the crawl lost one.
    Authors get the key that groups one person's printed names
    (``Tom O'Neill``, ``Tom O’Neill``)."""
    for column in ("articles_started", "articles_stored", "articles_failed", "articles_unfinished"):
        db["crawls"].add_column(column, int)
    db["authors"].add_column("key", str)
    db["authors"].create_index(["site", "key"])


@migrations()
def m008_browser(db: Database) -> None:
    """The browser stage (#16): the exchanges a browser made while rendering a
    page are captures too, marked ``via = 'browser'`` and linked to the page's
    capture, and so is each render's DOM snapshot (``via = 'snapshot'``), so
    a re-parse rebuilds the thread from WARC alone; a ``renders`` row per
    render says how it went (clicks, budgets, seconds)."""
    db["captures"].add_column("via", str)
    db["captures"].add_column("page_capture", str)
    db["captures"].create_index(["page_capture"])
    db["renders"].create(
        {
            "page_capture": str,
            "url": str,
            "rendered_at": str,
            "crawl_id": int,
            "snapshot_id": str,
            "frames": int,
            "exchanges": int,
            "bytes": int,
            "clicks": int,
            "controls_left": int,
            "budget": str,
            "error": str,
            "seconds": float,
        },
        pk="page_capture",
    )
    db["renders"].create_index(["url"])


def ensure_schema(db: Database) -> None:
    """Apply pending migrations and switch to WAL so readers never block the crawl."""
    db.enable_wal()
    migrations.apply(db)
