"""The one writer of a fleet's archive: stream entries -> ArchiveStore -> XACK.

Entries are read as consumer group ``ingest``.  An entry is acknowledged only
after the transaction that wrote its rows has committed, so a crash of the
ingest process loses nothing: on restart it first re-reads the entries it had
been given but not acknowledged (``XREADGROUP ... 0``).  Replaying an entry
is harmless: rows are upserts by primary key and a crawl row is found again
by its fleet crawl number (``crawls.args`` holds ``fleet_crawl``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from archive.fleet import keys
from archive.fleet.sink import article_from_dict
from archive.store.writer import ArchiveStore

logger = logging.getLogger(__name__)

CONSUMER = "ingest"


def ensure_group(server: Any) -> None:
    try:
        server.execute_command("XGROUP", "CREATE", keys.STREAM, keys.GROUP, "0", "MKSTREAM")
    except Exception as exc:  # redis-py 2 and 5 name the error class differently
        if "BUSYGROUP" not in str(exc):
            raise


class Ingester:
    """Applies stream entries to an archive; one instance per archive file."""

    def __init__(self, server: Any, store: ArchiveStore) -> None:
        self.server = server
        self.store = store
        self.crawl_ids: dict[int, int] = {}
        self.counts = {"entries": 0, "captures": 0, "articles": 0, "comments": 0}
        ensure_group(server)

    def run(
        self,
        *,
        drain: bool,
        block_ms: int = 2000,
        count: int = 100,
        progress: Callable[[dict[str, int]], None] | None = None,
    ) -> dict[str, int]:
        """Ingest until the stream is empty (``drain``) or forever."""
        start = "0"  # first what this consumer was given and never acknowledged
        while True:
            entries = self._read(start, count, None if start == "0" or drain else block_ms)
            if not entries:
                if start == "0":
                    start = ">"
                    continue
                if drain:
                    return self.counts
                continue
            self.apply(entries)
            if progress:
                progress(self.counts)

    def _read(self, start: str, count: int, block_ms: int | None) -> list[tuple[bytes, dict]]:
        args = ["XREADGROUP", "GROUP", keys.GROUP, CONSUMER, "COUNT", count]
        if block_ms:
            args += ["BLOCK", block_ms]
        reply = self.server.execute_command(*args, "STREAMS", keys.STREAM, start)
        if not reply:
            return []
        entries = reply[0][1]
        return [(eid, _fields(raw)) for eid, raw in entries if raw]

    def apply(self, entries: list[tuple[bytes, dict]]) -> None:
        """Write the entries' rows in one go, commit, then acknowledge them."""
        for _eid, fields in entries:
            batch = json.loads(fields[b"batch"])
            for op in batch["ops"]:
                self._apply_op(batch.get("crawl"), op)
        self.store.flush()
        ids = [e for e, _ in entries]
        pipe = self.server.pipeline(transaction=True)  # committed: Redis may forget them
        pipe.execute_command("XACK", keys.STREAM, keys.GROUP, *ids)
        pipe.execute_command("XDEL", keys.STREAM, *ids)
        pipe.execute()
        self.counts["entries"] += len(entries)

    def _apply_op(self, crawl: int | None, op: list[Any]) -> None:
        kind = op[0]
        if kind == "start":
            self._crawl_id(crawl, spider=op[1], args=op[2], worker=op[3])
        elif kind == "capture":
            row = dict(op[1], crawl_id=self._crawl_id(crawl))
            self.store.add_capture(row)
            self.counts["captures"] += 1
        elif kind == "article":
            article = article_from_dict(op[1])
            kwargs = dict(op[2], crawl_id=self._crawl_id(crawl))
            self.store.add_article(article, **kwargs)
            self.counts["articles"] += 1
            self.counts["comments"] += len(article.comments)
        elif kind == "failure":
            self.store.add_failure(dict(op[1], crawl_id=self._crawl_id(crawl)))
        elif kind == "finish":
            self.store.finish_crawl(self._crawl_id(crawl), op[1], op[2])
        else:
            logger.warning("Unknown operation %r in the ingest stream, skipped", kind)

    def _crawl_id(
        self, crawl: int | None, spider: str = "", args: dict | None = None, worker: str = ""
    ) -> int | None:
        if crawl is None:
            return None
        if crawl not in self.crawl_ids:
            row = self.store.db.execute(
                "SELECT id FROM crawls WHERE json_extract(args, '$.fleet_crawl') = ?", [crawl]
            ).fetchone()
            if row is None:
                given = dict(args or {}, fleet_crawl=crawl, fleet_worker=worker)
                self.crawl_ids[crawl] = self.store.start_crawl(spider or "?", given)
            else:
                self.crawl_ids[crawl] = row[0]
        return self.crawl_ids[crawl]


def _fields(raw: Any) -> dict[bytes, Any]:
    """Field/value pairs as a dict with bytes keys (redis-py 2 gives lists, 5 dicts)."""
    pairs = raw.items() if isinstance(raw, dict) else zip(raw[::2], raw[1::2], strict=True)
    return {k.encode() if isinstance(k, str) else k: v for k, v in pairs}


def pending(server: Any) -> int:
    """Stream entries not yet committed to the archive (ingest deletes what it commits)."""
    return int(server.execute_command("XLEN", keys.STREAM) or 0)
