"""The browser's exchanges into WARC and ``captures``, linked to the page.

Each exchange the browser completes becomes a ``response`` record (a
``revisit`` when the payload is archived already: the same script on every
page is stored once) and its ``request`` record, written through the crawl's
one WARC writer, and a ``captures`` row with ``via = 'browser'`` and
``page_capture`` = the page's own capture.  Every record carries
``WARC-Page-ID``: that capture's record id (the field browser-based
archivers use for "made while rendering this page").  The rendered DOM
of the page's frames goes into one ``resource`` record
(``urn:dom:<page URL>``, a JSON document of the frames) and a ``renders``
row, so a re-parse reads exactly what the crawl read.

What cannot be kept: Chromium hands over bodies decoded.  The record stores
the decoded body without ``Content-Encoding``/``Transfer-Encoding``, with a
``Content-Length`` of what is stored, and keeps the original values as
``X-Archive-Browser-Original-*`` headers; its status line is rebuilt as
HTTP/1.1 from the status and its text.  The page's own document is never among
these: the browser was served the wire capture.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from archive.crawl.browser.session import Exchange, Rendered
from archive.crawl.capture import known_original
from archive.warc.digest import payload_digest
from archive.warc.records import Revisit
from archive.warc.rendered import (
    SNAPSHOT_TYPE,
    VIA_BROWSER,
    VIA_SNAPSHOT,
    frames_document,
    is_answer,
    snapshot_uri,
)

logger = logging.getLogger(__name__)

_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}


def stored_headers(ex: Exchange, stored: int) -> list[tuple[str, str]]:
    """The response's headers as received, made true of the stored body."""
    out = [(k, v) for k, v in ex.headers if k.lower() not in _DROPPED]
    out += [
        (f"X-Archive-Browser-Original-{k.title()}", v)
        for k, v in ex.headers
        if k.lower() in ("content-encoding", "transfer-encoding")
    ]
    out.append(("Content-Length", str(stored)))
    return out


def request_head(ex: Exchange) -> bytes:
    parts = urlsplit(ex.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    lines = [f"{ex.method} {target} HTTP/1.1"]
    names = {k.lower() for k, _ in ex.request_headers}
    if "host" not in names:
        lines.append(f"Host: {parts.netloc}")
    lines += [f"{k}: {v}" for k, v in ex.request_headers if not k.startswith(":")]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "replace")


class BrowserCapture:
    """Writes one page's browser exchanges; ``write`` is ``on_exchange``."""

    def __init__(self, runtime: Any, page_id: str | None, seen: dict, stats: Any) -> None:
        self.runtime = runtime
        self.page_id = page_id
        self.seen = seen  # payload digest -> Revisit, shared by the stage's pages
        self.stats = stats
        self.captured: list[str] = []  # response record ids, in order
        self.answers: list[tuple[str, bytes]] = []  # (url, body) that may hold the thread

    def _fields(self) -> list[tuple[str, str]]:
        return [("WARC-Page-ID", self.page_id)] if self.page_id else []

    def _original(self, digest: str, body: bytes) -> Revisit | None:
        if not body:
            return None
        return known_original(self.seen, self.runtime.store, digest)

    def write(self, ex: Exchange) -> None:
        if not ex.url.startswith(("http://", "https://")):
            return
        try:
            self._write(ex)
        except Exception:  # never lose the render over one record
            logger.exception("Could not archive the browser's %s", ex.url)
            self.stats.inc_value("archive/browser/warc_errors")

    def _write(self, ex: Exchange) -> None:
        body = ex.body or b""
        digest = payload_digest(body)
        revisit = None if ex.truncated else self._original(digest, body)
        resp, req = self.runtime.warc.write_exchange(
            url=ex.url,
            request_head=request_head(ex),
            request_body=ex.request_body or b"",
            status_line=f"HTTP/1.1 {ex.status} {ex.status_text}".rstrip(),
            headers=stored_headers(ex, len(body)),
            body=body,
            warc_date=ex.fetched_at,
            ip_address=ex.ip_address,
            revisit=revisit,
            digest=digest,
            truncated=ex.truncated,
            extra_fields=self._fields(),
        )
        if revisit is None and body and not ex.truncated:
            self.seen[digest] = Revisit(resp.record_id, ex.url, ex.fetched_at, digest)
        ctype = next((v for k, v in ex.headers if k.lower() == "content-type"), None)
        if is_answer(ex.status, ctype, ex.body) and not ex.truncated:
            self.answers.append((ex.url, body))
        self.runtime.store.add_capture(
            {
                "id": resp.record_id,
                "url": ex.url,
                "method": ex.method,
                "status": ex.status,
                "fetched_at": ex.fetched_at,
                "content_type": ctype,
                "content_length": len(body),
                "payload_digest": revisit.payload_digest if revisit else digest,
                "warc_file": resp.filename,
                "warc_offset": resp.offset,
                "warc_length": resp.length,
                "request_record_id": req.record_id,
                "crawl_id": self.runtime.crawl_id,
                "revisit_of": revisit.refers_to if revisit else None,
                "via": VIA_BROWSER,
                "page_capture": self.page_id,
            }
        )
        self.captured.append(resp.record_id)
        self.stats.inc_value("archive/browser/exchanges")
        self.stats.inc_value("archive/warc/records", 2)
        self.stats.inc_value("archive/warc/bytes", resp.length + req.length)

    def snapshot(self, rendered: Rendered, page_url: str, rendered_at: str) -> None:
        """The frames' DOM and the verdict as a ``resource`` record (indexed in
        ``captures``, ``via = 'snapshot'``) and the ``renders`` row."""
        verdict = {
            "clicks": rendered.clicks,
            "left": rendered.left,
            "budget": rendered.budget,
            "error": rendered.error,
        }
        body = frames_document(page_url, rendered.frames, verdict)
        loc = self.runtime.warc.write_resource(
            uri=snapshot_uri(page_url),
            content_type=SNAPSHOT_TYPE,
            body=body,
            warc_date=rendered_at,
            extra_fields=[*self._fields(), *self._concurrent()],
        )
        self.runtime.store.add_capture(
            {
                "id": loc.record_id,
                "url": snapshot_uri(page_url),
                "fetched_at": rendered_at,
                "content_type": SNAPSHOT_TYPE,
                "content_length": len(body),
                "payload_digest": loc.payload_digest,
                "warc_file": loc.filename,
                "warc_offset": loc.offset,
                "warc_length": loc.length,
                "crawl_id": self.runtime.crawl_id,
                "via": VIA_SNAPSHOT,
                "page_capture": self.page_id,
            }
        )
        self.runtime.store.add_render(
            {
                "page_capture": self.page_id,
                "url": page_url,
                "rendered_at": rendered_at,
                "crawl_id": self.runtime.crawl_id,
                "snapshot_id": loc.record_id,
                "frames": len(rendered.frames),
                "exchanges": len(self.captured),
                "bytes": rendered.bytes,
                "clicks": rendered.clicks,
                "controls_left": rendered.left,
                "budget": rendered.budget,
                "error": rendered.error,
                "seconds": round(rendered.seconds, 3),
            }
        )

    def _concurrent(self) -> list[tuple[str, str]]:
        return [("WARC-Concurrent-To", self.page_id)] if self.page_id else []
