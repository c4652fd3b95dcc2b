"""Request records as sent, chunked bodies as received, 304s as revisits.

A scripted server (``rawserver``) logs the exact bytes of each exchange; the
real crawl stack (``scrapy runspider`` with the project's settings) fetches a
plan of requests, and the WARC records are compared with those logs.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

import archive.reparse.run as reparse_module
from archive.cli.demo import PROJECT_ROOT
from archive.reparse.run import Task, _init_worker, parse_task
from archive.warc.cdxj import index_directory
from tests.archive.warc.rawserver import RawServer
from tests.archive.warc.test_replay import _get, wayback

SPIDER = Path(__file__).with_name("fetchspider.py")
PAGE = b"<html><head><title>Chunks</title></head><body><p>" + b"x" * 3000 + b"</p></body></html>"
ETAG = b'"v1"'


def _chunked(data: bytes, size: int = 1000) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def _chunked_page(_: bytes) -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
    return head + _chunked(PAGE)


def _chunked_gzip(_: bytes) -> bytes:
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        b"transfer-encoding: chunked\r\n\r\n"
    )
    return head + _chunked(gzip.compress(PAGE, mtime=0), 700)


def _etag(request: bytes) -> bytes:
    if b"\r\nIf-None-Match: " + ETAG + b"\r\n" in request:
        return b"HTTP/1.1 304 Not Modified\r\nETag: " + ETAG + b"\r\n\r\n"
    body = b"<html><body>unchanged</body></html>"
    return b"HTTP/1.1 200 OK\r\nETag: %s\r\nContent-Length: %d\r\n\r\n%s" % (ETAG, len(body), body)


def _form(request: bytes) -> bytes:
    return b"HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"


def _never_seen(_: bytes) -> bytes:
    return b"HTTP/1.1 304 Not Modified\r\nETag: " + ETAG + b"\r\n\r\n"


ROUTES = {
    "/chunked": _chunked_page,
    "/chunked-gzip": _chunked_gzip,
    "/etag": _etag,
    "/form": _form,
    "/never-seen": _never_seen,
}


def _fetch(url: str, db: Path, warc: Path, plan: list[dict]) -> None:
    for step in plan:
        step["url"] = url + step["url"]
    cmd = [
        sys.executable, "-m", "scrapy", "runspider", str(SPIDER), "-a", "plan=" + json.dumps(plan),
        "-s", f"ARCHIVE_SQLITE_PATH={db}", "-s", f"ARCHIVE_WARC_DIR={warc}", "-s", "LOG_LEVEL=WARNING",
        "-s", "AUTOTHROTTLE_ENABLED=False",
    ]  # fmt: skip
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    run = subprocess.run(
        cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-3000:]


@pytest.fixture(scope="module")
def exchanges(tmp_path_factory):
    out = tmp_path_factory.mktemp("exchange")
    db, warc = out / "archive.db", out / "warc"
    with RawServer(ROUTES) as srv:
        _fetch(srv.url, db, warc, [
            {"url": "/chunked"}, {"url": "/chunked-gzip"}, {"url": "/etag"},
            {"url": "/etag", "headers": {"If-None-Match": ETAG.decode()}},
            {"url": "/form", "method": "POST", "body": "a=1&b=%C3%A9",
             "headers": {"Content-Type": "application/x-www-form-urlencoded", "X-Mixed": "Case"}},
        ])  # fmt: skip
        # a later crawl: the 304's original is found in the archive, not in memory
        _fetch(srv.url, db, warc, [
            {"url": "/etag", "headers": {"If-None-Match": ETAG.decode()}},
            {"url": "/never-seen", "headers": {"If-None-Match": ETAG.decode()}},
        ])  # fmt: skip
    records = []
    for path in sorted(warc.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh, no_record_parse=True):
                uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
                target = uri[len(srv.url) :]
                records.append((rec.rec_type, target, rec.rec_headers, rec.raw_stream.read()))
    return srv, db, warc, records


def test_request_records_are_the_bytes_sent(exchanges):
    srv, _, _, records = exchanges
    requests = [(target, block) for kind, target, _, block in records if kind == "request"]
    assert len(requests) >= 7
    for target, block in requests:
        assert block in srv.received[target], block[:300]
    form = [block for target, block in requests if target == "/form"][0]
    assert form.endswith(b"\r\n\r\na=1&b=%C3%A9")
    # Twisted writes Host after the other headers: the record is not a rebuild
    assert form.index(b"\r\nX-Mixed: Case\r\n") < form.index(b"\r\nHost: ")


def test_chunked_response_is_kept_as_received(exchanges):
    srv, _, _, records = exchanges
    chunked = [(t, h, b) for kind, t, h, b in records if kind == "response" and "chunked" in t]
    assert {t for t, _, _ in chunked} == {"/chunked", "/chunked-gzip"}
    for target, _, block in chunked:
        assert block == srv.sent[target][0]  # framing and all, byte for byte
    for path in exchanges[2].glob("*.warc.gz"):  # warcio reads it back: digests and body
        check = subprocess.run(
            [Path(sys.executable).with_name("warcio"), "check", "-v", str(path)],
            capture_output=True,
        )
        assert check.returncode == 0, check.stdout
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "response" and "chunked" in rec.rec_headers.get_header(
                    "WARC-Target-URI"
                ):
                    assert rec.content_stream().read() == PAGE


def test_reparse_reads_chunked_records(exchanges):
    _, db, warc, _ = exchanges
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT id, url, warc_file, warc_offset, warc_length, fetched_at FROM captures "
        "WHERE url LIKE '%/chunked%'"
    ).fetchall()
    _init_worker(str(warc))
    try:
        for row in rows:
            parsed = parse_task(Task(*row, crawl_id=None, spider=None))
            assert parsed.error is None and parsed.article.title == "Chunks", parsed.error
    finally:
        reparse_module._reader.close()


def test_304_is_a_server_not_modified_revisit(exchanges):
    _, db, _, records = exchanges
    conn = sqlite3.connect(db)
    first, *not_modified = conn.execute(
        "SELECT id, status, revisit_of, fetched_at, payload_digest FROM captures "
        "WHERE url LIKE '%/etag' ORDER BY rowid"
    ).fetchall()
    assert first[1] == 200 and [r[1] for r in not_modified] == [304, 304]
    heads = {h.get_header("WARC-Record-ID"): (k, h, b) for k, _, h, b in records}
    for row in not_modified:
        assert row[2] == first[0] and row[4] == first[4]
        kind, head, block = heads[row[0]]
        assert kind == "revisit"
        assert head.get_header("WARC-Profile") == (
            "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
        )
        assert head.get_header("WARC-Refers-To") == first[0]
        assert head.get_header("WARC-Refers-To-Date") == first[3]
        assert head.get_header("WARC-Refers-To-Target-URI").endswith("/etag")
        assert block.startswith(b"HTTP/1.1 304 Not Modified\r\n")


@pytest.fixture(scope="module")
def pywb_over_exchanges(exchanges, tmp_path_factory):
    """A real pywb serving the exchanges' WARC files through our CDXJ index."""
    srv, _, warc, _ = exchanges
    root = tmp_path_factory.mktemp("pywb-exchange")
    _, merged = index_directory(warc, root / "indexes")
    (root / "config.yaml").write_text(
        f"collections:\n  x:\n    index: {merged}\n    archive_paths: {warc}/\n"
    )
    with wayback(root) as base:
        yield f"{base}x/2030id_/{srv.url}"


def test_pywb_replays_chunked_records_and_304_revisits(pywb_over_exchanges):
    for target in ("/chunked", "/chunked-gzip"):
        status, _, body = _get(pywb_over_exchanges + target)
        assert status == 200 and body == PAGE, target
    # The latest capture is the second crawl's 304 revisit: pywb reads it and,
    # as it does for every 3xx revisit, replays the recorded head (no payload).
    status, _, body = _get(pywb_over_exchanges + "/etag")
    assert status == 304 and body == b""


def test_304_without_earlier_capture_is_a_revisit_without_reference(exchanges):
    _, db, _, records = exchanges
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT id, status, revisit_of FROM captures WHERE url LIKE '%/never-seen'")
    capture_id, status, revisit_of = row.fetchone()
    assert status == 304 and revisit_of is None
    kind, head = next(
        (k, h) for k, _, h, _ in records if h.get_header("WARC-Record-ID") == capture_id
    )
    assert kind == "revisit" and head.get_header("WARC-Profile").endswith("/server-not-modified")
    assert head.get_header("WARC-Refers-To") is None
