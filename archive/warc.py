"""WARC files: one gzip member per record, rotation by size, crash-safe names.

warcio builds the records (headers, digests); we only replace its gzip
wrapper, because warcio compresses at level 9, which costs about 1.6x the CPU
of level 6 for the same ratio on news pages, and the crawl is CPU-bound.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import socket
import struct
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import BaseWARCWriter

from archive.reliability.paths import safe_component

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"


class _Gzip:
    """A gzip member around exactly one record (so each record is seekable)."""

    def __init__(self, out, level: int) -> None:
        self.out = out
        self.compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)

    def write(self, data: bytes) -> None:
        self.out.write(self.compressor.compress(data))

    def flush(self) -> None:
        self.out.write(self.compressor.flush())


# mtime 0, no flags, OS unknown: the member header zlib itself would write, minus the time
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_STORE_FROM = 1024  # writes this long are payload chunks (warcio writes headers whole)
_STORED_MAX = 0xFFFF  # bytes per deflate stored block


class _StoringGzip:
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
        out.write(_GZIP_HEADER)

    def write(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        if len(data) < _STORE_FROM:
            self.out.write(self.compressor.compress(data))
            return
        self.out.write(self.compressor.flush(zlib.Z_FULL_FLUSH))
        view = memoryview(data)
        for start in range(0, len(view), _STORED_MAX):
            chunk = view[start : start + _STORED_MAX]
            n = len(chunk)
            self.out.write(b"\x00" + struct.pack("<HH", n, n ^ 0xFFFF))
            self.out.write(chunk)

    def flush(self) -> None:
        self.out.write(self.compressor.flush())
        self.out.write(struct.pack("<II", self.crc, self.size & 0xFFFFFFFF))


class _RecordWriter(BaseWARCWriter):
    def __init__(self, level: int) -> None:
        super().__init__(gzip=False, warc_version="1.1")
        self.level = level

    def serialize(self, record, level: int | None = None, *, store_payload: bool = False) -> bytes:
        buf = BytesIO()
        wrapper = _StoringGzip if store_payload else _Gzip
        self._write_warc_record(wrapper(buf, self.level if level is None else level), record)
        return buf.getvalue()


_PACKED = frozenset(["gzip", "x-gzip", "br", "deflate", "zstd", "compress"])


def _compressed(headers: list[tuple[str, str]]) -> bool:
    """Whether the HTTP payload carries a compressing ``Content-Encoding``."""
    return any(
        name.lower() == "content-encoding" and value.strip().lower() in _PACKED
        for name, value in headers
    )


@dataclass(frozen=True, slots=True)
class RecordLocation:
    """Where a record landed: enough to seek to it and read it back."""

    filename: str  # file name (no directory), as it will be once closed
    offset: int  # byte offset of the record's gzip member
    length: int  # compressed length of the member
    record_id: str  # WARC-Record-ID, "<urn:uuid:...>"
    payload_digest: str | None = None  # WARC-Payload-Digest ("sha1:BASE32")


IDENTICAL_PAYLOAD = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


@dataclass(frozen=True, slots=True)
class Revisit:
    """The earlier record that already holds a payload (for a revisit record).

    A 304 whose earlier capture is unknown still makes a revisit record
    (server-not-modified), one without ``WARC-Refers-To*`` (all None)."""

    refers_to: str | None  # its WARC-Record-ID
    refers_to_uri: str | None  # its WARC-Target-URI
    refers_to_date: str | None  # its WARC-Date
    payload_digest: str | None  # "sha1:BASE32", the digest both payloads share
    profile: str = IDENTICAL_PAYLOAD  # WARC-Profile


_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B32_PAIRS = [a + b for a in _B32 for b in _B32]  # every 10-bit group as two letters


def sha1_label(digest: bytes) -> str:
    """``sha1:BASE32`` of a 20-byte SHA-1 digest, as warcio writes digests
    (``base64.b32encode`` is pure Python: this takes a third of its time).

    >>> import base64
    >>> sha1_label(bytes(range(20))) == "sha1:" + base64.b32encode(bytes(range(20))).decode()
    True
    """
    n = int.from_bytes(digest, "big")
    return "sha1:" + "".join([_B32_PAIRS[(n >> shift) & 1023] for shift in range(150, -1, -10)])


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest of a body, as warcio writes it (``sha1:BASE32``)."""
    return sha1_label(hashlib.sha1(body).digest())


