"""The re-parse's direct record reader gives what warcio gives, record for record.

``RecordReader.read_direct`` splits the records our writer makes without
warcio and hands every other shape to warcio; both must agree on every field
the re-parse reads (type, WARC and HTTP heads, payload), on a real crawl's
WARC files and on deliberately unusual records.
"""

from __future__ import annotations

import sqlite3
import zlib

import pytest

from archive.warc.reader import RecordReader, split_record

RECORD = (
    b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/x\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: {n}\r\n\r\n"
)


def _record(http: bytes, head: bytes = RECORD) -> bytes:
    return head.replace(b"{n}", str(len(http)).encode()) + http + b"\r\n\r\n"


def _same(a, b) -> None:
    assert (a.rec_type, a.payload) == (b.rec_type, b.payload)
    for x, y in ((a.rec_headers, b.rec_headers), (a.http_headers, b.http_headers)):
        assert (x is None) == (y is None)
        if x is not None:
            assert (x.protocol, x.statusline, x.headers, x.total_len) == (
                y.protocol,
                y.statusline,
                y.headers,
                y.total_len,
            )


def test_direct_read_equals_warcio_on_every_capture(warc_crawl):
    conn = sqlite3.connect(warc_crawl.db)
    # every record with an HTTP head (a browser stage's DOM snapshot has none)
    rows = conn.execute(
        "SELECT warc_file, warc_offset, warc_length FROM captures WHERE warc_file IS NOT NULL"
        " AND via IS NOT 'snapshot'"
    ).fetchall()
    conn.close()
    reader = RecordReader(warc_crawl.warc_dir)
    direct = 0
    try:
        for row in rows:
            _same(reader.read(*row), reader.read_direct(*row))
            fh = reader._handle(row[0])
            fh.seek(row[1])
            direct += split_record(fh.read(row[2])) is not None
    finally:
        reader.close()
    assert rows and direct == len(rows)  # our writer's records all take the direct path


UNUSUAL = {
    "plain, not gzipped": _record(b"HTTP/1.1 200 OK\r\nA: b\r\n\r\nhi"),
    "folded header": _record(b"HTTP/1.1 200 OK\r\nA: b\r\n  c\r\nD: e\r\n\r\nhi"),
    "bare LF in the HTTP head": _record(b"HTTP/1.1 200 OK\nA: b\n\nhi"),
    "line without colon": _record(b"HTTP/1.1 200 OK\r\nnonsense\r\nA: b\r\n\r\nhi"),
    "latin-1 header": _record(b"HTTP/1.1 200 OK\r\nX-Name: J\xf6rg\r\n\r\nhi"),
    "HTTP/1.0 lower case": _record(b"http/1.0 404 Not Found\r\nA:b\r\n\r\n"),
    "revisit with no HTTP head": _record(b"", RECORD.replace(b"response", b"revisit", 1)),
    "block longer than declared": _record(b"HTTP/1.1 200 OK\r\n\r\nhi").replace(
        b"Content-Length: 21", b"Content-Length: 12"
    ),
}


@pytest.mark.parametrize("case", sorted(UNUSUAL))
def test_unusual_records_read_as_warcio_reads_them(case, tmp_path):
    data = UNUSUAL[case]
    compressed = zlib.compress(data, wbits=31) if case != "plain, not gzipped" else data
    (tmp_path / "x.warc.gz").write_bytes(compressed + b"trailing member")
    reader = RecordReader(tmp_path)
    try:
        warcio_record = reader.read("x.warc.gz", 0, len(compressed))
        _same(warcio_record, reader.read_direct("x.warc.gz", 0, len(compressed)))
    finally:
        reader.close()
    if case != "plain, not gzipped":  # only plain CRLF shapes take the direct path
        assert split_record(compressed) is None


def test_truncated_member_is_an_error_as_with_warcio(tmp_path):
    whole = zlib.compress(_record(b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * 5000), wbits=31)
    (tmp_path / "t.warc.gz").write_bytes(whole[: len(whole) // 2])
    reader = RecordReader(tmp_path)
    try:
        assert split_record(whole[: len(whole) // 2]) is None
        outcomes = []
        for read in (reader.read, reader.read_direct):
            try:
                outcomes.append(len(read("t.warc.gz", 0, len(whole)).payload))
            except Exception as exc:  # noqa: BLE001 - compared, not hidden
                outcomes.append(type(exc))
        assert outcomes[0] == outcomes[1]
    finally:
        reader.close()
