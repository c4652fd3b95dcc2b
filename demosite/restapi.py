"""The WordPress REST API's comments route, as real WordPress serves it.

``/wp-json/wp/v2/comments?post=ID&per_page=N&page=K`` lists approved comments
(``type=comment`` only, like WordPress's default), newest first unless
``order=asc``, with ``X-WP-Total`` and ``X-WP-TotalPages``.  Posts of the
classic theme stand for posts whose comments the API will not list (password
protection, a plugin's per-post rule): 401 with a ``rest_cannot_read_post``
error, the JSON shape WordPress uses for errors.
"""

from __future__ import annotations

import json
from datetime import UTC
from urllib.parse import parse_qs

from demosite.content import Reply, content
from demosite.fmt import autop, naive_iso
from demosite.model import Post, Site

MAX_PER_PAGE = 100
JSON = "application/json; charset=UTF-8"


def error(code: str, message: str, status: int) -> tuple[int, dict[str, str], bytes]:
    body = {"code": code, "message": message, "data": {"status": status}}
    return status, {}, json.dumps(body).encode()


def _int(query: dict[str, list[str]], name: str, default: int) -> int | None:
    raw = query.get(name, [str(default)])[0]
    return int(raw) if raw.isdigit() else None


def _item(base: str, post: Post, r: Reply, pages: int) -> dict:
    gmt = r.published.astimezone(UTC)
    link = f"{base}{post.comment_page_path(r.page, pages)}#comment-{r.id}"
    return {
        "id": r.id,
        "post": post.post_id,
        "parent": r.parent or 0,
        "author": 1 if r.by_post_author else 0,
        "author_name": r.author,
        "author_url": r.author_url or "",
        "date": naive_iso(r.published),
        "date_gmt": naive_iso(gmt),
        "content": {"rendered": autop(r.text) + "\n"},
        "link": link,
        "status": "approved",
        "type": "comment",
        "author_avatar_urls": {},
        "meta": [],
    }


def comments_route(site: Site, base: str, query_string: str) -> tuple[int, dict[str, str], bytes]:
    """(status, extra headers, JSON body) for a GET of the comments route."""
    query = parse_qs(query_string)
    post_id, per_page, page = (
        _int(query, "post", 0),
        _int(query, "per_page", 10),
        _int(query, "page", 1),
    )
    if post_id is None or per_page is None or page is None or not 1 <= per_page <= MAX_PER_PAGE:
        return error("rest_invalid_param", "Invalid parameter(s): per_page", 400)
    post = site.by_id.get(post_id)
    if post is None:  # WordPress answers an unknown post with an empty list
        return 200, {"X-WP-Total": "0", "X-WP-TotalPages": "0"}, b"[]"
    if not post.rest_api:
        return error("rest_cannot_read_post", "Sorry, you are not allowed to read this post.", 401)
    c = content(site, post)
    listed = [r for r in c.comments if r.kind == "comment"]
    listed.sort(key=lambda r: (r.published, r.id), reverse=query.get("order") != ["asc"])
    total = len(listed)
    pages = -(-total // per_page)
    if page > max(1, pages):
        return error("rest_comment_invalid_page_number", "The page number requested is larger than the number of pages available.", 400)  # fmt: skip
    chunk = listed[(page - 1) * per_page : page * per_page]
    items = [_item(base, post, r, c.comment_pages) for r in chunk]
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
    return 200, headers, json.dumps(items, ensure_ascii=False).encode()


def route(site: Site, base: str, path: str, query_string: str) -> tuple[int, dict[str, str], bytes]:
    """Any ``/wp-json/`` path: the index, the comments route, or ``rest_no_route``."""
    if path in ("/wp-json", "/wp-json/"):
        index = {"name": site.name, "url": base, "namespaces": ["wp/v2"], "routes": {}}
        return 200, {}, json.dumps(index).encode()
    if path.rstrip("/") == "/wp-json/wp/v2/comments":
        return comments_route(site, base, query_string)
    return error("rest_no_route", "No route was found matching the URL and request method.", 404)
