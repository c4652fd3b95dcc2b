"""Comment threads that scripts load, and article pages that only look like threads.

``build_site(..., scripted=True)`` pins these on posts of the demo site (off by
default, so the counts of the plain site stay as they are):

| kind | where the thread comes from | what gets it all |
|---|---|---|
| ``parley`` | a cross-origin iframe of the provider origin (:mod:`demosite.provider`), filled from a JSON API with cursor pagination | clicking "Load more comments" inside the frame |
| ``chorus`` | a custom element ``<chorus-comments>`` of the provider's script, rendering into an open shadow root from the provider's JSON (CORS) | clicking "Más comentarios" and "Ver N respuestas" inside the shadow root |
| ``lazy`` | HTML fragments of the site itself, fetched when the section scrolls into view | scrolling, then clicking "Load more comments" |
| ``button`` | the site's own JSON, fetched and rendered behind "Показать комментарии (N)" | clicking the button |
| ``inline-json`` | JSON embedded in the page, rendered by a script | running the script |
| ``trap-related``, ``trap-newsletter`` | no thread: comments are off; related stories with bylines, dates and teasers, a newsletter archive and "more" buttons that load more stories | nothing to get |

The thread's comments are the post's generated ones (``demosite.content``),
so the ground truth is the plain site's.  The JavaScript is plain and
hand-written (``demosite/js/``), served by the site and the provider origin:
nothing is fetched from elsewhere.  Same-origin assets and data are under
``/s/`` (:class:`SameOrigin`, the ``DemoServer`` hook).
"""

from __future__ import annotations

import json
import random
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from demosite.comments import respond_form
from demosite.content import Content, Reply, content
from demosite.fmt import autop, esc, iso

if TYPE_CHECKING:
    from demosite.model import Post, Site

KINDS = ("parley", "chorus", "lazy", "button", "inline-json")
TRAPS = ("trap-related", "trap-newsletter")
# comments per thread: enough for the provider's pages of 5 and the fragments of 4
SIZES = {"parley": 23, "chorus": 14, "lazy": 12, "button": 9, "inline-json": 6}
LANGS = {"chorus": "es", "button": "ru"}  # controls in other languages than English
# what a correct archiver names the thread's system
SYSTEMS = {
    "parley": "parley",
    "chorus": "chorus",
    "lazy": "wordpress",
    "button": "generic",
    "inline-json": "generic",
}
FRAGMENT_SIZE = 4  # top-level comments per lazy fragment
SPACER_PX = 1600  # the advertisement above a lazy thread: it starts out of view
JS = "application/javascript; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"

LABELS = {
    "en": {"comments": "Comments", "n_comments": "{n} comments", "more": "Load more comments",
           "show": "Show comments ({n})", "join": "Join the discussion", "post": "Post"},
    "es": {"comments": "Comentarios", "n_comments": "{n} comentarios", "more": "Más comentarios",
           "show": "Mostrar comentarios ({n})", "join": "Únete a la conversación", "post": "Publicar"},
    "ru": {"comments": "Комментарии", "n_comments": "Комментарии: {n}", "more": "Загрузить ещё",
           "show": "Показать комментарии ({n})", "join": "Оставьте комментарий", "post": "Отправить"},
}  # fmt: skip


def thread_id(post: Post) -> str:
    """The identifier the (imitated) providers give the post's thread."""
    return f"meridian-{post.post_id}"


# -- which posts ------------------------------------------------------------------


def assign_scripted(site: Site, rng: random.Random) -> None:
    """Pin the scripted kinds and the traps on posts that carry no other
    special (before ``assign_specials`` renumbers the comment ids)."""
    taken: set[int] = set()
    for kind in (*KINDS, *TRAPS):
        lang = LANGS.get(kind, "en")
        pool = _pool(site, lang, taken) or _pool(site, "en", taken)
        if not pool:
            continue
        post = rng.choice(pool)
        taken.add(post.idx)
        post.special = post.embed = kind
        site.specials[kind] = post
        post.n_pings = 0
        if kind in TRAPS:
            post.comment_status, post.n_comments = "off", 0
        else:
            post.theme, post.comment_status, post.n_comments = "modern", "open", SIZES[kind]


def _pool(site: Site, lang: str, taken: set[int]) -> list[Post]:
    return [
        p
        for p in site.posts
        if p.special is None and p.lang == lang and p.charset == "utf-8" and p.idx not in taken
    ]


# -- the article page ----------------------------------------------------------------


