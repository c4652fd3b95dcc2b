"""Bodies that must not be parsed: truncated or explosive gzip, binary "HTML",
and redirect chains that never end.

Each guard is a small subclass of the Scrapy middleware that meets the fault
first, or a middleware of its own, and records a ``failures`` row before the
request is dropped.  The bytes as sent are in the WARC already (the capture
middleware is at the downloader end, 950), so nothing is lost: a later
re-parse can look at them again.
"""

from __future__ import annotations

import zlib

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.gz import gunzip

from archive.crawl.failures import FailureLog

_PROBE = 4096  # bytes looked at to call a body binary
_TEXT_TYPES = (b"text/html", b"application/xhtml", b"text/xml", b"application/xml", b"text/plain")


def gzip_complete(data: bytes) -> bool:
    """Whether gzip data holds a whole member (its end marker and CRC).

    Scrapy's gunzip returns whatever a truncated stream yields, so a page cut
    in the middle would be parsed and archived as if it were whole.  This
    walks the stream without keeping the output (memory stays flat even for a
    bomb; the size limit is enforced separately).

    >>> import gzip
    >>> whole = gzip.compress(b"<p>hello</p>" * 100)
    >>> gzip_complete(whole), gzip_complete(whole[:-9])
    (True, False)
    """
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    view = memoryview(data)
    try:
        for start in range(0, len(view), 65536):
            d.decompress(view[start : start + 65536], 65536)
            while d.unconsumed_tail:
                d.decompress(d.unconsumed_tail, 65536)
            if d.eof:
                return True
    except zlib.error:
        return False
    return d.eof


def looks_binary(response: Response) -> bool:
    """A text-typed body with NUL bytes near the start (UTF-16 excepted).

    >>> from scrapy.http import HtmlResponse
    >>> looks_binary(HtmlResponse("http://a.example/", body=b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"))
    True
    >>> looks_binary(HtmlResponse("http://a.example/", body=b"<p>caf\\xc3\\xa9</p>"))
    False
    """
    ctype = (response.headers.get(b"Content-Type") or b"").lower()
    if ctype and not ctype.startswith(_TEXT_TYPES):
        return False
    head = response.body[:_PROBE]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"utf-16" in ctype:
        return False
    return b"\x00" in head


def gunzip_whole(data: bytes, max_size: int = 0) -> bytes:
    """Scrapy's ``gunzip`` (same result, same errors), fast for the usual body.

    Scrapy reads through ``gzip.GzipFile`` in 64 KB chunks, which costs about
    a third more than the inflating itself (~55 µs per demo page).  One
    gzip member that inflates whole within ``max_size`` is exactly what
    ``GzipFile`` would return (zlib checks its CRC and length too); anything
    else (several members, trailing bytes, a cut or corrupt stream, too large)
    goes to Scrapy's own reader, errors and limits included.

    >>> import gzip
    >>> gunzip_whole(gzip.compress(b"<p>hola</p>"))
    b'<p>hola</p>'
    """
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_size + 1 if max_size else 0)
    except zlib.error:
        out = None
    whole = out is not None and inflater.eof and not inflater.unused_data
    if whole and not (max_size and len(out) > max_size):
        return out
    return gunzip(data, max_size=max_size)


class GuardedHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Replaces HttpCompressionMiddleware (590): records gzip bombs (Scrapy
    stops at ``DOWNLOAD_MAXSIZE`` decompressed bytes and raises IgnoreRequest)
    and refuses truncated gzip instead of passing on the part that decoded."""

    @staticmethod
    def _decode(body: bytes, encoding: bytes, max_size: int) -> bytes:
        if encoding in (b"gzip", b"x-gzip"):
            return gunzip_whole(body, max_size)
        return HttpCompressionMiddleware._decode(body, encoding, max_size)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardedHttpCompressionMiddleware:
        mw = super().from_crawler(crawler)
        mw.failures = FailureLog.get(crawler)
        return mw

    def process_response(self, request: Request, response: Response) -> Request | Response:
        gzipped = _is_gzip(response)  # read first: Scrapy pops Content-Encoding
        try:
            decoded = super().process_response(request, response)
        except IgnoreRequest as exc:
            self.failures.record(request, "decode", "DecompressionBomb", str(exc))
            raise
        if gzipped and decoded is not response and _cut_gzip(response, len(decoded.body)):
            message = f"gzip stream ends early ({len(response.body)} bytes received)"
            self.failures.record(request, "decode", "TruncatedGzip", message)
            raise IgnoreRequest(message)
        return decoded


def _is_gzip(response: Response) -> bool:
    encoding = (response.headers.get(b"Content-Encoding") or b"").strip().lower()
    return encoding in (b"gzip", b"x-gzip")


def _cut_gzip(response: Response, decoded_size: int) -> bool:
    """A gzip body whose stream is incomplete.  Fast path: the trailer's
    ISIZE equals the decoded size (a cut stream ends in compressed data)."""
    if "dataloss" in response.flags:
        return False
    body = response.body
    if len(body) >= 18 and int.from_bytes(body[-4:], "little") == decoded_size % 2**32:
        return False
    return not gzip_complete(body)


class ContentGuardMiddleware:
    """Drops binary bodies served as text (570: after decompression, before
    retries), so no parser is handed an image or an archive as HTML."""

    def __init__(self, crawler: Crawler) -> None:
        self.failures = FailureLog.get(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentGuardMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status == 200 and looks_binary(response):
            ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
            message = f"binary data served as {ctype or 'text'}"
            self.failures.record(request, "content", "BinaryContent", message)
            raise IgnoreRequest(message)
        return response


class RecordingRedirectMiddleware(RedirectMiddleware):
    """Replaces RedirectMiddleware (600): a chain longer than
    ``REDIRECT_MAX_TIMES`` is a recorded failure, not a debug line."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordingRedirectMiddleware:
        mw = super().from_crawler(crawler)
        mw.failures = FailureLog.get(crawler)
        return mw

    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest as exc:
            chain = request.meta.get("redirect_urls") or [request.url]
            message = f"{exc} after {len(chain)} hops, last {request.url}"
            self.failures.record(request, "redirect", "TooManyRedirects", message, url=chain[0])
            raise
