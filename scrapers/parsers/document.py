"""Bytes to DOM (STUB: to be replaced by the article parser work)."""

from __future__ import annotations

import lxml.html


def load_html(body: bytes, *, content_type: str | None = None, url: str | None = None):
    if not body or not body.strip():
        return None
    try:
        return lxml.html.document_fromstring(body.decode("utf-8", "replace"))
    except Exception:
        return None
