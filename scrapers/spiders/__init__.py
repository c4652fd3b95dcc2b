"""Spiders: they discover and fetch; parsing is done by ``scrapers.parsers``.

May import: :mod:`scrapers.contract` (the archive's side of the crawl),
:mod:`scrapers.items`, :mod:`scrapers.parsers`, :mod:`scrapers.profiles`.
"""
