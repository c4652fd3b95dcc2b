"""The archive's Scrapy components that sit in the crawl (fetch and capture).

- ``download``: ``WireHTTP11DownloadHandler``, which keeps each response's
  status line and header lines as received;
- ``capture``: ``WarcCaptureMiddleware`` (downloader middleware 950): every
  exchange to WARC and a ``captures`` row;
- ``pipeline``: ``ArchivePipeline``: validated records to the store;
- ``failures``: ``FailureLog``, the ``failures`` table and its stats;
- ``runtime``: ``ArchiveRuntime``, the store and WARC writer the components share.

May import: :mod:`archive.store`, :mod:`archive.warc`, :mod:`scrapers.contract`,
:mod:`scrapers.items`.  Spiders never import this room: they meet it through
:mod:`scrapers.contract`.
"""

from archive.crawl.capture import WarcCaptureMiddleware
from archive.crawl.download import WireHTTP11DownloadHandler
from archive.crawl.failures import FailureLog
from archive.crawl.pipeline import ArchivePipeline
from archive.crawl.runtime import ArchiveRuntime

__all__ = [
    "ArchivePipeline",
    "ArchiveRuntime",
    "FailureLog",
    "WarcCaptureMiddleware",
    "WireHTTP11DownloadHandler",
]
