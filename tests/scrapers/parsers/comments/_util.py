"""Loading comment fixtures for the comment-parser tests."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from scrapers.parsers.comments import Thread, extract_thread

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "comments"
FETCHED_AT = "2024-06-10T12:00:00Z"  # frozen clock for relative dates


def thread(name: str, url: str = "https://blog.example.org/post/") -> Thread:
    """Parse a fixture page and extract its thread with the frozen clock."""
    doc = lxml.html.document_fromstring((FIXTURES / name).read_bytes())
    return extract_thread(doc, url, fetched_at=FETCHED_AT)
