"""Reading the archive for an export: read-only, filtered, streamed.

The connection is opened with ``mode=ro`` and an authorizer that allows
reading only, so a ``--query`` fragment cannot change the archive even if it
tries.  Rows come from cursors one at a time (never ``fetchall``), so memory
stays flat whatever the archive's size.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_ALLOWED = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    sqlite3.SQLITE_RECURSIVE,
}


class ExportError(Exception):
    """An export that cannot run as asked (bad filter, missing archive)."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which articles to export; comments, authors and media follow their articles."""

    site: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    where: str | None = None  # SQL WHERE fragment on articles (alias a)

    def sql(self) -> tuple[str, dict[str, str]]:
        """The WHERE clause on ``articles a`` and its parameters."""
        clauses, params = ["1"], {}
        if self.site:
            clauses.append("a.site = :site")
            params["site"] = self.site
        if self.since:
            clauses.append("substr(a.published, 1, 10) >= :since")
            params["since"] = self.since
        if self.until:
            clauses.append("substr(a.published, 1, 10) <= :until")
            params["until"] = self.until
        if self.where:
            clauses.append(f"({self.where})")
        return " and ".join(clauses), params


def _read_only(action: int, arg1: str | None, *_args: Any) -> int:
    if action in _ALLOWED:
        return sqlite3.SQLITE_OK
    # Table-valued functions (json_each, json_tree) declare themselves through
    # an internal "update" of sqlite_master; mode=ro keeps the file untouched.
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """Open the archive so that nothing run on the connection can write to it."""
    if not Path(path).is_file():
        raise ExportError(f"no archive at {path}")
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    conn.set_authorizer(_read_only)
    return conn


