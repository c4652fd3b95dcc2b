"""Routing and the response cache: request target in, HTTP head and body out.

Responses are rendered once and kept as bytes (plain and gzipped), so a
repeated fetch costs a dict lookup; the server adds only ``Date`` and
``Connection``.  The cache is bounded by bytes, evicting the oldest entries.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import parse_qs, quote, unquote

from demosite import restapi
from demosite.article import render_article
from demosite.chrome import Chrome
from demosite.content import content
from demosite.listings import render_listing, resolve
from demosite.model import Post, Site
from demosite.xmlfeeds import STATIC_PAGES, feed, robots, sitemap

_COMMENT_PAGE = re.compile(r"^(/.+/)(?:comment-page-(\d+)/|\?cpage=(\d+))$")
_GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
}
_HTML = "text/html; charset=UTF-8"


class Response:
    """A rendered response: status, headers and body, before transfer details."""

    __slots__ = ("status", "ctype", "body", "location", "extra")

    def __init__(
        self,
        status: int,
        ctype: str,
        body: bytes,
        location: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.status, self.ctype, self.body, self.location = status, ctype, body, location
        self.extra = extra or {}


class App:
    """Renders and caches every URL of one site served at ``base``."""

    def __init__(self, site: Site, base: str, cache_bytes: int = 512 * 1024 * 1024) -> None:
        self.site = site
        self.chrome = Chrome(site, base)
        self.base = self.chrome.base
        self.posts = {unquote(p): post for p, post in site.by_path.items()}
        self.cache: dict[tuple[str, bool], tuple[bytes, bytes]] = {}
        self.cache_bytes = cache_bytes
        self.cached = 0

    # -- public ----------------------------------------------------------------
    def respond(self, target: str, gzip_ok: bool) -> tuple[bytes, bytes]:
        """(head lines without the final CRLF, body) for a GET of ``target``."""
        key = self._key(target)
        hit = self.cache.get((key, gzip_ok))
        if hit is not None:
            return hit
        resp = self.route(key)
        head = [
            f"HTTP/1.1 {resp.status} {_REASONS[resp.status]}",
            "Server: nginx",
            f"Content-Type: {resp.ctype}",
        ]
        body = resp.body
        if resp.location:
            head.append(f"Location: {resp.location}")
        head.extend(f"{k}: {v}" for k, v in resp.extra.items())
        if resp.ctype.startswith("text/html"):
            head.append("Vary: Accept-Encoding")
            if gzip_ok:
                body = gzip.compress(body, 6, mtime=0)
                head.append("Content-Encoding: gzip")
        head.append(f"Content-Length: {len(body)}")
        out = (("\r\n".join(head) + "\r\n").encode("latin-1"), body)
        self._store((key, gzip_ok), out)
        return out

    def _store(self, key: tuple[str, bool], value: tuple[bytes, bytes]) -> None:
        size = len(value[0]) + len(value[1])
        while self.cache and self.cached + size > self.cache_bytes:
            old = self.cache.pop(next(iter(self.cache)))
            self.cached -= len(old[0]) + len(old[1])
        self.cache[key] = value
        self.cached += size

    @staticmethod
    def _key(target: str) -> str:
        """Normalise the target: drop the query except WordPress's ``?p=``."""
        if target.startswith(("http://", "https://")):
            target = "/" + target.split("/", 3)[3] if target.count("/") >= 3 else "/"
        path, _, query = target.partition("?")
        path = unquote(path)
        if path.startswith("/wp-json") and query:
            return f"{path}?{query}"
        if query:
            args = parse_qs(query)
            if path == "/" and args.get("p"):
                return f"/?p={args['p'][0]}"
            if args.get("cpage"):
                return f"{path}?cpage={args['cpage'][0]}"
        return path

    # -- routing ---------------------------------------------------------------
    def html(self, text: str, charset: str = "utf-8", status: int = 200) -> Response:
        if charset == "utf-8":
            return Response(status, _HTML, text.encode("utf-8"))
        return Response(
            status, f"text/html; charset={charset}", text.encode(charset, "xmlcharrefreplace")
        )

    def redirect(self, path: str, status: int = 301) -> Response:
        return Response(status, _HTML, b"", self.base + path)

    def route(self, path: str) -> Response:
        """Dispatch a normalised path (see ``_key``)."""
        site, chrome = self.site, self.chrome
        if path.startswith("/?p="):
            pid = path[4:]
            post = site.by_id.get(int(pid)) if pid.isdigit() else None
            return self.redirect(post.path) if post else self.not_found()
        if path.startswith("/wp-json"):
            status, extra, body = restapi.route(site, chrome.base, *path.partition("?")[::2])
            return Response(status, restapi.JSON, body, extra=extra)
        post = self.posts.get(path)
        if post is not None:
            return self.html(render_article(chrome, post), post.charset)
        if path == "/robots.txt":
            return Response(200, "text/plain; charset=utf-8", robots(chrome).encode())
        if path == "/feed/":
            return Response(200, "application/rss+xml; charset=UTF-8", feed(chrome).encode())
        if path.endswith(".xml"):
            xml = sitemap(chrome, path)
            if xml is not None:
                return Response(200, "application/xml; charset=UTF-8", xml.encode())
        m = _COMMENT_PAGE.match(path)
        if m and m.group(1) in self.posts:
            return self.comment_page(self.posts[m.group(1)], int(m.group(2) or m.group(3)))
        found = resolve(site, path)
        if found is not None:
            arc, n = found
            if n == 1 and path != arc.root:
                return self.redirect(arc.root)
            if n <= arc.pages:
                return self.html(render_listing(chrome, arc, n), arc.charset)
            return self.not_found()
        return self.misc(path)

    def comment_page(self, post: Post, n: int) -> Response:
        """Comment page ``n``; the page the article URL shows redirects there."""
        pages = content(self.site, post).comment_pages
        if n == post.default_page(pages):
            return self.redirect(post.path)
        if 1 <= n <= pages:
            return self.html(render_article(self.chrome, post, n), post.charset)
        return self.not_found()

    def misc(self, path: str) -> Response:
        """Static pages, admin, assets, slash redirects, 404."""
        for p, title in STATIC_PAGES:
            if path == p:
                main = (
                    f'<article class="page type-page status-publish hentry"><header class="entry-header">'
                    f'<h1 class="entry-title">{title}</h1></header><div class="entry-content"><p>'
                    f"{self.site.name} is an independent news site. This page is about {title.lower()}.</p></div></article>\n"
                )
                return self.html(self.chrome.page(title=title, lang="en", charset="utf-8",
                                                  body_class="page-template-default page", main=main))  # fmt: skip
        if path.startswith("/wp-admin/") or path == "/wp-admin":
            return self.redirect("/wp-login.php?redirect_to=%2Fwp-admin%2F&reauth=1", 302)
        if path == "/wp-login.php":
            return self.html(
                '<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Log In</title></head>'
                '<body class="login"><form name="loginform" id="loginform" method="post"><input name="log" />'
                '<input type="password" name="pwd" /></form></body></html>'
            )
        if path.startswith(("/wp-content/", "/wp-includes/")):
            if path.endswith(".css"):
                return Response(200, "text/css", b"body{margin:0}\n")
            if path.endswith(".js"):
                return Response(200, "application/javascript", b"/* demo */\n")
            return Response(200, "image/gif", _GIF)
        if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            slashed = path + "/"
            if slashed in self.posts:
                return self.redirect(self.posts[slashed].path)
            if resolve(self.site, slashed) is not None:
                return self.redirect(quote(slashed, safe="/"))
        return self.not_found()

    def not_found(self) -> Response:
        main = (
            '<section class="error-404 not-found"><header class="page-header"><h1 class="page-title">'
            'Oops! That page can&rsquo;t be found.</h1></header><div class="page-content"><p>It looks like '
            "nothing was found at this location. Maybe try one of the links below or a search?</p></div></section>\n"
        )
        page = self.chrome.page(
            title="Page not found", lang="en", charset="utf-8", body_class="error404", main=main
        )
        return self.html(page, status=404)
