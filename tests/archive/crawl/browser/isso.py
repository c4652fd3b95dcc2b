"""A real Isso server and a small site that embeds its JavaScript client.

Isso (PyPI ``isso``, a self-hosted Disqus alternative) runs from a venv of
its own (``make isso``: ``.cache/isso/``; ``NEWSARCHIVE_ISSO`` names another
``isso`` executable) on 127.0.0.2, another loopback host: a third-party
origin for pages served on 127.0.0.1, as Disqus is for a news site.  Threaded
comments are posted through Isso's own HTTP API; the ground truth is what
Isso's API then lists.  The pages limit what the client shows at first
(``data-isso-max-comments-top``, ``-nested``, ``reveal-on-click``), so the
whole thread appears only after its "N Hidden" links are clicked, again and
again.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[4]
ISSO_HOST = "127.0.0.2"
# What the pages let Isso's client show before "N Hidden" is clicked.
MAX_TOP, MAX_NESTED, REVEAL = 3, 1, 2


def isso_executable() -> Path | None:
    """The ``isso`` command: ``NEWSARCHIVE_ISSO``, else ``make isso``'s venv."""
    named = os.environ.get("NEWSARCHIVE_ISSO")
    path = Path(named) if named else PROJECT_ROOT / ".cache" / "isso" / "bin" / "isso"
    return path if path.exists() else None


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class IssoServer:
    """``isso -c CFG run`` on ``ISSO_HOST``, for pages of ``site_origin``."""

    def __init__(self, executable: Path, workdir: Path, site_origin: str) -> None:
        self.port = free_port(ISSO_HOST)
        self.url = f"http://{ISSO_HOST}:{self.port}"
        config = workdir / "isso.cfg"
        config.write_text(
            "[general]\n"
            f"dbpath = {workdir / 'comments.db'}\n"
            f"host = {site_origin}\n"  # the origin allowed to embed it (CORS)
            "[server]\n"
            f"listen = {self.url}/\n"
            "[guard]\nenabled = false\n"  # no rate limit on the test's posts
            "[moderation]\nenabled = false\n"
        )
        self.log = workdir / "isso.log"
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [str(executable), "-c", str(config), "run"], stdout=out, stderr=subprocess.STDOUT
            )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"isso exited: {self.log.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.url + "/info", timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("isso did not start in 30 s")

    def post(
        self, uri: str, text: str, author: str, parent: int | None = None, title: str = ""
    ) -> dict[str, Any]:
        """A comment through Isso's API (as its client posts one)."""
        data = {"text": text, "author": author, "parent": parent, "title": title or uri}
        req = urllib.request.Request(
            f"{self.url}/new?uri={uri}",
            data=json.dumps(data).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.load(resp)

    def thread(self, uri: str) -> list[dict[str, Any]]:
        """Every comment of ``uri`` as Isso's API lists it, replies after their parent."""
        with urllib.request.urlopen(f"{self.url}/?uri={uri}", timeout=10) as resp:
            answer = json.load(resp)
        out: list[dict[str, Any]] = []
        for top in answer["replies"]:
            out.append(top)
            out.extend(top.get("replies", []))
        return out

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


@dataclass
class IssoPage:
    """An article of the Isso test site and the thread posted under it."""

    path: str
    title: str
    author: str
    published: str
    paragraphs: list[str]
    # (author, text, index of the parent in this list or None)
    comments: list[tuple[str, str, int | None]] = field(default_factory=list)


def _paragraphs(seed: int) -> list[str]:
    import random

    from demosite.textgen import make_paragraphs

    return make_paragraphs(random.Random(f"isso:{seed}"), "en", 6)


def _thread(seed: int, top: int, replies: list[int]) -> list[tuple[str, str, int | None]]:
    """``top`` top-level comments; ``replies[i]`` replies under the i-th one."""
    names = ["Ana Reyes", "Tom Becker", "Lena Ivanova", "Omar Haddad", "Sofia Marin", "Jonas Berg"]
    out: list[tuple[str, str, int | None]] = []
    for i in range(top):
        out.append((names[(seed + i) % len(names)], f"Comment {i + 1} on story {seed}: " * 2, None))
        parent = len(out) - 1
        for k in range(replies[i] if i < len(replies) else 0):
            who = names[(seed + i + k + 1) % len(names)]
            out.append((who, f"Reply {k + 1} to comment {i + 1} on story {seed}.", parent))
    return out


PAGES = [
    IssoPage("/news/harbour-plan/", "Council approves the harbour plan", "Maria Lopez",
             "2026-03-02T09:30:00+01:00", _paragraphs(1), _thread(1, 7, [3, 0, 2, 0, 0, 4])),
    IssoPage("/news/river-festival/", "River festival returns after five years", "Peter Novak",
             "2026-03-05T14:00:00+01:00", _paragraphs(2), _thread(2, 2, [1])),
    IssoPage("/news/night-trains/", "Night trains to the coast from May", "Julia Stein",
             "2026-03-09T07:15:00+01:00", _paragraphs(3), _thread(3, 5, [0, 5, 0, 1])),
]  # fmt: skip
NO_COMMENTS = IssoPage(
    "/news/weather-week/", "The weather this week", "Maria Lopez",
    "2026-03-10T06:00:00+01:00", _paragraphs(4),
)  # fmt: skip


def post_threads(isso: IssoServer) -> dict[str, list[dict[str, Any]]]:
    """Post every page's thread; return Isso's own listing per path (the truth)."""
    truth = {}
    for page in PAGES:
        ids: list[int] = []
        for author, text, parent in page.comments:
            made = isso.post(page.path, text, author, ids[parent] if parent is not None else None,
                             page.title)  # fmt: skip
            ids.append(made["id"])
        truth[page.path] = isso.thread(page.path)
    return truth


def article_html(page: IssoPage, isso_url: str | None) -> str:
    body = "".join(f"<p>{p}</p>" for p in page.paragraphs)
    embed = ""
    if isso_url is not None:
        embed = (
            f'<section id="comments"><h2>Comments</h2>'
            f'<section id="isso-thread" data-isso-id="{page.path}"></section></section>'
            f'<script data-isso="{isso_url}/" data-isso-max-comments-top="{MAX_TOP}" '
            f'data-isso-max-comments-nested="{MAX_NESTED}" data-isso-reveal-on-click="{REVEAL}" '
            f'data-isso-avatar="false" data-isso-vote="false" src="{isso_url}/js/embed.min.js"></script>'
        )
    else:
        embed = (
            '<section class="more-stories"><h2>More stories</h2><ul>'
            + "".join(
                f'<li><a href="{p.path}">{p.title}</a> <span class="by">{p.author}</span></li>'
                for p in PAGES
            )
            + '</ul><button type="button">Show more</button></section>'
        )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{page.title}</title>'
        f'<meta property="article:published_time" content="{page.published}"></head><body>'
        f'<header><a href="/">The Harbour Gazette</a></header><main><article>'
        f'<h1>{page.title}</h1><p class="byline">By <span class="author">{page.author}</span> '
        f'<time datetime="{page.published}">{page.published[:10]}</time></p>'
        f'<div class="entry-content">{body}</div></article>{embed}</main></body></html>'
    )


class IssoSite:
    """The second test site on 127.0.0.1: a home page, a sitemap and the pages."""

    def __init__(self) -> None:
        self.isso_url: str | None = None
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.hits.append(self.path)
                status, ctype, body = site.route(self.path)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def route(self, path: str) -> tuple[int, str, bytes]:
        html = "text/html; charset=utf-8"
        pages = {p.path: p for p in (*PAGES, NO_COMMENTS)}
        if path in pages:
            page = pages[path]
            isso = self.isso_url if page is not NO_COMMENTS else None
            return 200, html, article_html(page, isso).encode()
        if path == "/":
            links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in pages)
            return 200, html, f"<html><body><ul>{links}</ul></body></html>".encode()
        if path == "/robots.txt":
            return 200, "text/plain", f"User-agent: *\nSitemap: {self.url}/sitemap.xml\n".encode()
        if path == "/sitemap.xml":
            locs = "".join(f"<url><loc>{self.url}{p}</loc></url>" for p in pages)
            xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            return 200, "application/xml", xml.encode()
        return 404, html, b"<h1>Not found</h1>"

    def start(self) -> IssoSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
