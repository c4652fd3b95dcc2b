"""Fetching whole comment threads: every comment page, then the REST API.

An article page starts a thread.  Its other comment pages (``/comment-page-N/``
or ``?cpage=N``, newest or oldest page first) are fetched one after another,
each page's links adding the pages not known yet.  Then, when the page
advertises the WordPress REST API (``<link rel="https://api.w.org/">``) and
its post id is known, every page of ``/wp/v2/comments?post=ID`` is fetched
and reconciled with the HTML (:func:`reconcile`); an API that is switched
off, refuses (401/403/404) or is disallowed by robots.txt leaves the HTML
thread as it is.  Every request goes through the WARC capture middleware, so
API responses are archived like pages (``captures`` rows); ``comment_captures``
lists the HTML comment pages, and ``newsarchive reparse`` finds the API pages
the same crawl captured after the article (:mod:`archive.reparse.api`), so it
rebuilds API-completed threads too.

A comment page that cannot be fetched is a ``failures`` row of stage
``comments`` (and the thread is stored as incomplete).  An API that fails
(5xx, a timeout) is a row of stage ``comments_api``, once per site: the API
is then not asked again in this crawl.  An API that *refuses* (401, 403,
404, 410: switched off, or closed for one post) is the site's decision, not
a failure: counted (``comments/api_refused``), no row.  (Download errors
are recorded by ``FailureDownloaderMiddleware`` before the errback runs; the
request's ``META_STAGE`` gives them the thread's stage.)
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from scrapers.contract import (
    META_CAPTURE,
    META_FETCHED_AT,
    META_STAGE,
    META_THREAD,
    failure_log,
    header_value,
    page_renderer,
)
from scrapers.items import ArchivedPage, Article, Comment, utcnow
from scrapers.parsers.comments import Thread, merge_threads, other_pages, thread_of
from scrapers.parsers.comments.rendered import (
    Snapshot,
    take_rendered,
    thread_complete,
    thread_from_render,
)
from scrapers.parsers.comments.rest import (
    api_root,
    api_total,
    comments_url,
    parse_api_comments,
    reconcile,
    refusal_is_site_wide,
)
from scrapers.spiders.witness import WitnessMixin

_REFUSALS = (401, 403, 404, 410)  # the API answered "no": a decision, not a failure
_MAX_API_PAGES = 200  # 20,000 comments: beyond that a site is lying about its totals


@dataclass(slots=True, eq=False)
class ThreadState:
    """One article's thread while its pages are being fetched."""

    article: Article
    threads: list[Thread]
    fetched_at: str
    capture_id: str | None
    pending: list[str]
    known: set[str]
    captures: list[str] = field(default_factory=list)
    html_complete: bool = True  # every HTML comment page was fetched
    api: str | None = None  # the REST API root, while the API is to be asked
    api_page: int = 0  # API pages fetched so far
    api_comments: list[Comment] = field(default_factory=list)
    api_total: int | None = None  # X-WP-Total once the last page is in
    merged: bool = False  # the HTML pages' comments are merged into article.comments
    witness: str | None = None  # the REST API root that witnesses the article's metadata
    last_url: str | None = None  # the thread's latest request
    # the thread's name in the open-thread registry: kept by a copy of the state
    # (a JOBDIR disk queue pickles requests with their meta)
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    page: Response | None = None  # the article page, kept while a browser is to render it
    render: str | None = None  # None, "exhausted" or "stopped" (thread_complete)


def _wants_api(article: Article) -> bool:
    """Only WordPress threads (or pages that show one is possible) with a post id."""
    has_thread = bool(article.comments) or article.comments_open is not None
    return bool(article.post_id) and article.comments_system in (None, "wordpress") and has_thread


def html_thread_is_exact(article: Article, html_complete: bool) -> bool:
    """True when the HTML thread leaves nothing for the API to add: every page
    was fetched, the count agrees with the page's own, and every comment has
    the site's own id.  ``ARCHIVE_COMMENTS_API=auto`` asks the API only
    otherwise, which spares one request per article; dates the page states
    without a timezone stay as stated (``always`` fills them from the API)."""
    if not html_complete:
        return False
    declared = article.comments_declared
    if declared is not None and declared != len(article.comments):
        return False
    return all(c.kind != "comment" or c.id.isdigit() for c in article.comments)


