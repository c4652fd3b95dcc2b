"""The switch: with ``ARCHIVE_REDIS_URL`` set, any of our spiders joins the fleet.

A Scrapy add-on (``ADDONS`` in settings.py) that changes nothing when the
setting is empty.  When it is set it puts in place, at add-on priority (so
``-s`` on the command line still wins):

- scrapy-redis' scheduler and dupefilter, with leased pops
  (:mod:`archive.fleet.scheduler`), persistent across runs;
- the worker extension (heartbeat, start URLs, dead workers, when to stop);
- a worker id (``ARCHIVE_FLEET_WORKER``, default host-pid) appended to
  ``ARCHIVE_WARC_PREFIX``, so every worker writes its own WARC files;
- fleet-wide per-host politeness (:mod:`archive.fleet.politeness`).

The store becomes a Redis stream (``ARCHIVE_STORE_CLASS``, read by
:class:`archive.crawl.runtime.ArchiveRuntime`).
"""

from __future__ import annotations

from typing import Any

from archive.fleet.keys import DUPEFILTER, REQUESTS, START_URLS, default_worker_id

_OFFSITE = "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware"


class FleetAddon:
    def update_settings(self, settings: Any) -> None:
        url = settings.get("ARCHIVE_REDIS_URL")
        if not url:
            return
        worker = settings.get("ARCHIVE_FLEET_WORKER") or default_worker_id()
        _set_over_project(settings, "ARCHIVE_FLEET_WORKER", worker)
        for name, value in {
            "REDIS_URL": url,
            "SCHEDULER": "archive.fleet.scheduler.FleetScheduler",
            "SCHEDULER_QUEUE_CLASS": "archive.fleet.leases.LeasingPriorityQueue",
            "SCHEDULER_QUEUE_KEY": REQUESTS,
            "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER,
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": True,
            "REDIS_START_URLS_KEY": START_URLS.replace("spider", "name"),
            # records go to a Redis stream, not SQLite (archive.crawl.runtime)
            "ARCHIVE_STORE_CLASS": "archive.fleet.sink.StreamSink",
        }.items():
            settings.set(name, value, priority="addon")
        # The recrawl policy reads and writes the archive, which a worker does
        # not have (ingest writes it): off in the fleet (docs/fleet.md).
        _set_over_project(settings, "ARCHIVE_RECRAWL_ENABLED", False)
        # The REST API witness holds finished articles in the worker's memory until
        # a batch is answered: a killed worker would lose them, and their leases
        # are gone (the fleet loses nothing, docs/fleet.md). Off in the fleet.
        _set_over_project(settings, "ARCHIVE_POSTS_API", "never")
        _set_over_project(
            settings, "ARCHIVE_WARC_PREFIX", f"{settings.get('ARCHIVE_WARC_PREFIX')}-{worker}"
        )
        settings["EXTENSIONS"]["archive.fleet.worker.FleetWorker"] = 500
        middlewares = settings["DOWNLOADER_MIDDLEWARES"]
        middlewares[_OFFSITE] = None
        middlewares["archive.fleet.offsite.FleetOffsiteMiddleware"] = 50
        middlewares["archive.fleet.politeness.FleetPoliteness"] = 60
        middlewares["archive.fleet.tagging.CaptureTagger"] = 949  # just inside the capture
        settings["SPIDER_MIDDLEWARES"]["archive.fleet.tagging.ItemTagger"] = 990


def _set_over_project(settings: Any, name: str, value: Any) -> None:
    """Settings that settings.py defines: add-on priority would not win over them."""
    settings.set(name, value, priority=max(settings.getpriority(name) or 0, 20))
