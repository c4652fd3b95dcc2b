"""Gzip members, one per WARC record, so that each record is seekable.

warcio builds and gzips records itself, but at level 9, which costs about
1.6x the CPU of level 6 for the same ratio on news pages, and the crawl is
CPU-bound.  The wrappers here replace warcio's for the records it still
builds; the functions compress the records serialized directly
(``records.py``).  A payload the server compressed already does not
shrink: it is *stored* (deflate block type 0) instead of deflated again.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

# mtime 0, no flags, OS unknown: the member header zlib itself would write, minus the time
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
STORE_FROM = 1024  # writes this long are payload chunks (warcio writes headers whole)
_STORED_MAX = 0xFFFF  # bytes per deflate stored block
TAIL = b"\r\n\r\n"  # after every record's block


class GzipMember:
    """A gzip member around exactly one record (so each record is seekable)."""

    def __init__(self, out, level: int) -> None:
        self.out = out
        self.compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)

    def write(self, data: bytes) -> None:
        self.out.write(self.compressor.compress(data))

    def flush(self) -> None:
        self.out.write(self.compressor.flush())


def _stored_blocks(payload: bytes) -> list[bytes]:
    """``payload`` as deflate stored blocks (header and bytes of each)."""
    parts = []
    view = memoryview(payload)
    for start in range(0, len(view), _STORED_MAX):
        chunk = view[start : start + _STORED_MAX]
        n = len(chunk)
        parts.append(b"\x00" + struct.pack("<HH", n, n ^ 0xFFFF))
        parts.append(chunk)
    return parts


class StoringGzipMember:
    """A gzip member that deflates the record's headers and *stores* its
    payload chunks (deflate block type 0).

    A payload the server compressed already does not shrink: deflating it
    again costs ~90 µs per demo page at level 1 for nothing, storing it
    ~5 µs.  A full flush before each stored run resets the compressor's
    history, so later deflated blocks never point back across the stored bytes.
    """

    def __init__(self, out, level: int) -> None:
        self.out = out
        self.compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
        self.crc = 0
        self.size = 0
        out.write(GZIP_HEADER)

    def write(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        if len(data) < STORE_FROM:
            self.out.write(self.compressor.compress(data))
            return
        self.out.write(self.compressor.flush(zlib.Z_FULL_FLUSH))
        for part in _stored_blocks(data):
            self.out.write(part)

    def flush(self) -> None:
        self.out.write(self.compressor.flush())
        self.out.write(struct.pack("<II", self.crc, self.size & 0xFFFFFFFF))


def _deflater(size: int, level: int, *, gzip: bool) -> Any:
    """A compressor with a window no larger than the data needs.

    Setting up zlib's default 32 KB window and hash costs ~45 µs, more than
    deflating a 700-byte request record; a window as large as the data
    compresses it exactly as well (deflate never refers back further), and
    every inflater reads any window size.  (The stored member's tail is
    deflated by the same compressor: 4 bytes need no window.)
    """
    wbits = max(9, min(zlib.MAX_WBITS, (size - 1).bit_length()))
    return zlib.compressobj(level, zlib.DEFLATED, wbits + 16 if gzip else -wbits, max(1, wbits - 7))


def _stored_member(head: bytes, payload: bytes, level: int) -> list[bytes]:
    """A gzip member with ``head`` deflated and ``payload`` stored (see
    :class:`StoringGzipMember`), then the record's closing CRLFs."""
    compressor = _deflater(len(head), level, gzip=False)
    parts = [GZIP_HEADER, compressor.compress(head), compressor.flush(zlib.Z_FULL_FLUSH)]
    parts += _stored_blocks(payload)
    parts.append(compressor.compress(TAIL))
    parts.append(compressor.flush())
    crc = zlib.crc32(TAIL, zlib.crc32(payload, zlib.crc32(head)))
    size = len(head) + len(payload) + len(TAIL)
    parts.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return parts


def record_member(head: bytes, payload: bytes, level: int, *, store: bool = False) -> list[bytes]:
    """One gzip member: the record's head, its payload, the closing CRLFs
    (the payload stored, given ``store``, when it is long enough to matter)."""
    if store and len(payload) >= STORE_FROM:
        return _stored_member(head, payload, level)
    data = head + payload + TAIL
    compressor = _deflater(len(data), level, gzip=True)
    return [compressor.compress(data), compressor.flush()]