class ThreadMixin(WitnessMixin):
    """The thread steps of :class:`scrapers.spiders.base.SiteSpider`."""

    crawler: Any

    def thread_pages(self, page: Article, url: str) -> list[str]:
        """The thread's other pages ``page`` links to, less those never fetched
        (the spider's ``never_re``: reply and share links, ``-a deny``)."""
        never = getattr(self, "never_re", None)
        return [u for u in other_pages(page, url) if never is None or not never.search(u)]

    async def start_thread(self, response: Response, article: Article) -> AsyncIterator[Any]:
        pending = self.thread_pages(article, response.url)
        state = ThreadState(
            article=article,
            threads=[thread_of(article)],
            fetched_at=response.meta.get(META_FETCHED_AT) or utcnow(),
            capture_id=response.meta.get(META_CAPTURE),
            pending=pending,
            known={urldefrag(response.url)[0], *pending},
        )
        root = None
        if article.post_id:
            root = api_root(response.body, response.url, header_value(response, b"Link"))
            state.witness = root
        if root and _wants_api(article) and self._api_mode() != "never":
            state.api = None if root in self._refused_apis() else root
        if self.watches_threads():
            self._open_threads()[state.token] = state
        self.crawler.stats.inc_value("archive/articles/started")
        renderer = page_renderer(self.crawler)
        if renderer is not None and renderer.wants(article):
            state.page = response
        async for output in self.next_comment_page(state):
            yield output

    def watches_threads(self) -> bool:
        """Whether this crawl keeps the open threads to finish the orphaned
        ones: not a fleet worker, whose thread steps other workers may take
        (their requests live in Redis, and leases bring back a dead worker's)."""
        return not self.crawler.settings.get("ARCHIVE_REDIS_URL")

    def unfinished_items(self) -> list[ArchivedPage]:
        """As the witness's (articles waiting for it); and the threads still
        open as the crawl closes are counted (``archive/articles/unfinished``):
        their requests die with the process, or wait in a JOBDIR for the next run."""
        if open_threads := len(self._open_threads()):
            self.crawler.stats.set_value("archive/articles/unfinished", open_threads)
        return super().unfinished_items()

    def _open_threads(self) -> dict[str, ThreadState]:
        """Threads started and not finished: at the end of a crawl, those whose
        next request was dropped on the way (see :meth:`orphaned_threads`)."""
        if not hasattr(self, "_threads"):
            self._threads: dict[str, ThreadState] = {}
        return self._threads

    def orphaned_threads(self) -> Iterable[Any]:
        """Finish every thread still open when the crawl is idle.

        A thread is open while one of its requests is on its way; when the
        crawl has nothing left to do, that request was dropped without reaching
        its callback or errback (a spider middleware's limit, a filter).  The
        article is archived with an incomplete thread and a ``failures`` row
        says which request was lost, never nothing.
        """
        threads = self._open_threads()
        for state in list(threads.values()):
            self.crawler.stats.inc_value("comments/thread_dropped")
            url = state.last_url or state.article.url
            failure_log(self.crawler).record(
                scrapy.Request(url, meta={META_STAGE: "comments"}),
                "comments",
                "RequestDropped",
                "the thread's request never reached the spider (dropped by a limit or "
                "filter); the article is stored with an incomplete thread",
            )
            state.html_complete = False
            state.pending.clear()
            state.api = None
            yield from self.witnessed(self.finish_thread(state), state.witness)

    def _api_mode(self) -> str:
        mode = self.crawler.settings.get("ARCHIVE_COMMENTS_API", "auto")
        if mode not in ("auto", "always", "never"):
            raise ValueError(f"ARCHIVE_COMMENTS_API must be auto, always or never; not {mode!r}")
        return mode

    def _refused_apis(self) -> set[str]:
        """API roots that refused this crawl once: not asked again per article."""
        if not hasattr(self, "_refused"):
            self._refused: set[str] = set()
        return self._refused

    def _merge_html(self, state: ThreadState) -> None:
        if not state.merged:
            if len(state.threads) > 1:
                state.article.comments = merge_threads(state.threads)
            state.merged = True
            exact = html_thread_is_exact(state.article, state.html_complete)
            if state.api and self._api_mode() == "auto" and exact:
                state.api = None
                self.crawler.stats.inc_value("comments/api_not_needed")

    async def next_comment_page(self, state: ThreadState) -> AsyncIterator[Any]:
        """The next HTML comment page, else the next API page, else the
        browser (when it is to render the page), else the item."""
        if state.pending:
            url = state.pending.pop(0)
            yield self._thread_request(
                url, state, self.parse_comment_page, self.comment_page_failed, "comments"
            )
            return
        self._merge_html(state)
        if state.api and state.api_total is None and state.article.post_id:
            url = comments_url(state.api, state.article.post_id, state.api_page + 1)
            yield self._thread_request(
                url, state, self.parse_api_page, self.api_page_failed, "comments_api"
            )
            return
        if state.page is not None:
            await self._render(state)
        for output in self.witnessed(self.finish_thread(state), state.witness):
            yield output

    async def _render(self, state: ThreadState) -> None:
        """The browser shows the whole thread; it replaces the HTML's when it
        holds at least as many comments (docs/browser.md)."""
        response, state.page = state.page, None
        result = await page_renderer(self.crawler).render(response, state.capture_id)
        thread = thread_from_render(
            response.url,
            [Snapshot(f.url, f.html, f.main) for f in result.frames],
            result.answers,
            fetched_at=state.fetched_at,
            selectors=getattr(self, "selectors", None),
        )
        take_rendered(state.article, thread)
        state.render = "exhausted" if result.exhausted else "stopped"

    def _thread_request(
        self, url: str, state: ThreadState, callback: Any, errback: Any, stage: str
    ) -> scrapy.Request:
        state.last_url = url
        return scrapy.Request(
            url,
            callback,
            errback=errback,
            # one article's pages, not links followed: DEPTH_LIMIT does not apply
            meta={META_THREAD: state, META_STAGE: stage, "depth_reset": True},
            dont_filter=True,
            priority=5,
        )

    async def parse_comment_page(self, response: Response) -> AsyncIterator[Any]:
        state: ThreadState = response.meta[META_THREAD]
        page = await self.parse_response(response)  # type: ignore[attr-defined]
        state.threads.append(thread_of(page))
        state.captures.append(response.meta.get(META_CAPTURE))
        for url in self.thread_pages(page, response.url):
            if url not in state.known:
                state.known.add(url)
                state.pending.append(url)
        async for output in self.next_comment_page(state):
            yield output

    async def comment_page_failed(self, failure: Any) -> AsyncIterator[Any]:
        state: ThreadState = failure.request.meta[META_THREAD]
        state.html_complete = False
        self.crawler.stats.inc_value("comments/page_failed")
        log = failure_log(self.crawler)
        if isinstance(failure.value, IgnoreRequest) and not isinstance(failure.value, HttpError):
            # a limit (the per-site budget, robots.txt) cut the thread: a loss all the same
            log.record(failure.request, "comments", "IgnoreRequest", str(failure.value))
        else:
            log.record_errback(failure)
        async for output in self.next_comment_page(state):
            yield output

    async def parse_api_page(self, response: Response) -> AsyncIterator[Any]:
        state: ThreadState = response.meta[META_THREAD]
        total = api_total(header_value(response, b"X-WP-Total"))
        pages = api_total(header_value(response, b"X-WP-TotalPages"))
        if total is None or pages is None:  # not the WordPress API after all
            self._api_off(state, "comments/api_not_wordpress")
        else:
            state.api_page += 1
            state.api_comments += parse_api_comments(response.body)
            self.crawler.stats.inc_value("comments/api_pages")
            if state.api_page >= min(pages, _MAX_API_PAGES):
                state.api_total = total
        async for output in self.next_comment_page(state):
            yield output

    async def api_page_failed(self, failure: Any) -> AsyncIterator[Any]:
        """Refused (401/403/404 ``rest_disabled``), disallowed or unreachable:
        the thread is what the HTML pages hold."""
        state: ThreadState = failure.request.meta[META_THREAD]
        response = getattr(failure.value, "response", None)
        refused = response is not None and response.status in _REFUSALS
        if not refused:  # a server error or no answer: a failure, and no more asking
            failure_log(self.crawler).record_errback(failure)
        site_wide = not refused or refusal_is_site_wide(response.status, response.body)
        stat = "comments/api_refused" if refused else "comments/api_failed"
        self._api_off(state, stat, site_wide=site_wide)
        async for output in self.next_comment_page(state):
            yield output

    def _api_off(self, state: ThreadState, stat: str, *, site_wide: bool = True) -> None:
        if state.api and site_wide:
            self._refused_apis().add(state.api)
        state.api, state.api_comments = None, []
        self.crawler.stats.inc_value(stat)

    def finish_thread(self, state: ThreadState) -> ArchivedPage:
        if self._open_threads().pop(state.token, None) is None and self.watches_threads():
            # started by an earlier run of this job (JOBDIR), finished by this one
            self.crawler.stats.inc_value("archive/articles/started")
        article = state.article
        self._merge_html(state)
        api_ok = state.api_total is not None and state.api_total == len(state.api_comments)
        if state.api_total is not None:
            before = len(article.comments)
            article.comments = reconcile(article.comments, state.api_comments)
            self.crawler.stats.inc_value("comments/api_added", len(article.comments) - before)
            if article.comments and article.comments_system is None:
                article.comments_system = "wordpress"
        fetched = state.html_complete or api_ok
        complete = thread_complete(article, fetched=fetched, render=state.render)
        return ArchivedPage(
            article=article,
            fetched_at=state.fetched_at,
            capture_id=state.capture_id,
            comment_captures=state.captures,
            comments_complete=complete,
        )
