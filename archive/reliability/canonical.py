"""One URL per page: tracking parameters and fragments never reach the scheduler.

``?utm_source=..``, ``fbclid``, ``gclid`` and ``#comments`` make one article
look like many.  Every request the spider yields is rewritten without them
(:func:`clean_url`), and Scrapy's duplicate filter, which fingerprints
:func:`w3lib.url.canonicalize_url` (percent-encoding case, ``é`` against
``%C3%A9``, unreserved escapes, argument order), drops the variants that
remain.  The parser's ``rel=canonical`` then gives the article its id, so a
page served under two URLs is stored once.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

# Analytics and ad-click parameters: they name the visitor's route, not the page.
TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|"
    r"mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|cmpid|ncid|sr_share|at_medium|at_campaign)$",
    re.I,
)


def clean_url(url: str) -> str:
    """The URL without its fragment and tracking parameters; host lowercased.

    >>> clean_url("HTTP://News.Example/a/?utm_source=x&id=3&fbclid=Y#comments")
    'http://news.example/a/?id=3'
    >>> clean_url("https://news.example/a/?gclid=1")
    'https://news.example/a/'
    >>> clean_url("https://news.example/a/?b=2&a=1")
    'https://news.example/a/?b=2&a=1'
    """
    parts = urlsplit(url)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if not TRACKING.match(k)]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    netloc = parts.netloc.lower() if parts.netloc != parts.netloc.lower() else parts.netloc
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, query, ""))


class CanonicalUrlMiddleware:
    """Spider middleware: rewrites the URL of every request the spider yields."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CanonicalUrlMiddleware:
        return cls(crawler)

    def _clean(self, item: Any) -> Any:
        if isinstance(item, Request):
            url = clean_url(item.url)
            if url != item.url:
                self.stats.inc_value("archive/urls/cleaned")
                return item.replace(url=url)
        return item

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in start:
            yield self._clean(item)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        for item in result:
            yield self._clean(item)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for item in result:
            yield self._clean(item)
