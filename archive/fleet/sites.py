"""The sites a fleet crawls, shared in Redis so every worker follows their links.

A site spider keeps its sites in ``allowed_domains`` and follows only links
to them.  In a fleet, a site enqueued with ``newsarchive enqueue`` is started
by one worker, but any worker may fetch its pages: each worker learns the set
from Redis when it starts, on every heartbeat, and before it handles a
request for a host it does not know yet.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from archive.fleet import keys


class FleetSites:
    def __init__(self, server: Any, spider: Any) -> None:
        self.server = server
        self.spider = spider
        self.key = keys.key(keys.SITES, spider=spider.name)
        self.known: set[str] = set()

    def add(self, url: str) -> list[Any]:
        """Share a new site; return the spider's discovery requests for it."""
        self.server.sadd(self.key, url)
        return self._learn(url, discover=True)

    def sync(self) -> None:
        for raw in self.server.smembers(self.key):
            url = raw.decode() if isinstance(raw, bytes) else raw
            if url not in self.known:
                self._learn(url, discover=False)

    def ensure(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        domains = getattr(self.spider, "allowed_domains", None) or []
        if host not in domains:
            self.sync()

    def _learn(self, url: str, *, discover: bool) -> list[Any]:
        self.known.add(url)
        add_site = getattr(self.spider, "add_site", None)
        if add_site is None:
            return []
        return list(add_site(url, discover=discover))
