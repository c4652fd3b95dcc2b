"""Per-host politeness across the whole fleet: one shared "next free time" per host.

Scrapy's ``DOWNLOAD_DELAY``, ``CONCURRENT_REQUESTS_PER_DOMAIN`` and AutoThrottle
act per process: N workers would hit a site N times as hard.  Before each
request this middleware reserves the host's next free slot in Redis (one Lua
script, Redis' own clock, so the workers' clocks do not matter) and waits
until it comes: whatever the number of workers, a host gets at most one
request per ``ARCHIVE_FLEET_HOST_DELAY`` seconds from the fleet.  AutoThrottle
still slows each worker further when the site answers slowly.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured

from archive.fleet import keys

# Reserve the host's next slot; reply: seconds to wait (as text).
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nxt)
redis.call('SET', KEYS[1], tostring(at + tonumber(ARGV[1])), 'PX', 60000)
return tostring(at - now)
"""


class FleetPoliteness:
    def __init__(self, server: Any, delay: float) -> None:
        self.delay = delay
        self._reserve = server.register_script(_RESERVE)

    @classmethod
    def from_crawler(cls, crawler: Any) -> FleetPoliteness:
        s = crawler.settings
        delay = s.getfloat("ARCHIVE_FLEET_HOST_DELAY")
        if not s.get("ARCHIVE_REDIS_URL") or delay <= 0:
            raise NotConfigured("no fleet, or ARCHIVE_FLEET_HOST_DELAY is 0")
        return cls(keys.connect(s.get("ARCHIVE_REDIS_URL")), delay)

    def wait_for(self, url: str) -> float:
        host = urlsplit(url).hostname or ""
        return float(self._reserve(keys=[keys.key(keys.SLOTS, host=host)], args=[self.delay]))

    async def process_request(self, request: Any, spider: Any = None) -> None:
        wait = self.wait_for(request.url)
        if wait > 0:
            await asyncio.sleep(wait)
