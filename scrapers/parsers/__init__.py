"""Parsers: pure functions of (HTML bytes, URL) to typed records.

No network, no Scrapy objects: the crawl, ``newsarchive parse`` and the
re-parse from WARC all run exactly this code.  ``page.py`` (``parse_page``)
is the one entry point and ``article.py`` fills the article's fields; the
rooms below them, lowest first: ``document/`` (the page read once),
``dates/``, ``title/``, ``authors/``, ``body/`` and ``comments/``.

May import: :mod:`scrapers.items`; nothing of the spiders or the archive.
"""

from scrapers.parsers.page import PARSER_VERSION, parse_page

__all__ = ["PARSER_VERSION", "parse_page"]
