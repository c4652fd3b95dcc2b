"""Reading single records back by their location, and decoding their payloads.

The ``captures`` table says where each response record is (file, offset,
length); re-parse and tests read exactly that gzip member, without scanning
the file.  ``decode_body`` undoes ``Content-Encoding`` the way Scrapy does, so
a re-parse sees the bytes the spider saw.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders


# -- reading back ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredRecord:
    """One record read back by its location: WARC headers, HTTP head, raw payload."""

    rec_type: str
    rec_headers: StatusAndHeaders
    http_headers: StatusAndHeaders | None
    payload: bytes  # the block after the HTTP head, as stored (still Content-Encoded)

    def header(self, name: str) -> str | None:
        return self.http_headers.get_header(name) if self.http_headers else None


class RecordReader:
    """Reads single records by (file, offset, length), keeping a few files open.

    Re-parse workers read thousands of records per file in offset order, so
    an open handle per file saves a syscall pair per record.
    """

    def __init__(self, directory: str | os.PathLike, max_open: int = 8) -> None:
        self.directory = Path(directory)
        self.max_open = max_open
        self._files: dict[str, object] = {}

    def _handle(self, name: str):
        fh = self._files.get(name)
        if fh is None:
            if len(self._files) >= self.max_open:
                oldest = next(iter(self._files))
                self._files.pop(oldest).close()
            fh = self._files[name] = open(self.directory / name, "rb")  # noqa: SIM115
        return fh

    def read(self, name: str, offset: int, length: int) -> StoredRecord:
        fh = self._handle(name)
        fh.seek(offset)
        data = fh.read(length)
        record = next(iter(ArchiveIterator(BytesIO(data))))
        return StoredRecord(
            record.rec_type,
            record.rec_headers,
            record.http_headers,
            record.raw_stream.read(),
        )

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()


def dechunk(data: bytes) -> bytes:
    r"""The body inside ``Transfer-Encoding: chunked`` framing, as Twisted
    hands it to Scrapy; bytes that are not valid chunks are returned as they
    are (as warcio and pywb fall back to).  Trailers are dropped.

    >>> dechunk(b"4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n")
    b'Wikipedia'
    >>> dechunk(b"not chunked")
    b'not chunked'
    """
    out, pos = [], 0
    while True:
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            return data
        try:
            size = int(data[pos:eol].split(b";", 1)[0].strip(), 16)
        except ValueError:
            return data
        start = eol + 2
        if size == 0:
            return b"".join(out)
        if size < 0 or data[start + size : start + size + 2] != b"\r\n":
            return data
        out.append(data[start : start + size])
        pos = start + size + 2


def is_chunked(record: StoredRecord) -> bool:
    """Whether the record's HTTP head says its body is in chunked framing."""
    coding = record.header("Transfer-Encoding") or ""
    return "chunked" in coding.lower()


def decode_body(body: bytes, content_encoding: str | None) -> bytes:
    """Undo ``Content-Encoding`` as Scrapy's HttpCompressionMiddleware would.

    Codings are undone last-applied first; an unknown coding leaves the bytes
    as they are (Scrapy hands those to the spider undecoded too).  A truncated
    gzip stream yields what could be decoded, as Scrapy's ``gunzip`` does.
    """
    if not content_encoding:
        return body
    for coding in reversed([c.strip().lower() for c in content_encoding.split(",")]):
        if coding in ("gzip", "x-gzip"):
            body = _inflate(body, zlib.MAX_WBITS | 32)
        elif coding == "deflate":
            try:
                body = _inflate(body, zlib.MAX_WBITS)
            except zlib.error:
                body = _inflate(body, -zlib.MAX_WBITS)  # raw deflate, as some servers send
        elif coding == "br":
            import brotli  # only needed for brotli responses

            body = brotli.decompress(body)
        elif coding not in ("identity", ""):
            break
    return body


def _inflate(data: bytes, wbits: int) -> bytes:
    out = []
    while data:
        d = zlib.decompressobj(wbits)
        try:
            out.append(d.decompress(data))
        except zlib.error:
            if out:
                break
            raise
        if not d.eof:
            break
        data = d.unused_data  # concatenated members
    return b"".join(out)
