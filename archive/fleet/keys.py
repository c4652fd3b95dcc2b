"""Redis key names and the connection, in one place.

The frontier keys are scrapy-redis' own defaults (``SPIDER:requests``,
``SPIDER:dupefilter``, ``SPIDER:start_urls``), so its documentation and tools
apply; the rest is ours, under ``newsarchive:``.
"""

from __future__ import annotations

import os
import socket
from typing import Any

import redis

REQUESTS = "%(spider)s:requests"  # sorted set of encoded requests (scrapy-redis)
DUPEFILTER = "%(spider)s:dupefilter"  # set of request fingerprints (scrapy-redis)
START_URLS = "%(spider)s:start_urls"  # list of start URLs (`newsarchive enqueue`)
SITES = "newsarchive:sites:%(spider)s"  # set of the sites the fleet crawls
WORKERS = "newsarchive:workers:%(spider)s"  # set of worker ids
ALIVE = "newsarchive:alive:%(worker)s"  # expires when a worker stops beating
LEASES = "newsarchive:leases:%(spider)s:%(worker)s"  # hash: requests popped, not done
WORKER_INFO = "newsarchive:worker:%(worker)s"  # hash: counters for `fleet status`
STREAM = "newsarchive:items"  # stream of record batches for `newsarchive ingest`
GROUP = "ingest"  # its consumer group
CRAWL_SEQ = "newsarchive:crawl-seq"  # fleet crawl numbers
SLOTS = "newsarchive:slot:%(host)s"  # next free fetch time per host (politeness)


def key(template: str, **names: str) -> str:
    return template % names


def connect(url: str) -> Any:
    """A client for ``redis://host:port/db`` (bytes replies: requests are pickles)."""
    return redis.StrictRedis.from_url(url, socket_timeout=30, socket_connect_timeout=30)


def default_worker_id() -> str:
    """hostname-pid: unique on a fleet, and says where to look for the WARC files."""
    return f"{socket.gethostname()}-{os.getpid()}"
