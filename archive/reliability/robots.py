"""robots.txt that cannot be read means "stay out" (RFC 9309, section 2.3.1.3).

Scrapy parses whatever body a robots.txt request returns, so a ``500`` error
page reads as "no rules" and the whole site is crawled; a network error also
lets everything through.  The RFC says a server error or an unreachable
robots.txt means complete disallow (a ``4xx`` means no rules).  This subclass
of RobotsTxtMiddleware (100) does that and records the failure; it also gives
the rules to every request that waited for them (see ``robot_parser``).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from archive.crawl.failures import FailureLog


class DisallowAll:
    """A robots parser that refuses everything."""

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Replaces RobotsTxtMiddleware: 5xx or unreachable robots.txt disallows the host."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StrictRobotsTxtMiddleware:
        mw = super().from_crawler(crawler)
        mw.failures = FailureLog.get(crawler)
        return mw

    async def robot_parser(self, request: Request) -> Any:
        """The host's parser, for every waiting request.

        Requests that arrive while robots.txt is being fetched await one
        Twisted Deferred; with ``Deferred.asFuture`` only the first waiter
        gets the parser and the others get None, which Scrapy reads as
        "allow everything".  The settled parser is looked up again instead.
        """
        parser = await super().robot_parser(request)
        if parser is None:
            settled = self._parsers.get(urlparse_cached(request).netloc)
            if settled is not None and not isinstance(settled, Deferred):
                self._stats.inc_value("archive/robots/waiters_fixed")
                return settled
        return parser

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status < 500:
            await super()._parse_robots(response, netloc, request)
            return
        self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        self._stats.inc_value("archive/robots/disallowed_hosts")
        robots_request = response.request or request
        self.failures.record(
            robots_request,
            "robots",
            "HttpError",
            f"robots.txt answered HTTP {response.status}: the host is not crawled",
            status=response.status,
        )
        self._settle(netloc, DisallowAll())

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        self._stats.inc_value("archive/robots/disallowed_hosts")
        self._settle(netloc, DisallowAll())

    def _settle(self, netloc: str, parser: DisallowAll) -> None:
        pending = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(pending, Deferred):
            pending.callback(parser)
