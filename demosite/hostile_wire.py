"""Wire-level faults of the hostile demo site: what a broken server sends.

Each function writes one response (or a broken part of one) to a
:class:`Transport`; :mod:`demosite.hostile` decides which path gets which.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import socket
import struct
import zlib
from collections.abc import Callable
from typing import Any

MB = 1024 * 1024
HTML = "text/html; charset=utf-8"
_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
_TASKS: set[asyncio.Task] = set()  # streaming writers, kept alive until done


class Transport:
    """What a hostile route needs of the connection: write, close, reset, later."""

    def __init__(self, transport: Any, date_line: bytes) -> None:
        self.t = transport
        self.date_line = date_line

    def send_head(self, status: int, headers: list[tuple[str, str]]) -> None:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}"]
        lines += [f"{k}: {v}" for k, v in headers]
        self.t.write(("\r\n".join(lines) + "\r\n").encode("latin-1") + self.date_line + b"\r\n")

    def write(self, data: bytes) -> None:
        if not self.t.is_closing():
            self.t.write(data)

    def close(self) -> None:
        self.t.close()

    def reset(self) -> None:
        """Close with a TCP RST (SO_LINGER 0), as a crashed server does."""
        sock = self.t.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.t.abort()

    def later(self, seconds: float, fn: Callable[[], None]) -> None:
        asyncio.get_running_loop().call_later(seconds, fn)

    def respond(
        self, status: int, body: bytes, ctype: str = HTML, extra: list[tuple[str, str]] = ()
    ) -> None:  # type: ignore[assignment]
        """A whole, honest response, then close."""
        head = [("Content-Type", ctype), *extra, ("Content-Length", str(len(body)))]
        self.send_head(status, [*head, ("Connection", "close")])
        self.write(body)
        self.close()


def reset_mid_body(conn: Transport, body: bytes) -> None:
    """A third of the declared body, then a TCP reset (after the client read it)."""
    conn.send_head(200, [("Content-Type", HTML), ("Content-Length", str(len(body)))])
    conn.write(body[: len(body) // 3])
    conn.later(1.0, conn.reset)


def stall_mid_body(conn: Transport, body: bytes, seconds: float) -> None:
    """A third of the declared body, then nothing for ``seconds`` (past any timeout)."""
    conn.send_head(200, [("Content-Type", HTML), ("Content-Length", str(len(body)))])
    conn.write(body[: len(body) // 3])
    conn.later(seconds, conn.close)


def lying_length(conn: Transport, body: bytes) -> None:
    """The whole body under a Content-Length twice its size, then close."""
    conn.send_head(200, [("Content-Type", HTML), ("Content-Length", str(2 * len(body)))])
    conn.write(body)
    conn.close()


def truncated_gzip(conn: Transport, body: bytes) -> None:
    """The first half of the gzip stream, with a Content-Length that matches it."""
    packed = gzip.compress(body, mtime=0)
    gzipped(conn, packed[: len(packed) // 2])


def gzipped(conn: Transport, packed: bytes) -> None:
    conn.respond(200, packed, extra=[("Content-Encoding", "gzip")])


@functools.cache
def gzip_bomb(size: int) -> bytes:
    """``size`` bytes of HTML (spaces) gzipped: about 1/1000 of it on the wire."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [z.compress(b"<html><body><p>")]
    parts += [z.compress(b" " * MB) for _ in range(size // MB)]
    return b"".join([*parts, z.compress(b"</p></body></html>"), z.flush()])


def big(conn: Transport, size: int, *, declared: bool) -> None:
    """``size`` bytes of HTML, with or without a Content-Length."""
    headers = [("Content-Type", HTML), ("Connection", "close")]
    if declared:
        headers.append(("Content-Length", str(size)))
    conn.send_head(200, headers)
    task = asyncio.get_running_loop().create_task(_stream(conn, size))
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)


async def _stream(conn: Transport, size: int) -> None:
    """Write ``size`` bytes in chunks, as fast as the client reads them."""
    chunk = (b"<p>" + b"filler " * 9360 + b"</p>\n")[: 64 * 1024]
    sent = 0
    while sent < size and not conn.t.is_closing():
        conn.write(chunk[: size - sent])
        sent += len(chunk)
        while conn.t.get_write_buffer_size() > MB and not conn.t.is_closing():
            await asyncio.sleep(0.005)
    conn.close()
