"""Article and comment history, derived from captures in the store's write path.

Every stored capture of an article is compared with what the archive holds:
a change of title, body, authors or dates adds a row to ``article_versions``
(the first capture is version 1), a changed comment text moves the old text
to ``comment_versions``, and a comment missing from a thread that was fetched
completely is marked ``removed_at`` (a partial fetch never marks anything).
Because the comparison only uses captures fed in capture order, the crawl and
``newsarchive reparse --history`` build the same history.

Re-parsing the *same* capture (a plain ``reparse`` with a better parser)
corrects that capture's version in place instead of inventing a change.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database


def version_hash(
    title: str | None,
    authors: list[str],
    published: str | None,
    modified: str | None,
    body: str | None,
) -> str:
    """Fingerprint of the fields whose change makes a new article version.

    >>> version_hash("T", ["A"], "2020-01-01", None, "B")[:12]
    'a70a2930f243'
    """
    data = json.dumps([title, authors, published, modified, body], ensure_ascii=False)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Observation:
    """What one stored capture changes in the history tables (written by the store)."""

    is_new: bool
    new_comments: int | None = None  # comments this capture added (None: first capture)
    version: dict[str, Any] | None = None  # article_versions row to write
    replace_version: bool = False  # same capture re-parsed: overwrite, do not add
    comment_versions: list[dict[str, Any]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # comment row ids gone from the thread


def observe(
    conn: sqlite3.Connection,
    article_id: str,
    snapshot: dict[str, Any],
    comments: list[dict[str, Any]],
    *,
    complete: bool | None,
) -> Observation:
    """Compare a capture of an article (``snapshot``: the version fields plus
    ``version_hash``, ``capture_id``, ``fetched_at``, ``crawl_id``) and its
    thread with the archive, which must hold everything queued before it."""
    prev = conn.execute(
        "SELECT version_hash, comments_count, capture_id, new_comments FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if prev is None:
        return Observation(is_new=True, version=_version_row(article_id, snapshot, 1))
    obs = Observation(is_new=False)
    if prev[0] != snapshot["version_hash"]:
        _new_version(conn, article_id, snapshot, obs)
    if prev[2] is not None and prev[2] == snapshot.get("capture_id"):
        obs.new_comments = prev[3]  # the same capture again: nothing new happened
    elif prev[1] or comments:
        _compare_thread(conn, article_id, comments, snapshot, obs, complete=bool(complete))
    else:
        obs.new_comments = 0
    return obs


def _version_row(article_id: str, snapshot: dict[str, Any], version: int) -> dict[str, Any]:
    row = {k: snapshot.get(k) for k in VERSION_COLUMNS}
    row.update(article_id=article_id, version=version, authors=json.dumps(snapshot["authors"]))
    return row


VERSION_COLUMNS = [
    "article_id",
    "version",
    "capture_id",
    "fetched_at",
    "crawl_id",
    "title",
    "authors",
    "published",
    "modified",
    "body",
    "version_hash",
]


def _new_version(
    conn: sqlite3.Connection, article_id: str, snapshot: dict[str, Any], obs: Observation
) -> None:
    last = conn.execute(
        "SELECT version, capture_id FROM article_versions WHERE article_id = ? "
        "ORDER BY version DESC LIMIT 1",
        [article_id],
    ).fetchone()
    number = last[0] if last else 0
    if last is not None and last[1] is not None and last[1] == snapshot.get("capture_id"):
        obs.replace_version = True
    else:
        number += 1
    obs.version = _version_row(article_id, snapshot, number)


def _compare_thread(
    conn: sqlite3.Connection,
    article_id: str,
    comments: list[dict[str, Any]],
    snapshot: dict[str, Any],
    obs: Observation,
    *,
    complete: bool,
) -> None:
    old = {
        row[0]: row
        for row in conn.execute(
            "SELECT id, text, html, capture_id, last_seen, removed_at FROM comments "
            "WHERE article_id = ?",
            [article_id],
        )
    }
    capture_id = snapshot.get("capture_id")
    seen = set()
    obs.new_comments = 0
    for c in comments:
        seen.add(c["id"])
        before = old.get(c["id"])
        if before is None:
            obs.new_comments += 1
        elif before[1] != c["text"] and not (capture_id and before[3] == capture_id):
            obs.comment_versions.append(
                {
                    "comment_id": c["id"],
                    "text": before[1],
                    "html": before[2],
                    "capture_id": before[3],
                    "seen_until": before[4],
                    "replaced_at": snapshot["fetched_at"],
                }
            )
    if complete:
        obs.removed = [cid for cid, row in old.items() if cid not in seen and row[5] is None]


def write(conn: sqlite3.Connection, observations: list[Observation], fetched: list[str]) -> None:
    """Write the history rows of a batch (inside the store's transaction, after
    the articles and comments upserts); ``fetched`` are the capture times."""
    for obs, fetched_at in zip(observations, fetched, strict=True):
        if obs.version is not None:
            verb = "INSERT OR REPLACE" if obs.replace_version else "INSERT"
            conn.execute(
                f"{verb} INTO article_versions ({', '.join(VERSION_COLUMNS)}) "
                f"VALUES ({', '.join(':' + c for c in VERSION_COLUMNS)})",
                obs.version,
            )
        for row in obs.comment_versions:
            conn.execute(
                "INSERT INTO comment_versions "
                "(comment_id, version, text, html, capture_id, seen_until, replaced_at) "
                "VALUES (:comment_id, (SELECT count(*) + 1 FROM comment_versions "
                "WHERE comment_id = :comment_id), :text, :html, :capture_id, :seen_until, "
                ":replaced_at)",
                row,
            )
        if obs.removed:
            conn.executemany(
                "UPDATE comments SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                [(fetched_at, cid) for cid in obs.removed],
            )


def backfill_versions(db: Database) -> None:
    """Version 1 of every article of an archive made before history existed."""
    conn = db.conn
    authors: dict[str, list[str]] = {}
    for article_id, name in conn.execute(
        "SELECT aa.article_id, a.name FROM article_authors aa JOIN authors a "
        "ON a.id = aa.author_id ORDER BY aa.article_id, aa.position"
    ):
        authors.setdefault(article_id, []).append(name)
    rows = conn.execute(
        "SELECT id, title, body, published, modified, capture_id, last_fetched, crawl_id "
        "FROM articles"
    ).fetchall()
    for article_id, title, body, published, modified, capture_id, fetched, crawl_id in rows:
        names = authors.get(article_id, [])
        digest = version_hash(title, names, published, modified, body)
        snapshot = dict(
            title=title, body=body, published=published, modified=modified, authors=names
        )
        snapshot.update(
            capture_id=capture_id, fetched_at=fetched, crawl_id=crawl_id, version_hash=digest
        )
        conn.execute("UPDATE articles SET version_hash = ? WHERE id = ?", [digest, article_id])
        row = _version_row(article_id, snapshot, 1)
        conn.execute(
            f"INSERT INTO article_versions ({', '.join(VERSION_COLUMNS)}) "
            f"VALUES ({', '.join(':' + c for c in VERSION_COLUMNS)})",
            row,
        )
