"""A tiny HTTP/1.1 server for wire tests: scripted raw responses, exact logs.

The demo site cannot send chunked bodies or honour ``If-None-Match``; this
server answers each request with the bytes a test's route returns (any
framing) and logs the bytes it received and sent, per request target.
"""

from __future__ import annotations

import socketserver
import threading
from collections import defaultdict
from collections.abc import Callable

Route = Callable[[bytes], bytes]  # the request as received -> the response to send


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        server: RawServer = self.server.owner  # type: ignore[attr-defined]
        while True:  # a persistent connection, as Scrapy keeps them
            head = b""
            while not head.endswith(b"\r\n\r\n"):
                line = self.rfile.readline(65536)
                if not line:
                    return
                head += line
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            received = head + (self.rfile.read(length) if length else b"")
            target = head.split(b" ", 2)[1].decode("latin-1")
            route = server.routes.get(target, _not_found)
            sent = route(received)
            server.received[target].append(received)
            server.sent[target].append(sent)
            self.wfile.write(sent)
            self.wfile.flush()


def _not_found(_: bytes) -> bytes:
    return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"


class RawServer:
    """``with RawServer(routes) as srv:`` serves on ``srv.url`` (127.0.0.1, free port)."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.received: dict[str, list[bytes]] = defaultdict(list)
        self.sent: dict[str, list[bytes]] = defaultdict(list)
        socketserver.ThreadingTCPServer.daemon_threads = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self._server.owner = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