def to_utc(value: str | None) -> datetime | None:
    """An archive date as an aware UTC datetime (None when absent or unparsable).

    >>> to_utc("2019-03-01T12:00:00+02:00").isoformat()
    '2019-03-01T10:00:00+00:00'
    >>> to_utc("2019-03-01").isoformat(), to_utc("3 days ago")
    ('2019-03-01T00:00:00+00:00', None)
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC, microsecond=0)
    return parsed.astimezone(UTC).replace(microsecond=0)


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _list(value: str | None) -> list[str]:
    try:
        parsed = json.loads(value) if value else []
    except ValueError:
        return []
    return [str(v) for v in parsed] if isinstance(parsed, list) else []


class ArchiveSource:
    """The rows of one export, as dicts keyed by the fields in ``fields.py``."""

    def __init__(self, conn: sqlite3.Connection, selection: Selection) -> None:
        self.conn = conn
        self.where, self.params = selection.sql()
        self._ids = f"select a.id from articles a where {self.where}"
        # archives made before media (migration m006) have no media table
        self._has_media = (
            conn.execute(
                "select 1 from sqlite_master where type = 'table' and name = 'media'"
            ).fetchone()
            is not None
        )

    def counts(self) -> dict[str, int]:
        """Rows each file will get (also checks that the filter is valid SQL)."""
        try:
            return {
                "articles": self._count(f"select count(*) from ({self._ids})"),
                "comments": self._count(
                    f"select count(*) from comments where article_id in ({self._ids})"
                ),
                "authors": self._count(
                    "select count(distinct author_id) from article_authors "
                    f"where article_id in ({self._ids})"
                ),
                "media": self._count(
                    f"select count(*) from media where article_id in ({self._ids})"
                )
                if self._has_media
                else 0,
            }
        except sqlite3.DatabaseError as exc:
            raise ExportError(f"the selection failed: {exc}") from exc

    def _count(self, sql: str) -> int:
        return self.conn.execute(sql, self.params).fetchone()[0]

    def rows(self, resource: str) -> Iterator[dict[str, Any]]:
        return {
            "articles": self.articles,
            "comments": self.comments,
            "authors": self.authors,
            "media": self.media,
        }[resource]()

    def articles(self) -> Iterator[dict[str, Any]]:
        sql = f"""
            select a.*,
              (select json_group_array(name) from (select au.name from article_authors aa
                join authors au on au.id = aa.author_id where aa.article_id = a.id
                order by aa.position)) as author_names,
              (select json_group_array(author_id) from (select author_id from article_authors
                where article_id = a.id order by position)) as author_ids
            from articles a where {self.where} order by a.id"""
        for r in self.conn.execute(sql, self.params):
            yield {
                **{k: r[k] for k in ("id", "url", "canonical_url", "site", "site_name", "title")},
                "authors": _list(r["author_names"]),
                "author_ids": _list(r["author_ids"]),
                "source": r["source"],
                "published": to_utc(r["published"]),
                "published_iso": r["published"],
                "published_raw": r["published_raw"],
                "modified": to_utc(r["modified"]),
                **{k: r[k] for k in ("language", "section")},
                "tags": _list(r["tags"]),
                **{k: r[k] for k in ("description", "body", "image", "post_id")},
                **{k: r[k] for k in ("comments_declared", "comments_count")},
                "comments_open": _bool(r["comments_open"]),
                "comments_complete": _bool(r["comments_complete"]),
                "comments_system": r["comments_system"],
                "first_seen": to_utc(r["first_seen"]),
                "last_fetched": to_utc(r["last_fetched"]),
                "capture_id": r["capture_id"],
                "crawl_id": r["crawl_id"],
            }

    def comments(self) -> Iterator[dict[str, Any]]:
        sql = (
            "select * from comments where article_id in "
            f"({self._ids}) order by article_id, position"
        )
        rows = self.conn.execute(sql, self.params)
        # archives made before history (migration m004) have no removed_at
        moderated = any(d[0] == "removed_at" for d in rows.description)
        for r in rows:
            row = {k: r[k] for k in ("id", "article_id", "comment_id", "parent_id")}
            row.update({k: r[k] for k in ("position", "depth", "kind", "author", "author_url")})
            row.update(
                published=to_utc(r["published"]),
                published_iso=r["published"],
                published_raw=r["published_raw"],
                published_approx=_bool(r["published_approx"]),
                text=r["text"],
                first_seen=to_utc(r["first_seen"]),
                last_seen=to_utc(r["last_seen"]),
                removed_at=to_utc(r["removed_at"]) if moderated else None,
                capture_id=r["capture_id"],
            )
            yield row

    def authors(self) -> Iterator[dict[str, Any]]:
        sql = f"""
            select au.id, au.name, au.url, au.site, count(*) as articles
            from article_authors aa join authors au on au.id = aa.author_id
            where aa.article_id in ({self._ids}) group by au.id order by au.id"""
        for r in self.conn.execute(sql, self.params):
            yield dict(r)

    def media(self) -> Iterator[dict[str, Any]]:
        if not self._has_media:
            return
        sql = (
            "select id, article_id, position, kind, url, caption, credit, alt from media "
            f"where article_id in ({self._ids}) order by article_id, position"
        )
        for r in self.conn.execute(sql, self.params):
            yield dict(r)

    def provenance(self) -> dict[str, Any]:
        """What the data card says about the crawl: sites, dates, crawls."""
        one = self.conn.execute(
            f"""select min(a.published) as first_published, max(a.published) as last_published,
                  min(a.first_seen) as first_fetched, max(a.last_fetched) as last_fetched
                from articles a where {self.where}""",
            self.params,
        ).fetchone()
        sites = self.conn.execute(
            f"select a.site, count(*) as n from articles a where {self.where} "
            "group by a.site order by n desc",
            self.params,
        ).fetchall()
        crawls = self.conn.execute(
            "select count(*) as n, min(started_at) as first, max(finished_at) as last, "
            "group_concat(distinct spider) as spiders from crawls"
        ).fetchone()
        return {**dict(one), "sites": [tuple(s) for s in sites], "crawls": dict(crawls)}
