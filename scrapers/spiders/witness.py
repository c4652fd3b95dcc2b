"""The WordPress REST API as a second witness for finished articles, batched.

An article whose page advertises the REST API (``<link rel="https://api.w.org/">``)
and states its post id waits, once its thread is complete, for the API's
statement of its metadata (:mod:`scrapers.parsers.wpapi.posts`): up to
``ARCHIVE_POSTS_API_BATCH`` articles of one site are asked about in one request
(``/wp/v2/posts?include=...``), so the witness costs one request per 100
articles, not one per article.  A batch goes out when it is full, and the rest
when the crawl has nothing else to do (``spider_idle``).

An API that refuses (401, 403, 404, 410) is the site's decision and is not
asked again in this crawl; one that fails (5xx, no answer) is a ``failures``
row of stage ``posts_api``, and not asked again either.  Either way the
waiting articles are stored as their pages state them: the witness only ever
adds to an article, it never holds one back.

``ARCHIVE_POSTS_API``: ``auto`` (ask where the page advertises the API) or
``never``.  Stats: ``wpapi/requests``, ``wpapi/witnessed``,
``wpapi/changed/<field>``, ``wpapi/not_found`` (a post the API did not list),
``wpapi/refused``, ``wpapi/failed``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.contract import META_STAGE, failure_log
from scrapers.items import ArchivedPage
from scrapers.parsers.wpapi import BATCH, parse_posts, posts_url, witness

META_WITNESS = "witness_pages"
_REFUSALS = (401, 403, 404, 410)


class WitnessMixin:
    """The witness steps of :class:`scrapers.spiders.base.SiteSpider`."""

    crawler: Any

    def _witness_mode(self) -> str:
        mode = self.crawler.settings.get("ARCHIVE_POSTS_API", "auto")
        if mode not in ("auto", "never"):
            raise ValueError(f"ARCHIVE_POSTS_API must be auto or never; not {mode!r}")
        return mode

    def _batches(self) -> dict[str, list[ArchivedPage]]:
        if not hasattr(self, "_witness_batches"):
            self._witness_batches: dict[str, list[ArchivedPage]] = {}
            self._witness_off: set[str] = set()
            self._witness_sent: dict[str, list[ArchivedPage]] = {}  # in flight, by token
        return self._witness_batches

    def witnessed(self, page: ArchivedPage, root: str | None) -> Iterable[Any]:
        """``page``, now or (batched) after the API has witnessed it."""
        batches = self._batches()
        if (
            not root
            or not page.article.post_id
            or root in self._witness_off
            or self._witness_mode() == "never"
        ):
            yield page
            return
        batch = batches.setdefault(root, [])
        batch.append(page)
        size = min(BATCH, max(1, self.crawler.settings.getint("ARCHIVE_POSTS_API_BATCH", BATCH)))
        if len({p.article.post_id for p in batch}) >= size:
            yield self._witness_request(root)

    def pending_witness_requests(self) -> list[scrapy.Request]:
        """The requests of every batch not sent yet (the crawl is idle)."""
        return [self._witness_request(root) for root in list(self._batches())]

    def orphaned_witness_pages(self) -> list[ArchivedPage]:
        """Articles whose batch request vanished on the way (a spider
        middleware dropped it): when the crawl is idle, they go unwitnessed."""
        self._batches()
        pages = [p for batch in self._witness_sent.values() for p in batch]
        if pages:
            self.crawler.stats.inc_value("wpapi/dropped")
        self._witness_sent.clear()
        return pages

    def unfinished_items(self) -> list[ArchivedPage]:
        """Every article still waiting for its witness, as its page states it:
        the crawl is closing (a limit, a signal), and a waiting article must
        not be lost with the process (the archive's pipeline stores them)."""
        batches = self._batches()
        pages = [p for batch in batches.values() for p in batch]
        pages += [p for batch in self._witness_sent.values() for p in batch]
        batches.clear()
        self._witness_sent.clear()
        if pages:
            self.crawler.stats.inc_value("wpapi/unwitnessed_at_close", len(pages))
        return pages

    def _witness_request(self, root: str) -> scrapy.Request:
        pages = self._batches().pop(root)
        ids = list(dict.fromkeys(p.article.post_id for p in pages))
        self.crawler.stats.inc_value("wpapi/requests")
        token = uuid.uuid4().hex  # (a JOBDIR disk queue hands the callback a copy of pages)
        if not self.crawler.settings.get("ARCHIVE_REDIS_URL"):  # (a fleet: see watches_threads)
            self._witness_sent[token] = pages
        return scrapy.Request(
            posts_url(root, ids),
            self.parse_witness,
            errback=self.witness_failed,
            meta={
                META_WITNESS: (root, pages, token),
                META_STAGE: "posts_api",
                "depth_reset": True,
            },
            dont_filter=True,
            priority=5,
        )

    def parse_witness(self, response: Response) -> Iterable[ArchivedPage]:
        _root, pages, token = response.meta[META_WITNESS]
        self._batches()
        self._witness_sent.pop(token, None)
        stats = self.crawler.stats
        posts = parse_posts(response.body)
        for page in pages:
            meta = posts.get(page.article.post_id or "")
            if meta is None:
                stats.inc_value("wpapi/not_found")
            else:
                stats.inc_value("wpapi/witnessed")
                for name in witness(page.article, meta):
                    stats.inc_value(f"wpapi/changed/{name}")
            yield page

    def witness_failed(self, failure: Any) -> Iterable[ArchivedPage]:
        """Refused, disallowed or unreachable: the articles as their pages state them."""
        root, pages, token = failure.request.meta[META_WITNESS]
        self._batches()
        self._witness_sent.pop(token, None)
        response = getattr(failure.value, "response", None)
        refused = response is not None and response.status in _REFUSALS
        if not refused:
            failure_log(self.crawler).record_errback(failure)
        self.crawler.stats.inc_value("wpapi/refused" if refused else "wpapi/failed")
        self._witness_off.add(root)
        yield from pages
        yield from self._batches().pop(root, [])  # the site's articles still waiting
