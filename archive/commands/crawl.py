"""``scrapy crawl`` with a run lock and documented exit codes (README "Scheduling").

Exit codes:

- 0: the crawl ran to its end (a ``CLOSESPIDER_*`` limit counts as an end);
- 1: it could not start (unknown spider, bad argument, broken settings);
- 2: usage error (Scrapy's own);
- 3: it was stopped before the end (SIGTERM, Ctrl-C): run again, with the
  same ``-s JOBDIR=`` to resume;
- 75 (``EX_TEMPFAIL``): another run of this spider holds the archive's lock;
  nothing was done.
"""

from __future__ import annotations

import argparse
import logging
import os
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from archive.commands.runlock import RunLock, RunLocked

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOT_STARTED = 1
EXIT_STOPPED = 3
EXIT_LOCKED = 75


class Command(ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider of the project, one run per spider and archive at a time"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name: scrapy crawl SPIDER")
        assert self.settings is not None
        lock = RunLock(
            self.settings.get("ARCHIVE_SQLITE_PATH") or "data/archive.db",
            _lock_name(args[0], self.settings),
        )
        try:
            lock.acquire()
        except RunLocked as exc:
            logger.error("Another run of %r is in progress (%s); not starting.", args[0], exc)
            self.exitcode = EXIT_LOCKED
            return
        try:
            assert self.crawler_process is not None
            crawler = self._create_crawler(args[0])
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
            self.exitcode = _exit_code(
                self.crawler_process.bootstrap_failed,
                crawler.stats.get_value("finish_reason") if crawler.stats else None,
            )
        finally:
            lock.release()


def _lock_name(spider: str, settings: Any) -> str:
    """Fleet workers (``ARCHIVE_REDIS_URL``) write no archive, ``newsarchive
    ingest`` does, and many run at once: each locks only its own worker id
    (the default id, hostname-pid, is unique anyway)."""
    if not settings.get("ARCHIVE_REDIS_URL"):
        return spider
    return f"{spider}.{settings.get('ARCHIVE_FLEET_WORKER') or os.getpid()}"


def _exit_code(bootstrap_failed: bool, finish_reason: str | None) -> int:
    """The process exit code of a crawl (see the module docstring).

    >>> _exit_code(False, "closespider_pagecount"), _exit_code(False, "shutdown")
    (0, 3)
    """
    if bootstrap_failed or finish_reason is None:
        return EXIT_NOT_STARTED
    if finish_reason == "shutdown":
        return EXIT_STOPPED
    return EXIT_OK
