"""Publication and update dates of an article page.

Machine-readable statements (JSON-LD, ``article:published_time``,
``<time datetime>``) come first because they carry the time zone; the visible
date next to the headline and a date in the URL path are the fallbacks.
"""

from __future__ import annotations

import re

from lxml import etree

from scrapers.parsers.dates import parse_date
from scrapers.parsers.metadata import Metadata, ld_text
from scrapers.parsers.select import select_first
from scrapers.parsers.text import inline_text

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "original-publish-date",
    "creation_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "modified_time",
    "article.updated",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
)
# Each path is one traversal: a union of "//" paths would walk the tree once per path.
_PUBLISHED_XPATH = etree.XPath(
    "//*[@itemprop='datePublished' or (self::time and (@pubdate or contains(@class, 'published') "
    "or contains(@class, 'entry-date'))) or (@class and not(self::body or self::html or "
    "self::article) and ("
    + " or ".join(
        f"contains(@class, '{c}')"
        for c in (
            "posted-on",
            "entry-date",
            "published",
            "post-date",
            "article-date",
            "dateline",
            "byline",
            "date",
            "pubdate",
            "publish-date",
            "meta-date",
            "entry-meta",
        )
    )
    + "))]"
)
_DATEISH_XPATH = etree.XPath(
    "//*[self::time or contains(@id, 'date') or (@class and not(self::body or self::html or "
    "self::article or self::main) and (contains(@class, 'date') or contains(@class, 'Date') or "
    "contains(@class, 'time') or contains(@class, 'datum') or contains(@class, 'fecha') or "
    "contains(@class, 'meta')))]"
)
_MODIFIED_XPATH = etree.XPath(
    "//*[@itemprop='dateModified' or (self::time and contains(@class, 'updated'))]"
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-|\.)")


def _from_element(el: etree._Element) -> tuple[str | None, str | None]:
    time_el = el.find(".//time[@datetime]")
    if time_el is not None and time_el is not el:
        iso, _ = parse_date(time_el.get("datetime"))
        if iso:
            return iso, time_el.get("datetime")
    text = inline_text(el)
    for raw in (
        el.get("datetime"),
        el.get("content"),
        el.get("title"),
        text if len(text) < 200 else None,
    ):
        iso, _ = parse_date(raw)
        if iso:
            return iso, raw
    return None, None


def _in_comment(el: etree._Element) -> bool:
    return any("comment" in (a.get("class") or "") for a in el.iterancestors())


def _first_dom_date(nodes: list[etree._Element]) -> tuple[str | None, str | None]:
    for el in nodes[:30]:
        if _in_comment(el):
            continue
        iso, raw = _from_element(el)
        if iso:
            return iso, raw
    return None, None


def text_date_near_title(doc: etree._Element) -> tuple[str | None, str | None]:
    """A date in a short line of text right after the headline (or before it)."""
    h1 = doc.find(".//h1")
    texts: list[str] = []
    after: list[str] = []
    for el in (h1.getparent() if h1 is not None and h1.getparent() is not None else doc).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        for raw in (el.text, el.tail):
            if raw and 6 <= len(raw.strip()) <= 80:
                (after if el is h1 or after else texts).append(raw)
        if el is h1:
            after.append("")
        if len(after) > 40:
            break
    for raw in after + texts[::-1][:20]:
        iso, _ = parse_date(raw)
        if iso:
            return iso, raw.strip()
    return None, None


def _meta_date(md: Metadata, ld_key: str, names: tuple[str, ...]) -> tuple[str | None, str | None]:
    for raw in (ld_text(md.ld(ld_key)), *(md.first(n) for n in names)):
        iso, _ = parse_date(raw)
        if iso:
            return iso, raw
    return None, None


def url_date(url: str) -> str | None:
    """A date in the URL path ("/2019/04/24/slug"), as ISO date."""
    m = _URL_DATE.search(url or "")
    return parse_date("-".join(m.groups()))[0] if m else None


def extract_dates(
    doc: etree._Element, md: Metadata, url: str, *, selector: str | None = None
) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """((published, raw), (modified, raw)); each ISO 8601 or None."""
    published: tuple[str | None, str | None] = (None, None)
    if selector and (el := select_first(doc, selector)) is not None:
        published = _from_element(el)
    if not published[0]:
        published = _meta_date(md, "datePublished", _PUBLISHED_META)
    if not published[0]:
        published = _first_dom_date(_PUBLISHED_XPATH(doc))
    if not published[0]:
        published = _first_dom_date([el for el in _DATEISH_XPATH(doc) if len(el) < 8])
    if not published[0]:
        published = text_date_near_title(doc)
    if not published[0] and (iso := url_date(url)):
        published = (iso, url)
    modified = _meta_date(md, "dateModified", _MODIFIED_META)
    if not modified[0]:
        modified = _first_dom_date(_MODIFIED_XPATH(doc))
    return published, modified
