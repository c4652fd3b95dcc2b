"""Recrawls: which known articles this run fetches again, and how.

- ``policy``: the recrawl policy, a pure function of what the archive knows
  of an article and the time (tiers by age, closed threads, new comments);
- ``middleware``: ``RecrawlMiddleware`` (downloader middleware 580) applies it,
  sends conditional requests, counts 304s as unchanged, and fetches due
  articles discovery missed.  Spiders ask it through
  :func:`scrapers.contract.recrawl_planner`.

May import: :mod:`archive.crawl`, :mod:`scrapers.contract`.
"""

from archive.recrawl.middleware import RecrawlMiddleware
from archive.recrawl.policy import DEFAULT_POLICY, Policy

__all__ = ["DEFAULT_POLICY", "Policy", "RecrawlMiddleware"]
