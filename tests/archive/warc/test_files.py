"""The WARC writer: records read back with warcio, digests verify, crash recovery."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from archive.warc.recovery import recover_open_files
from archive.warc.writer import WarcFileWriter

WARCIO = str(Path(sys.executable).parent / "warcio")
REQ = b"GET /a HTTP/1.1\r\nHost: x.example\r\n\r\n"


def _write(writer: WarcFileWriter, body: bytes, url: str = "http://x.example/a"):
    return writer.write_exchange(
        url=url,
        request_head=REQ,
        request_body=b"",
        status_line="HTTP/1.1 200 OK",
        headers=[
            ("Content-Type", "text/html"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(body))),
        ],
        body=body,
        warc_date="2026-01-01T00:00:00Z",
        ip_address="127.0.0.1",
    )


def test_pairs_read_back_with_digests(tmp_path):
    writer = WarcFileWriter(tmp_path, warcinfo={"software": "test"})
    payload = gzip.compress(b"<html>hello</html>")
    resp, req = _write(writer, payload)
    assert writer.current_path.name.endswith(".warc.gz")
    assert not writer.current_path.exists()  # still *.open while writing
    writer.close()
    path = tmp_path / resp.filename
    with open(path, "rb") as fh:
        records = [
            (r.rec_type, r.rec_headers, r.content_stream().read(), r.raw_stream)
            for r in ArchiveIterator(fh)
        ]
    types = [r[0] for r in records]
    assert types == ["warcinfo", "response", "request"]
    _, resp_headers, content, _ = records[1]
    assert content == b"<html>hello</html>"  # warcio decodes; the stored payload is gzip
    assert resp_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert records[2][1].get_header("WARC-Concurrent-To") == resp.record_id
    with open(path, "rb") as fh:
        fh.seek(resp.offset)
        raw = next(iter(ArchiveIterator(fh)))
        assert raw.rec_headers.get_header("WARC-Record-ID") == resp.record_id
        assert raw.raw_stream.read() == payload
    check = subprocess.run([WARCIO, "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_rotation_by_size(tmp_path):
    writer = WarcFileWriter(tmp_path, max_size=2000)
    for i in range(10):
        _write(writer, bytes(range(256)) * 4, url=f"http://x.example/{i}")
    writer.close()
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) > 2
    assert len({f.name for f in files}) == len(files)


def test_recovery_cuts_torn_record_and_renames(tmp_path):
    writer = WarcFileWriter(tmp_path)
    _write(writer, b"one")
    _write(writer, b"two")
    writer._fh.close()  # the process dies: the file is never renamed
    open_path = tmp_path / (writer.current_path.name + ".open")
    whole = open_path.stat().st_size
    with open(open_path, "ab") as fh:  # a record torn by kill -9
        fh.write(gzip.compress(b"WARC/1.1\r\n" + os.urandom(5000))[:400])
    fixed = recover_open_files(tmp_path)
    assert len(fixed) == 1 and fixed[0].stat().st_size == whole
    with open(fixed[0], "rb") as fh:
        assert len(list(ArchiveIterator(fh))) == 5
