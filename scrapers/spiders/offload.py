"""Parsing off the crawl's core.

Scrapy runs on one core and is CPU-bound on a fast site, so the ~3 ms that
parsing costs per page would show directly in the crawl rate.  With
``ARCHIVE_PARSE_WORKERS`` > 0 the pure parser (:func:`parse_page`) runs in
worker processes and the spider awaits the result: the reactor keeps
fetching and archiving while pages are parsed on the other cores.  0 parses
in the crawl process (simplest, and enough for polite crawls of remote sites).

The workers talk to the crawl over one socket pair each, read and written by
the crawl's own event loop (``add_reader``), not through
``concurrent.futures.ProcessPoolExecutor``: its feeder and result threads
cost the crawl process ~0.45 ms of CPU per page (thread wake-ups, GIL
hand-offs, queue locks) on top of ~0.15 ms in the main thread; a pickled
request written straight to a socket and a result read in the loop cost
about a fifth of that together (bench/crawl.py prints CPU per page).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import pickle
import signal
import socket
import struct
from collections import deque
from collections.abc import Mapping
from typing import Any

from scrapers.items import Article
from scrapers.parsers import parse_page

logger = logging.getLogger(__name__)

_HEADER = struct.Struct("<Q")  # length of the pickled message that follows


class WorkerDied(RuntimeError):
    """A parse worker's socket closed: it crashed or was killed."""


def _recv_exactly(sock: socket.socket, n: int) -> bytearray | None:
    buf = bytearray(n)
    view = memoryview(buf)
    while view:
        got = sock.recv_into(view)
        if not got:
            return None
        view = view[got:]
    return buf