_RESPONSE_TYPE = "application/http; msgtype=response"
_REQUEST_TYPE = "application/http; msgtype=request"
_TAIL = b"\r\n\r\n"  # after every record's block


def _record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _record(fields: list[tuple[str, str]], content_type: str, head: bytes, payload: bytes) -> bytes:
    """A record's WARC head plus its HTTP head (the payload follows it):
    the block digest over HTTP head and payload, the content type and length
    appended as warcio appends them."""
    block = hashlib.sha1(head)
    block.update(payload)
    digest = sha1_label(block.digest())
    lines = ["WARC/1.1\r\n"]
    lines.extend(f"{name}: {value}\r\n" for name, value in fields)
    lines.append(f"WARC-Block-Digest: {digest}\r\nContent-Type: {content_type}\r\n")
    lines.append(f"Content-Length: {len(head) + len(payload)}\r\n\r\n")
    return "".join(lines).encode("utf-8") + head


def _revisit_fields(url: str, record_id: str, revisit: Revisit) -> list[tuple[str, str]]:
    fields = [
        ("WARC-Type", "revisit"),
        ("WARC-Record-ID", record_id),
        ("WARC-Target-URI", url),
        ("WARC-Profile", revisit.profile),
    ]
    if revisit.refers_to:
        fields.append(("WARC-Refers-To-Target-URI", revisit.refers_to_uri))
        fields.append(("WARC-Refers-To-Date", revisit.refers_to_date))
        fields.append(("WARC-Refers-To", revisit.refers_to))
    if revisit.payload_digest:
        fields.append(("WARC-Payload-Digest", revisit.payload_digest))
    return fields


def _http_head(status_line: str, headers: list[tuple[str, str]]) -> bytes:
    """The HTTP head of a response record, as warcio serializes it (ASCII;
    non-ASCII header values percent-encoded by warcio's own rule)."""
    text = status_line + "\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers)
    if status_line and text.isascii():
        return text.encode("ascii") + b"\r\n"
    return StatusAndHeaders(status_line, headers, protocol="").to_ascii_bytes()


_HEADER_LINE = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+: [^\s](?:[^\r\n]*[^\s])?")


def _request_parts(url: str, data: bytes) -> tuple[bytes, bytes]:
    """HTTP head and body of a request record's block, as warcio makes them:
    warcio parses the head and writes it back, which gives the bytes as sent
    whenever each header line is ``Name: value`` (what Twisted writes); any
    other head goes through warcio's parser."""
    end = data.find(b"\r\n\r\n")
    if end > 0 and data.isascii() and url.startswith(("http:", "https:")):
        lines = data[:end].split(b"\r\n")
        if lines[0].count(b" ") == 2 and all(_HEADER_LINE.fullmatch(x) for x in lines[1:]):
            return data[: end + 4], data[end + 4 :]
    record = _RecordWriter(6).create_warc_record(
        url, "request", payload=BytesIO(data), length=len(data)
    )
    if record.http_headers is None:
        return b"", data
    record.http_headers.compute_headers_buffer()
    return record.http_headers.headers_buff, record.raw_stream.read()


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
    :class:`_StoringGzip`), then the record's closing CRLFs."""
    compressor = _deflater(len(head), level, gzip=False)
    parts = [_GZIP_HEADER, compressor.compress(head), compressor.flush(zlib.Z_FULL_FLUSH)]
    view = memoryview(payload)
    for start in range(0, len(view), _STORED_MAX):
        chunk = view[start : start + _STORED_MAX]
        n = len(chunk)
        parts.append(b"\x00" + struct.pack("<HH", n, n ^ 0xFFFF))
        parts.append(chunk)
    parts.append(compressor.compress(_TAIL))
    parts.append(compressor.flush())
    crc = zlib.crc32(_TAIL, zlib.crc32(payload, zlib.crc32(head)))
    size = len(head) + len(payload) + len(_TAIL)
    parts.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return parts


