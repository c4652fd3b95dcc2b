"""The archive: capture every exchange in WARC, store the records in SQLite,
re-parse, serve and export them.

Rooms, in pipeline order: ``crawl/`` (the Scrapy components in the crawl),
``reliability/``, ``recrawl/``, ``warc/``, ``fleet/``, ``store/``,
``reparse/``, ``datasette/``, ``export/``, ``cli/`` and ``commands/``
(docs/architecture.md).  The archive may import :mod:`scrapers.items`,
:mod:`scrapers.contract`, :mod:`scrapers.parsers` and
:mod:`scrapers.profiles`, never the spiders.
"""

__version__ = "0.1.0"