def _serve(sock: socket.socket, selectors: Mapping[str, str] | None, gc_threshold: int) -> None:
    """A worker: parse each page it is sent, send back the record (or the
    exception), until the crawl closes its end (or dies: the same EOF).

    ``gc_threshold`` (``ARCHIVE_GC_THRESHOLD``): as in the crawl process, the
    heap imported at start is frozen and young collections run per that many
    new objects; with Python's default the workers spent 2-5% more CPU per
    page (parse-only benchmark, 800 demo pages, three runs each).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the crawl, which stops us
    if gc_threshold > 0:
        gc.freeze()
        gc.set_threshold(gc_threshold, *gc.get_threshold()[1:])
    while True:
        head = _recv_exactly(sock, _HEADER.size)
        if head is None:
            return
        message = _recv_exactly(sock, _HEADER.unpack(head)[0])
        if message is None:
            return
        body, url, content_type, fetched_at = pickle.loads(message)
        try:
            record = parse_page(
                body, url, content_type=content_type, fetched_at=fetched_at, selectors=selectors
            )
            out = pickle.dumps((True, record), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # the caller records it as a parse failure
            out = pickle.dumps((False, _picklable(exc)), pickle.HIGHEST_PROTOCOL)
        try:
            sock.sendall(_HEADER.pack(len(out)) + out)
        except OSError:  # the crawl is gone
            return


def _picklable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Worker:
    """The crawl's end of one worker: its socket, what is still to be
    written, and the futures of the pages sent, in order."""

    def __init__(
        self, context: Any, selectors: Mapping[str, str] | None, gc_threshold: int
    ) -> None:
        mine, theirs = socket.socketpair()
        self.process = context.Process(
            target=_serve, args=(theirs, selectors, gc_threshold), name="parse-worker", daemon=True
        )
        self.process.start()
        theirs.close()
        mine.setblocking(False)
        self.sock = mine
        self.pending: deque[asyncio.Future] = deque()
        self.outbox: deque[memoryview] = deque()
        self.inbox = bytearray()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.dead = False

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        if self.loop is None:
            self.loop = loop
            loop.add_reader(self.sock.fileno(), self._readable)

    def send(self, message: bytes) -> asyncio.Future:
        future = self.loop.create_future()
        if self.dead:
            future.set_exception(WorkerDied("parse worker died"))
            return future
        self.pending.append(future)
        writing = bool(self.outbox)
        self.outbox.append(memoryview(_HEADER.pack(len(message))))
        self.outbox.append(memoryview(message))
        if not writing:
            self._writable()
        return future

    def _writable(self) -> None:
        try:
            while self.outbox:
                sent = self.sock.sendmsg(list(self.outbox)[:64])
                while sent and self.outbox:
                    first = self.outbox[0]
                    if sent >= len(first):
                        sent -= len(first)
                        self.outbox.popleft()
                    else:
                        self.outbox[0] = first[sent:]
                        sent = 0
        except BlockingIOError:
            self.loop.add_writer(self.sock.fileno(), self._writable)
            return
        except OSError:
            self._died()
            return
        self.loop.remove_writer(self.sock.fileno())

    def _readable(self) -> None:
        try:
            while True:
                data = self.sock.recv(1 << 20)
                if not data:
                    self._died()
                    return
                self.inbox += data
                if len(data) < 1 << 20:
                    break
        except BlockingIOError:
            pass
        except OSError:
            self._died()
            return
        self._deliver()

    def _deliver(self) -> None:
        inbox, size = self.inbox, _HEADER.size
        start = 0
        while len(inbox) - start >= size:
            (length,) = _HEADER.unpack_from(inbox, start)
            end = start + size + length
            if len(inbox) < end:
                break
            ok, value = pickle.loads(memoryview(inbox)[start + size : end])
            start = end
            future = self.pending.popleft()
            if future.done():  # the awaiting task was cancelled
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
        if start:
            del inbox[:start]

    def _died(self) -> None:
        self.close()
        self.fail_pending()

    def fail_pending(self) -> None:
        while self.pending:
            future = self.pending.popleft()
            if not future.done():
                future.set_exception(WorkerDied("parse worker died"))

    def close(self) -> None:
        if self.dead:
            return
        self.dead = True
        if self.loop is not None and not self.loop.is_closed():
            self.loop.remove_reader(self.sock.fileno())
            self.loop.remove_writer(self.sock.fileno())
        self.sock.close()

    def join(self, timeout: float) -> None:
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(1.0)


class PageParser:
    """``await parse(...)``: the same record, parsed here or in a worker process."""

    def __init__(
        self, workers: int, selectors: Mapping[str, str] | None = None, gc_threshold: int = 0
    ) -> None:
        self.selectors = dict(selectors) if selectors else None
        self.workers: list[_Worker] = []
        if workers > 0:
            # spawn, not fork: the crawl process runs threads (DNS, reactor).
            # Started now, while Scrapy sets up, rather than on the first
            # page: spawning and importing the parser takes ~0.5 s.
            context = multiprocessing.get_context("spawn")
            self.workers = [_Worker(context, self.selectors, gc_threshold) for _ in range(workers)]

    async def parse(
        self, body: bytes, url: str, *, content_type: str | None, fetched_at: str | None
    ) -> Article:
        if self.workers:
            loop = asyncio.get_running_loop()
            worker = min(self.workers, key=lambda w: len(w.pending))
            worker.attach(loop)
            message = pickle.dumps((body, url, content_type, fetched_at), pickle.HIGHEST_PROTOCOL)
            try:
                return await worker.send(message)
            except WorkerDied:
                if self.workers:  # the first page to learn it
                    logger.error("Parser worker died; parsing in the crawl process from now on")
                    self.close()
        return parse_page(
            body, url, content_type=content_type, fetched_at=fetched_at, selectors=self.selectors
        )

    def close(self) -> None:
        """Stop the workers: they see their socket close and exit."""
        workers, self.workers = self.workers, []
        for worker in workers:
            worker.close()
            worker.fail_pending()  # pages awaiting them are parsed here instead
        for worker in workers:
            worker.join(5.0)
