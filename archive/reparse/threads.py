"""Comment threads of a re-parse: which pages are articles, which are their comment pages.

The parent process receives parsed pages in capture order and decides as the
spider did: an article page's other comment pages are awaited, each further
page's new links appended, and the thread is merged with
:func:`merge_threads` and stored once its last page arrived.  With the
``captures`` table at hand (:class:`CrawlFollowups`), a comment page the crawl
failed to fetch is skipped as the spider skipped it, and the REST API pages
the crawl received are reconciled with the HTML thread as the spider did
(:func:`reconcile`), and the API's statement of the post's metadata is
applied as the spider's witness applied it.  Only pending threads are held in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urldefrag

from archive.reparse.api import CrawlFollowups
from archive.store.writer import ArchiveStore
from scrapers.items import Article
from scrapers.parsers.comments import Thread, merge_threads, other_pages, thread_of
from scrapers.parsers.comments.rendered import take_rendered, thread_complete, thread_from_render
from scrapers.parsers.comments.rest import reconcile
from scrapers.parsers.wpapi import witness
from scrapers.profiles import PROFILES

if TYPE_CHECKING:
    from archive.reparse.run import Task

# URLs the spider never parses as articles (its DENY list; comment pages above all).
_NOT_ARTICLE = re.compile(
    r"/wp-(?:admin|login|json|includes)|/xmlrpc\.php|/feed/?$|/comments/feed"
    r"|[?&](?:replytocom|share|like_comment|print|unapproved|moderation-hash|cpage)="
    r"|/comment-page-\d+|/trackback/?$"
)


@dataclass(slots=True)
class Parsed:
    """A worker's answer: the parsed page, or why there is none."""

    task: Task
    article: Article | None = None
    error: str | None = None
    api_root: str | None = None  # the REST API root the page advertises


@dataclass(slots=True)
class ReparseStats:
    """What a re-parse did; printed by the CLI as its summary."""

    pages: int = 0
    articles: int = 0
    comments: int = 0
    comment_pages: int = 0
    incomplete_threads: int = 0
    api_threads: int = 0  # threads reconciled with archived REST API answers
    witnessed: int = 0  # articles whose metadata the archived REST API answers witnessed
    rendered_threads: int = 0  # threads taken from the browser's archived render
    failed_comment_pages: int = 0  # comment pages the crawl did not get
    not_articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class _ThreadState:
    first: Parsed
    threads: list[Thread]
    captures: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    html_complete: bool = True  # every comment page was captured as a page


class ThreadAssembler:
    """Turns parsed pages, in capture order, into stored articles with whole threads."""

    def __init__(
        self, store: ArchiveStore, stats: ReparseStats, followups: CrawlFollowups | None = None
    ) -> None:
        self.store = store
        self.stats = stats
        self.followups = followups
        self.awaiting: dict[str, _ThreadState] = {}

    def add(self, parsed: Parsed) -> None:
        self.stats.pages += 1
        if parsed.article is None:
            self.stats.errors += 1
            if len(self.stats.error_samples) < 10:
                self.stats.error_samples.append(parsed.error or "")
            return
        url = urldefrag(parsed.task.url)[0]
        state = self.awaiting.pop(url, None)
        if state is not None:
            self._add_comment_page(state, parsed)
        elif parsed.article.is_article and not _NOT_ARTICLE.search(url):
            self._start(parsed)
        else:
            self.stats.not_articles += 1

    def _start(self, parsed: Parsed) -> None:
        article = parsed.article
        pending = other_pages(article, parsed.task.url)
        state = _ThreadState(parsed, [thread_of(article)], pending=pending)
        state.known = {urldefrag(parsed.task.url)[0], *pending}
        self._next(state)

    def _add_comment_page(self, state: _ThreadState, parsed: Parsed) -> None:
        self.stats.comment_pages += 1
        state.threads.append(thread_of(parsed.article))
        state.captures.append(parsed.task.capture_id)
        for url in other_pages(parsed.article, parsed.task.url):
            if url not in state.known:
                state.known.add(url)
                state.pending.append(url)
        self._next(state)

    def _next(self, state: _ThreadState) -> None:
        task = state.first.task
        while state.pending:
            url = state.pending.pop(0)
            if self.followups is None or self.followups.page_arrives(
                url, task.rowid, task.crawl_id
            ):
                self.awaiting[url] = state
                return
            state.html_complete = False  # the spider's errback: on to the next page
            self.stats.failed_comment_pages += 1
        self._finish(state, complete=state.html_complete)

    def _finish(self, state: _ThreadState, *, complete: bool) -> None:
        article, task = state.first.article, state.first.task
        if len(state.threads) > 1:
            article.comments = merge_threads(state.threads)
        if not (article.title or article.body):
            self.stats.not_articles += 1
            return
        render = self._render(state)
        complete = self._reconcile(state) or complete
        self._witness(state)
        complete = thread_complete(article, fetched=complete, render=render)
        self.store.add_article(
            article,
            fetched_at=task.fetched_at,
            capture_id=task.capture_id,
            crawl_id=task.crawl_id,
            complete=complete,
            comment_captures=state.captures,
        )
        self.stats.articles += 1
        self.stats.comments += len(article.comments)

    def _render(self, state: _ThreadState) -> str | None:
        """The thread the browser showed, when the crawl rendered this page,
        taken as the spider took it; its verdict for :func:`thread_complete`."""
        article, task = state.first.article, state.first.task
        if self.followups is None:
            return None
        found = self.followups.rendering(task.capture_id)
        if found is None:
            return None
        self.stats.rendered_threads += 1
        thread = thread_from_render(
            task.url, found.frames, found.answers, fetched_at=task.fetched_at,
            selectors=PROFILES.get(task.spider or "", {}).get("selectors"),
        )  # fmt: skip
        take_rendered(article, thread)
        return "exhausted" if found.exhausted else "stopped"

    def _reconcile(self, state: _ThreadState) -> bool:
        """Reconcile with the API answers the crawl archived, as the spider's
        ``finish_thread`` does; True when the API delivered its whole total."""
        article, task = state.first.article, state.first.task
        root = state.first.api_root
        if self.followups is None or root is None or not article.post_id:
            return False
        api = self.followups.api_thread(root, article.post_id, task.rowid, task.crawl_id)
        if api is None:
            return False
        self.stats.api_threads += 1
        article.comments = reconcile(article.comments, api.comments)
        if article.comments and article.comments_system is None:
            article.comments_system = "wordpress"
        return api.total == len(api.comments)

    def _witness(self, state: _ThreadState) -> None:
        """The REST API's statement of the post's metadata, as the crawl
        received it, applied as the spider's witness applied it."""
        article, task = state.first.article, state.first.task
        root = state.first.api_root
        if self.followups is None or root is None or not article.post_id:
            return
        meta = self.followups.post_statement(root, article.post_id, task.rowid, task.crawl_id)
        if meta is not None:
            self.stats.witnessed += 1
            witness(article, meta)

    def close(self) -> None:
        """Threads whose next comment page was never captured are stored incomplete."""
        for state in {id(s): s for s in self.awaiting.values()}.values():
            self.stats.incomplete_threads += 1
            self._finish(state, complete=False)
        self.awaiting.clear()
