"""Parsing again from stored bytes: the archive's WARC files, or saved pages.

- ``run``: ``newsarchive reparse``: every archived page through today's parser;
- ``threads``: comment pages and API answers joined into threads, as the crawl does;
- ``api``: the WordPress REST API answers the crawl captured;
- ``files``: ``newsarchive parse``: saved pages or a manifest of them.

May import: :mod:`archive.store`, :mod:`archive.warc`, :mod:`scrapers.items`,
:mod:`scrapers.parsers`, :mod:`scrapers.profiles`.
"""

from archive.reparse.files import parse_file, parse_manifest
from archive.reparse.run import reparse

__all__ = ["parse_file", "parse_manifest", "reparse"]
