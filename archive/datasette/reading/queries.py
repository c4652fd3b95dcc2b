"""What the reading room's pages show, read from an archive connection.

Each loader takes a plain ``sqlite3.Connection`` and returns dicts and lists,
so it runs inside Datasette (``Database.execute_fn``: all of a page's queries
in one trip to the database thread) and in tests on any archive file.  They
only read.  Tables a given archive may lack (``media``, from a later schema)
are looked up first and left out when missing.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

MAX_DIFFS = 10
"""Version pairs whose differences are shown on the article page (the latest ones)."""


def rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    """Rows as dicts, whatever the connection's row factory."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    sql = "select 1 from sqlite_master where type in ('table', 'view') and name = ?"
    return conn.execute(sql, [name]).fetchone() is not None


@dataclass
class ArticleData:
    """Everything the article page shows about one article."""

    article: dict[str, Any]
    authors: list[dict[str, Any]]
    tags: list[str]
    comments: list[dict[str, Any]]  # thread order; each has "versions": earlier texts
    versions: list[dict[str, Any]]
    diffs: list[dict[str, Any]]  # {"old": v, "new": v, "rows": article_diff rows}
    captures: list[dict[str, Any]]
    media: list[dict[str, Any]] | None = None  # None: the archive has no media table


def load_article(
    conn: sqlite3.Connection, article_id: str, diff_sql: str | None = None
) -> ArticleData | None:
    """The article ``article_id`` with its authors, thread, history and captures.

    ``diff_sql`` is the stored query ``article_diff`` (parameters ``article``,
    ``v1``, ``v2``); without it no differences are computed.
    """
    found = rows(conn, "select * from articles where id = ?", [article_id])
    if not found:
        return None
    article = found[0]
    comments = _comments(conn, article_id)
    versions = rows(
        conn,
        "select version, capture_id, fetched_at, crawl_id, title, authors, published, modified "
        "from article_versions where article_id = ? order by version",
        [article_id],
    )
    return ArticleData(
        article=article,
        authors=rows(
            conn,
            "select au.id, au.name, au.url from article_authors aa "
            "join authors au on au.id = aa.author_id where aa.article_id = ? order by aa.position",
            [article_id],
        ),
        tags=_json_list(article.get("tags")),
        comments=comments,
        versions=versions,
        diffs=_diffs(conn, article_id, versions, diff_sql),
        captures=_captures(conn, article, versions, comments),
        media=_media(conn, article_id),
    )


