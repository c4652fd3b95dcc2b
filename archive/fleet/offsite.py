"""Scrapy's offsite filter, told about sites that join a running fleet crawl.

``OffsiteMiddleware`` compiles ``spider.allowed_domains`` once, when the spider
opens; a fleet worker learns new sites while it runs (:mod:`archive.fleet.sites`).
"""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware


class FleetOffsiteMiddleware(OffsiteMiddleware):
    def process_request(self, request: Any, spider: Any = None) -> None:
        self._update_host_regex(self.crawler.spider)  # cheap when unchanged
        return super().process_request(request)
