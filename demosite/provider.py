"""The demo site's second origin: two imitated third-party comment providers.

Served on another loopback address (127.0.0.3 by default), so the article
pages of the demo site embed it as they would Disqus or Coral: another host,
another origin.  Both providers are made up; they behave the way the real
ones do in the respects that matter to an archiver:

- **Parley** (after Disqus): ``/embed.js`` puts a cross-origin ``<iframe>``
  into ``#parley_thread``; the frame's script reads
  ``/api/3.0/threads/listPosts.json?thread=ID&limit=5&cursor=C`` (the usual
  JSON shape: ``response`` = posts with ``id``, ``parent``, ``author.name``,
  ``createdAt``, ``message``; ``cursor.hasNext``/``cursor.next``;
  ``thread.posts`` the total) and shows "Load more comments" while a next
  page exists.  The frame prints relative dates ("3 years ago"): only the
  JSON has exact ones.
- **Chorus** (after Coral and OpenWeb): ``/chorus/widget.js`` defines the
  custom element ``<chorus-comments story=ID>``, which renders into an open
  shadow root from ``/chorus/api/stories/ID/comments?page=N`` (CORS; its own
  shape: ``comments`` nested by ``replies``, ``commentId``, ``user.displayName``,
  ``body``), a page of top-level comments at a time behind a "more" button,
  and replies past the first behind "N replies" buttons.

``ProviderHook`` is the ``DemoServer`` hook that answers every path;
:func:`serve_scripted` starts the provider and the demo site together.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from demosite.content import Content, Reply, content
from demosite.fmt import autop, iso
from demosite.scripted import JS, JSON_TYPE, LABELS, SameOrigin, script

if TYPE_CHECKING:
    from demosite.model import Post, Site
    from demosite.server import DemoServer

PROVIDER_HOST = "127.0.0.3"
PARLEY_LIMIT = 5  # posts per API page (Disqus: 25 by default, 100 at most)
CHORUS_PAGE = 4  # top-level comments per page
_CORS = [("Access-Control-Allow-Origin", "*"), ("Cache-Control", "no-store")]


def _thread(site: Site, raw: str) -> Post | None:
    """``meridian-POSTID`` -> the post, when it carries this provider's thread."""
    num = raw.removeprefix("meridian-")
    post = site.by_id.get(int(num)) if num.isdigit() else None
    return post if post is not None and post.embed in ("parley", "chorus") else None


def _utc(r: Reply) -> str:
    """Parley states times in UTC (Disqus states them in UTC without the ``Z``)."""
    return r.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def list_posts(site: Site, query: dict[str, list[str]]) -> tuple[int, bytes]:
    """Parley's ``threads/listPosts``: oldest first, thread order, cursor ``offset:0:0``."""
    post = _thread(site, query.get("thread", [""])[0])
    if post is None or post.embed != "parley":
        return 400, json.dumps({"code": 2, "response": "Invalid argument: thread"}).encode()
    raw_limit = query.get("limit", [str(PARLEY_LIMIT)])[0]
    limit = min(int(raw_limit), 100) if raw_limit.isdigit() and int(raw_limit) else PARLEY_LIMIT
    cursor = query.get("cursor", ["0:0:0"])[0].split(":")[0]
    start = int(cursor) if cursor.isdigit() else 0
    c = content(site, post)
    page = c.comments[start : start + limit]
    more = start + limit < len(c.comments)
    body = {
        "code": 0,
        "cursor": {
            "prev": f"{max(0, start - limit)}:0:1" if start else None,
            "hasNext": more,
            "next": f"{start + limit}:0:0" if more else None,
            "hasPrev": bool(start),
        },
        "thread": {"id": f"meridian-{post.post_id}", "posts": len(c.comments), "title": post.title},
        "response": [
            {
                "id": str(r.id),
                "parent": r.parent,
                "thread": f"meridian-{post.post_id}",
                "author": {"name": r.author, "url": r.author_url or "", "isAnonymous": False},
                "createdAt": _utc(r),
                "message": autop(r.text),
                "isDeleted": False,
            }
            for r in page
        ],
    }
    return 200, json.dumps(body, ensure_ascii=False).encode()