def section(site: Site, base: str, post: Post, c: Content) -> str:
    """What the page shows where the WordPress thread would be."""
    if post.embed in TRAPS:
        return _traps(site, base, post)
    t = LABELS[post.lang]
    n = len(c.comments)
    if post.embed == "parley":
        provider = site.provider or base
        return (
            f'<div id="comments" class="comments-area"><h2 class="comments-title">{t["comments"]}</h2>\n'
            f'<div id="parley_thread" data-parley-id="{thread_id(post)}"></div>\n'
            f'<script src="{provider}/embed.js" async></script>\n'
            "<noscript>Please enable JavaScript to view the comments.</noscript></div>\n"
        )
    if post.embed == "chorus":
        provider = site.provider or base
        return (
            f'<section class="comments-section" aria-label="{t["comments"]}">\n'
            f'<chorus-comments story="{thread_id(post)}" lang="{post.lang}"></chorus-comments>\n'
            f'<script src="{provider}/chorus/widget.js" defer></script></section>\n'
        )
    if post.embed == "lazy":
        return (
            f'<div class="ad-slot" style="height:{SPACER_PX}px">Advertisement</div>\n'
            f'<section id="comments" class="comments-area" data-lazy-comments="{base}/s/fragments/{post.post_id}/1.html">'
            f'<p class="comments-placeholder">Loading comments…</p>{respond_form(base, post)}</section>\n'
            f'<script src="{base}/s/js/lazy-comments.js" defer></script>\n'
        )
    if post.embed == "button":
        return (
            '<div id="comments" class="comments">\n'
            f'<button type="button" class="comments-toggle" aria-controls="comment-box" '
            f'data-comments-src="{base}/s/api/comments/{post.post_id}.json">{t["show"].format(n=n)}</button>\n'
            f'<div id="comment-box" class="comments-list" hidden></div>{_form(t)}</div>\n'
            f'<script src="{base}/s/js/show-comments.js" defer></script>\n'
        )
    data = json.dumps({"thread": thread_id(post), "posts": [_post_json(r) for r in c.comments]})
    data = data.replace("</", "<\\/")  # never ends the script element
    return (
        f'<div id="comments" class="discussion"><h2 class="discussion-count">{t["n_comments"].format(n=n)}</h2>'
        f'<div id="discussion-root"></div>{_form(t)}</div>\n'
        f'<script type="application/json" id="discussion-data">{data}</script>\n'
        f'<script src="{base}/s/js/inline-thread.js" defer></script>\n'
    )


def _form(t: dict[str, str]) -> str:
    return (
        f'<form class="comment-form" onsubmit="return false"><label>{t["join"]}'
        f'<textarea name="comment"></textarea></label><button type="submit">{t["post"]}</button></form>'
    )


def _traps(site: Site, base: str, post: Post) -> str:
    """Lists that look like threads (names, dates, text) on a page without one."""
    others = [p for p in site.posts if p is not post][:6]
    items = "".join(
        f'<li class="story-item"><a href="{base}{p.path}">{esc(p.title)}</a>'
        f'<div class="story-meta"><span class="story-author">{esc(p.authors[0].name)}</span> '
        f'<time datetime="{iso(p.published)}">{p.published:%B %d, %Y}</time></div>'
        f'<p class="story-teaser">{esc(content(site, p).excerpt(24))}</p></li>'
        for p in others[:3]
    )
    related = (
        '<section class="related-stories"><h2>More from The Daily Meridian</h2>'
        f'<ul class="story-list">{items}</ul><button type="button" class="load-more" '
        f'data-more="{base}/s/api/more-stories.json">Load more stories</button></section>\n'
    )
    if post.embed == "trap-related":
        return related + f'<script src="{base}/s/js/more-stories.js" defer></script>\n'
    issues = "".join(
        f'<li class="issue"><span class="issue-date">{p.published:%d %b %Y}</span> '
        f'<span class="issue-editor">{esc(p.authors[0].name)}</span>'
        f"<p>{esc(p.title)}: {esc(content(site, p).excerpt(18))}</p></li>"
        for p in others[3:6]
    )
    return (
        related
        + '<aside class="newsletter-box"><h3>The Morning Briefing</h3><p>Sign up for our daily newsletter.</p>'
        '<form class="newsletter-form" onsubmit="return false"><input type="email" name="email">'
        '<button type="submit">Subscribe</button></form><h4>Past issues</h4>'
        f'<ol class="issues">{issues}</ol><button type="button" class="show-more">Show more</button></aside>\n'
        f'<script src="{base}/s/js/more-stories.js" defer></script>\n'
    )


# -- data the scripts fetch ------------------------------------------------------------


