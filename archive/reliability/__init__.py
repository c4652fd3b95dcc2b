"""Hostile and broken sites: the crawl survives, records every failure, and
follows no trap.  One Scrapy add-on installs the parts::

    ADDONS = {"archive.reliability.Reliability": 0}

Downloader middlewares (request order; responses pass them in reverse):

- ``SiteBudgetMiddleware`` (110): ``ARCHIVE_MAX_PAGES_PER_SITE``.
- ``StrictRobotsTxtMiddleware`` (100, replaces Scrapy's): a robots.txt that
  answers 5xx or cannot be fetched disallows the host.
- ``FailureDownloaderMiddleware`` (540): download errors retries could not fix.
- ``BackoffRetryMiddleware`` (550, replaces Scrapy's): Retry-After, backoff,
  slower after 429, retries of bodies cut short.
- ``ContentGuardMiddleware`` (570): binary bodies served as text.
- ``GuardedHttpCompressionMiddleware`` (590, replaces Scrapy's): gzip bombs
  and truncated gzip.
- ``RecordingRedirectMiddleware`` (600, replaces Scrapy's): too many redirects.

Spider middlewares: ``FailureSpiderMiddleware`` (60: HTTP errors and callback
exceptions), ``CanonicalUrlMiddleware`` (550: no tracking parameters or
fragments), ``TrapFilterMiddleware`` (560: calendars, ``?page=N``, repeats).
Every failure is a ``failures`` row (:mod:`archive.crawl.failures`); see
docs/reliability.md.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

_PATH = "archive.reliability"
DOWNLOADER = {
    f"{_PATH}.limits.SiteBudgetMiddleware": 110,
    f"{_PATH}.robots.StrictRobotsTxtMiddleware": 100,
    f"{_PATH}.record.FailureDownloaderMiddleware": 540,
    f"{_PATH}.retry.BackoffRetryMiddleware": 550,
    f"{_PATH}.guards.ContentGuardMiddleware": 570,
    f"{_PATH}.guards.GuardedHttpCompressionMiddleware": 590,
    f"{_PATH}.guards.RecordingRedirectMiddleware": 600,
}
REPLACED = (RobotsTxtMiddleware, RetryMiddleware, HttpCompressionMiddleware, RedirectMiddleware)
SPIDER = {
    f"{_PATH}.record.FailureSpiderMiddleware": 60,
    f"{_PATH}.canonical.CanonicalUrlMiddleware": 550,
    f"{_PATH}.traps.TrapFilterMiddleware": 560,
}
# Scrapy defaults this add-on changes, and why (a project setting still wins).
DEFAULTS = {
    # keep what came: a body cut short is archived, retried, then recorded
    "DOWNLOAD_FAIL_ON_DATALOSS": False,
    # a request that failed for good is a failures row and one warning
    "RETRY_GIVE_UP_LOG_LEVEL": "WARNING",
}


class Reliability:
    """Scrapy add-on: installs the middlewares above."""

    def update_settings(self, settings: BaseSettings) -> None:
        for old in REPLACED:
            settings.set_in_component_priority_dict("DOWNLOADER_MIDDLEWARES", old, None)
        for path, order in DOWNLOADER.items():
            settings.set_in_component_priority_dict(
                "DOWNLOADER_MIDDLEWARES", load_object(path), order
            )
        for path, order in SPIDER.items():
            settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", load_object(path), order)
        for name, value in DEFAULTS.items():
            settings.set(name, value, priority="addon")
