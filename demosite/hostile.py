"""Hostile mode of the demo site: every fault a real site throws at a crawler.

``newsarchive demo-site --hostile`` (or ``DemoServer(site, hostile=Hostile())``)
serves the normal demo site plus the pages under ``/h/`` listed in
:meth:`Hostile.truth`: slow responses, a body that stalls half-way,
500/503/429 with ``Retry-After``, a connection reset mid-body, a lying
``Content-Length``, truncated gzip, a 50 MB page (declared and streamed), a
gzip bomb, binary data as HTML, broken charsets, redirect loops and chains,
an offsite redirect, a calendar, a ``?page=N`` and a repeated-path trap, URL
variants of one article, a duplicate under a second URL, comments written to
break things, a comment thread whose second page and REST API fail, and a
robots.txt section.  :class:`RobotsError` is the second host: its robots.txt
is a 500.  Everything is deterministic; the ground truth says what a correct
crawler ends up with.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from demosite import hostile_wire as wire
from demosite.hostile_pages import (
    BROKEN_POST,
    GOOD,
    ODD_VARIANTS,
    Good,
    article_bytes,
    hub_html,
    listing_html,
)
from demosite.hostile_wire import MB, Transport
from demosite.xmlfeeds import robots

# The REST API request for the broken thread's comments (as WordPress clients ask it)
API_COMMENTS = f"/h/api/wp/v2/comments?post={BROKEN_POST}&per_page=100&page=1&order=asc"
# Every failure a correct crawler records, by path: (stage, error, attempts, status).
FAILURES = {
    "/h/slow/": ("download", "DownloadTimeoutError", 3, None),
    "/h/stall/": ("download", "DownloadTimeoutError", 3, None),
    "/h/error-500/": ("http", "HttpError", 3, 500),
    "/h/error-503/": ("http", "HttpError", 3, 503),
    "/h/missing/": ("http", "HttpError", 1, 404),
    "/h/reset/": ("download", "ResponseDataLoss", 3, None),
    "/h/lying-length/": ("download", "ResponseDataLoss", 3, None),
    "/h/truncated-gzip/": ("decode", "TruncatedGzip", 1, None),
    "/h/big-declared/": ("download", "DownloadCancelledError", 1, None),
    "/h/big-streamed/": ("download", "DownloadCancelledError", 1, None),
    "/h/gzip-bomb/": ("decode", "DecompressionBomb", 1, None),
    "/h/binary/": ("content", "BinaryContent", 1, None),
    "/h/redirect/loop/a/": ("redirect", "RedirectLoop", 1, None),
    "/h/redirect/endless/1/": ("redirect", "TooManyRedirects", 1, None),
    # the thread of /h/thread/broken/: its comment page 2 and the REST API answer 500
    "/h/thread/broken/comment-page-2/": ("comments", "HttpError", 3, 500),
    API_COMMENTS: ("comments_api", "HttpError", 3, 500),
}
THREAD = ("/h/thread/", "/h/api/")  # reached through the thread, not linked from the hub
LINKED = tuple(p for p in FAILURES if not p.startswith(THREAD))
TRAPS = ("/h/calendar/", "/h/list/", "/h/loop/")
NEVER = ("/private/secret-article/", "/h/evil/")  # robots.txt; offsite redirect target


class Hostile:
    """The hostile routes; ``serve`` returns False for paths it leaves to the demo site."""

    def __init__(
        self,
        *,
        slow_seconds: float = 30.0,
        big_bytes: int = 50 * MB,
        bomb_bytes: int = 64 * MB,
        pause: float = 1.0,
        today: date | None = None,
    ) -> None:
        self.slow_seconds = slow_seconds
        self.big_bytes = big_bytes
        self.bomb_bytes = bomb_bytes
        self.pause = pause
        self.today = today or date.today()
        self.first_429: float | None = None
        self.times: dict[str, list[float]] = {}  # path -> monotonic time of each request
        self.good = {g.path: g for g in GOOD}
        self.good.update({alt: g for g in GOOD for alt in g.also_at})

    # -- routing ---------------------------------------------------------------
    def __call__(self, transport: Any, server: Any, target: str) -> bool:
        """The hook ``DemoServer`` calls for every GET; False: not a hostile path."""
        conn = Transport(transport, server.clock.date_line())
        return self.serve(conn, target, server.url, robots(server.app.chrome))

    def serve(self, conn: Transport, target: str, base: str, robots_txt: str) -> bool:
        path = unquote(urlsplit(target).path)
        if path == "/robots.txt":
            body = (
                robots_txt
                + f"\nUser-agent: *\nDisallow: /private/\n\nSitemap: {base}h/sitemap.xml\n"
            )
            conn.respond(200, body.encode(), "text/plain; charset=utf-8")
            return True
        if not path.startswith(("/h/", "/private/")):
            return False
        self.times.setdefault(path, []).append(time.monotonic())
        route = self._routes().get(path)
        if route is not None:
            route(conn, base)
        elif path in self.good:
            self._article(conn, self.good[path], base)
        elif path.startswith(TRAPS):
            self._trap(conn, path, target)
        elif path.startswith("/h/redirect/"):
            self._redirect(conn, path, base)
        else:
            conn.respond(404, b"<h1>Not found</h1>")
        return True

    def _routes(self) -> dict[str, Callable[[Transport, str], None]]:
        attack = GOOD[0]  # the page the broken transfers carry
        return {
            "/h/": lambda c, b: c.respond(200, hub_html(self.hub_links()).encode()),
            "/h/sitemap.xml": self._sitemap,
            "/h/slow/": lambda c, b: c.later(
                self.slow_seconds, lambda: c.respond(200, b"<p>late</p>")
            ),
            "/h/error-500/": lambda c, b: c.respond(500, b"<h1>Internal error</h1>"),
            "/h/error-503/": lambda c, b: c.respond(
                503, b"<h1>Busy</h1>", extra=[("Retry-After", "1")]
            ),
            "/h/rate-limited/": self._rate_limited,
            "/h/stall/": lambda c, b: wire.stall_mid_body(
                c, article_bytes(attack, b), self.slow_seconds
            ),
            "/h/reset/": lambda c, b: wire.reset_mid_body(c, article_bytes(attack, b)),
            "/h/lying-length/": lambda c, b: wire.lying_length(c, article_bytes(attack, b)),
            "/h/truncated-gzip/": lambda c, b: wire.truncated_gzip(c, article_bytes(attack, b)),
            "/h/big-declared/": lambda c, b: wire.big(c, self.big_bytes, declared=True),
            "/h/big-streamed/": lambda c, b: wire.big(c, self.big_bytes, declared=False),
            "/h/gzip-bomb/": lambda c, b: wire.gzipped(c, wire.gzip_bomb(self.bomb_bytes)),
            "/h/binary/": lambda c, b: c.respond(200, random.Random(9).randbytes(8192)),
            "/h/thread/broken/comment-page-2/": lambda c, b: c.respond(500, b"<h1>Oops</h1>"),
            "/h/api/wp/v2/comments": lambda c, b: c.respond(
                500, b'{"code":"internal_server_error"}', "application/json"
            ),
        }

    def hub_links(self) -> list[str]:
        """Every case, as the hub page links it (relative, some deliberately odd)."""
        month = f"{self.today:%Y/%m}"
        return [
            *(g.path for g in GOOD if not g.path.startswith("/h/odd/")),
            *ODD_VARIANTS,
            "/h/dup/copy/",
            *LINKED,
            "/h/redirect/chain/1/",
            "/h/redirect/offsite/",
            f"/h/calendar/{month}/",
            "/h/list/?page=1",
            "/h/loop/",
            "/private/secret-article/",
        ]

    # -- pages ---------------------------------------------------------------
    def _article(self, conn: Transport, good: Good, base: str) -> None:
        ctype = "text/html" + (f"; charset={good.header_charset}" if good.header_charset else "")
        conn.respond(200, article_bytes(good, base), ctype)

    def _sitemap(self, conn: Transport, base: str) -> None:
        paths = ["/h/", *(g.path for g in GOOD if g.path != "/h/good/end-of-chain/")]
        urls = "".join(f"<url><loc>{base}{p.lstrip('/')}</loc></url>" for p in paths)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            f'schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()
        conn.respond(200, body, "application/xml; charset=utf-8")

    # -- faults ----------------------------------------------------------------
    def _rate_limited(self, conn: Transport, base: str) -> None:
        now = time.monotonic()
        if self.first_429 is None:
            self.first_429 = now
        if now - self.first_429 < self.pause:
            conn.respond(429, b"<h1>Slow down</h1>", extra=[("Retry-After", f"{self.pause:g}")])
        else:
            self._article(conn, self.good["/h/rate-limited/"], base)

    def _redirect(self, conn: Transport, path: str, base: str) -> None:
        parts = path.strip("/").split("/")  # h redirect KIND [N]
        kind = parts[2] if len(parts) > 2 else ""
        if kind == "loop":
            target = "/h/redirect/loop/b/" if parts[-1] == "a" else "/h/redirect/loop/a/"
        elif kind == "chain":
            n = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 1
            target = f"/h/redirect/chain/{n + 1}/" if n < 4 else "/h/good/end-of-chain/"
        elif kind == "endless":
            n = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 1
            target = f"/h/redirect/endless/{n + 1}/"
        elif kind == "offsite":
            host = urlsplit(base)
            target = f"http://localhost:{host.port}/h/evil/"
        else:
            conn.respond(404, b"<h1>Not found</h1>")
            return
        conn.respond(302, b"", extra=[("Location", target)])

    def _trap(self, conn: Transport, path: str, target: str) -> None:
        """Listings that always link one step further."""
        if path.startswith("/h/calendar/"):
            y, m = (int(x) for x in path.strip("/").split("/")[2:4])
            prev = (y - 1, 12) if m == 1 else (y, m - 1)
            nxt = (y + 1, 1) if m == 12 else (y, m + 1)
            links = [f"/h/calendar/{a}/{b:02d}/" for a, b in (prev, nxt)]
        elif path.startswith("/h/list/"):
            query = urlsplit(target).query
            n = int(query.split("=")[-1]) if query.split("=")[-1].isdigit() else 1
            links = [f"/h/list/?page={n + 1}"]
        else:
            links = ["loop/"]  # relative: /h/loop/loop/loop/...
        conn.respond(200, listing_html(f"Listing {path}", links).encode())

    # -- ground truth ----------------------------------------------------------
    def truth(self, base: str, robots_error_base: str | None = None) -> dict[str, Any]:
        """What a correct crawl of this site ends with."""
        return {
            "base": base,
            "robots_error_base": robots_error_base,
            "good": [
                {
                    "url": base + g.path.lstrip("/"),
                    "also_at": [base + a.lstrip("/") for a in g.also_at],
                    "title": g.title,
                    "canonical": base + g.canonical.lstrip("/") if g.canonical else None,
                    "comments": [{"author": c.author, "text": c.text} for c in g.comments],
                }
                for g in GOOD
            ],
            "odd_variants": [base + v.lstrip("/") for v in ODD_VARIANTS],
            "failures": [
                {"url": base + p.lstrip("/"), "stage": s, "error": e, "attempts": a, "status": st}
                for p, (s, e, a, st) in FAILURES.items()
            ]
            + (
                [
                    {
                        "url": robots_error_base + "robots.txt",
                        "stage": "robots",
                        "error": "HttpError",
                        "attempts": 3,
                        "status": 500,
                    }
                ]
                if robots_error_base
                else []
            ),
            "never_fetched": list(NEVER),
            "traps": list(TRAPS),
            "retry_after": {"/h/error-503/": 1.0, "/h/rate-limited/": self.pause},
        }


class RobotsError:
    """The second host: robots.txt answers 500; every other path is the demo site."""

    def __call__(self, transport: Any, server: Any, target: str) -> bool:
        if urlsplit(target).path != "/robots.txt":
            return False
        conn = Transport(transport, server.clock.date_line())
        conn.respond(500, b"<h1>Internal Server Error</h1>")
        return True


def run_hostile(site: Any, *, port: int, ground_truth: str | None) -> None:
    """``newsarchive demo-site --hostile``: both hosts, until Ctrl-C."""
    import contextlib
    import json
    from pathlib import Path

    from demosite.server import DemoServer

    hostile = Hostile()
    with DemoServer(site, port=0, hostile=RobotsError()) as second:
        main = DemoServer(site, port=port, hostile=hostile)
        if ground_truth:
            truth = {"site": site.ground_truth(), "hostile": hostile.truth(main.url, second.url)}
            Path(ground_truth).write_text(json.dumps(truth, ensure_ascii=False))
        print(f"Hostile demo site on {main.url} (robots.txt 500 on {second.url})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(main.serve_async())
