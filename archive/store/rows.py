"""What the archive's rows hold: their columns, ids and upsert statements.

Kept apart from :mod:`archive.store.writer` (the batching writer) so that code
which only needs an id or a timestamp does not import sqlite-utils.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from scrapers.items import Article, Comment, Media

ARTICLE_COLUMNS = [
    "id",
    "url",
    "canonical_url",
    "site",
    "title",
    "source",
    "published",
    "published_raw",
    "modified",
    "modified_raw",
    "body",
    "body_html",
    "description",
    "language",
    "section",
    "tags",
    "image",
    "site_name",
    "post_id",
    "comments_declared",
    "comments_open",
    "comments_system",
    "comments_thread_id",
    "comments_count",
    "comments_complete",
    "first_seen",
    "last_fetched",
    "capture_id",
    "crawl_id",
    "parser_version",
    "comment_captures",  # JSON list of the further comment pages' records (m002)
    "version_hash",  # fingerprint of title, body, authors, dates (m004)
    "new_comments",  # comments the latest capture added (m004)
]
COMMENT_COLUMNS = [
    "id",
    "article_id",
    "comment_id",
    "parent_id",
    "author",
    "author_url",
    "published",
    "published_raw",
    "published_approx",
    "text",
    "html",
    "position",
    "depth",
    "kind",
    "first_seen",
    "last_seen",
    "capture_id",
    "removed_at",  # set when gone from a complete thread; NULL again on reappearance (m004)
]
MEDIA_COLUMNS = ["id", "article_id", "position", "url", "caption", "credit", "alt", "kind"]  # m006
CAPTURE_COLUMNS = [
    "id",
    "url",
    "method",
    "status",
    "fetched_at",
    "content_type",
    "content_length",
    "payload_digest",
    "warc_file",
    "warc_offset",
    "warc_length",
    "request_record_id",
    "crawl_id",
    "revisit_of",  # id of the capture whose record holds the payload (m003)
    "via",  # "browser" (an exchange) or "snapshot" (the DOM) of the browser stage (m007)
    "page_capture",  # that page's capture id (m007)
]
RENDER_COLUMNS = [
    "page_capture",
    "url",
    "rendered_at",
    "crawl_id",
    "snapshot_id",
    "frames",
    "exchanges",
    "bytes",
    "clicks",
    "controls_left",
    "budget",
    "error",
    "seconds",
]


def stable_id(*parts: str) -> str:
    """Short, stable id from text (same input, same id, across runs and machines).

    >>> stable_id("https://example.org/a/")
    '8521c9d76e4239d7'
    """
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def upsert_sql(table: str, columns: list[str], keep: tuple[str, ...] = ()) -> str:
    names = ", ".join(columns)
    marks = ", ".join(f":{c}" for c in columns)
    updates = ", ".join(f"{c}=excluded.{c}" for c in columns if c != "id" and c not in keep)
    return (
        f"INSERT INTO [{table}] ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}"
    )


def article_row(
    article: Article, article_id: str, site: str, *, fetched_at: str, capture_id: str | None
) -> dict[str, Any]:
    """An article's row as first seen in this capture (the store adds the crawl's part)."""
    row = {c: getattr(article, c, None) for c in ARTICLE_COLUMNS if hasattr(article, c)}
    row.update(
        id=article_id,
        site=site,
        url=article.url,
        tags=json.dumps(article.tags),
        comments_open=as_int(article.comments_open),
        comments_count=len(article.comments),
        first_seen=fetched_at,
        last_fetched=fetched_at,
        capture_id=capture_id,
    )
    return row


def comment_row(
    article_id: str, c: Comment, fetched_at: str, capture_id: str | None
) -> dict[str, Any]:
    return {
        "id": f"{article_id}:{c.id}",
        "article_id": article_id,
        "comment_id": c.id,
        "parent_id": f"{article_id}:{c.parent_id}" if c.parent_id else None,
        "author": c.author,
        "author_url": c.author_url,
        "published": c.published,
        "published_raw": c.published_raw,
        "published_approx": int(c.published_approx),
        "text": c.text,
        "html": c.html,
        "position": c.position,
        "depth": c.depth,
        "kind": c.kind,
        "first_seen": fetched_at,
        "last_seen": fetched_at,
        "capture_id": capture_id,
        "removed_at": None,
    }


def media_row(article_id: str, m: Media) -> dict[str, Any]:
    """A picture's row; its id is the article's and its place there (rows are
    replaced with the article, so a place names one picture at a time)."""
    return {
        "id": f"{article_id}:{m.position}",
        "article_id": article_id,
        "position": m.position,
        "url": m.url,
        "caption": m.caption,
        "credit": m.credit,
        "alt": m.alt,
        "kind": m.kind,
    }


RECRAWL_COLUMNS = ["url", "etag", "last_modified", "checked_at", "status", "changed_at"]


def recrawl_sql() -> str:
    """Upsert of recrawl_state; validators and change time survive a 304."""
    names = ", ".join(RECRAWL_COLUMNS)
    marks = ", ".join(f":{c}" for c in RECRAWL_COLUMNS)
    return (
        f"INSERT INTO recrawl_state ({names}) VALUES ({marks}) ON CONFLICT(url) DO UPDATE SET "
        "etag = coalesce(excluded.etag, etag), "
        "last_modified = coalesce(excluded.last_modified, last_modified), "
        "checked_at = excluded.checked_at, status = excluded.status, "
        "changed_at = coalesce(excluded.changed_at, changed_at)"
    )


def as_int(value: bool | None) -> int | None:
    return None if value is None else int(value)
