"""Tell the fleet sink which request each record belongs to (see :mod:`archive.fleet.sink`).

Two small components, both active only in a fleet:

- a downloader middleware just inside the WARC capture middleware (949 <
  950: Scrapy hands responses outwards, so it runs right after the capture)
  tags the capture row of each response with the request's lease;
- a spider middleware tags each archived page the callback yields with the
  lease of the response's request, before the item pipeline stores it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy.exceptions import NotConfigured

from archive.crawl.runtime import ArchiveRuntime
from archive.fleet.leases import META_LEASE
from scrapers.contract import META_CAPTURE
from scrapers.items import ArchivedPage


def _runtime(crawler: Any) -> ArchiveRuntime:
    if not crawler.settings.get("ARCHIVE_REDIS_URL"):
        raise NotConfigured("not a fleet worker")
    return ArchiveRuntime.get(crawler)


class CaptureTagger:
    def __init__(self, runtime: ArchiveRuntime) -> None:
        self.runtime = runtime

    @classmethod
    def from_crawler(cls, crawler: Any) -> CaptureTagger:
        return cls(_runtime(crawler))

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        record = request.meta.get(META_CAPTURE)
        if record is not None:
            self.runtime.store.tag_capture(record, request.meta.get(META_LEASE))
        return response

    def process_exception(self, request: Any, exception: Exception, spider: Any = None) -> None:
        """A body cut short is captured in the capture's process_exception: tag it too."""
        record = request.meta.get(META_CAPTURE)
        if record is not None:
            self.runtime.store.tag_capture(record, request.meta.get(META_LEASE))


class ItemTagger:
    def __init__(self, runtime: ArchiveRuntime) -> None:
        self.runtime = runtime

    @classmethod
    def from_crawler(cls, crawler: Any) -> ItemTagger:
        return cls(_runtime(crawler))

    def _tag(self, response: Any, output: Any) -> Any:
        if isinstance(output, ArchivedPage):
            lease = response.request.meta.get(META_LEASE) if response.request else None
            self.runtime.store.tag_article(output.article, lease)
        return output

    def process_spider_output(self, response: Any, result: Iterable[Any]) -> Iterable[Any]:
        for output in result:
            yield self._tag(response, output)

    async def process_spider_output_async(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for output in result:
            yield self._tag(response, output)
