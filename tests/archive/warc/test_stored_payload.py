"""A compressed payload is stored, not deflated again, in its record's gzip member."""

from __future__ import annotations

import gzip
import os
import zlib
from io import BytesIO

from warcio.archiveiterator import ArchiveIterator

from archive.warc.members import StoringGzipMember as _StoringGzip
from archive.warc.writer import WarcFileWriter


def test_stored_member_round_trips_through_gzip() -> None:
    payload = os.urandom(200_000)  # four stored blocks, the last one short
    buf = BytesIO()
    member = _StoringGzip(buf, 6)
    for part in (b"WARC/1.1\r\n" * 20, payload, b"tail " * 10, payload[:5000], b"\r\n\r\n"):
        member.write(part)
    member.flush()
    expected = b"WARC/1.1\r\n" * 20 + payload + b"tail " * 10 + payload[:5000] + b"\r\n\r\n"
    assert gzip.decompress(buf.getvalue()) == expected
    assert len(buf.getvalue()) < len(expected) + 200  # stored, not inflated


def test_gzipped_response_reads_back_with_digests(tmp_path) -> None:
    body = gzip.compress(b"<html><p>Hola</p></html>" * 2000)
    writer = WarcFileWriter(tmp_path, prefix="t")
    resp, _req = writer.write_exchange(
        url="http://a.example/",
        request_head=b"GET / HTTP/1.1\r\nHost: a.example\r\n\r\n",
        request_body=b"",
        status_line="HTTP/1.1 200 OK",
        headers=[("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))],
        body=body,
        warc_date="2026-11-29T00:00:00Z",
    )
    writer.close()
    path = tmp_path / resp.filename
    with open(path, "rb") as fh:
        fh.seek(resp.offset)
        member = fh.read(resp.length)
    assert zlib.decompress(member, 31).count(body) == 1  # one whole gzip member
    with open(path, "rb") as fh:
        records = list(ArchiveIterator(fh, check_digests="raise"))
    response = next(r for r in records if r.rec_type == "response")
    assert response.rec_headers.get_header("WARC-Record-ID") == resp.record_id
