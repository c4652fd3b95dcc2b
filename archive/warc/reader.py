"""Reading single records back by their location, and decoding their payloads.

The ``captures`` table says where each response record is (file, offset,
length); re-parse and tests read exactly that gzip member, without scanning
the file.  ``decode_body`` undoes ``Content-Encoding`` the way Scrapy does, so
a re-parse sees the bytes the spider saw.

Two ways to read a record: :meth:`RecordReader.read` with warcio (general,
validating: tests and tools use it), and :meth:`RecordReader.read_direct`,
which re-parse uses: one ``zlib`` call and two header splits, about a fifth
of warcio's CPU per record, for the records our own writer makes.  Anything
it does not recognise as such (no gzip member, a truncated one, folded
header lines, a bare LF, a non-HTTP record) is handed to warcio instead, so
both give the same record (tests/archive/warc/test_reader.py).
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
        return next_record(fh.read(length))

    def read_direct(self, name: str, offset: int, length: int) -> StoredRecord:
        """The record at (``name``, ``offset``, ``length``), as :meth:`read`
        returns it, without warcio's stream machinery where the bytes allow."""
        fh = self._handle(name)
        fh.seek(offset)
        data = fh.read(length)
        record = split_record(data)
        if record is None:  # not the plain shape: warcio knows every other one
            return next_record(data)
        return record

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()


def next_record(data: bytes) -> StoredRecord:
    """The first record in ``data`` (one gzip member or plain WARC), by warcio."""
    record = next(iter(ArchiveIterator(BytesIO(data))))
    return StoredRecord(
        record.rec_type, record.rec_headers, record.http_headers, record.raw_stream.read()
    )


_WARC_VERSIONS = ("WARC/1.1", "WARC/1.0")
_HTTP_VERSIONS = ("HTTP/1.1", "HTTP/1.0")


def split_record(data: bytes) -> StoredRecord | None:
    r"""One WARC record with an HTTP head, split without warcio; None when
    the bytes are not in the plain shape our writer produces.

    >>> rec = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/\r\n"
    ...        b"Content-Length: 27\r\n\r\nHTTP/1.1 200 OK\r\nA: b\r\n\r\nhi\r\n\r\n")
    >>> r = split_record(zlib.compress(rec, wbits=31))
    >>> r.rec_type, r.http_headers.statusline, r.header("a"), r.payload
    ('response', '200 OK', 'b', b'hi')
    >>> split_record(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n") is None
    True
    """
    if data[:2] == b"\x1f\x8b":
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            data = inflater.decompress(data)
        except zlib.error:
            return None
        if not inflater.eof or inflater.unused_data:
            return None
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    warc = _head(data[: end + 2], _WARC_VERSIONS)
    if warc is None:
        return None
    rec_type = warc.get_header("WARC-Type")
    uri = warc.get_header("WARC-Target-URI") or ""
    try:
        length = int(warc.get_header("Content-Length") or "")
    except ValueError:
        return None
    start = end + 4  # the block: HTTP head and payload, then CRLF CRLF
    stop = start + length
    if (
        rec_type not in ("response", "revisit")
        or not uri.startswith(("http:", "https:"))
        or len(data) != stop + 4
        or data[stop:] != b"\r\n\r\n"
    ):
        return None
    head_end = data.find(b"\r\n\r\n", start, stop)
    http = _head(data[start : head_end + 2], _HTTP_VERSIONS) if head_end >= 0 else None
    if http is None:
        return None
    return StoredRecord(rec_type, warc, http, data[head_end + 4 : stop])


def _head(head: bytes, versions: tuple[str, ...]) -> StatusAndHeaders | None:
    """A status line and ``Name: value`` lines, each ending in CRLF, as warcio
    parses them; None for anything warcio would treat specially."""
    if head.count(b"\n") != head.count(b"\r\n"):
        return None  # a bare LF: warcio splits lines there
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = text.split("\r\n")
    first = lines[0].rstrip()
    protocol = first[:8]
    if protocol not in versions or first[8:9] not in (" ", ""):
        return None  # warcio upper-cases WARC's but not HTTP's: leave odd cases to it
    headers = []
    for line in lines[1:-1]:
        name, colon, value = line.rstrip().partition(":")
        if not colon or line[:1] in (" ", "\t"):
            return None  # folded or malformed lines: warcio's rules
        headers.append((name.rstrip(" \t"), value.lstrip()))
    return StatusAndHeaders(first[8:].strip(), headers, protocol=protocol, total_len=len(head) + 2)


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
