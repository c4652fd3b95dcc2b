"""HTTP/1.1 download handler that keeps the response head exactly as received.

Scrapy's Response carries normalized headers (title-cased names, grouped by
name, order lost) and no reason phrase, so a WARC record rebuilt from it is
not what the server sent.  The real bytes pass through one place only:
Twisted's ``HTTPParser.lineReceived``, line by line, before the status line
and headers are split and normalized.  This handler swaps Scrapy's lenient
parser class for a subclass that also keeps those lines (status line, header
lines, the blank line; ``\\r`` kept) and hangs them on the Twisted response;
the agent copies them into ``request.meta[META_WIRE_HEAD]``, where the WARC
capture middleware finds them.  The same way it keeps the bytes Twisted's
``Request.writeTo`` writes (the request as sent) and, for a chunked response,
the body with its chunk framing (Twisted hands everyone else the de-chunked
body).

A download that ends in an exception after the head came (larger than
``DOWNLOAD_MAXSIZE``, a timeout, a connection lost with
``DOWNLOAD_FAIL_ON_DATALOSS``) leaves Scrapy with no response, and Scrapy
empties its buffer before it cancels an oversized body.  The handler keeps
what came (the head and the body bytes received, read from Scrapy's reader
just before it empties it) as a :class:`WireCut` in
``request.meta[META_WIRE_CUT]``; the capture middleware's
``process_exception`` archives it as a ``response`` record with
``WARC-Truncated``.

Scrapy builds its agent inside ``download_request`` and the parser inside its
protocol, so this subclasses three private Scrapy classes; they are checked
on import and a Scrapy without them falls back to the plain handler (the
capture middleware then rebuilds the head as before).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response

logger = logging.getLogger(__name__)

META_WIRE_HEAD = "archive_wire_head"  # request.meta key: the response head as received
META_WIRE_REQUEST = "archive_wire_request"  # request.meta key: bytes written for the request
META_WIRE_BODY = "archive_wire_body"  # request.meta key: a chunked body as received
META_WIRE_CUT = "archive_wire_cut"  # request.meta key: a WireCut, when the download raised


@dataclass(frozen=True, slots=True)
class WireCut:
    """What came of a response whose download ended in an exception."""

    head: bytes  # status line and header lines as received
    body: bytes  # the body bytes that came (a chunked body: see META_WIRE_BODY)
    truncated: str  # the WARC-Truncated reason: "length", "time", "disconnect", "unspecified"


try:  # private Scrapy/Twisted internals: see the module docstring
    from scrapy.core.downloader.handlers.http11 import (
        _LenientHTTP11ClientFactory,
        _LenientHTTP11ClientProtocol,
        _LenientHTTPClientParser,
        _ScrapyAgent,
    )
    from scrapy.exceptions import (
        DownloadCancelledError,
        DownloadTimeoutError,
        ResponseDataLossError,
    )
    from scrapy.utils._download_handlers import get_dataloss_msg, wrap_twisted_exceptions
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.web._newclient import STATUS, _ChunkedTransferDecoder
except ImportError:  # pragma: no cover - a Scrapy that moved them
    _ScrapyAgent = None

_ATTR = "_newsarchive_wire_head"
_ATTR_REQUEST = "_newsarchive_wire_request"
_ATTR_BODY = "_newsarchive_wire_body"


class _Recorder:
    """A transport that keeps a copy of every byte written through it."""

    def __init__(self, transport: Any, sink: list[bytes]) -> None:
        self._transport = transport
        self._sink = sink

    def write(self, data: bytes) -> None:
        self._sink.append(bytes(data))
        self._transport.write(data)

    def writeSequence(self, seq: Any) -> None:
        seq = list(seq)
        self._sink.extend(bytes(d) for d in seq)
        self._transport.writeSequence(seq)

    def __getattr__(self, name: str) -> Any:  # producers, loseConnection, ...
        return getattr(self._transport, name)


if _ScrapyAgent is not None:

    class _WireParser(_LenientHTTPClientParser):
        """Keeps every head line as received (LF split, ``\\r`` kept), the
        request as written, and a chunked body as received."""

        def lineReceived(self, line: bytes) -> None:
            if self.state == STATUS:  # a new head (again after a 1xx response)
                self.__dict__["_wire_lines"] = []
            self.__dict__.setdefault("_wire_lines", []).append(line)
            super().lineReceived(line)

        def allHeadersReceived(self) -> None:
            lines = self.__dict__.get("_wire_lines") or []
            setattr(self.response, _ATTR, b"".join(line + b"\n" for line in lines))
            setattr(self.response, _ATTR_REQUEST, self.__dict__.get("_wire_request"))
            super().allHeadersReceived()

        # Twisted de-chunks before anyone else sees the body; a chunked body
        # is kept as received too (WARC 1.1: the block is the message as
        # received; see docs/warc.md).  Other bodies arrive unframed anyway.
        def switchToBodyMode(self, decoder: Any) -> None:
            if isinstance(decoder, _ChunkedTransferDecoder):
                raw: list[bytes] = []
                self.__dict__["_wire_raw"] = raw
                setattr(self.response, _ATTR_BODY, raw)
            super().switchToBodyMode(decoder)

        def rawDataReceived(self, data: bytes) -> None:
            raw = self.__dict__.get("_wire_raw")
            if raw is not None:
                raw.append(data)
            super().rawDataReceived(data)

        def _finished(self, rest: bytes) -> None:
            raw = self.__dict__.pop("_wire_raw", None)
            if raw is not None and rest:  # bytes past the last chunk are not this body's
                raw[:] = [b"".join(raw)[: -len(rest)]]
            super()._finished(rest)

    class _WireProtocol(_LenientHTTP11ClientProtocol):
        def request(self, request: Any) -> Any:
            # The request as written to the socket: Twisted writes it in
            # writeTo (line, headers in its order, body) before parsing replies.
            sent: list[bytes] = []
            # the unwrapped method, should Twisted retry the request on a new connection
            write_to = request.__dict__.setdefault("_newsarchive_write_to", request.writeTo)
            request.writeTo = lambda transport: write_to(_Recorder(transport, sent))
            d = super().request(request)
            # As Scrapy does for its lenient parser: the parser class is
            # hardcoded in Twisted; the subclass keeps its few extra
            # attributes in __dict__ (no __init__ of its own runs).
            self._parser.__class__ = _WireParser
            self._parser.__dict__["_wire_request"] = sent
            return d

    class _WireFactory(_LenientHTTP11ClientFactory):
        def buildProtocol(self, addr: Any) -> _WireProtocol:
            return _WireProtocol(self._quiescentCallback)

    class _WireAgent(_ScrapyAgent):
        # one agent per download: what came, should the download raise
        _head: bytes | None = None
        _reader: Any = None  # Scrapy's _ResponseReader of this response
        _overflow: bytes | None = None  # the body as it was when it passed maxsize
        _hooked: Any = None  # the Twisted response whose deliverBody is wrapped

        def _cb_bodyready(self, txresponse: Any, request: Request) -> Any:
            head = getattr(txresponse, _ATTR, None)
            if head:
                request.meta[META_WIRE_HEAD] = head
                self._head = head
            sent = getattr(txresponse, _ATTR_REQUEST, None)
            if sent:
                request.meta[META_WIRE_REQUEST] = sent  # joined by the capture
            raw = getattr(txresponse, _ATTR_BODY, None)
            if raw is not None:
                request.meta[META_WIRE_BODY] = raw  # filled while the body arrives
            deliver = txresponse.deliverBody  # Scrapy hands it its reader

            def deliver_body(reader: Any) -> None:
                self._watch(reader)
                deliver(reader)

            txresponse.deliverBody = deliver_body
            self._hooked = txresponse
            return super()._cb_bodyready(txresponse, request)

        def _watch(self, reader: Any) -> None:
            """Keep the body Scrapy's reader empties when it passes maxsize."""
            self._reader = reader
            maxsize = getattr(reader, "_maxsize", 0)
            if not maxsize or not hasattr(reader, "_bodybuf"):
                return
            received = reader.dataReceived

            def data_received(data: bytes) -> None:
                over = reader._bytes_received + len(data) > maxsize
                if over and self._overflow is None and not reader._finished.called:
                    self._overflow = reader._bodybuf.getvalue() + data
                received(data)

            reader.dataReceived = data_received

        def release(self) -> None:
            """Unwrap: the wrappers close reference cycles that would keep the
            body buffer alive until the cyclic garbage collector runs."""
            for obj, name in ((self._reader, "dataReceived"), (self._hooked, "deliverBody")):
                if obj is not None:
                    obj.__dict__.pop(name, None)
            self._reader = self._hooked = None

        def cut(self, exc: BaseException) -> WireCut | None:
            """What came before ``exc`` ended the download (None: not even the head)."""
            if self._head is None:
                return None
            if self._overflow is not None:
                body, reason = self._overflow, "length"
            elif self._reader is None:  # cancelled on the headers (declared too large)
                body = b""
                reason = "length" if isinstance(exc, DownloadCancelledError) else "unspecified"
            else:
                buf = getattr(self._reader, "_bodybuf", None)
                body = buf.getvalue() if buf is not None else b""
                reason = _truncated(exc)
            return WireCut(self._head, body, reason)

    def _truncated(exc: BaseException) -> str:
        if isinstance(exc, DownloadTimeoutError):
            return "time"
        if isinstance(exc, ResponseDataLossError):
            return "disconnect"
        return "unspecified"


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
        request.meta.pop(META_WIRE_CUT, None)  # a retry's copy of an earlier attempt's
        try:
            with wrap_twisted_exceptions():
                return await maybe_deferred_to_future(agent.download_request(request))
        except Exception as exc:
            cut = agent.cut(exc)
            if cut is not None:
                request.meta[META_WIRE_CUT] = cut
            if isinstance(exc, ResponseDataLossError) and not self._fail_on_dataloss_warned:
                logger.warning(get_dataloss_msg(request.url))
                self._fail_on_dataloss_warned = True
            raise
        finally:
            agent.release()


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