class WarcFileWriter:
    """Appends records to ``DIR/PREFIX-TIMESTAMP-SERIAL-HOST.warc.gz``.

    A file being written is named ``*.warc.gz.open`` and renamed when closed,
    so a reader never mistakes a half-written file for a finished one.
    """

    def __init__(
        self,
        directory: str | os.PathLike,
        *,
        prefix: str = "newsarchive",
        max_size: int = 1 << 30,
        gzip_level: int = 6,
        warcinfo: dict[str, str] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.prefix = safe_component(prefix, "newsarchive")  # never a path (#9)
        self.max_size = max_size
        self.warcinfo = warcinfo or {}
        self.builder = _RecordWriter(gzip_level)
        self.host = safe_component(socket.gethostname(), "host")
        self.serial = 0
        self._fh = None
        self._name: str | None = None
        self._offset = 0
        self.files: list[str] = []

    # -- files ---------------------------------------------------------------
    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")[:17]
        while True:
            self.serial += 1
            name = f"{self.prefix}-{stamp}-{self.serial:05d}-{self.host}.warc.gz"
            if not (self.directory / name).exists():
                break
        self._name = name
        # Unbuffered: each record is one write(2), so a record is in the OS
        # before its captures row can be committed; kill -9 loses neither.
        self._fh = open(self.directory / (name + OPEN_SUFFIX), "wb", buffering=0)  # noqa: SIM115
        self._offset = 0
        self.files.append(name)
        info = self.builder.create_warcinfo_record(name, self.warcinfo)
        self._append(info)

    def close(self) -> None:
        if self._fh is None:
            return
        self._fh.close()
        path = self.directory / self._name
        os.replace(str(path) + OPEN_SUFFIX, path)
        logger.info("Closed WARC file %s (%d bytes)", path, self._offset)
        self._fh = None
        self._name = None

    @property
    def current_path(self) -> Path | None:
        return self.directory / self._name if self._name else None

    def _append(self, record, *, store_payload: bool = False) -> RecordLocation:
        data = self.builder.serialize(record, store_payload=store_payload)
        offset = self._offset
        view = memoryview(data)
        while view:  # a raw file may take less than asked
            view = view[self._fh.write(view) :]
        self._offset += len(data)
        headers = record.rec_headers
        return RecordLocation(
            self._name,
            offset,
            len(data),
            headers.get_header("WARC-Record-ID"),
            headers.get_header("WARC-Payload-Digest"),
        )

    def _ensure_open(self) -> None:
        if self._fh is not None and self._offset >= self.max_size:
            self.close()
        if self._fh is None:
            self._open()

    # -- records -------------------------------------------------------------
    def write_exchange(
        self,
        *,
        url: str,
        request_head: bytes,
        request_body: bytes,
        status_line: str,
        headers: list[tuple[str, str]],
        body: bytes,
        warc_date: str,
        ip_address: str | None = None,
        revisit: Revisit | None = None,
        digest: str | None = None,
        truncated: str | None = None,
    ) -> tuple[RecordLocation, RecordLocation]:
        """Write a response (or, given ``revisit``, a revisit) record and its
        request record; return both locations.  ``digest`` is the body's
        :func:`payload_digest` when the caller has it already (it is not
        computed a second time).  ``truncated`` is WARC 1.1's
        ``WARC-Truncated`` reason for a body that did not come whole.

        The records are the ones warcio builds (same headers, same order,
        same digests: ``tests/warc/test_direct_records.py`` compares them),
        serialized here: warcio's record objects, header lists and stream
        copies cost ~3x the CPU of the digests and deflate themselves.
        """
        self._ensure_open()
        http_head = _http_head(status_line, headers)
        resp_id = _record_id()
        fields = [("WARC-Date", warc_date)]
        if ip_address:
            fields.append(("WARC-IP-Address", ip_address))
        if truncated:
            fields.append(("WARC-Truncated", truncated))
        if revisit is None:
            if digest:
                fields.append(("WARC-Payload-Digest", digest))
            fields += [("WARC-Type", "response"), ("WARC-Record-ID", resp_id)]
            fields.append(("WARC-Target-URI", url))
            if not digest:
                digest = payload_digest(body)
                fields.append(("WARC-Payload-Digest", digest))
            resp = _record(fields, _RESPONSE_TYPE, http_head, body)
            # A payload the server compressed already gains nothing from
            # deflate: it is stored as it is in the record's gzip member.
            member = self._member(resp, body, store=_compressed(headers))
        else:
            fields += _revisit_fields(url, resp_id, revisit)
            member = self._member(_record(fields, _RESPONSE_TYPE, http_head, b""), b"")
            digest = revisit.payload_digest
        resp_loc = self._write(member, resp_id, digest)
        req_loc = self._write_request(url, request_head + request_body, warc_date, resp_id)
        return resp_loc, req_loc

    def _write_request(
        self, url: str, data: bytes, warc_date: str, concurrent: str
    ) -> RecordLocation:
        head, body = _request_parts(url, data)
        record_id = _record_id()
        digest = payload_digest(body)
        fields = [
            ("WARC-Date", warc_date),
            ("WARC-Type", "request"),
            ("WARC-Record-ID", record_id),
            ("WARC-Target-URI", url),
            ("WARC-Payload-Digest", digest),
            ("WARC-Concurrent-To", concurrent),
        ]
        record = _record(fields, _REQUEST_TYPE, head, body)
        return self._write(self._member(record, body), record_id, digest)

    def _member(self, head: bytes, payload: bytes, *, store: bool = False) -> list[bytes]:
        """One gzip member: the record's head, its payload, the closing CRLFs."""
        if store and len(payload) >= _STORE_FROM:
            return _stored_member(head, payload, self.builder.level)
        data = head + payload + _TAIL
        compressor = _deflater(len(data), self.builder.level, gzip=True)
        return [compressor.compress(data), compressor.flush()]

    def _write(self, parts: list[bytes], record_id: str, digest: str | None) -> RecordLocation:
        data = b"".join(parts)
        offset = self._offset
        view = memoryview(data)
        while view:  # a raw file may take less than asked
            view = view[self._fh.write(view) :]
        self._offset += len(data)
        return RecordLocation(self._name, offset, len(data), record_id, digest)

    def flush(self) -> None:
        if self._fh is not None:
            self._fh.flush()


def _whole_members_length(path: Path, chunk: int = 1 << 20) -> int:
    """Bytes of ``path`` made of complete gzip members (a killed write leaves a torn one)."""
    good = 0
    pos = 0
    d = zlib.decompressobj(zlib.MAX_WBITS | 16)
    with open(path, "rb") as fh:
        data = fh.read(chunk)
        while data:
            try:
                d.decompress(data)
            except zlib.error:
                return good
            if d.eof:
                used = len(data) - len(d.unused_data)
                pos += used
                good = pos
                data = d.unused_data
                d = zlib.decompressobj(zlib.MAX_WBITS | 16)
                if not data:
                    data = fh.read(chunk)
                continue
            pos += len(data)
            data = fh.read(chunk)
    return good


def recover_open_files(directory: str | os.PathLike) -> list[Path]:
    """Close leftover ``*.open`` files of a killed run, cut after the last whole record."""
    fixed = []
    for path in sorted(Path(directory).glob("*.warc.gz" + OPEN_SUFFIX)):
        good = _whole_members_length(path)
        with open(path, "r+b") as fh:
            fh.truncate(good)
        final = path.with_name(path.name[: -len(OPEN_SUFFIX)])
        os.replace(path, final)
        fixed.append(final)
        logger.warning("Recovered unfinished WARC file %s (%d bytes kept)", final, good)
    return fixed
