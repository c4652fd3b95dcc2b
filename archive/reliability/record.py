"""Record every failure in the ``failures`` table, where Scrapy would only log it.

- :class:`FailureDownloaderMiddleware` sits just after RetryMiddleware (540 <
  550), so its ``process_exception`` sees only what retries could not fix:
  timeouts, resets, oversized bodies.  It records the failure and turns the
  exception into ``IgnoreRequest``, which Scrapy does not log as an error
  (the failure is in the table and in the log as one warning).
- :class:`FailureSpiderMiddleware` sits just before HttpErrorMiddleware (60 >
  50): error statuses (``HttpError``) and exceptions raised by spider
  callbacks (``parse``) end there.
- A redirect back to a URL of its own chain is dropped by the duplicate
  filter, silently; the ``request_dropped`` signal records it as a loop.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from archive.crawl.failures import FailureLog, describe, error_name, http_message
from scrapers.contract import META_GUESS

logger = logging.getLogger(__name__)


def stage_of(request: Request) -> str:
    """``robots`` for robots.txt fetches, else ``download``."""
    return "robots" if urlsplit(request.url).path == "/robots.txt" else "download"


class FailureDownloaderMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.failures = FailureLog.get(crawler)
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureDownloaderMiddleware:
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest):
            return None  # a decision (robots.txt, offsite, limits), not a failure
        self.failures.record(request, stage_of(request), error_name(exception), describe(exception))
        raise IgnoreRequest(f"failed: {request.url}") from exception

    def request_dropped(self, request: Request, spider: Spider | None = None) -> None:
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            hops = " -> ".join([*chain, request.url])
            self.failures.record(request, "redirect", "RedirectLoop", hops)


class FailureSpiderMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.failures = FailureLog.get(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureSpiderMiddleware:
        return cls(crawler)

    def process_spider_exception(
        self, response: Response, exception: Exception
    ) -> Iterable[Any] | None:
        request = response.request
        if request is None:
            return None
        if isinstance(exception, HttpError):
            status = exception.response.status
            if status in (404, 410) and request.meta.get(META_GUESS):
                return ()  # a guessed sitemap/feed path the site does not have
            message = http_message(exception.response)
            self.failures.record(request, "http", "HttpError", message, status=status)
        else:
            logger.debug("Callback failed on %s", response.url, exc_info=exception)
            self.failures.record(request, "parse", error_name(exception), describe(exception))
        return ()
