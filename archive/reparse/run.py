"""Rebuild articles and comments from the WARC files alone, with today's parsers.

The crawl keeps every page byte for byte, so a better parser can be applied to
everything ever fetched without touching the network.  The ``captures`` table
addresses each response record (file, offset, length); workers read and parse
those records in parallel (parsing is the CPU cost), and the parent process
rebuilds comment threads and writes through :class:`ArchiveStore`, the one
writer, exactly as the crawl does.

Which pages are articles, and which are further comment pages of an article,
is decided the way the spider decides it: every HTML page is parsed; an
article page's ``comment_pages`` are awaited and merged with
:func:`merge_threads` in the order they were captured.  Captures are taken in
capture order (SQLite rowid), the latest capture of each URL only, so the
result is the article as last crawled.  Rows are upserted: a rerun changes
nothing but ``parser_version`` and what the parser now extracts differently.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any, NamedTuple

from archive.reparse.api import CrawlFollowups
from archive.reparse.threads import Parsed, ReparseStats, ThreadAssembler
from archive.store.fts import BatchIndexStore
from archive.warc.reader import RecordReader, dechunk, decode_body, is_chunked
from scrapers.items import Article
from scrapers.parsers import PARSER_VERSION, parse_page
from scrapers.parsers.comments.rest import api_root
from scrapers.profiles import PROFILES

logger = logging.getLogger(__name__)

# The captures to parse, chosen once into a temporary table (rowids only:
# flat memory, on disk when large), then read a page at a time: a single
# statement open for the whole run would hold one read snapshot that long, and
# SQLite could not checkpoint the write-ahead log, which would grow to the
# size of everything the run writes.
_PICK = """
INSERT INTO temp.reparse_picked (rid)
SELECT {pick} FROM captures
WHERE method = 'GET' AND status = 200 AND warc_file IS NOT NULL AND via IS NULL
  AND (content_type IS NULL OR content_type LIKE '%html%')
  {where}
{group}
"""
_CANDIDATES = """
SELECT c.id, c.url, c.warc_file, c.warc_offset, c.warc_length, c.fetched_at, c.crawl_id,
       {spider} AS spider, o.warc_file, o.warc_offset, o.warc_length, c.rowid
