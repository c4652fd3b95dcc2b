"""WARC files: one gzip member per record, rotation by size, crash-safe names.

warcio builds the records (headers, digests); we only replace its gzip
wrapper, because warcio compresses at level 9, which costs about 1.6x the CPU
of level 6 for the same ratio on news pages, and the crawl is CPU-bound.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import socket
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

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


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest of a body, as warcio writes it (``sha1:BASE32``)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


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
        :func:`payload_digest` when the caller has it already (warcio then
        does not hash the body a second time).  ``truncated`` is WARC 1.1's
        ``WARC-Truncated`` reason for a body that did not come whole."""
        self._ensure_open()
        http_headers = StatusAndHeaders(status_line, headers, protocol="", is_http_request=False)
        extra = {"WARC-Date": warc_date}
        if ip_address:
            extra["WARC-IP-Address"] = ip_address
        if truncated:
            extra["WARC-Truncated"] = truncated
        if revisit is None:
            if digest:
                extra["WARC-Payload-Digest"] = digest
            resp = self.builder.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict=extra,
            )
        else:
            resp = self._revisit_record(url, http_headers, extra, revisit)
        req = self.builder.create_warc_record(
            url,
            "request",
            payload=BytesIO(request_head + request_body),
            length=len(request_head) + len(request_body),
            warc_content_type="application/http; msgtype=request",
            warc_headers_dict={"WARC-Date": warc_date},
        )
        req.rec_headers.add_header(
            "WARC-Concurrent-To", resp.rec_headers.get_header("WARC-Record-ID")
        )
        # A payload the server compressed already gains nothing from deflate:
        # it is stored as it is in the record's gzip member (headers deflated).
        resp_loc = self._append(resp, store_payload=_compressed(headers))
        req_loc = self._append(req)
        return resp_loc, req_loc

    def _revisit_record(self, url: str, http_headers, extra: dict[str, str], revisit: Revisit):
        """A revisit record (identical payload, or a 304): the HTTP head only,
        pointing at the record that holds the payload when it is known."""
        record = self.builder.create_warc_record(
            url, "revisit", http_headers=http_headers, warc_headers_dict=extra
        )
        add = record.rec_headers.add_header
        add("WARC-Profile", revisit.profile)
        if revisit.refers_to:
            add("WARC-Refers-To-Target-URI", revisit.refers_to_uri)
            add("WARC-Refers-To-Date", revisit.refers_to_date)
            add("WARC-Refers-To", revisit.refers_to)
        if revisit.payload_digest:
            add("WARC-Payload-Digest", revisit.payload_digest)
        return record

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
