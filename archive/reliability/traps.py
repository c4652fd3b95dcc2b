"""Crawler traps: URLs that generate more URLs forever.

An event calendar links to next month from every month; a listing links to
``?page=N+1`` past its last page; a relative link repeats its own path
(``/a/b/a/b/a/b/``).  Depth limits stop these eventually; these checks stop
them at once, on the URL alone (no fetch):

- a path segment repeated more than ``ARCHIVE_TRAP_MAX_REPEATS`` times;
- a page number above ``ARCHIVE_TRAP_MAX_PAGE`` (``?page=``, ``/page/N/``);
- a calendar date (``/2031/04/``, ``?date=2031-04-01``) more than
  ``ARCHIVE_TRAP_FUTURE_DAYS`` ahead or ``ARCHIVE_TRAP_PAST_YEARS`` back.

Dropped requests are counted in ``archive/traps/<kind>``; they are decisions,
not failures.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

logger = logging.getLogger(__name__)

_PAGE_PATH = re.compile(r"/page/(\d+)(?:/|$)")
_PAGE_PARAMS = frozenset({"page", "paged", "pg", "pagenum", "cpage"})  # not ?p= (a post id)
_DATE_PATH = re.compile(r"/((?:19|20|21)\d\d)/(0?[1-9]|1[0-2])(?:/(0?[1-9]|[12]\d|3[01]))?(?=/|$)")
# dashes required: ?p=210512 is a post id, not May 2105
_DATE_VALUE = re.compile(r"^((?:19|20|21)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$")


@dataclass(frozen=True)
class TrapLimits:
    max_repeats: int = 2
    max_page: int = 1000
    future_days: int = 31
    past_years: int = 50


def trap_reason(url: str, limits: TrapLimits, today: date | None = None) -> str | None:
    """Why a URL looks like a trap (``repeats``, ``page``, ``calendar``), or None.

    >>> lim, day = TrapLimits(max_page=50), date(2026, 11, 29)
    >>> trap_reason("https://a.example/x/y/x/y/x/y/", lim, day)
    'repeats'
    >>> trap_reason("https://a.example/list/?page=51", lim, day)
    'page'
    >>> trap_reason("https://a.example/events/2027/03/", lim, day)
    'calendar'
    >>> trap_reason("https://a.example/events/?date=2027-03-01", lim, day)
    'calendar'
    >>> trap_reason("https://a.example/2026/11/28/real-story/", lim, day) is None
    True
    >>> trap_reason("https://a.example/?p=210512", lim, day) is None
    True
    """
    parts = urlsplit(url)
    path = unquote(parts.path)
    segments = [s for s in path.split("/") if s]
    if segments and max(Counter(segments).values()) > limits.max_repeats:
        return "repeats"
    numbers = [int(m) for m in _PAGE_PATH.findall(path)]
    when = _path_date(path)
    for key, value in parse_qsl(parts.query):
        key = key.lower()
        if key in _PAGE_PARAMS and value.isdigit():
            numbers.append(int(value))
        elif when is None and (m := _DATE_VALUE.match(value)):
            when = _date(*m.groups())
    if numbers and max(numbers) > limits.max_page:
        return "page"
    if when is not None:
        today = today or datetime.now(UTC).date()
        if (when - today).days > limits.future_days:
            return "calendar"
        if today.year - when.year > limits.past_years:
            return "calendar"
    return None


def _path_date(path: str) -> date | None:
    m = _DATE_PATH.search(path)
    return _date(*m.groups()) if m else None


def _date(year: str, month: str, day: str | None) -> date | None:
    try:
        return date(int(year), int(month), int(day or 1))
    except ValueError:
        return None


class TrapFilterMiddleware:
    """Spider middleware: drops requests whose URL is a trap."""

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.limits = TrapLimits(
            max_repeats=s.getint("ARCHIVE_TRAP_MAX_REPEATS"),
            max_page=s.getint("ARCHIVE_TRAP_MAX_PAGE"),
            future_days=s.getint("ARCHIVE_TRAP_FUTURE_DAYS"),
            past_years=s.getint("ARCHIVE_TRAP_PAST_YEARS"),
        )
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TrapFilterMiddleware:
        return cls(crawler)

    def _keep(self, item: Any) -> bool:
        if not isinstance(item, Request):
            return True
        reason = trap_reason(item.url, self.limits)
        if reason is None:
            return True
        self.stats.inc_value(f"archive/traps/{reason}")
        logger.debug("Trap (%s): not following %s", reason, item.url)
        return False

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        return (item for item in result if self._keep(item))

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for item in result:
            if self._keep(item):
                yield item
