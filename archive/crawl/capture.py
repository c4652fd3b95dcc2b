"""Downloader middleware that archives every HTTP exchange in WARC.

It sits at the downloader end of the middleware chain (order 950, after
HttpCacheMiddleware), so ``process_response`` sees each response before
HttpCompressionMiddleware decodes it and before RedirectMiddleware or
RobotsTxtMiddleware consume it: robots.txt, sitemaps, redirects and errors are
archived like pages, and the body keeps its ``Content-Encoding``.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from http import HTTPStatus
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from sqlite_utils import Database

from archive.crawl.download import (
    META_WIRE_BODY,
    META_WIRE_CUT,
    META_WIRE_HEAD,
    META_WIRE_REQUEST,
    WireCut,
    split_head,
)
from archive.crawl.runtime import ArchiveRuntime
from archive.store.writer import ArchiveStore
from archive.warc.digest import payload_digest
from archive.warc.records import NOT_MODIFIED, Revisit
from scrapers.contract import META_CAPTURE, META_FETCHED_AT, header_value
from scrapers.items import utcnow

logger = logging.getLogger(__name__)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def request_bytes(request: Request) -> bytes:
    """The request as written to the socket when the download handler kept it
    (``archive.crawl.download``: line, headers and body), else rebuilt."""
    sent = request.meta.pop(META_WIRE_REQUEST, None)
    if sent:
        return b"".join(sent)
    return request_head(request) + (request.body or b"")


def stored_body(request: Request, response: Response) -> bytes:
    """The message body as received: a chunked one with its chunk framing
    (kept by ``archive.crawl.download``), any other one as Scrapy has it."""
    raw = request.meta.pop(META_WIRE_BODY, None)
    return b"".join(raw) if raw is not None else response.body


def request_head(request: Request) -> bytes:
    """The request line and headers, as Scrapy's HTTP/1.1 client sends them."""
    parts = urlsplit(request.url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    lines = [f"{request.method} {target} HTTP/1.1".encode(), b"Host: " + parts.netloc.encode()]
    for name, values in request.headers.items():
        lines.extend(name + b": " + value for value in values)
    return b"\r\n".join(lines) + b"\r\n\r\n"


def response_head(
    request: Request, response: Response, protocol: str
) -> tuple[str, list[tuple[str, str]]]:
    """The status line and headers as received when the download handler kept
    them (``archive.crawl.download``), else rebuilt from Scrapy's response."""
    wire = request.meta.get(META_WIRE_HEAD)
    if wire:
        return split_head(wire)
    status_line = f"{protocol} {response.status} {_reason(response.status)}".rstrip()
    return status_line, response_headers(response)


def response_headers(response: Response) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        for value in values
    ]


def known_original(seen: dict[str, Revisit], store: ArchiveStore, digest: str) -> Revisit | None:
    """The record that first held this payload: this run's (``seen``), else the
    archive's, remembered in ``seen`` so the store is asked once per digest."""
    found = seen.get(digest)
    if found is None:
        row = store.original_capture(digest)
        if row is not None:
            found = seen[digest] = Revisit(row[0], row[1], row[2], digest)
    return found


class WarcCaptureMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.runtime = ArchiveRuntime.get(crawler)
        self.stats = crawler.stats
        self.dedup = crawler.settings.getbool("ARCHIVE_WARC_DEDUP", True)
        # payload digest -> the record holding it, for this run (the archive's
        # own rows are flushed in batches, so SQLite alone would miss recent ones)
        self.seen: dict[str, Revisit] = {}
        # URL -> the record holding its latest 200 payload, for this run (for 304s)
        self.latest: dict[str, Revisit] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        if not crawler.settings.getbool("ARCHIVE_WARC_ENABLED"):
            raise NotConfigured("ARCHIVE_WARC_ENABLED is off")
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        try:
            self.capture(request, response, truncated=truncation(response))
        except Exception:  # never lose the response itself: log, count, go on
            logger.exception("Could not archive %s", response.url)
            self.stats.inc_value("archive/warc/errors")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        """A download that raised after bytes came (``archive.crawl.download``
        kept them): archive them as a truncated response; the exception goes on."""
        cut = request.meta.pop(META_WIRE_CUT, None)
        if cut is None:
            return
        try:
            self.capture(request, cut_response(request, cut), truncated=cut.truncated)
        except Exception:
            logger.exception("Could not archive the part of %s that came", request.url)
            self.stats.inc_value("archive/warc/errors")

    def capture(self, request: Request, response: Response, truncated: str | None = None) -> None:
        fetched_at = utcnow()
        protocol = getattr(response, "protocol", None) or "HTTP/1.1"
        ip = getattr(response, "ip_address", None)
        body = stored_body(request, response)
        digest = payload_digest(body)
        if response.status == 304:
            revisit = self._not_modified(response.url)
        elif truncated:  # a part: never a revisit, never the original of one
            revisit = None
            self.stats.inc_value("archive/warc/truncated")
        else:
            revisit = self._original(digest, body)
        status_line, headers = response_head(request, response, protocol)
        resp_loc, req_loc = self.runtime.warc.write_exchange(
            url=response.url,
            request_head=request_bytes(request),
            request_body=b"",
            status_line=status_line,
            headers=headers,
            body=body,
            warc_date=fetched_at,
            ip_address=str(ip) if ip else None,
            revisit=revisit,
            digest=digest,
            truncated=truncated,
        )
        if revisit is None and body and not truncated:
            self.seen[digest] = Revisit(resp_loc.record_id, response.url, fetched_at, digest)
        if response.status == 200 and body and request.method == "GET" and not truncated:
            here = Revisit(resp_loc.record_id, response.url, fetched_at, digest)
            self.latest[response.url] = revisit or here
        self.runtime.store.add_capture(
            {
                "id": resp_loc.record_id,
                "url": response.url,
                "method": request.method,
                "status": response.status,
                "fetched_at": fetched_at,
                "content_type": header_value(response, b"Content-Type"),
                "content_length": len(body),
                "payload_digest": revisit.payload_digest if revisit else digest,
                "warc_file": resp_loc.filename,
                "warc_offset": resp_loc.offset,
                "warc_length": resp_loc.length,
                "request_record_id": req_loc.record_id,
                "crawl_id": self.runtime.crawl_id,
                "revisit_of": revisit.refers_to if revisit else None,
            }
        )
        request.meta[META_CAPTURE] = resp_loc.record_id
        request.meta[META_FETCHED_AT] = fetched_at
        self.stats.inc_value("archive/warc/records", 2)
        self.stats.inc_value("archive/warc/bytes", resp_loc.length + req_loc.length)
        if revisit is not None:
            self.stats.inc_value("archive/warc/revisits")
        if response.status == 304:
            self.stats.inc_value("archive/warc/not_modified")

    def _not_modified(self, url: str) -> Revisit:
        """A 304's revisit: the record holding the URL's latest earlier 200
        payload (this run's, else the archive's), or no reference if none."""
        found = self.latest.get(url) or latest_payload(self.runtime.store.db, url)
        if found is None:
            return Revisit(None, None, None, None, NOT_MODIFIED)
        return replace(found, profile=NOT_MODIFIED)

    def _original(self, digest: str, body: bytes) -> Revisit | None:
        """The record that already holds this payload: this run's first, else the archive's.

        Empty payloads are never deduplicated (nothing to save, and a revisit
        of an empty 304 or redirect would only obscure it).
        """
        if not self.dedup or not body:
            return None
        return known_original(self.seen, self.runtime.store, digest)


def truncation(response: Response) -> str | None:
    """WARC-Truncated for a response Scrapy delivered cut short
    (``DOWNLOAD_FAIL_ON_DATALOSS`` off: the connection ended before the
    declared length or the last chunk)."""
    return "disconnect" if "dataloss" in response.flags else None


def cut_response(request: Request, cut: WireCut) -> Response:
    """A Response for what came of a download that raised (head as received)."""
    status_line, headers = split_head(cut.head)
    parts = status_line.split(None, 2)
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 200
    request.meta[META_WIRE_HEAD] = cut.head
    return Response(
        request.url, status=status, headers=Headers(headers), body=cut.body, request=request
    )


_LATEST_PAYLOAD = """
SELECT coalesce(o.id, c.id), coalesce(o.url, c.url), coalesce(o.fetched_at, c.fetched_at),
       c.payload_digest
FROM captures c LEFT JOIN captures o ON o.id = c.revisit_of
WHERE c.url = ? AND c.status = 200 AND c.method = 'GET' AND c.content_length > 0
  AND c.via IS NULL
ORDER BY c.rowid DESC LIMIT 1
"""


def latest_payload(db: Database, url: str) -> Revisit | None:
    """The record holding the latest stored 200 payload of ``url`` (for a
    revisit, the capture it refers to), from the archive's captures table."""
    row = db.execute(_LATEST_PAYLOAD, [url]).fetchone()
    return Revisit(*row) if row else None
