"""WARC records serialized directly, byte for byte as warcio would build them.

warcio's record objects, header lists and stream copies cost ~3x the CPU of
the digests and deflate themselves, so the response, revisit and request
records of an exchange are built here as bytes: the same headers in the same
order, the same digests (``tests/warc/test_direct_records.py`` compares
them with warcio's).  warcio still builds the warcinfo record and parses a
request head that is not plainly ``Name: value`` lines
(:class:`WarcioRecords`).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import BaseWARCWriter

from archive.warc.digest import payload_digest, sha1_label
from archive.warc.members import GzipMember, StoringGzipMember

IDENTICAL_PAYLOAD = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
_RESPONSE_TYPE = "application/http; msgtype=response"
_REQUEST_TYPE = "application/http; msgtype=request"
_PACKED = frozenset(["gzip", "x-gzip", "br", "deflate", "zstd", "compress"])
_HEADER_LINE = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+: [^\s](?:[^\r\n]*[^\s])?")


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


# A record ready for its gzip member, as the writer needs it: its WARC-Record-ID,
# its head (WARC head and HTTP head), the HTTP payload that follows the head,
# its WARC-Payload-Digest, and whether the payload is compressed already (to be
# stored, not deflated).  A plain tuple: a frozen dataclass costs ~0.6 µs to
# build, twice per exchange (~1% of writing one), and the writer unpacks it.
SerializedRecord = tuple[str, bytes, bytes, str | None, bool]


class WarcioRecords(BaseWARCWriter):
    """warcio's own record building, gzipped at our level (not warcio's 9)."""

    def __init__(self, level: int) -> None:
        super().__init__(gzip=False, warc_version="1.1")
        self.level = level

    def serialize(self, record, level: int | None = None, *, store_payload: bool = False) -> bytes:
        buf = BytesIO()
        wrapper = StoringGzipMember if store_payload else GzipMember
        self._write_warc_record(wrapper(buf, self.level if level is None else level), record)
        return buf.getvalue()


def _compressed(headers: list[tuple[str, str]]) -> bool:
    """Whether the HTTP payload carries a compressing ``Content-Encoding``."""
    return any(
        name.lower() == "content-encoding" and value.strip().lower() in _PACKED
        for name, value in headers
    )


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


def response_record(
    *,
    url: str,
    status_line: str,
    headers: list[tuple[str, str]],
    body: bytes,
    warc_date: str,
    ip_address: str | None,
    revisit: Revisit | None,
    digest: str | None,
    truncated: str | None,
    extra: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> SerializedRecord:
    """The response record, or given ``revisit`` the revisit record, of an
    exchange (the arguments are :meth:`WarcFileWriter.write_exchange`'s;
    ``extra`` are further WARC fields, such as the browser's ``WARC-Page-ID``)."""
    http_head = _http_head(status_line, headers)
    resp_id = _record_id()
    fields = [("WARC-Date", warc_date), *extra]
    if ip_address:
        fields.append(("WARC-IP-Address", ip_address))
    if truncated:
        fields.append(("WARC-Truncated", truncated))
    if revisit is not None:
        fields += _revisit_fields(url, resp_id, revisit)
        head = _record(fields, _RESPONSE_TYPE, http_head, b"")
        return resp_id, head, b"", revisit.payload_digest, False
    if digest:
        fields.append(("WARC-Payload-Digest", digest))
    fields += [("WARC-Type", "response"), ("WARC-Record-ID", resp_id)]
    fields.append(("WARC-Target-URI", url))
    if not digest:
        digest = payload_digest(body)
        fields.append(("WARC-Payload-Digest", digest))
    head = _record(fields, _RESPONSE_TYPE, http_head, body)
    # A payload the server compressed already gains nothing from deflate:
    # it is stored as it is in the record's gzip member.
    return resp_id, head, body, digest, _compressed(headers)


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
    record = WarcioRecords(6).create_warc_record(
        url, "request", payload=BytesIO(data), length=len(data)
    )
    if record.http_headers is None:
        return b"", data
    record.http_headers.compute_headers_buffer()
    return record.http_headers.headers_buff, record.raw_stream.read()


def request_record(
    url: str,
    data: bytes,
    warc_date: str,
    concurrent: str,
    extra: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> SerializedRecord:
    """The request record of an exchange; ``data`` is the request as sent,
    ``concurrent`` the WARC-Record-ID of its response record."""
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
        *extra,
    ]
    return record_id, _record(fields, _REQUEST_TYPE, head, body), body, digest, False


def resource_record(
    uri: str,
    content_type: str,
    body: bytes,
    warc_date: str,
    extra: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> SerializedRecord:
    """A ``resource`` record: content made by the crawl itself (the browser's
    rendered DOM), its own block, no HTTP head."""
    record_id = _record_id()
    digest = payload_digest(body)
    fields = [
        ("WARC-Date", warc_date),
        ("WARC-Type", "resource"),
        ("WARC-Record-ID", record_id),
        ("WARC-Target-URI", uri),
        ("WARC-Payload-Digest", digest),
        *extra,
    ]
    return record_id, _record(fields, content_type, b"", body), body, digest, False
