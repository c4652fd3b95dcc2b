"""scrapy-redis' scheduler with leased pops (see :mod:`archive.fleet.leases`).

Also the fixes that scrapy-redis 0.9.1 needs on the Scrapy we test (2.19): it passes a
``spider`` argument to ``StatsCollector.inc_value`` and calls ``Spider.log``,
both deprecated (warnings in every crawl, errors under ``-W error``); the
three methods involved are redone here without them.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler

from archive.fleet.leases import Leases, LeasingPriorityQueue
from archive.fleet.sites import FleetSites
from scrapers.contract import META_THREAD

logger = logging.getLogger(__name__)

_LEASES = "_newsarchive_leases"
_SCHEDULER = "_newsarchive_scheduler"


def leases_of(crawler: Any) -> Leases | None:
    return getattr(crawler, _LEASES, None)


def scheduler_of(crawler: Any) -> FleetScheduler | None:
    return getattr(crawler, _SCHEDULER, None)


class FleetScheduler(Scheduler):
    """Shared frontier and dupefilter in Redis; popped requests are leased to this worker."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> FleetScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        return scheduler

    def open(self, spider: Any) -> None:
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server,
            spider=spider,
            key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer,
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        if len(self.queue):
            logger.info("Resuming the fleet's crawl (%d requests queued)", len(self.queue))
        if isinstance(self.queue, LeasingPriorityQueue):
            worker = self.crawler.settings.get("ARCHIVE_FLEET_WORKER")
            self.queue.leases = Leases(self.server, self.crawler, spider.name, worker)
            setattr(self.crawler, _LEASES, self.queue.leases)
        self.thread_steps_key = f"{spider.name}:threadsteps"
        self.sites = FleetSites(self.server, spider)
        self.sites.sync()
        setattr(self.crawler, _SCHEDULER, self)

    def enqueue_request(self, request: Any) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self._repeated_thread_step(request):
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Any:
        request = self.queue.pop(self.idle_before_close)
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
            self.sites.ensure(request.url)
        return request

    def _repeated_thread_step(self, request: Any) -> bool:
        """A comment page or API page asked for a second time.

        Thread steps are ``dont_filter`` requests (:mod:`scrapers.spiders.threads`).
        When a killed worker's article page is fetched again, its callback
        asks for the thread's next page again, which the first run had queued
        already: without this check that page would be fetched twice.  Retries
        (``retry_times`` in meta) are not repeats.
        """
        if META_THREAD not in request.meta or "retry_times" in request.meta:
            return False
        fingerprint = self.df.request_fingerprint(request)
        return not self.server.sadd(self.thread_steps_key, fingerprint)
