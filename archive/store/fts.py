"""The re-parse's writer: full-text indexing per batch, not per row.

``articles_fts``, ``comments_fts`` and ``media_fts`` (FTS5, external content) are kept
current by triggers, one FTS5 update per inserted or updated row.  Per row,
the triggers cost a re-parse more than the rest of its SQL together (~0.3 ms
of ~0.45 ms per demo article; bench/reparse_profile.py).  FTS5 indexes the same rows several times faster in one statement,
in rowid order, so each batch does that instead:

    drop the triggers; remove the batch's old rows from the index;
    upsert (as ArchiveStore does); index the batch's rows; recreate the triggers

all inside the batch's one transaction.  SQLite's DDL is transactional, so a
re-parse killed mid-batch rolls back to the triggers and an index that matches
the rows: there is no state in which the archive has lost its triggers.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from archive.store.writer import ArchiveStore

# content table -> (column naming the batch's articles, indexed columns)
_FTS = {
    "articles": ("id", ("title", "body")),
    "comments": ("article_id", ("text", "author")),
    "media": ("article_id", ("caption", "credit")),
}


class BatchIndexStore(ArchiveStore):
    """An :class:`ArchiveStore` that updates the full-text indexes once per batch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = [f"{t}_fts" for t in _FTS]
        have = {
            row[0]
            for row in self.db.conn.execute(
                f"SELECT name FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})",
                names,
            )
        }
        self._indexed = [t for t in _FTS if f"{t}_fts" in have]
        # the triggers that feed the indexes, recreated verbatim after each batch
        self._triggers = [
            (name, sql)
            for name, table, sql in self.db.conn.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
            if table in self._indexed and f"{table}_fts" in sql
        ]

    def _batch_ids(self, conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS fts_batch (id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp.fts_batch")
        # (a batch may hold comments of an article written in an earlier batch)
        ids = {row["id"] for row in self._articles}
        ids.update(row["article_id"] for row in self._comments)
        conn.executemany(
            "INSERT OR IGNORE INTO temp.fts_batch (id) VALUES (?)", [(i,) for i in ids]
        )

    def _index(self, conn: sqlite3.Connection, *, delete: bool) -> None:
        for table in self._indexed:
            key, columns = _FTS[table]
            names = ", ".join(columns)
            command = f"{table}_fts, " if delete else ""
            first = "'delete', " if delete else ""
            conn.execute(
                f"INSERT INTO {table}_fts ({command}rowid, {names}) "
                f"SELECT {first}rowid, {names} FROM [{table}] "
                f"WHERE [{key}] IN (SELECT id FROM temp.fts_batch) ORDER BY rowid"
            )

    def _before_write(self, conn: Any) -> None:
        if not ((self._articles or self._comments) and self._triggers):
            return
        if not conn.in_transaction:
            # Python's sqlite3 begins transactions before DML only: without
            # this, DROP TRIGGER would be committed on its own, at once
            conn.execute("BEGIN")
        for name, _ in self._triggers:
            conn.execute(f"DROP TRIGGER [{name}]")
        self._batch_ids(conn)
        self._index(conn, delete=True)

    def _after_write(self, conn: Any) -> None:
        if not ((self._articles or self._comments) and self._triggers):
            return
        self._index(conn, delete=False)
        for _, sql in self._triggers:
            conn.execute(sql)
