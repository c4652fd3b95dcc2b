"""The browser stage as a per-crawl service the spider awaits (docs/browser.md).

``BrowserStage`` is a Scrapy extension, built once per crawl by
``from_crawler`` (``NotConfigured`` with ``ARCHIVE_BROWSER=never``; its
settings all start with ``ARCHIVE_BROWSER``), installed by the
``BrowserAddon`` add-on, and registered as the crawl's page renderer
(:func:`scrapers.contract.page_renderer`).  The spider asks
``wants(article)`` when the article page is parsed and, for the pages that
need it, ``await render(response, capture_id)`` once the HTML thread is in.
Every other page goes on as before and never waits: the render runs on the
crawl's asyncio loop beside the downloads, in a pool of its own
(``ARCHIVE_BROWSER_CONCURRENCY``), not in a downloader slot, so its seconds
never feed AutoThrottle.

``ARCHIVE_BROWSER``: ``auto`` (the default) renders the article pages whose
HTML shows that a script loads the thread (``Article.comments_scripted``);
``always`` every article page; ``never`` none.  Without Chromium or
Playwright, ``auto`` logs one warning and the crawl goes on from the HTML
alone (``always`` logs an error, once, and does the same).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from archive.crawl.browser.capture import BrowserCapture
from archive.crawl.browser.pool import BrowserPool, find_chromium, playwright_missing
from archive.crawl.browser.session import Document, Limits, Rendered
from scrapers.contract import RENDERER, provide
from scrapers.items import utcnow

logger = logging.getLogger(__name__)

MODES = ("auto", "always", "never")


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What the spider gets back (:class:`scrapers.contract.Rendering`)."""

    rendered: Rendered
    answers: list[tuple[str, bytes]]  # the responses that may hold the thread as data

    @property
    def frames(self) -> list:
        return self.rendered.frames

    @property
    def exhausted(self) -> bool:
        return self.rendered.exhausted


class BrowserAddon:
    """Scrapy add-on (``ADDONS``): installs the stage as an extension, whatever
    a run's own ``EXTENSIONS`` say."""

    def update_settings(self, settings: Any) -> None:
        settings.set_in_component_priority_dict("EXTENSIONS", BrowserStage, 500)


class BrowserStage:
    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.mode = s.get("ARCHIVE_BROWSER", "auto")
        if self.mode not in MODES:
            raise ValueError(f"ARCHIVE_BROWSER must be auto, always or never; not {self.mode!r}")
        self.executable = s.get("ARCHIVE_BROWSER_EXECUTABLE", "/usr/bin/chromium")
        self.concurrency = s.getint("ARCHIVE_BROWSER_CONCURRENCY", 2)
        self.restart_after = s.getint("ARCHIVE_BROWSER_RESTART_PAGES", 50)
        self.images = s.getbool("ARCHIVE_BROWSER_IMAGES", False)
        self.limits = Limits(
            seconds=s.getfloat("ARCHIVE_BROWSER_PAGE_TIMEOUT", 30.0),
            clicks=s.getint("ARCHIVE_BROWSER_MAX_CLICKS", 40),
            bytes=s.getint("ARCHIVE_BROWSER_MAX_BYTES", 25_000_000),
        )
        self.user_agent = s.get("USER_AGENT")
        self.seen: dict = {}  # payload digest -> Revisit, for all the crawl's renders
        self._pool: BrowserPool | None = None
        self._missing: str | None = None  # why no browser can run, once checked
        self._checked = False
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BrowserStage:
        if crawler.settings.get("ARCHIVE_BROWSER", "auto") == "never":
            raise NotConfigured("ARCHIVE_BROWSER is never")
        stage = cls(crawler)
        provide(crawler, RENDERER, stage)
        return stage

    # -- which pages -----------------------------------------------------------------
    def wants(self, article: Any) -> bool:
        """Whether this article page is to be rendered (and a browser can)."""
        if self.mode == "never" or not article.is_article:
            return False
        if self.mode == "auto" and not article.comments_scripted:
            return False
        return self.available()

    def available(self) -> bool:
        if not self._checked:
            self._checked = True
            self._missing = self._why_not()
            if self._missing:
                level = logging.ERROR if self.mode == "always" else logging.WARNING
                logger.log(
                    level,
                    "ARCHIVE_BROWSER=%s but %s: threads that scripts load are archived from "
                    "the HTML alone (and not marked complete). Install Chromium "
                    "(apt-get install chromium) or set ARCHIVE_BROWSER=never.",
                    self.mode,
                    self._missing,
                )
                self.stats.set_value("archive/browser/unavailable", self._missing)
        return self._missing is None

    def _why_not(self) -> str | None:
        if self.crawler.settings.get("ARCHIVE_REDIS_URL"):
            return "a fleet worker does not render pages yet"
        found = find_chromium(self.executable)
        if found is None:
            return f"Chromium is not installed ({self.executable})"
        self.executable = found
        return playwright_missing()

    # -- rendering -----------------------------------------------------------------------
    def _get_pool(self) -> BrowserPool:
        if self._pool is None:
            self._pool = BrowserPool(
                self.executable,
                concurrency=self.concurrency,
                restart_after=self.restart_after,
                limits=self.limits,
                images=self.images,
                user_agent=self.user_agent,
            )
        return self._pool

    async def render(self, response: Response, capture_id: str | None) -> RenderResult:
        """Render the page the crawl fetched (its own bytes are served to the
        browser), archive what the browser exchanged, return what it saw."""
        from archive.crawl.runtime import ArchiveRuntime

        runtime = ArchiveRuntime.get(self.crawler)
        capture = BrowserCapture(runtime, capture_id, self.seen, self.stats)
        document = Document(
            url=response.url,
            status=response.status,
            headers=[
                (k.decode("latin-1"), v.decode("latin-1"))
                for k, values in response.headers.items()
                for v in values
            ],
            body=response.body,
        )
        self.stats.inc_value("archive/browser/pages")
        rendered = await self._get_pool().render(response.url, document, capture.write)
        capture.snapshot(rendered, response.url, utcnow())
        self._count(rendered)
        return RenderResult(rendered, capture.answers)

    def _count(self, r: Rendered) -> None:
        self.stats.inc_value("archive/browser/clicks", r.clicks)
        self.stats.inc_value("archive/browser/seconds", round(r.seconds, 3))
        self.stats.inc_value("archive/browser/bytes", r.bytes)
        if r.error:
            self.stats.inc_value("archive/browser/errors")
        elif r.budget:
            self.stats.inc_value(f"archive/browser/budget/{r.budget}")
        elif r.exhausted:
            self.stats.inc_value("archive/browser/exhausted")

    async def close(self, spider: Any = None) -> None:
        if self._pool is not None:
            self.stats.set_value("archive/browser/launches", self._pool.launches)
            await self._pool.close()
            self._pool = None
