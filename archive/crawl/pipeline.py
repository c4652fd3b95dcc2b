"""Item pipeline: validate parsed pages and store them in the SQLite archive."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from archive.crawl.failures import FailureLog
from archive.crawl.runtime import ArchiveRuntime
from scrapers.items import ArchivedPage

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Stores :class:`ArchivedPage` items; drops pages that are not articles."""

    def __init__(self, crawler: Crawler) -> None:
        self.runtime = ArchiveRuntime.get(crawler)
        self.stats = crawler.stats
        FailureLog.get(crawler)  # the spiders' failure log, with or without the add-ons

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        if not crawler.settings.get("ARCHIVE_SQLITE_PATH"):
            raise NotConfigured("ARCHIVE_SQLITE_PATH is empty")
        return cls(crawler)

    def process_item(self, item: ArchivedPage) -> ArchivedPage:
        article = item.article
        reason = _invalid(item)
        if reason:
            self.stats.inc_value(f"parse/dropped/{reason}")
            raise DropItem(f"{reason}: {article.url}")
        self.runtime.store.add_article(
            article,
            fetched_at=item.fetched_at,
            capture_id=item.capture_id,
            crawl_id=self.runtime.crawl_id,
            complete=item.comments_complete,
            comment_captures=item.comment_captures,
        )
        self.stats.inc_value("archive/articles")
        self.stats.inc_value("archive/comments", len(article.comments))
        return item

    def close_spider(self) -> None:
        self.runtime.flush()


def _invalid(item: ArchivedPage) -> str | None:
    article = item.article
    if not article.is_article:
        return "not_article"
    if not (article.title or article.body):
        return "empty"
    return None