def _post_json(r: Reply) -> dict[str, Any]:
    """A comment in the shape most providers use (Disqus's ``posts``)."""
    return {
        "id": str(r.id),
        "parent": str(r.parent) if r.parent is not None else None,
        "author": {"name": r.author, "url": r.author_url},
        "createdAt": iso(r.published),
        "message": autop(r.text),
    }


def button_json(c: Content) -> bytes:
    """The ``button`` thread's own shape: flat, ``parentId``, ``name``, ``date``, ``html``."""
    items = [
        {
            "id": r.id,
            "parentId": r.parent,
            "name": r.author,
            "date": iso(r.published),
            "html": autop(r.text),
        }
        for r in c.comments
    ]
    return json.dumps({"count": len(items), "items": items}, ensure_ascii=False).encode()


def fragment(site: Site, base: str, post: Post, n: int) -> bytes | None:
    """Lazy fragment ``n``: WordPress comment markup for the next top-level
    comments and their replies, and a "Load more comments" button while more remain."""
    from demosite.comments import _Walker  # the themes' own walker: the same markup

    c = content(site, post)
    tops = [r for r in c.comments if r.parent is None]
    shown = tops[(n - 1) * FRAGMENT_SIZE : n * FRAGMENT_SIZE]
    if n < 1 or not shown:
        return None
    walker = _Walker(base, post, c, 1)
    head = f'<h2 class="comments-title">{len(c.comments)} comments</h2>' if n == 1 else ""
    out = [head, '<ol class="comment-list">', *(walker.modern(r) for r in shown), "</ol>"]
    if n * FRAGMENT_SIZE < len(tops):
        nxt = f"{base}/s/fragments/{post.post_id}/{n + 1}.html"
        out.append(
            f'<button type="button" class="load-more-comments" data-next="{nxt}">'
            f"{LABELS[post.lang]['more']}</button>"
        )
    return "".join(out).encode()


def more_stories(site: Site, base: str) -> bytes:
    stories = [
        {"url": base + p.path, "title": p.title, "author": p.authors[0].name}
        for p in site.posts[-4:]
    ]
    return json.dumps({"stories": stories}, ensure_ascii=False).encode()


def script(name: str) -> bytes | None:
    """A hand-written script of ``demosite/js/``."""
    path = resources.files("demosite").joinpath("js", name)
    return path.read_bytes() if name.endswith(".js") and path.is_file() else None


class SameOrigin:
    """``DemoServer(site, hostile=SameOrigin(site))``: the site's own ``/s/`` routes."""

    def __init__(self, site: Site, fallback: Any = None) -> None:
        self.site = site
        self.fallback = fallback  # another hook (the hostile routes) for other paths

    def __call__(self, transport: Any, server: Any, target: str) -> bool:
        path = unquote(urlsplit(target).path)
        if not path.startswith("/s/"):
            return bool(self.fallback and self.fallback(transport, server, target))
        from demosite.hostile_wire import Transport

        conn = Transport(transport, server.clock.date_line())
        found = self.route(path, server.url.rstrip("/"))
        if found is None:
            conn.respond(404, b"<h1>Not found</h1>")
        else:
            conn.respond(200, found[1], found[0])
        return True

    def route(self, path: str, base: str) -> tuple[str, bytes] | None:
        parts = path.strip("/").split("/")  # s KIND ...
        if parts[1:2] == ["js"] and len(parts) == 3:
            body = script(parts[2])
            return (JS, body) if body else None
        if parts[1:] == ["api", "more-stories.json"]:
            return JSON_TYPE, more_stories(self.site, base)
        if parts[1:3] == ["api", "comments"] and len(parts) == 4:
            post = self._post(parts[3])
            if post is not None and post.embed == "button":
                return JSON_TYPE, button_json(content(self.site, post))
            return None
        post = self._post(parts[2] if len(parts) > 2 else "")
        if post is None:
            return None
        if parts[1] == "fragments" and len(parts) == 4 and post.embed == "lazy":
            n = parts[3].removesuffix(".html")
            body = fragment(self.site, base, post, int(n)) if n.isdigit() else None
            return ("text/html; charset=utf-8", body) if body else None
        return None

    def _post(self, raw: str) -> Post | None:
        raw = raw.removesuffix(".json")
        return self.site.by_id.get(int(raw)) if raw.isdigit() else None


def truth(site: Site) -> dict[str, Any]:
    """Which posts carry which kind (paths), for the ground truth."""
    return {
        "provider": site.provider,
        "threads": {k: site.specials[k].path for k in KINDS if k in site.specials},
        "traps": [site.specials[k].path for k in TRAPS if k in site.specials],
        "systems": SYSTEMS,
    }
