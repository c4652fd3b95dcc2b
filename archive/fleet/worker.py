"""The fleet worker extension: heartbeat, start URLs, dead workers, the end.

Every ``ARCHIVE_FLEET_BEAT`` seconds a worker renews its ``alive`` key (it
expires after ``ARCHIVE_FLEET_LEASE_TTL``), publishes its counters for
``newsarchive fleet status``, pushes its buffered records (which releases the
leases of finished requests), takes start URLs that ``newsarchive enqueue``
pushed, and requeues the leases of workers whose ``alive`` key expired (and,
when they wrote to the same WARC directory, closes their unfinished files).

An idle worker waits for more work (``DontCloseSpider``).  It closes after
``ARCHIVE_FLEET_IDLE_CLOSE`` seconds (0: never) of the whole fleet having
nothing to do: no request queued, no start URL, no lease held by any live
worker (a held lease may still add requests).
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import time
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet import task

from archive.crawl.runtime import ArchiveRuntime
from archive.fleet import keys
from archive.fleet.leases import requeue
from archive.fleet.scheduler import scheduler_of
from archive.warc.recovery import OPEN_SUFFIX, recover_open_files

logger = logging.getLogger(__name__)


class FleetWorker:
    def __init__(self, crawler: Any) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.server = keys.connect(s.get("ARCHIVE_REDIS_URL"))
        self.worker = s.get("ARCHIVE_FLEET_WORKER")
        self.beat_seconds = s.getfloat("ARCHIVE_FLEET_BEAT")
        self.ttl_ms = int(s.getfloat("ARCHIVE_FLEET_LEASE_TTL") * 1000)
        self.idle_close = s.getfloat("ARCHIVE_FLEET_IDLE_CLOSE")
        self.idle_since: float | None = None
        self.started = time.time()
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> FleetWorker:
        if not crawler.settings.get("ARCHIVE_REDIS_URL"):
            raise NotConfigured("ARCHIVE_REDIS_URL is not set")
        return cls(crawler)

    def _key(self, template: str, **names: str) -> str:
        return keys.key(template, spider=self.spider.name, worker=self.worker, **names)

    # -- lifecycle -------------------------------------------------------------
    def spider_opened(self, spider: Any) -> None:
        self.spider = spider
        directory = self.crawler.settings.get("ARCHIVE_WARC_DIR")
        if directory and os.path.isdir(directory):  # what a killed run of this worker left
            recover_worker_files(Path(directory), self.crawler.settings.get("ARCHIVE_WARC_PREFIX"))
        # leases left by an earlier process with this worker id: nobody holds them now
        queue = keys.key(keys.REQUESTS, spider=spider.name)
        requeue(self.server, self._key(keys.LEASES), queue)
        self.beat()
        self.loop = task.LoopingCall(self.beat)
        self.loop.start(self.beat_seconds, now=False)
        logger.info("Fleet worker %s on %s", self.worker, keys.STREAM)

    def spider_idle(self, spider: Any) -> None:
        self.beat()
        if self.idle_close <= 0 or not self.fleet_is_done():
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_close:
            raise DontCloseSpider
        logger.info("The fleet has nothing left to do: worker %s closes", self.worker)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        ArchiveRuntime.get(self.crawler).flush()  # releases the last leases
        self._publish(state="closed")
        self.server.delete(self._key(keys.ALIVE))
        self.server.srem(self._key(keys.WORKERS), self.worker)

    # -- heartbeat -------------------------------------------------------------
    def beat(self) -> None:
        try:
            self.server.set(self._key(keys.ALIVE), str(time.time()), px=self.ttl_ms)
            self.server.sadd(self._key(keys.WORKERS), self.worker)
            ArchiveRuntime.get(self.crawler).flush()
            self._publish(state="running")
            self._take_start_urls()
            self._reclaim_dead()
            scheduler = scheduler_of(self.crawler)
            if scheduler is not None:
                scheduler.sites.sync()
                if len(scheduler.queue):
                    _wake(self.crawler)
        except Exception:
            logger.exception("Fleet heartbeat failed")

    def _publish(self, state: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        s = self.crawler.settings
        info = {
            "spider": self.spider.name,
            "state": state,
            "host": socket.gethostname(),
            "pid": str(os.getpid()),
            "started": str(self.started),
            "updated": str(time.time()),
            "pages": str(stats.get("response_received_count", 0)),
            "items": str(stats.get("item_scraped_count", 0)),
            "warc_dir": os.path.abspath(s.get("ARCHIVE_WARC_DIR")),
            "warc_prefix": s.get("ARCHIVE_WARC_PREFIX"),
        }
        key = self._key(keys.WORKER_INFO)
        pipe = self.server.pipeline()
        for name, value in info.items():  # (hmset is deprecated, hset(mapping=) too new)
            pipe.hset(key, name, value)
        pipe.expire(key, 24 * 3600)
        pipe.execute()

    def _take_start_urls(self) -> None:
        scheduler = scheduler_of(self.crawler)
        raw = self.server.lpop(self._key(keys.START_URLS))
        while raw is not None and scheduler is not None:
            url = raw.decode()
            requests = scheduler.sites.add(url) or [scrapy.Request(url)]
            for request in requests:
                self.crawler.engine.crawl(request)
            logger.info("Start URL %s: %d requests", url, len(requests))
            raw = self.server.lpop(self._key(keys.START_URLS))

    def _reclaim_dead(self) -> None:
        for raw in self.server.smembers(self._key(keys.WORKERS)):
            other = raw.decode()
            if other == self.worker or self.server.exists(keys.key(keys.ALIVE, worker=other)):
                continue
            leases = keys.key(keys.LEASES, spider=self.spider.name, worker=other)
            queue = keys.key(keys.REQUESTS, spider=self.spider.name)
            moved = requeue(self.server, leases, queue)
            self.server.srem(self._key(keys.WORKERS), other)
            info_key = keys.key(keys.WORKER_INFO, worker=other)
            self.server.hset(info_key, "state", "dead")
            logger.warning("Worker %s is gone: %d requests requeued", other, moved)
            self.crawler.stats.inc_value("fleet/requeued", moved)
            self._recover_warc(self.server.hgetall(info_key))

    def _recover_warc(self, info: dict[bytes, bytes]) -> None:
        """Close a dead worker's unfinished WARC files if they are in our directory."""
        directory = os.path.abspath(self.crawler.settings.get("ARCHIVE_WARC_DIR"))
        prefix = info.get(b"warc_prefix", b"").decode()
        if info.get(b"warc_dir", b"").decode() != directory or not prefix:
            return
        recover_worker_files(Path(directory), prefix)

    def fleet_is_done(self) -> bool:
        spider = self.spider.name
        if self.server.zcard(keys.key(keys.REQUESTS, spider=spider)):
            return False
        if self.server.llen(keys.key(keys.START_URLS, spider=spider)):
            return False
        for raw in self.server.smembers(keys.key(keys.WORKERS, spider=spider)):
            leases = keys.key(keys.LEASES, spider=spider, worker=raw.decode())
            if self.server.hlen(leases):
                return False
        return True


def recover_worker_files(directory: Path, prefix: str) -> list[Path]:
    """warc.recover_open_files for one worker's files only (others may be writing)."""
    files = sorted(directory.glob(f"{prefix}-*.warc.gz{OPEN_SUFFIX}"))
    if not files:
        return []
    scratch = directory / f".recover-{prefix}"
    scratch.mkdir(exist_ok=True)
    for path in files:
        os.replace(path, scratch / path.name)
    done = []
    for path in recover_open_files(scratch):
        os.replace(path, directory / path.name)
        done.append(directory / path.name)
    shutil.rmtree(scratch, ignore_errors=True)
    return done


def _wake(crawler: Any) -> None:
    """Ask the engine to pull from the scheduler now, not at its next 5 s heartbeat
    (Scrapy's engine polls an idle scheduler only that often)."""
    slot = getattr(crawler.engine, "_slot", None)
    if slot is not None:
        slot.nextcall.schedule()
