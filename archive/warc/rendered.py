"""What the browser stage leaves in WARC besides exchanges, read by the crawl and the re-parse.

- the **snapshot**: one ``resource`` record per rendered page,
  ``WARC-Target-URI: urn:dom:<page URL>``, a JSON document of every frame's
  rendered DOM exactly as serialized (open shadow roots inlined);
- the **answers**: which of the browser's responses may carry the thread as
  data (JSON, JSONP), by status, type and body, so that the crawl and a
  re-parse hand the same ones to the thread extractor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

SNAPSHOT_TYPE = "application/json; profile=newsarchive-rendered-frames"
_NOT_DATA = ("text/html", "text/css", "image/", "font/", "audio/", "video/", "application/wasm")


def snapshot_uri(page_url: str) -> str:
    return "urn:dom:" + page_url


def frames_document(page_url: str, frames: Iterable[Any], clicks: int) -> bytes:
    """The snapshot record's body: ``frames`` have ``url``, ``html``, ``main``, ``in_thread``."""
    doc = {
        "page": page_url,
        "clicks": clicks,
        "frames": [
            {"url": f.url, "main": f.main, "in_thread": f.in_thread, "html": f.html} for f in frames
        ],
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def read_frames(body: bytes) -> list[dict[str, Any]]:
    """The frames of a snapshot record (``url``, ``main``, ``in_thread``, ``html``)."""
    return json.loads(body.decode("utf-8"))["frames"]


def is_answer(status: int, content_type: str | None, body: bytes | None) -> bool:
    """A response that may carry the thread as data: a 2xx body that is not a
    page, a style sheet, an image, a font or media."""
    if not body or not 200 <= status < 300:
        return False
    return not (content_type or "").lower().strip().startswith(_NOT_DATA)
