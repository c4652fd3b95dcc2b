"""A small, fast HTTP/1.1 server for the demo site (asyncio.Protocol, keep-alive).

Benchmarks compare the crawler against this server, so it must never be the
bottleneck: requests are parsed with bytes operations only, responses come
from the ``App`` cache, and the ``Date`` header is formatted once a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from email.utils import formatdate

from demosite.app import App
from demosite.model import Site

WireLog = Callable[[str, bytes], None]


class _Clock:
    """The ``Date:`` header line, reformatted at most once per second."""

    def __init__(self) -> None:
        self.second = -1
        self.line = b""

    def date_line(self) -> bytes:
        now = int(time.time())
        if now != self.second:
            self.second = now
            self.line = f"Date: {formatdate(now, usegmt=True)}\r\n".encode()
        return self.line


class _HttpProtocol(asyncio.Protocol):
    __slots__ = ("server", "transport", "buf")

    def __init__(self, server: DemoServer) -> None:
        self.server = server
        self.transport: asyncio.Transport | None = None
        self.buf = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        buf = self.buf + data if self.buf else data
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            lines = buf[:end].split(b"\r\n")
            try:
                method, target, version = lines[0].split(b" ", 2)
            except ValueError:
                self._send(
                    b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    True,
                )
                return
            gzip_ok = False
            close = version == b"HTTP/1.0"
            length = 0
            inm = ims = None
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"accept-encoding":
                    gzip_ok = b"gzip" in value.lower()
                elif name == b"connection":
                    v = value.strip().lower()
                    close = v == b"close" or (close and v != b"keep-alive")
                elif name == b"content-length":
                    length = int(value.strip() or 0)
                elif name == b"if-none-match":
                    inm = value.strip()
                elif name == b"if-modified-since":
                    ims = value.strip()
            if len(buf) < end + 4 + length:
                break  # wait for the request body
            buf = buf[end + 4 + length :]
            self._handle(method, target.decode("latin-1"), gzip_ok, close, inm, ims)
            if close:
                return
        self.buf = buf

    def _handle(
        self,
        method: bytes,
        target: str,
        gzip_ok: bool,
        close: bool,
        inm: bytes | None = None,
        ims: bytes | None = None,
    ) -> None:
        srv = self.server
        srv.hits[target] += 1
        if method not in (b"GET", b"HEAD"):
            self._send(
                b"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n\r\n",
                close,
            )
            return
        if srv.hostile is not None and srv.hostile(self.transport, srv, target):
            return  # demosite/hostile.py answered (faults, traps, hostile pages)
        head, body = srv.app.respond(target, gzip_ok, inm, ims)
        if not body and head.startswith(b"HTTP/1.1 304"):
            srv.not_modified[target] += 1
        conn = b"Connection: close\r\n\r\n" if close else b"Connection: keep-alive\r\n\r\n"
        data = b"".join((head, srv.clock.date_line(), conn, body if method == b"GET" else b""))
        if srv.wire_log is not None:
            srv.wire_log(target, data)
        self._send(data, close)

    def _send(self, data: bytes, close: bool) -> None:
        assert self.transport is not None
        self.transport.write(data)
        if close:
            self.transport.close()


class DemoServer:
    """The demo site on a background thread (for tests), or in the foreground.

    ``with DemoServer(site) as srv: urlopen(srv.url)``.  ``hits`` counts the
    request targets received, so tests can check what a crawler fetched;
    ``wire_log(target, raw_bytes)`` receives every response exactly as sent.
    """

    def __init__(
        self,
        site: Site,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        wire_log: WireLog | None = None,
        hostile: Callable[[asyncio.Transport, DemoServer, str], bool] | None = None,
    ) -> None:
        self.site = site
        self.host = host
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.sock.bind((host, port))
        except OSError:
            self.sock.close()
            raise
        self.sock.listen(1024)
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://{host}:{self.port}/"
        self.app = App(site, self.url)
        self.clock = _Clock()
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()  # targets answered 304
        self.wire_log = wire_log
        self.hostile = hostile  # demosite.hostile.Hostile: the --hostile routes
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None

    async def serve_async(self, ready: Callable[[DemoServer], None] | None = None) -> None:
        """Serve until ``stop()`` is called."""
        self.loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        server = await self.loop.create_server(lambda: _HttpProtocol(self), sock=self.sock)
        if ready is not None:
            ready(self)
        async with server:
            await self._stopped.wait()

    def start(self) -> DemoServer:
        """Serve on a daemon thread; returns once the server accepts connections."""
        started = threading.Event()
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self.serve_async(lambda _s: started.set())),
            name="demosite",
            daemon=True,
        )
        self._thread.start()
        started.wait(10)
        return self

    def stop(self) -> None:
        if self.loop is not None and self._stopped is not None:
            self.loop.call_soon_threadsafe(self._stopped.set)
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    # -- time control: change the site between (or during) crawls -------------------
    def _in_loop(self, fn: Callable[[], object]) -> object:
        """Run a change on the server's own thread, so no page renders half-changed."""
        if self.loop is None or not self.loop.is_running():
            return fn()

        async def call() -> object:
            return fn()

        return asyncio.run_coroutine_threadsafe(call(), self.loop).result(10)

    def advance(self, **delta: float) -> object:
        """``advance(days=1)``: move the site's clock (see ``Site.advance``)."""
        return self._in_loop(lambda: self.site.advance(**delta))

    def edit_article(self, path: str, **changes: str) -> None:
        """``edit_article(path, title=..., append=...)`` (``Site.edit_article``)."""
        self._in_loop(lambda: self.site.edit_article(path, **changes))

    def add_comment(self, path: str, text: str, **kw: object) -> int:
        """Post a comment now; returns its id (``Site.add_comment``)."""
        return self._in_loop(lambda: self.site.add_comment(path, text, **kw))  # type: ignore[return-value]

    def remove_comment(self, path: str, comment_id: int) -> None:
        self._in_loop(lambda: self.site.remove_comment(path, comment_id))

    def restore_comment(self, path: str, comment_id: int) -> None:
        self._in_loop(lambda: self.site.restore_comment(path, comment_id))

    def edit_comment(self, path: str, comment_id: int, text: str) -> None:
        self._in_loop(lambda: self.site.edit_comment(path, comment_id, text))

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    site: Site,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    ready: Callable[[DemoServer], None] | None = None,
    wire_log: WireLog | None = None,
) -> None:
    """Serve in the calling thread until interrupted; ``ready(server)`` is
    called once the socket accepts connections (its ``.url`` is then final)."""
    srv = DemoServer(site, host, port, wire_log=wire_log)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(srv.serve_async(ready))


def run(site: Site, host: str = "127.0.0.1", port: int = 8000) -> None:
    """The ``newsarchive demo-site`` entry point: print the URL, serve until Ctrl-C."""
    serve(site, host, port, ready=lambda s: print(f"Demo site on {s.url}", flush=True))
