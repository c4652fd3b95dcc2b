"""HTTP/1.1 download handler that keeps the response head exactly as received.

Scrapy's Response carries normalized headers (title-cased names, grouped by
name, order lost) and no reason phrase, so a WARC record rebuilt from it is
not what the server sent.  The real bytes pass through one place only:
Twisted's ``HTTPParser.lineReceived``, line by line, before the status line
and headers are split and normalized.  This handler swaps Scrapy's lenient
parser class for a subclass that also keeps those lines (status line, header
lines, the blank line; ``\\r`` kept) and hangs them on the Twisted response;
the agent copies them into ``request.meta[META_WIRE_HEAD]``, where the WARC
capture middleware finds them.

Scrapy builds its agent inside ``download_request`` and the parser inside its
protocol, so this subclasses three private Scrapy classes; they are checked
on import and a Scrapy without them falls back to the plain handler (the
capture middleware then rebuilds the head as before).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response

logger = logging.getLogger(__name__)

META_WIRE_HEAD = "archive_wire_head"  # request.meta key: the response head as received

try:  # private Scrapy/Twisted internals: see the module docstring
    from scrapy.core.downloader.handlers.http11 import (
        _LenientHTTP11ClientFactory,
        _LenientHTTP11ClientProtocol,
        _LenientHTTPClientParser,
        _ScrapyAgent,
    )
    from scrapy.exceptions import ResponseDataLossError
    from scrapy.utils._download_handlers import get_dataloss_msg, wrap_twisted_exceptions
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.web._newclient import STATUS
except ImportError:  # pragma: no cover - a Scrapy that moved them
    _ScrapyAgent = None

_ATTR = "_newsarchive_wire_head"

if _ScrapyAgent is not None:

    class _WireParser(_LenientHTTPClientParser):
        """Keeps every head line as received (LF split, ``\\r`` kept)."""

        def lineReceived(self, line: bytes) -> None:
            if self.state == STATUS:  # a new head (again after a 1xx response)
                self.__dict__["_wire_lines"] = []
            self.__dict__.setdefault("_wire_lines", []).append(line)
            super().lineReceived(line)

        def allHeadersReceived(self) -> None:
            lines = self.__dict__.get("_wire_lines") or []
            setattr(self.response, _ATTR, b"".join(line + b"\n" for line in lines))
            super().allHeadersReceived()

    class _WireProtocol(_LenientHTTP11ClientProtocol):
        def request(self, request: Any) -> Any:
            d = super().request(request)
            # As Scrapy does for its lenient parser: the parser class is
            # hardcoded in Twisted, the subclass adds no state of its own.
            self._parser.__class__ = _WireParser
            return d

    class _WireFactory(_LenientHTTP11ClientFactory):
        def buildProtocol(self, addr: Any) -> _WireProtocol:
            return _WireProtocol(self._quiescentCallback)

    class _WireAgent(_ScrapyAgent):
        def _cb_bodyready(self, txresponse: Any, request: Request) -> Any:
            head = getattr(txresponse, _ATTR, None)
            if head:
                request.meta[META_WIRE_HEAD] = head
            return super()._cb_bodyready(txresponse, request)


class WireHTTP11DownloadHandler(HTTP11DownloadHandler):
    """``DOWNLOAD_HANDLERS = {"http": ..., "https": ...}`` to archive real heads."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        if _ScrapyAgent is not None:
            self._pool._factory = _WireFactory
        else:  # pragma: no cover
            logger.warning("This Scrapy lacks the internals %s needs", type(self).__name__)

    async def download_request(self, request: Request) -> Response:
        if _ScrapyAgent is None:  # pragma: no cover
            return await super().download_request(request)
        spider = self._crawler.spider
        agent = _WireAgent(  # as HTTP11DownloadHandler.download_request builds its agent
            contextFactory=self._contextFactory,
            bindAddress=self._bind_address,
            pool=self._pool,
            maxsize=getattr(spider, "download_maxsize", self._default_maxsize),
            warnsize=getattr(spider, "download_warnsize", self._default_warnsize),
            fail_on_dataloss=self._fail_on_dataloss,
            crawler=self._crawler,
            tls_verbose_logging=self._tls_verbose_logging,
        )
        try:
            with wrap_twisted_exceptions():
                return await maybe_deferred_to_future(agent.download_request(request))
        except ResponseDataLossError:
            if not self._fail_on_dataloss_warned:
                logger.warning(get_dataloss_msg(request.url))
                self._fail_on_dataloss_warned = True
            raise


def split_head(head: bytes) -> tuple[str, list[tuple[str, str]]]:
    """Status line and header lines of a raw head, in order and spelling.

    Folded continuation lines are joined to their header (as warcio writes
    one line per header).

    >>> split_head(b"HTTP/1.1 200 Fine\\r\\nX-a: 1\\r\\ncontent-TYPE: text/html\\r\\n\\r\\n")
    ('HTTP/1.1 200 Fine', [('X-a', '1'), ('content-TYPE', 'text/html')])
    """
    lines = head.decode("latin-1").split("\n")
    status = lines[0].removesuffix("\r")
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        line = line.removesuffix("\r")
        if not line:
            break
        if line[0] in " \t" and headers:
            name, value = headers[-1]
            headers[-1] = (name, value + " " + line.strip())
        elif ":" in line:
            name, value = line.split(":", 1)
            headers.append((name, value.strip()))
    return status, headers
