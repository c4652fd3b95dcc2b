"""The ``failures`` table: every fetch that failed for good, and why.

A crawl left running from cron must say what it could not archive.  Each
failure is one row (url, stage, error class, message, HTTP status, attempts,
the WARC record of the bytes that came, if any) written at once (failures are
rare, and a killed crawl must not lose them), and two Scrapy stats:
``archive/failures`` and ``archive/failures/<stage>`` (the crawl row's
"failed" count is read from the first).

Stages, in the order a fetch meets them:

- ``robots``: robots.txt could not be fetched (5xx, network error).
- ``download``: no usable response (timeout, connection reset, data loss,
  larger than ``DOWNLOAD_MAXSIZE``).
- ``redirect``: a redirect loop or too many redirects.
- ``decode``: a body that cannot be decoded (truncated gzip, a gzip bomb).
- ``content``: a body that is not what it claims (binary data as text/html).
- ``http``: an error status (4xx, 5xx) after retries.
- ``parse``: a spider callback raised.
- ``store``: a parsed article that could not be stored (no title and no
  text, or the store refused it).

A request may name its own stage instead (``request.meta[META_STAGE]``):
the requests of a comment thread use ``comments`` (an HTML comment page) and
``comments_api`` (the WordPress REST API), and the REST API witness of
article metadata ``posts_api``, whatever went wrong; the ``error``
column still says what (``HttpError``, ``DownloadTimeoutError``, ...).
A thread request that a limit stopped (the per-site budget, robots.txt) is
a ``comments`` row too (``IgnoreRequest``), and one dropped on the way
without reaching the spider again (``RequestDropped``), found when the crawl
is idle: the article is then stored with an incomplete thread.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from archive.crawl.runtime import ArchiveRuntime
from scrapers.contract import FAILURES, META_CAPTURE, META_STAGE, provide
from scrapers.items import utcnow

logger = logging.getLogger(__name__)

STAGES = (
    "robots",
    "download",
    "redirect",
    "decode",
    "content",
    "http",
    "parse",
    "comments",
    "comments_api",
    "posts_api",
    "store",
)
META_RECORDED = "archive_failure_recorded"  # request.meta key: already a failures row
_ATTR = "_newsarchive_failures"
_MESSAGE_MAX = 500


class FailureLog:
    """One per crawl (``FailureLog.get(crawler)``), shared by the middlewares."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.runtime = ArchiveRuntime.get(crawler)
        self.enabled = bool(crawler.settings.get("ARCHIVE_SQLITE_PATH"))

    @classmethod
    def get(cls, crawler: Crawler) -> FailureLog:
        log = getattr(crawler, _ATTR, None)
        if log is None:
            log = cls(crawler)
            setattr(crawler, _ATTR, log)
            provide(crawler, FAILURES, log)  # the spiders' failure log (scrapers.contract)
        return log

    def record(
        self,
        request: Request,
        stage: str,
        error: str,
        message: str,
        *,
        status: int | None = None,
        url: str | None = None,
    ) -> None:
        """Count a failure and write its row; never raises (a failure to
        record a failure must not stop the crawl).  ``url`` overrides the
        request's: a redirect chain is recorded under the URL it started from."""
        url = url or request.url
        if request.meta.get(META_RECORDED):
            return
        request.meta[META_RECORDED] = True
        stage = request.meta.get(META_STAGE) or stage
        self.stats.inc_value("archive/failures")
        self.stats.inc_value(f"archive/failures/{stage}")
        attempts = attempts_of(request)
        logger.warning(
            "Failed (%s, %s, %d attempt%s): %s %s",
            stage,
            error,
            attempts,
            "" if attempts == 1 else "s",
            url,
            message[:200],
        )
        if not self.enabled:
            return
        row = {
            "crawl_id": self.runtime.crawl_id,
            "url": url,
            "stage": stage,
            "error": error,
            "message": message[:_MESSAGE_MAX],
            "status": status,
            "attempts": attempts,
            "capture_id": request.meta.get(META_CAPTURE),
            "failed_at": utcnow(),
        }
        try:
            store = self.runtime.store  # opens the store, so crawl_id is set
            row["crawl_id"] = self.runtime.crawl_id
            store.add_failure(row)
        except Exception:
            logger.exception("Could not record the failure of %s", request.url)
            self.stats.inc_value("archive/failures/unrecorded")

    def record_errback(self, failure: Failure) -> None:
        """The failure an errback received, as a row.

        A request with an errback never reaches ``FailureSpiderMiddleware``:
        its HTTP errors go straight to the errback.  Download errors were
        recorded by ``FailureDownloaderMiddleware`` already (this is then a
        no-op), and any other ``IgnoreRequest`` is a decision (robots.txt,
        the allowed hosts, a limit), not a failure.
        """
        request, exc = getattr(failure, "request", None), failure.value
        if request is None:
            return
        if isinstance(exc, HttpError):  # (an IgnoreRequest subclass)
            status = exc.response.status
            self.record(request, "http", "HttpError", http_message(exc.response), status=status)
        elif not isinstance(exc, IgnoreRequest):
            self.record(request, "download", error_name(exc), describe(exc))


def http_message(response: Response) -> str:
    """``HTTP 503 Service Unavailable``: the ``message`` of an HTTP error."""
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    return f"HTTP {response.status} {reason}".strip()


def attempts_of(request: Request) -> int:
    """How many times this request was sent (RetryMiddleware counts retries)."""
    return int(request.meta.get("retry_times", 0)) + 1


def error_name(exc: BaseException | type[BaseException]) -> str:
    """The exception's class name, the ``error`` column."""
    cls = exc if isinstance(exc, type) else type(exc)
    return cls.__name__


def describe(exc: BaseException) -> str:
    """A one-line message for an exception (Twisted wraps the real reasons)."""
    reasons: Any = getattr(exc, "reasons", None)
    if reasons:
        inner = "; ".join(str(getattr(r, "value", r)) for r in reasons)
        return f"{exc.__class__.__name__}: {inner}"
    return str(exc) or exc.__class__.__name__
