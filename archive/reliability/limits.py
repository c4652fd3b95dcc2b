"""Per-site request budget (``ARCHIVE_MAX_PAGES_PER_SITE``).

A site that serves endless distinct URLs (generated listings, session ids in
paths) gets at most this many requests per crawl; the rest are dropped and
counted (``archive/limits/pages_per_site``).  Counted at the downloader, after
the duplicate filter and robots.txt, so only real fetches use the budget.
"""

from __future__ import annotations

import logging
from collections import Counter

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)


class SiteBudgetMiddleware:
    def __init__(self, crawler: Crawler, budget: int) -> None:
        self.budget = budget
        self.stats = crawler.stats
        self.used: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteBudgetMiddleware:
        budget = crawler.settings.getint("ARCHIVE_MAX_PAGES_PER_SITE")
        if budget <= 0:
            raise NotConfigured("ARCHIVE_MAX_PAGES_PER_SITE is 0 (no limit)")
        return cls(crawler, budget)

    def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).netloc
        self.used[host] += 1
        if self.used[host] > self.budget:
            if self.used[host] == self.budget + 1:
                logger.warning("%s: %d requests, the per-site limit; no more", host, self.budget)
            self.stats.inc_value("archive/limits/pages_per_site")
            raise IgnoreRequest(f"ARCHIVE_MAX_PAGES_PER_SITE ({self.budget}) reached for {host}")
