"""The store of a fleet worker: record batches go to a Redis stream, not SQLite.

It has the interface of :class:`archive.store.writer.ArchiveStore` that the capture
middleware and the pipeline use, so neither knows it is in a fleet.  Each call
is buffered as an operation; :meth:`flush` appends the buffer to the stream as
one entry and, in the same MULTI/EXEC transaction, deletes the leases of the
requests that are done (their records are all in this entry or an earlier
one).  A worker killed before a flush loses only unacknowledged work, which
the fleet fetches again; one killed after it has its records safe in Redis.
``newsarchive ingest`` replays the operations through a real ArchiveStore.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from typing import Any

from archive.fleet import keys
from archive.fleet.scheduler import leases_of
from archive.store.rows import stable_id
from scrapers.items import Article, Author, Comment, Media

logger = logging.getLogger(__name__)


def article_to_dict(article: Article) -> dict[str, Any]:
    return dataclasses.asdict(article)


def article_from_dict(data: dict[str, Any]) -> Article:
    data = dict(data)
    data["authors"] = [Author(**a) for a in data.get("authors", ())]
    data["comments"] = [Comment(**c) for c in data.get("comments", ())]
    data["media"] = [Media(**m) for m in data.get("media", ())]
    return Article(**data)


UNTAGGED = "?"  # a capture whose request is not known yet: not pushed until it is


class StreamSink:
    """Buffers store operations and pushes them to the ingest stream in batches.

    Every operation is tagged with the lease of the request it belongs to
    (:mod:`archive.fleet.tagging`): a capture with the request whose response
    it archives, an article with the request whose callback completed it.
    An operation is pushed only when its request is done, in the same
    transaction that releases the request's lease: a worker killed before
    that has pushed nothing of the request, which the fleet then fetches
    again (one capture in the archive, not two); one killed after it has
    pushed everything (nothing lost).
    """

    def __init__(self, server: Any, crawler: Any, *, batch_size: int = 500) -> None:
        self.server = server
        self.crawler = crawler
        self.batch_size = batch_size
        self.stream = keys.STREAM
        self.crawl: int | None = None
        self._ops: list[list[Any]] = []  # [lease tag, rows, op]
        self._rows = 0
        self._article_tags: dict[int, str | None] = {}  # id(article) -> lease
        self.counts = {"captures": 0, "articles": 0, "comments": 0, "batches": 0}

    @classmethod
    def from_crawler(cls, crawler: Any) -> StreamSink:
        server = keys.connect(crawler.settings.get("ARCHIVE_REDIS_URL"))
        return cls(server, crawler, batch_size=crawler.settings.getint("ARCHIVE_BATCH_SIZE"))

    # -- crawls ----------------------------------------------------------------
    def start_crawl(self, spider: str, args: dict[str, Any]) -> int:
        """A fleet-wide crawl number; ingest makes the `crawls` row (args.fleet_crawl)."""
        self.crawl = int(self.server.incr(keys.CRAWL_SEQ))
        worker = self.crawler.settings.get("ARCHIVE_FLEET_WORKER")
        self._push([["start", spider, args, worker]], [])
        return self.crawl

    def finish_crawl(self, crawl_id: int, stats: dict[str, Any], reason: str) -> None:
        self.flush(final=True)
        stats = json.loads(json.dumps(stats, default=str))
        self._push([["finish", stats, reason]], [])

    # -- rows ------------------------------------------------------------------
    def original_capture(self, payload_digest: str) -> tuple[str, str, str] | None:
        """Payloads are deduplicated per worker only (see docs/fleet.md)."""
        return None

    def add_capture(self, row: dict[str, Any]) -> None:
        self._add(UNTAGGED, ["capture", row], 1)
        self.counts["captures"] += 1

    def add_failure(self, row: dict[str, Any]) -> None:
        """Failures are pushed with the next batch, whatever the lease: a failed
        request is finished (its retries are new requests)."""
        self._add(None, ["failure", row], 1)

    def add_article(self, article: Article, **kwargs: Any) -> str:
        tag = self._article_tags.pop(id(article), None)
        self._add(tag, ["article", article_to_dict(article), kwargs], 1 + len(article.comments))
        self.counts["articles"] += 1
        self.counts["comments"] += len(article.comments)
        return stable_id(article.canonical_url or article.url)

    # -- tags (archive.fleet.tagging) -------------------------------------------
    def tag_capture(self, record_id: str | None, lease: str | None) -> None:
        for op in reversed(self._ops):
            if op[0] == UNTAGGED and op[2][1].get("id") == record_id:
                op[0] = lease
                return

    def tag_article(self, article: Article, lease: str | None) -> None:
        self._article_tags[id(article)] = lease

    # -- batching --------------------------------------------------------------
    def _add(self, tag: str | None, op: list[Any], rows: int) -> None:
        self._ops.append([tag, rows, op])
        self._rows += rows
        if self._rows >= self.batch_size:
            self.flush()

    def flush(self, final: bool = False) -> None:
        """Push the records of finished requests and release their leases, atomically."""
        leases = leases_of(self.crawler)
        done = leases.take_done() if leases is not None else []
        held = leases.held if leases is not None and not final else {}
        ready, kept = [], []
        for entry in self._ops:
            tag = entry[0]
            waiting = tag in held or (tag == UNTAGGED and not final)
            (kept if waiting else ready).append(entry)
        if ready or done:
            self._push([op for _, _, op in ready], done)
        self._ops = kept
        self._rows = sum(rows for _, rows, _ in kept)

    def _push(self, ops: list[list[Any]], done: list[str]) -> None:
        pipe = self.server.pipeline(transaction=True)
        if ops:
            payload = json.dumps({"crawl": self.crawl, "ops": ops}, ensure_ascii=False)
            pipe.execute_command("XADD", self.stream, "*", "batch", payload)
            self.counts["batches"] += 1
        if done:
            pipe.hdel(leases_of(self.crawler).key, *done)
        pipe.execute()

    def close(self) -> None:
        self.flush(final=True)
