"""Comments from the WordPress REST API, reconciled with the HTML thread.

The API (``/wp-json/wp/v2/comments?post=ID``) is the site's own database
view: it is authoritative for comment ids, reply parents, author names and
links, and it states every date twice (site-local ``date`` and ``date_gmt``),
which gives the exact UTC offset.  The HTML is what readers saw and what the
WARC holds as the page, so the reconciliation keeps the page's text when the
two agree and the page-stated date when there is one; the API fills what the
page lacks (dates, timezones, comments on pages never fetched or hidden behind
"load more").  Pure functions: bytes in, records out.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from urllib.parse import urlencode, urljoin

import lxml.html

from scrapers.items import Comment
from scrapers.parsers.comments._dom import pruned_copy
from scrapers.parsers.comments.merge import merge_comments
from scrapers.parsers.document.text import clean_html, element_text

API_REL = "https://api.w.org/"
PER_PAGE = 100  # the API's maximum
_LINK_TAG = re.compile(rb"<link\b[^>]*\brel=[\"']https://api\.w\.org/[\"'][^>]*>", re.I)
_HREF = re.compile(rb"\bhref=[\"']([^\"']+)[\"']", re.I)
_HEADER = re.compile(r"<([^>]+)>\s*;\s*rel=\"?https://api\.w\.org/\"?")
_WS = re.compile(r"\s+")


def api_root(body: bytes, url: str, link_header: str | None = None) -> str | None:
    """The REST API root a page advertises (``<link rel="https://api.w.org/">``
    in the head, or the same relation in a ``Link`` header), absolute.  A bytes
    search of the head, so the crawler does not parse the page a second time."""
    if link_header and (m := _HEADER.search(link_header)):
        return urljoin(url, m.group(1).strip())
    end = body.find(b"</head>", 0, 200_000)
    head = body[: end if end >= 0 else 200_000]
    tag = _LINK_TAG.search(head)
    href = _HREF.search(tag.group(0)) if tag else None
    return urljoin(url, href.group(1).decode("latin-1").strip()) if href else None


def comments_url(root: str, post_id: str, page: int) -> str:
    """URL of page ``page`` of a post's comments, oldest first, 100 a page."""
    query = urlencode({"post": post_id, "per_page": PER_PAGE, "page": page, "order": "asc"})
    return f"{root.rstrip('/')}/wp/v2/comments?{query}"


def _offset(local: str, gmt: str) -> str | None:
    """The UTC offset (``-04:00``) that turns ``date_gmt`` into ``date``."""
    try:
        minutes = (datetime.fromisoformat(local) - datetime.fromisoformat(gmt)).total_seconds() / 60
    except ValueError:
        return None
    sign, minutes = ("-" if minutes < 0 else "+"), abs(int(minutes))
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def api_date(local: str | None, gmt: str | None) -> str | None:
    """ISO 8601 local time with its offset, as a theme's ``<time datetime>``
    would state it; UTC (``Z``) when only ``date_gmt`` is usable."""
    if local and gmt and (off := _offset(local, gmt)):
        return local + off
    return gmt + "Z" if gmt else None


def _text(rendered: str) -> tuple[str, str]:
    if not rendered.strip():
        return "", ""
    # The same whitespace handling as comment bodies read from the page, so
    # that equal comments compare equal.
    root = pruned_copy(lxml.html.fragment_fromstring(rendered, create_parent="div"), set())
    return element_text(root), clean_html(root)


def _comment(item: Mapping) -> Comment | None:
    if not isinstance(item, Mapping) or item.get("id") in (None, ""):
        return None
    parent = item.get("parent") or 0
    kind = item.get("type") or "comment"
    text, html = _text((item.get("content") or {}).get("rendered") or "")
    gmt = item.get("date_gmt") or None
    return Comment(
        id=str(item["id"]),
        parent_id=str(parent) if parent else None,
        author=(item.get("author_name") or "").strip() or None,
        author_url=item.get("author_url") or None,
        published=api_date(item.get("date"), gmt),
        published_raw=gmt,
        text=text,
        html=html,
        kind=kind if kind in ("comment", "pingback", "trackback") else "comment",
    )


