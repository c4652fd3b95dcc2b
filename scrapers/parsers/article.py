"""Article fields (STUB: to be replaced by the article parser work)."""

from __future__ import annotations

from scrapers.items import Article
from scrapers.parsers.text import element_text, inline_text


def extract_article(doc, url: str, *, exclude=(), selectors=None) -> Article:
    h1 = doc.find(".//h1")
    body = doc.find(".//body")
    return Article(url=url, title=inline_text(h1) or None,
                   body=element_text(body) if body is not None else "")
