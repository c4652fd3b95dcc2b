"""What the browser stage leaves in WARC besides exchanges, read by the crawl and the re-parse.

- the **snapshot**: one ``resource`` record per rendered page,
  ``WARC-Target-URI: urn:dom:<page URL>``, a JSON document of every frame's
  rendered DOM exactly as serialized (open shadow roots inlined) and how the
  render ended; it is indexed in ``captures`` too (``via = 'snapshot'``), so
  a re-parse needs nothing but ``captures`` and the WARC files;
- the **answers**: which of the browser's responses may carry the thread as
  data (JSON, JSONP), by status, type and body, so that the crawl and a
  re-parse hand the same ones to the thread extractor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

SNAPSHOT_TYPE = "application/json; profile=newsarchive-rendered-frames"
VIA_BROWSER = "browser"  # captures.via of an exchange the browser made
VIA_SNAPSHOT = "snapshot"  # captures.via of a snapshot record
_NOT_DATA = ("text/html", "text/css", "image/", "font/", "audio/", "video/", "application/wasm")


def snapshot_uri(page_url: str) -> str:
    return "urn:dom:" + page_url


def frames_document(page_url: str, frames: Iterable[Any], verdict: dict[str, Any]) -> bytes:
    """The snapshot record's body: ``frames`` have ``url``, ``html``, ``main``,
    ``in_thread``; ``verdict`` is how the render ended (``clicks``,
    ``left``, ``budget``, ``error``)."""
    doc = {
        "page": page_url,
        **verdict,
        "frames": [
            {"url": f.url, "main": f.main, "in_thread": f.in_thread, "html": f.html} for f in frames
        ],
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def read_snapshot(body: bytes) -> dict[str, Any]:
    """A snapshot record's document: ``frames`` (``url``, ``main``,
    ``in_thread``, ``html``) and the verdict (``clicks``, ``left``,
    ``budget``, ``error``)."""
    return json.loads(body.decode("utf-8"))


def exhausted(snapshot: dict[str, Any]) -> bool:
    """The render showed all: nothing left to click, no budget hit, no error."""
    return not snapshot.get("left") and not snapshot.get("budget") and not snapshot.get("error")


def is_answer(status: int, content_type: str | None, body: bytes | None) -> bool:
    """A response that may carry the thread as data: a 2xx body that is not a
    page, a style sheet, an image, a font or media."""
    if not body or not 200 <= status < 300:
        return False
    return not (content_type or "").lower().strip().startswith(_NOT_DATA)
