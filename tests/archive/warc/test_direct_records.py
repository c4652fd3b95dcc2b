"""The WARC writer serializes records itself: they must be the records warcio builds.

For each kind of exchange, the same record is built with warcio's own
``create_warc_record`` (what the writer used before) and compared with what
the writer wrote: the same WARC headers in the same order (record ids
aside, which are random), the same block, and digests that warcio verifies.
"""

from __future__ import annotations

import gc
import gzip
import warnings
from io import BytesIO

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import BufferWARCWriter

from archive.warc.digest import payload_digest
from archive.warc.records import NOT_MODIFIED, Revisit
from archive.warc.writer import WarcFileWriter

URL = "http://news.example/2026/01/02/story/"
REQ = b"GET /2026/01/02/story/ HTTP/1.1\r\nAccept: text/html\r\nHost: news.example\r\n\r\n"
HTML = b"<html><p>Hola</p></html>" * 50
ZIPPED = gzip.compress(HTML * 40)
IDS = ("WARC-Record-ID", "WARC-Concurrent-To")

CASES = {
    "gzip payload (stored)": dict(headers=[("Content-Encoding", "gzip")], body=ZIPPED),
    "plain payload (deflated)": dict(headers=[("Content-Type", "text/html")], body=HTML),
    "digest given": dict(headers=[], body=HTML, digest=payload_digest(HTML)),
    "truncated, with IP": dict(
        headers=[], body=HTML[:100], truncated="length", ip_address="127.0.0.1"
    ),
    "non-ASCII header value": dict(
        headers=[("Content-Disposition", "attachment; filename=\"caf\u00e9.html\"")], body=b"x"
    ),
    "empty body": dict(headers=[("Content-Length", "0")], body=b""),
    "identical payload": dict(
        headers=[],
        body=HTML,
        revisit=Revisit("<urn:uuid:1>", URL, "2026-01-01T00:00:00Z", payload_digest(HTML)),
    ),
    "304 without an earlier capture": dict(
        headers=[], body=b"", status="HTTP/1.1 304 Not Modified",
        revisit=Revisit(None, None, None, None, NOT_MODIFIED),
    ),
    "request head warcio rewrites": dict(
        headers=[], body=b"x", request=b"GET / HTTP/1.1\r\nX-Odd:  spaced \r\nHost: a\r\n\r\n"
    ),
    "request with a body": dict(
        headers=[], body=b"x", request=b"POST /f HTTP/1.1\r\nHost: a\r\n\r\nq=1&r=2"
    ),
}  # fmt: skip


def _warcio_pair(case: dict) -> bytes:
    """The response/revisit and request records as warcio builds them."""
    builder = BufferWARCWriter(gzip=False, warc_version="1.1")
    http = StatusAndHeaders(case.get("status", "HTTP/1.1 200 OK"), case["headers"], protocol="")
    extra = {"WARC-Date": "2026-11-29T00:00:00Z"}
    if case.get("ip_address"):
        extra["WARC-IP-Address"] = case["ip_address"]
    if case.get("truncated"):
        extra["WARC-Truncated"] = case["truncated"]
    revisit = case.get("revisit")
    if revisit is None:
        if case.get("digest"):
            extra["WARC-Payload-Digest"] = case["digest"]
        body = case["body"]
        resp = builder.create_warc_record(
            URL, "response", payload=BytesIO(body), length=len(body),
            http_headers=http, warc_headers_dict=extra,
        )  # fmt: skip
    else:
        resp = builder.create_warc_record(
            URL, "revisit", http_headers=http, warc_headers_dict=extra
        )
        add = resp.rec_headers.add_header
        add("WARC-Profile", revisit.profile)
        if revisit.refers_to:
            add("WARC-Refers-To-Target-URI", revisit.refers_to_uri)
            add("WARC-Refers-To-Date", revisit.refers_to_date)
            add("WARC-Refers-To", revisit.refers_to)
        if revisit.payload_digest:
            add("WARC-Payload-Digest", revisit.payload_digest)
    request = case.get("request", REQ)
    req = builder.create_warc_record(
        URL, "request", payload=BytesIO(request), length=len(request),
        warc_content_type="application/http; msgtype=request",
        warc_headers_dict={"WARC-Date": "2026-11-29T00:00:00Z"},
    )  # fmt: skip
    req.rec_headers.add_header("WARC-Concurrent-To", "x")
    builder.write_record(resp)
    builder.write_record(req)
    return builder.get_contents()


def _records(data: bytes) -> list[tuple[list, bytes]]:
    out = []
    for record in ArchiveIterator(BytesIO(data), check_digests="raise"):
        headers = [(k, v) for k, v in record.rec_headers.headers if k not in IDS]
        block = record.http_headers.to_bytes() if record.http_headers else b""
        out.append((headers, block + record.raw_stream.read()))
    return out


@pytest.mark.parametrize("name", CASES)
def test_records_are_warcios(tmp_path, name: str) -> None:
    case = CASES[name]
    writer = WarcFileWriter(tmp_path, prefix="t")
    resp, req = writer.write_exchange(
        url=URL,
        request_head=case.get("request", REQ),
        request_body=b"",
        status_line=case.get("status", "HTTP/1.1 200 OK"),
        headers=case["headers"],
        body=case["body"],
        warc_date="2026-11-29T00:00:00Z",
        ip_address=case.get("ip_address"),
        revisit=case.get("revisit"),
        digest=case.get("digest"),
        truncated=case.get("truncated"),
    )
    writer.close()
    data = (tmp_path / resp.filename).read_bytes()
    ours = _records(data[resp.offset : req.offset + req.length])
    with warnings.catch_warnings():  # warcio leaves a spooled temp file to the GC
        warnings.simplefilter("ignore", ResourceWarning)
        expected = _warcio_pair(case)
        gc.collect()
    assert ours == _records(expected)
    # each location addresses exactly one gzip member holding its record
    for loc in (resp, req):
        member = gzip.decompress(data[loc.offset : loc.offset + loc.length])
        assert member.startswith(b"WARC/1.1\r\n") and member.endswith(b"\r\n\r\n")
        assert loc.record_id.encode() in member
    assert resp.payload_digest == (
        case["revisit"].payload_digest if case.get("revisit") else payload_digest(case["body"])
    )