FROM captures c LEFT JOIN captures o ON o.id = c.revisit_of {join}
WHERE c.rowid IN (SELECT rid FROM temp.reparse_picked WHERE rid > ? ORDER BY rid LIMIT ?)
ORDER BY c.rowid
"""
_PAGE = 1000


class Task(NamedTuple):
    """One capture to read and parse (a tuple: pickled to a worker cheaply)."""

    capture_id: str
    url: str
    warc_file: str
    offset: int
    length: int
    fetched_at: str
    crawl_id: int | None
    spider: str | None
    # where the payload is, when this capture is a revisit of an earlier record
    original_file: str | None = None
    original_offset: int | None = None
    original_length: int | None = None
    rowid: int = 0  # capture order: what the crawl fetched next is after it
    # whether this capture's crawl fetched any REST API comment pages: only
    # then can the thread be reconciled, and is the page's API root needed
    api: bool = False


def candidate_tasks(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    site: str | None = None,
    every: bool = False,
) -> tuple[int, Iterator[Task]]:
    """The captures to parse (latest per URL, or ``every`` one, in capture
    order) and their count."""
    where, params = "", []
    if since:
        where += " AND fetched_at >= ?"
        params.append(since)
    if site:
        where += " AND (url LIKE ? OR url LIKE ? OR url LIKE ?)"
        params += [f"%://{site}/%", f"%://{site}:%", f"%://{site}"]
    has_crawls = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='crawls'"
    ).fetchone()
    spider, join = (
        ("cr.spider", "LEFT JOIN crawls cr ON cr.id = c.crawl_id")
        if has_crawls
        else (
            "NULL",
            "",
        )
    )
    pick, group = ("rowid", "") if every else ("max(rowid)", "GROUP BY url")
    conn.execute("DROP TABLE IF EXISTS temp.reparse_picked")
    conn.execute("CREATE TEMP TABLE reparse_picked (rid INTEGER PRIMARY KEY)")
    conn.execute(_PICK.format(where=where, pick=pick, group=group), params)
    conn.commit()
    total = conn.execute("SELECT count(*) FROM temp.reparse_picked").fetchone()[0]
    api = {row[0] for row in conn.execute(_API_CRAWLS)}
    sql = _CANDIDATES.format(spider=spider, join=join)
    return total, (Task(*row, api=row[6] in api) for row in _pages(conn, sql))


def _pages(conn: sqlite3.Connection, sql: str) -> Iterator[tuple]:
    after = 0
    while rows := conn.execute(sql, (after, _PAGE)).fetchall():
        yield from rows
        after = rows[-1][-1]


# crawls that fetched REST API comment pages or post statements (archive.reparse.api
# reads them back)
_API_CRAWLS = (
    "SELECT DISTINCT crawl_id FROM captures"
    " WHERE url LIKE '%/wp/v2/comments?%' OR url LIKE '%/wp/v2/posts?%'"
)


# -- workers -----------------------------------------------------------------------
_reader: RecordReader | None = None


def _init_worker(warc_dir: str) -> None:
    global _reader
    _reader = RecordReader(warc_dir)


def parse_task(task: Task) -> Parsed:
    """Read one response record and parse it as the spider would (worker side)."""
    return Parsed(task, *_parse(task))


def parse_chunk(chunk: list[Task]) -> list[tuple]:
    """:func:`parse_task` for a run of captures: one trip through the pool's
    queues per chunk, not per page.  The answers are (article, error,
    api_root) per task, in order; the parent holds the tasks already."""
    return [_parse(task) for task in chunk]


def _parse(task: Task) -> tuple[Article | None, str | None, str | None]:
    assert _reader is not None, "call _init_worker first"
    try:
        record = source = _reader.read_direct(task.warc_file, task.offset, task.length)
        if record.rec_type == "revisit":
            if task.original_file is None:
                raise LookupError("revisit record whose original capture is unknown")
            original = task.original_file, task.original_offset, task.original_length
            source = _reader.read_direct(*original)
        payload = dechunk(source.payload) if is_chunked(source) else source.payload
        body = decode_body(payload, record.header("Content-Encoding"))
        selectors = PROFILES.get(task.spider or "", {}).get("selectors")
        article = parse_page(
            body,
            task.url,
            content_type=record.header("Content-Type"),
            fetched_at=task.fetched_at,
            selectors=selectors,
        )
        article.links = []  # what the spider would follow: not needed here, not pickled
        wants_root = task.api and article.post_id
        root = api_root(body, task.url, record.header("Link")) if wants_root else None
    except Exception as exc:  # one bad record must not stop the re-parse
        return None, f"{task.url}: {type(exc).__name__}: {exc}", None
    return article, None, root


_BATCH = 5000  # rows per SQLite transaction in the parent


# -- driver ------------------------------------------------------------------------------
class _Window:
    """Hands chunks of tasks to the pool no faster than results come back (flat memory).

    Pool.imap would otherwise pull the whole task iterator into its queue.
    The chunks handed out wait in ``sent``, in order, for their results (imap
    answers in order), so a worker's answer need not carry its tasks back.
    ``stop()`` unblocks the pool's feeder thread so that the pool can shut
    down even when the consumer stops early.
    """

    def __init__(self, size: int, chunk: int) -> None:
        self.slots = threading.Semaphore(size)
        self.chunk = chunk
        self.sent: deque[list[Task]] = deque()
        self.stopped = False

    def feed(self, tasks: Iterator[Task]) -> Iterator[list[Task]]:
        while chunk := list(islice(tasks, self.chunk)):
            self.slots.acquire()
            if self.stopped:
                return
            self.sent.append(chunk)
            yield chunk

    def stop(self) -> None:
        # One release wakes the one feeder thread; releasing "plenty" instead
        # costs a Python-level notify per unit (a million took 0.5 s).
        self.stopped = True
        self.slots.release()


_CHUNK = 32  # captures per task sent to a worker (~0.1 s of parsing)


def _results(tasks: Iterator[Task], warc_dir: str, jobs: int, total: int) -> Iterator[Parsed]:
    if jobs <= 1:
        _init_worker(warc_dir)
        try:
            yield from map(parse_task, tasks)
        finally:
            _reader.close()
        return
    # small runs still go to every worker: 8 chunks a worker at least
    window = _Window(jobs * 4, max(1, min(_CHUNK, total // (jobs * 8))))
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(warc_dir,)) as pool:
        try:
            for answers in pool.imap(parse_chunk, window.feed(tasks)):
                chunk = window.sent.popleft()
                window.slots.release()
                for task, answer in zip(chunk, answers, strict=True):
                    yield Parsed(task, *answer)
        finally:
            window.stop()


def reparse(
    db_path: str | os.PathLike,
    warc_dir: str | os.PathLike,
    *,
    since: str | None = None,
    site: str | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], Any] | None = None,
    history: bool = False,
) -> ReparseStats:
    """Re-parse the archive at ``db_path`` from ``warc_dir``; ``progress(done, total)``.

    ``history``: rebuild articles, comments and their history (issue #7) from
    every capture in capture order, as the crawls built them, instead of
    re-parsing the latest capture of each URL in place.
    """
    if history and (since or site):
        raise ValueError("a history rebuild covers the whole archive: no since/site")
    started = time.perf_counter()
    stats = ReparseStats()
    store = BatchIndexStore.open(db_path, batch_size=_BATCH)
    # Every row can be rebuilt by running again, so no fsync per commit (WAL
    # stays consistent; a power cut loses at most the last batches).
    store.db.execute("PRAGMA synchronous=NORMAL")
    if history:
        store.clear_records()
    # read by the pool's feeder thread, used by no other thread meanwhile
    reader_conn = sqlite3.connect(db_path, check_same_thread=False)
    followups = CrawlFollowups(str(db_path), str(warc_dir))  # parent side
    try:
        total, tasks = candidate_tasks(reader_conn, since=since, site=site, every=history)
        assembler = ThreadAssembler(store, stats, followups)
        for parsed in _results(tasks, str(warc_dir), jobs or os.cpu_count() or 1, total):
            assembler.add(parsed)
            if progress is not None:
                progress(stats.pages, total)
        assembler.close()
    finally:
        followups.close()
        reader_conn.close()
        store.close()
    stats.seconds = time.perf_counter() - started
    logger.info("Re-parsed %d pages with parser %s", stats.pages, PARSER_VERSION)
    return stats
