"""Item pipeline: validate parsed pages and store them in the SQLite archive."""

from __future__ import annotations

import contextlib
import logging

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from archive.crawl.failures import FailureLog
from archive.crawl.runtime import ArchiveRuntime
from scrapers.contract import META_CAPTURE
from scrapers.items import ArchivedPage

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Stores :class:`ArchivedPage` items; drops pages that are not articles."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.runtime = ArchiveRuntime.get(crawler)
        self.stats = crawler.stats
        # the spiders' failure log, with or without the add-ons
        self.failures = FailureLog.get(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        if not crawler.settings.get("ARCHIVE_SQLITE_PATH"):
            raise NotConfigured("ARCHIVE_SQLITE_PATH is empty")
        return cls(crawler)

    def process_item(self, item: ArchivedPage) -> ArchivedPage:
        """Store the article; one that cannot be stored is a ``failures`` row
        (stage ``store``).  Either way it is counted (``archive/articles/stored``
        or ``archive/articles/failed``) against the spider's
        ``archive/articles/started``: the crawl's row shows a loss."""
        article = item.article
        reason = _invalid(item)
        if reason:
            self.stats.inc_value(f"parse/dropped/{reason}")
            self._failed(item, "InvalidArticle", f"{reason}: no title and no text")
            raise DropItem(f"{reason}: {article.url}")
        try:
            self.runtime.store.add_article(
                article,
                fetched_at=item.fetched_at,
                capture_id=item.capture_id,
                crawl_id=self.runtime.crawl_id,
                complete=item.comments_complete,
                comment_captures=item.comment_captures,
            )
        except Exception as exc:
            logger.exception("Could not store %s", article.url)
            self._failed(item, type(exc).__name__, str(exc))
            raise DropItem(f"not stored: {article.url}") from exc
        self.stats.inc_value("archive/articles")
        self.stats.inc_value("archive/articles/stored")
        self.stats.inc_value("archive/comments", len(article.comments))
        return item

    def _failed(self, item: ArchivedPage, error: str, message: str) -> None:
        self.stats.inc_value("archive/articles/failed")
        request = Request(item.article.url, meta={META_CAPTURE: item.capture_id})
        self.failures.record(request, "store", error, message)

    def close_spider(self) -> None:
        """Store what the spider still holds finished (``unfinished_items``:
        articles waiting for a batched request when a limit or a signal closes
        the crawl), then write every buffered row."""
        spider = self.crawler.spider
        for item in getattr(spider, "unfinished_items", list)():
            with contextlib.suppress(DropItem):  # (counted and recorded by process_item)
                self.process_item(item)
        self.runtime.flush()


def _invalid(item: ArchivedPage) -> str | None:
    article = item.article
    if not article.is_article:
        return "not_article"
    if not (article.title or article.body):
        return "empty"
    return None
