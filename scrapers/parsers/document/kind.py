"""What kind of page this is, and the CMS's own id of the article.

Listings, home pages, archives and error pages share markup with articles
(a WordPress home page is a column of ``article.post`` elements), so the
verdict comes from the page's own declarations first (WordPress body
classes, ``og:type``, JSON-LD types) and from its shape only when it says
nothing.
"""

from __future__ import annotations

import re

from scrapers.parsers.document.metadata import Metadata
from scrapers.parsers.document.scan import PageScan

_LISTING_CLASSES = frozenset(
    ["archive", "home", "blog", "error404", "search", "category", "tag", "author", "date", "paged"]
)
_ARTICLE_CLASSES = frozenset(["single", "single-post", "postid"])
# A WordPress static page (About, Contact, Privacy) is not a news article
# unless its structured data says it is.
_STATIC_PAGE_CLASSES = frozenset(["page", "page-template-default"])
_POSTID_CLASS = re.compile(r"\bpostid-(\d+)\b")
_POST_ID = re.compile(r"^post-(\d+)$")
_SHORTLINK = re.compile(r"[?&]p=(\d+)\b")


def _body_class(s: PageScan) -> str:
    if not s.nodes or s.tags[s.body] != "body":
        return ""
    return s.nodes[s.body].get("class") or ""


def post_id(s: PageScan, md: Metadata) -> str | None:
    """WordPress post ID from body class, ``article#post-N`` or the shortlink."""
    if m := _POSTID_CLASS.search(_body_class(s)):
        return m.group(1)
    ids = {
        m.group(1)
        for i in s.by_tag.get("article", ())
        if (m := _POST_ID.match(s.nodes[i].get("id") or ""))
    }
    if len(ids) == 1:
        return ids.pop()
    for href in md.links.get("shortlink", ()):
        if m := _SHORTLINK.search(href):
            return m.group(1)
    return None


def is_article_page(s: PageScan, md: Metadata) -> bool:
    """False for listings, home, archive, search and error pages."""
    classes = set(_body_class(s).split())
    if classes & _ARTICLE_CLASSES or any(c.startswith("postid-") for c in classes):
        return True
    if classes & _LISTING_CLASSES:
        return False
    if classes & _STATIC_PAGE_CLASSES:
        return bool(md.article)
    if md.article:
        return True
    og_type = (md.first("og:type") or "").lower()
    if og_type == "article":
        return True
    articles = s.by_tag.get("article", ())
    if len(articles) >= 3 and not any(s.contains(i, "h1") for i in articles):
        return False
    return og_type not in ("website", "profile") or "h1" in s.by_tag