# Errors that mean the whole API is off for us, not just this post's comments.
SITE_WIDE_ERRORS = frozenset(
    [
        "rest_disabled",
        "rest_no_route",
        "rest_not_logged_in",
        "rest_login_required",
        "rest_authentication_required",
        "rest_api_disabled",
    ]
)


def refusal_is_site_wide(status: int, body: bytes) -> bool:
    """Whether an API refusal holds for every post of the site (so a crawl
    need not ask again per article) rather than for one post.

    >>> refusal_is_site_wide(401, b'{"code":"rest_disabled","data":{"status":401}}')
    True
    >>> refusal_is_site_wide(401, b'{"code":"rest_cannot_read_post"}')
    False
    >>> refusal_is_site_wide(404, b"<html>Not found</html>")
    True
    """
    if status == 404:
        return True
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return True  # not the WordPress API's own error: something in front of it
    return not isinstance(data, dict) or data.get("code") in SITE_WIDE_ERRORS


def parse_api_comments(body: bytes) -> list[Comment]:
    """Comments of one API response page (a JSON list); [] for anything else,
    such as the ``{"code": "rest_disabled"}`` errors sites return."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(data, list):
        return []
    return [c for c in map(_well_formed, data) if c is not None]


def _well_formed(item: object) -> Comment | None:
    """An item of the wrong shape (``"content": "text"``, a number as the
    author) is skipped, never fatal: one bad item must not lose the thread."""
    try:
        return _comment(item)  # type: ignore[arg-type]
    except (AttributeError, TypeError, ValueError):
        return None


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _date(html: Comment, api: Comment) -> tuple[str | None, str | None, bool]:
    """(published, published_raw, approx): the page's date unless it is
    missing, relative ("3 days ago") or a less precise form of the API's."""
    page, exact = html.published, api.published
    if not exact or (page and not html.published_approx and not exact.startswith(page)):
        return page, html.published_raw, html.published_approx
    if page and not html.published_approx and len(page) >= len(exact):
        return page, html.published_raw, False
    return exact, html.published_raw or api.published_raw, False


def _combine(html: Comment, api: Comment) -> Comment:
    published, raw, approx = _date(html, api)
    same = _squash(html.text) == _squash(api.text) or not api.text
    return dataclasses.replace(
        html,
        parent_id=api.parent_id,
        author=api.author or html.author,
        author_url=api.author_url,
        published=published,
        published_raw=raw,
        published_approx=approx,
        text=html.text if same else api.text,
        html=html.html if same else api.html,
    )


def _depths(comments: Iterable[Comment]) -> list[Comment]:
    """Depth recomputed from the (API's) parent chain; thread order kept."""
    depth: dict[str, int] = {}
    out = []
    for c in comments:
        d = depth[c.parent_id] + 1 if c.parent_id in depth else 0
        depth[c.id] = d
        out.append(dataclasses.replace(c, depth=d) if d != c.depth else c)
    return out


def reconcile(html_comments: list[Comment], api_comments: list[Comment]) -> list[Comment]:
    """One thread from both sources, in thread order (oldest thread first,
    replies after their parents), positions renumbered.  HTML comments the API
    does not list (pingbacks, comments without ids) are kept as they are."""
    api = {c.id: c for c in api_comments}
    merged = [_combine(c, api[c.id]) if c.id in api else c for c in html_comments]
    seen = {c.id for c in html_comments}
    extra = [c for c in api_comments if c.id not in seen]
    return _depths(merge_comments([merged, extra]))


def api_total(value: str | None) -> int | None:
    """An integer header value (``X-WP-Total``, ``X-WP-TotalPages``), if sane."""
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


__all__ = [
    "API_REL",
    "api_date",
    "api_root",
    "api_total",
    "comments_url",
    "parse_api_comments",
    "reconcile",
]
