"""Parsing again from stored bytes: the archive's WARC files, or saved pages.

- ``run``: ``newsarchive reparse``: every archived page through today's parser;
- ``threads``: comment pages and API answers joined into threads, as the crawl does;
- ``api``: the WordPress REST API answers the crawl captured;
- ``files``: ``newsarchive parse``: saved pages or a manifest of them.

May import: :mod:`archive.store`, :mod:`archive.warc`, :mod:`scrapers.items`,
:mod:`scrapers.parsers`, :mod:`scrapers.profiles`.  The face exports nothing:
``newsarchive parse`` loads ``files`` without the store behind ``run``.
"""
