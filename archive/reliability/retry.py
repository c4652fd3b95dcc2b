"""Retries that wait: Retry-After first, else exponential backoff.

Scrapy's RetryMiddleware re-queues a failed request at once, so a server that
asks for a pause (``429``/``503`` with ``Retry-After``) is hit again within
milliseconds and the retries are spent before it recovers.  This subclass
waits before handing the retry back (an ``await``, so the crawl goes on
meanwhile), raises the host's download delay on ``429`` so that every other
request to it slows down too (AutoThrottle lowers it again as 200s come
back), and retries responses cut short (``dataloss``: the bytes are in the
WARC, the page is not parsed).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from archive.crawl.failures import FailureLog

logger = logging.getLogger(__name__)

DATALOSS = "dataloss"  # Response.flags entry when the body was cut short


def retry_after(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (seconds or an HTTP date).

    >>> retry_after(b"2"), retry_after("soon"), retry_after(None)
    (2.0, None, None)
    >>> retry_after("Sun, 29 Nov 2026 06:00:10 GMT", datetime(2026, 11, 29, 6, 0, tzinfo=UTC))
    10.0
    """
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff(retry_number: int, base: float, cap: float) -> float:
    """Exponential backoff: base, 2*base, 4*base ... never above cap.

    >>> [backoff(n, 0.5, 3.0) for n in (1, 2, 3, 4)]
    [0.5, 1.0, 2.0, 3.0]
    """
    return min(cap, base * 2 ** max(0, retry_number - 1))


class BackoffRetryMiddleware(RetryMiddleware):
    """Replaces ``scrapy.downloadermiddlewares.retry.RetryMiddleware`` (550)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        mw = super().from_crawler(crawler)
        mw.base_delay = crawler.settings.getfloat("ARCHIVE_RETRY_BACKOFF")
        mw.max_delay = crawler.settings.getfloat("ARCHIVE_RETRY_MAX_DELAY")
        mw.failures = FailureLog.get(crawler)
        return mw

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False):
            return response
        if DATALOSS in response.flags:
            return await self._retry_later(request, "dataloss", None, response)
        if response.status not in self.retry_http_codes:
            return response
        wait = retry_after(response.headers.get(b"Retry-After"))
        if response.status == 429:
            self._slow_down(request, wait)
        return await self._retry_later(request, f"{response.status}", wait, response)

    async def process_exception(
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await self._wait(retry, None)
        return retry

    async def _retry_later(
        self, request: Request, reason: str, wait: float | None, response: Response
    ) -> Request | Response:
        retry = self._retry(request, reason)
        if retry is not None:
            await self._wait(retry, wait)
            return retry
        if DATALOSS in response.flags:  # out of retries: record, never parse a cut page
            self.failures.record(
                request, "download", "ResponseDataLoss", _dataloss_message(response)
            )
            raise IgnoreRequest(f"body cut short: {request.url}")
        return response

    async def _wait(self, retry: Request, wait: float | None) -> None:
        delay = backoff(retry.meta["retry_times"], self.base_delay, self.max_delay)
        if wait is not None:
            delay = min(max(wait, delay), self.max_delay)
            self.crawler.stats.inc_value("archive/retry/retry_after")
        retry.meta["archive_retry_delay"] = delay
        if delay > 0:
            await asyncio.sleep(delay)

    def _slow_down(self, request: Request, wait: float | None) -> None:
        """Politeness after a 429: every request to this host now waits."""
        self.crawler.stats.inc_value("archive/retry/rate_limited")
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        if downloader is None:
            return
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is None:
            return
        wanted = min(self.max_delay, max(wait or 0.0, 2 * slot.delay, self.base_delay))
        if wanted > slot.delay:
            logger.info("Rate limited by %s: download delay now %.1f s", request.url, wanted)
            slot.delay = wanted


def _dataloss_message(response: Response) -> str:
    declared = response.headers.get(b"Content-Length")
    got = len(response.body)
    if declared:
        return f"received {got} of {declared.decode('latin-1')} declared bytes"
    return f"connection lost after {got} bytes"
