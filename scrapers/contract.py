"""What the spiders and the archive's crawl components agree on, and nothing more.

Spiders discover and fetch; the archive's components (capture, recrawl policy,
failure recording) sit around them in the crawl.  They meet in two places,
both defined here, the way Scrapy's engine and extensions meet in
``scrapy/signals.py``:

- **request.meta keys** that one side sets and the other reads;
- **per-crawl services** a spider asks the crawler for: the failure log, the
  recrawl planner and the page renderer (the browser stage).  The archive
  registers them (:func:`provide`) when its components are built; a spider
  finds them with :func:`failure_log`, :func:`recrawl_planner` and
  :func:`page_renderer`, typed by the protocols below.

Spiders import nothing else of the archive, and the archive imports nothing
of the spiders: this module and :mod:`scrapers.items` are the whole interface.
What the archive reads of a spider is the :class:`ArchivedSpider` protocol.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

# -- request.meta keys ----------------------------------------------------------------
META_CAPTURE = "archive_capture"  # set by the capture: id of the response's WARC record
META_FETCHED_AT = "archive_fetched_at"  # set by the capture: ISO 8601 fetch time
META_STAGE = "archive_failure_stage"  # set by a spider: the stage failures are recorded under
META_GUESS = "archive_guess"  # set by a spider: a guessed URL, its 404 is no failure
META_LASTMOD = "recrawl_lastmod"  # set by a spider: the sitemap/feed date of the URL
META_THREAD = "thread"  # set by a spider: the comment thread a request belongs to


def header_value(response: Response, name: bytes) -> str | None:
    """A response header as text (latin-1, as HTTP headers are), or None."""
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


# -- per-crawl services -----------------------------------------------------------------
class FailureRecorder(Protocol):
    """Records a fetch or parse that failed for good (a ``failures`` row)."""

    def record(
        self,
        request: Request,
        stage: str,
        error: str,
        message: str,
        *,
        status: int | None = None,
        url: str | None = None,
    ) -> None: ...

    def record_errback(self, failure: Failure) -> None: ...


class RecrawlPlanner(Protocol):
    """Decides whether a known article is fetched again this run."""

    def wanted(self, url: str, lastmod: str | None = None) -> bool:
        """Whether to request a sitemap or feed entry (``lastmod``: its date there)."""
        ...

    def note_lastmod(self, url: str, lastmod: str) -> None:
        """A date discovery saw for ``url`` (the newest one counts)."""
        ...


class RenderedFrame(Protocol):
    """One frame of a rendered page: its DOM serialized (open shadow roots inlined)."""

    url: str
    html: str
    main: bool  # the page itself, else a frame in it


class Rendering(Protocol):
    """What the browser saw of a page."""

    frames: list[RenderedFrame]
    answers: list[tuple[str, bytes]]  # (url, body) of the responses that may hold data
    exhausted: bool  # nothing left to click, no budget hit, no error


class PageRenderer(Protocol):
    """Renders the article pages whose thread a script loads (docs/browser.md)."""

    def wants(self, article: Any) -> bool:
        """Whether this parsed article page is to be rendered (and can be)."""
        ...

    async def render(self, response: Response, capture_id: str | None) -> Rendering:
        """Render the fetched page (its own bytes); archive the browser's exchanges."""
        ...


class ArchivedSpider(Protocol):
    """What the archive's components read of a spider (all optional)."""

    name: str
    allowed_domains: list[str]
    profile: dict[str, Any]  # the site profile: its ``recrawl`` policy, selectors
    full: str  # "1": refetch every known article
    crawl_args: dict[str, Any]  # the spider arguments, kept in the ``crawls`` row

    def wants(self, url: str) -> bool: ...

    def recrawl_request(self, url: str, dont_filter: bool = False) -> Request: ...

    def unfinished_items(self) -> list[Any]:
        """Finished records the spider still holds (waiting for a batched
        request) when the crawl closes: the pipeline stores them."""
        ...


FAILURES = "failures"
RECRAWL = "recrawl"
RENDERER = "renderer"
_ATTR = "_newsarchive_services"


def provide(crawler: Crawler, name: str, service: object) -> None:
    """Register one of this crawl's services (archive side)."""
    services = getattr(crawler, _ATTR, None)
    if services is None:
        services = {}
        setattr(crawler, _ATTR, services)
    services[name] = service


def _service(crawler: Crawler, name: str) -> Any:
    return (getattr(crawler, _ATTR, None) or {}).get(name)


def failure_log(crawler: Crawler) -> FailureRecorder:
    """The crawl's failure log; without one (the archive's components switched
    off), failures are still logged and counted, never dropped silently."""
    return _service(crawler, FAILURES) or _LoggedFailures(crawler)


def recrawl_planner(crawler: Crawler) -> RecrawlPlanner | None:
    """The recrawl policy, when enabled; None: fetch everything discovered."""
    return _service(crawler, RECRAWL)


def page_renderer(crawler: Crawler) -> PageRenderer | None:
    """The browser stage, when enabled (``ARCHIVE_BROWSER``); None: HTML only."""
    return _service(crawler, RENDERER)


class _LoggedFailures:
    """Failures of a crawl that has no failure log: an error line and a stat each."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    def record(self, request: Request, stage: str, error: str, message: str, **_: Any) -> None:
        if self.stats is not None:
            self.stats.inc_value("archive/failures/unrecorded")
        logger.error("Failed (%s, %s), not recorded: %s %s", stage, error, request.url, message)

    def record_errback(self, failure: Failure) -> None:
        request, exc = getattr(failure, "request", None), failure.value
        if request is not None and (
            isinstance(exc, HttpError) or not isinstance(exc, IgnoreRequest)
        ):
            self.record(request, "errback", type(exc).__name__, str(exc))


__all__ = [
    "FAILURES",
    "RECRAWL",
    "RENDERER",
    "ArchivedSpider",
    "FailureRecorder",
    "META_CAPTURE",
    "META_FETCHED_AT",
    "META_GUESS",
    "META_LASTMOD",
    "META_STAGE",
    "META_THREAD",
    "PageRenderer",
    "RecrawlPlanner",
    "RenderedFrame",
    "Rendering",
    "failure_log",
    "header_value",
    "page_renderer",
    "provide",
    "recrawl_planner",
]