def chorus_page(site: Site, thread: str, query: dict[str, list[str]]) -> tuple[int, bytes]:
    """Chorus's story comments: a page of top-level comments with their replies nested."""
    post = _thread(site, thread)
    if post is None or post.embed != "chorus":
        return 404, b'{"error": "story not found"}'
    raw = query.get("page", ["1"])[0]
    n = int(raw) if raw.isdigit() and int(raw) > 0 else 1
    c = content(site, post)
    tops = [r for r in c.comments if r.parent is None]
    pages = max(1, -(-len(tops) // CHORUS_PAGE))
    shown = tops[(n - 1) * CHORUS_PAGE : n * CHORUS_PAGE]
    body = {
        "story": thread,
        "total": len(c.comments),
        "page": n,
        "pages": pages,
        "comments": [_chorus(r, c) for r in shown],
    }
    return 200, json.dumps(body, ensure_ascii=False).encode()


def _chorus(r: Reply, c: Content) -> dict[str, Any]:
    kids = [k for k in c.comments if k.parent == r.id]
    return {
        "commentId": r.id,
        "user": {"displayName": r.author, "profile": r.author_url},
        "createdAt": iso(r.published),
        "body": autop(r.text),
        "replies": [_chorus(k, c) for k in kids],
    }


def frame_html(thread: str, lang: str) -> bytes:
    """The Parley frame's document: empty until its script fills it."""
    t = LABELS.get(lang, LABELS["en"])
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Parley</title>'
        "<style>body{font:14px sans-serif;margin:0}.children{margin-left:2em}</style></head>"
        f'<body><div id="parley" data-thread="{thread}"><h2 class="thread-count"></h2>'
        '<ul id="posts" class="post-list"></ul>'
        f'<button type="button" id="load-more" class="load-more" hidden>{t["more"]}</button>'
        f'<form class="parley-form comment-form" onsubmit="return false"><textarea name="message" '
        f'placeholder="{t["join"]}"></textarea></form></div>'
        '<script src="/static/parley-frame.js"></script></body></html>'
    ).encode()


class ProviderHook:
    """``DemoServer(site, host=PROVIDER_HOST, hostile=ProviderHook(site))``: every path."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def __call__(self, transport: Any, server: Any, target: str) -> bool:
        from demosite.hostile_wire import Transport

        conn = Transport(transport, server.clock.date_line())
        status, ctype, body, extra = self.route(target)
        conn.respond(status, body, ctype, extra)
        return True

    def route(self, target: str) -> tuple[int, str, bytes, list[tuple[str, str]]]:
        parts = urlsplit(target)
        path, query = unquote(parts.path), parse_qs(parts.query)
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow:\n", []
        scripts = {
            "/embed.js": "parley-embed.js",
            "/static/parley-frame.js": "parley-frame.js",
            "/chorus/widget.js": "chorus-widget.js",
        }
        if path in scripts:
            return 200, JS, script(scripts[path]) or b"", []
        if path.startswith("/embed/"):
            thread = path.removeprefix("/embed/")
            if _thread(self.site, thread) is not None:
                lang = query.get("lang", ["en"])[0]
                return 200, "text/html; charset=utf-8", frame_html(thread, lang), []
        elif path == "/api/3.0/threads/listPosts.json":
            status, body = list_posts(self.site, query)
            return status, JSON_TYPE, body, _CORS
        elif path.startswith("/chorus/api/stories/") and path.endswith("/comments"):
            thread = path.removeprefix("/chorus/api/stories/").removesuffix("/comments")
            status, body = chorus_page(self.site, thread, query)
            return status, JSON_TYPE, body, _CORS
        return 404, "text/html; charset=utf-8", b"<h1>Not found</h1>", []


@contextlib.contextmanager
def serve_scripted(
    site: Site, *, port: int = 0, provider_host: str = PROVIDER_HOST, provider_port: int = 0
) -> Iterator[tuple[DemoServer, DemoServer]]:
    """The provider origin and the demo site (with its ``/s/`` routes), on
    background threads: ``with serve_scripted(site) as (main, provider): ...``."""
    from demosite.server import DemoServer

    with DemoServer(site, provider_host, provider_port, hostile=ProviderHook(site)) as provider:
        site.provider = provider.url.rstrip("/")
        with DemoServer(site, port=port, hostile=SameOrigin(site)) as main:
            yield main, provider


def run_scripted(site: Site, *, port: int, ground_truth: str | None) -> None:
    """``newsarchive demo-site --scripted``: the site and the providers' origin,
    until Ctrl-C (the ground truth is written once both URLs are known)."""
    import json
    import time
    from pathlib import Path

    with serve_scripted(site, port=port) as (main, provider):
        if ground_truth:
            Path(ground_truth).write_text(json.dumps(site.ground_truth(), ensure_ascii=False))
        print(f"Demo site on {main.url} (comment providers on {provider.url})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
