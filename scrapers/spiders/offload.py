"""Parsing off the crawl's core.

Scrapy runs on one core and is CPU-bound on a fast site, so the ~3 ms that
parsing costs per page would show directly in the crawl rate.  With
``ARCHIVE_PARSE_WORKERS`` > 0 the pure parser (:func:`parse_page`) runs in a
process pool and the spider awaits the result: the reactor keeps fetching
and archiving while pages are parsed on the other cores.  0 parses in the
crawl process (simplest, and enough for polite crawls of remote sites).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapers.items import Article
from scrapers.parsers import parse_page

logger = logging.getLogger(__name__)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the crawl process is gone.

    A crawl killed with SIGKILL cannot shut its pool down, and idle workers
    block on their queue forever; a watcher thread notices the re-parenting.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _ready() -> None:
    """A no-op task: submitting it makes the pool start a worker."""


class PageParser:
    """``await parse(...)``: the same record, parsed here or in a worker process."""

    def __init__(self, workers: int, selectors: Mapping[str, str] | None = None) -> None:
        self.selectors = dict(selectors) if selectors else None
        self.pool: ProcessPoolExecutor | None = None
        if workers > 0:
            # spawn, not fork: the crawl process runs threads (DNS, reactor)
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
            # Start the workers now, while Scrapy sets up, rather than on the
            # first page: spawning and importing the parser takes ~0.5 s.
            for _ in range(workers):
                self.pool.submit(_ready)

    async def parse(
        self, body: bytes, url: str, *, content_type: str | None, fetched_at: str | None
    ) -> Article:
        kwargs = {
            "content_type": content_type,
            "fetched_at": fetched_at,
            "selectors": self.selectors,
        }
        if self.pool is not None:
            try:
                future = self.pool.submit(parse_page, body, url, **kwargs)
                return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                logger.error("Parser worker died; parsing in the crawl process from now on")
                self.pool = None
        return parse_page(body, url, **kwargs)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
