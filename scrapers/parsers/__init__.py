"""Parsers: pure functions of (HTML bytes, URL) to typed records.

No network, no Scrapy objects: the crawl, ``newsarchive parse`` and the
re-parse from WARC all run exactly this code.
"""

from scrapers.parsers.page import PARSER_VERSION, parse_page

__all__ = ["PARSER_VERSION", "parse_page"]
