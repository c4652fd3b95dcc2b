"""Routing and the response cache: request target in, HTTP head and body out.

Responses are rendered once and kept as bytes (plain and gzipped), so a
repeated fetch costs a dict lookup; the server adds only ``Date`` and
``Connection``.  The cache is bounded by bytes, evicting the oldest entries.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime
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
    304: "Not Modified",
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


class Rendered:
    """A cached response: its head, body and the head of its 304."""

    __slots__ = ("head", "body", "not_modified", "etag", "last_modified")

    def __init__(self, head: bytes, body: bytes, not_modified: bytes) -> None:
        self.head, self.body, self.not_modified = head, body, not_modified
        self.etag = _header(head, b"etag")
        self.last_modified = _header(head, b"last-modified")


def _header(head: bytes, name: bytes) -> bytes | None:
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip()
    return None


def _not_modified(hit: Rendered, if_none_match: bytes | None, since: bytes | None) -> bool:
    """RFC 9110 13.2.2: If-None-Match (weak comparison) wins over If-Modified-Since."""
    if if_none_match:
        if hit.etag is None:
            return False
        tags = {t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")}
        return b"*" in tags or hit.etag.removeprefix(b"W/") in tags
    if since and hit.last_modified:
        try:
            return parsedate_to_datetime(hit.last_modified.decode()) <= parsedate_to_datetime(
                since.decode("latin-1")
            )
        except (TypeError, ValueError):
            return False
    return False


class App:
    """Renders and caches every URL of one site served at ``base``."""

    def __init__(self, site: Site, base: str, cache_bytes: int = 512 * 1024 * 1024) -> None:
        self.site = site
        self.chrome = Chrome(site, base)
        self.base = self.chrome.base
        self.posts = {unquote(p): post for p, post in site.by_path.items()}
        self.cache: dict[tuple[str, bool], Rendered] = {}
        self.cache_bytes = cache_bytes
        self.cached = 0
        self.version = site.version

    def _invalidate(self) -> None:
        """The site changed (``Site.edit_*``, ``advance``): drop every rendering."""
        self.version = self.site.version
        self.cache.clear()
        self.cached = 0
        self.chrome = Chrome(self.site, self.base)

    # -- public ----------------------------------------------------------------
    def respond(
        self,
        target: str,
        gzip_ok: bool,
        if_none_match: bytes | None = None,
        if_modified_since: bytes | None = None,
    ) -> tuple[bytes, bytes]:
        """(head lines without the final CRLF, body) for a GET of ``target``;
        a conditional request for an unchanged page gets a bodiless 304."""
        if self.site.version != self.version:
            self._invalidate()
        key = self._key(target)
        hit = self.cache.get((key, gzip_ok))
        if hit is None:
            hit = self._render(key, gzip_ok)
        if (if_none_match or if_modified_since) and _not_modified(
            hit, if_none_match, if_modified_since
        ):
            return hit.not_modified, b""
        return hit.head, hit.body

    def _render(self, key: str, gzip_ok: bool) -> Rendered:
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
        validators = []
        if resp.status == 200:
            # weak: the same for the gzip and identity variants, as nginx does
            validators.append(f'ETag: W/"{hashlib.sha1(resp.body).hexdigest()[:20]}"')
            post = self.posts.get(key)
            if post is not None:
                modified = self.site.last_modified(post)
                validators.append(
                    f"Last-Modified: {format_datetime(modified.astimezone(UTC), usegmt=True)}"
                )
        head.extend(validators)
        head.append(f"Content-Length: {len(body)}")
        not_modified = "\r\n".join(["HTTP/1.1 304 Not Modified", "Server: nginx", *validators])
        out = Rendered(
            ("\r\n".join(head) + "\r\n").encode("latin-1"),
            body,
            (not_modified + "\r\n").encode("latin-1"),
        )
        self._store((key, gzip_ok), out)
        return out

    def _store(self, key: tuple[str, bool], value: Rendered) -> None:
        size = len(value.head) + len(value.body)
        while self.cache and self.cached + size > self.cache_bytes:
            old = self.cache.pop(next(iter(self.cache)))
            self.cached -= len(old.head) + len(old.body)
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