def _comments(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    comments = rows(
        conn,
        "select id, comment_id, parent_id, author, author_url, published, published_raw, "
        "published_approx, text, html, position, depth, kind, first_seen, last_seen, "
        "capture_id, removed_at from comments where article_id = ? order by position, first_seen, id",
        [article_id],
    )
    earlier: dict[str, list[dict[str, Any]]] = {}
    for version in rows(
        conn,
        "select v.comment_id, v.version, v.text, v.capture_id, v.seen_until, v.replaced_at "
        "from comment_versions v join comments c on c.id = v.comment_id "
        "where c.article_id = ? order by v.comment_id, v.version",
        [article_id],
    ):
        earlier.setdefault(version["comment_id"], []).append(version)
    for comment in comments:
        comment["versions"] = earlier.get(comment["id"], [])
    return comments


def _diffs(
    conn: sqlite3.Connection,
    article_id: str,
    versions: list[dict[str, Any]],
    diff_sql: str | None,
) -> list[dict[str, Any]]:
    """What changed between each version and the next (the latest ``MAX_DIFFS`` pairs)."""
    if not diff_sql or len(versions) < 2:
        return []
    numbers = [v["version"] for v in versions]
    pairs = list(zip(numbers, numbers[1:], strict=False))[-MAX_DIFFS:]
    diffs = []
    for old, new in pairs:
        changed = rows(conn, diff_sql, {"article": article_id, "v1": old, "v2": new})
        diffs.append(
            {"old": old, "new": new, "rows": [r for r in changed if r["field"] != "versions"]}
        )
    return diffs


def _captures(
    conn: sqlite3.Connection,
    article: dict[str, Any],
    versions: list[dict[str, Any]],
    comments: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Every capture of the article's page (by URL), and every capture its
    current row, versions and comments were parsed from (comment pages), in
    time order; each says what it is (``role``)."""
    ids = {article.get("capture_id")} | {v["capture_id"] for v in versions}
    ids |= {c["capture_id"] for c in comments}
    ids |= set(_json_list(article.get("comment_captures")))
    ids.discard(None)
    urls = [article["url"], article.get("canonical_url") or article["url"]]
    marks = ", ".join("?" * len(ids)) or "null"
    found = rows(
        conn,
        f"select * from captures where url in (?, ?) or id in ({marks}) order by fetched_at, id",
        [*urls, *sorted(ids)],
    )
    versions_by_capture = {v["capture_id"]: v["version"] for v in versions}
    for capture in found:
        capture["role"] = _role(capture, article, versions_by_capture)
    return found


def _role(capture: dict[str, Any], article: dict[str, Any], versions: dict[str, int]) -> str:
    if capture["id"] in versions:
        role = f"article page, version {versions[capture['id']]}"
    elif capture["url"] in (article["url"], article.get("canonical_url")):
        role = "article page"
    else:
        role = "comment page"
    if capture.get("status") == 304:
        role += ", not modified"
    elif capture.get("status") and capture["status"] != 200:
        role += f", HTTP {capture['status']}"
    if capture.get("revisit_of"):
        role += ", same bytes as an earlier capture (revisit)"
    return role


def _media(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]] | None:
    if not has_table(conn, "media"):
        return None
    return rows(
        conn, "select * from media where article_id = ? order by position, id", [article_id]
    )


def _json_list(value: str | None) -> list[Any]:
    try:
        data = json.loads(value) if value else []
    except ValueError:
        return []
    return data if isinstance(data, list) else []


def load_author(conn: sqlite3.Connection, author_id: str) -> dict[str, Any] | None:
    """An author and their articles, newest first, with comment counts."""
    found = rows(conn, "select * from authors where id = ?", [author_id])
    if not found:
        return None
    articles = rows(
        conn,
        "select a.id, a.title, a.published, a.site, a.section, a.comments_count, "
        "(select count(*) from comments c where c.article_id = a.id and c.removed_at is not null)"
        " as removed, aa.position from article_authors aa join articles a on a.id = aa.article_id "
        "where aa.author_id = ? order by a.published desc, a.id",
        [author_id],
    )
    return {"author": found[0], "articles": articles}


def load_site(conn: sqlite3.Connection, site: str | None) -> dict[str, Any]:
    """Per-day activity of one site (``None``: all sites): articles by their
    publication day, comments by theirs (days as the pages state them), and
    the site's latest and most-commented articles."""
    where, params = ("where a.site = ?", [site]) if site else ("", [])
    articles_per_day = rows(
        conn,
        f"select substr(a.published, 1, 10) as day, count(*) as n from articles a {where} "
        "group by day order by day",
        params,
    )
    comments_per_day = rows(
        conn,
        "select substr(c.published, 1, 10) as day, count(*) as n, "
        "sum(c.removed_at is not null) as removed from comments c "
        f"join articles a on a.id = c.article_id {where} group by day order by day",
        params,
    )
    summary = rows(
        conn,
        "select a.site, count(*) as articles, sum(a.comments_count) as comments, "
        "min(a.published) as first_published, max(a.published) as last_published, "
        "max(a.last_fetched) as last_fetched "
        f"from articles a {where} group by a.site order by articles desc, a.site",
        params,
    )
    listing = "select a.id, a.title, a.published, a.site, a.comments_count from articles a "
    return {
        "site": site,
        "sites": summary,
        "articles_per_day": articles_per_day,
        "comments_per_day": comments_per_day,
        "latest": rows(conn, f"{listing}{where} order by a.published desc limit 20", params),
        "most_commented": rows(
            conn,
            f"{listing}{where} {'and' if where else 'where'} a.comments_count > 0 "
            "order by a.comments_count desc, a.published desc limit 20",
            params,
        ),
    }
