"""Where bytes came, a WARC record (#9): bodies cut short (a reset, a lying
length, a stall past the timeout, more than ``DOWNLOAD_MAXSIZE``) are
``response`` records with WARC 1.1's ``WARC-Truncated``, read back with warcio."""

from __future__ import annotations

import pytest
from warcio.archiveiterator import ArchiveIterator

CUT = {  # hostile path -> WARC-Truncated of the failure's record
    "/h/reset/": "disconnect",
    "/h/lying-length/": "disconnect",
    "/h/stall/": "time",
    "/h/big-streamed/": "length",
    "/h/big-declared/": "length",
}
MAXSIZE = 2 * 1024 * 1024  # tests/hostile/conftest.py


def _read(crawl, capture_id: str) -> tuple[dict, bytes]:
    with crawl.connect() as conn:
        row = conn.execute(
            "select warc_file, warc_offset from captures where id = ?", (capture_id,)
        ).fetchone()
    with (crawl.warc_dir / row["warc_file"]).open("rb") as f:
        f.seek(row["warc_offset"])
        record = next(iter(ArchiveIterator(f, check_digests=True)))
        body = record.content_stream().read()
        headers = dict(record.rec_headers.headers)
        headers["status"] = record.http_headers.get_statuscode()
        headers["Content-Length (HTTP)"] = record.http_headers.get_header("Content-Length")
        headers["type"] = record.rec_type
    return headers, body


def _failure(crawl, path: str) -> dict:
    with crawl.connect() as conn:
        row = conn.execute(
            "select * from failures where url = ?", (crawl.truth["base"] + path.lstrip("/"),)
        ).fetchone()
    assert row is not None, path
    return dict(row)


@pytest.mark.parametrize("path", CUT)
def test_a_body_cut_short_is_a_truncated_response_record(hostile_crawl, path):
    failure = _failure(hostile_crawl, path)
    assert failure["capture_id"], failure
    headers, body = _read(hostile_crawl, failure["capture_id"])
    assert headers["type"] == "response" and headers["status"] == "200"
    assert headers["WARC-Truncated"] == CUT[path]
    declared = headers["Content-Length (HTTP)"]
    if path == "/h/big-streamed/":  # what came up to the limit, not an empty record
        assert MAXSIZE < len(body) <= MAXSIZE + 1024 * 1024 and declared is None
    elif path == "/h/big-declared/":  # cancelled on the head: the head is the evidence
        assert body == b"" and int(declared) == 50 * 1024 * 1024
    else:
        assert 0 < len(body) < int(declared) and body.startswith(b"<!DOCTYPE html>")
    with hostile_crawl.connect() as conn:
        length = conn.execute(
            "select content_length from captures where id = ?", (failure["capture_id"],)
        ).fetchone()[0]
    assert length == len(body)


def test_every_attempt_that_brought_bytes_is_archived(hostile_crawl):
    base = hostile_crawl.truth["base"]
    with hostile_crawl.connect() as conn:
        for path, attempts in (("/h/reset/", 3), ("/h/stall/", 3), ("/h/big-streamed/", 1)):
            ids = [
                r[0]
                for r in conn.execute(
                    "select id from captures where url = ?", (base + path.lstrip("/"),)
                )
            ]
            assert len(ids) == attempts, path
            assert {_read(hostile_crawl, i)[0]["WARC-Truncated"] for i in ids} == {CUT[path]}


def test_only_cut_bodies_are_marked_truncated(hostile_crawl):
    truncated = set()
    for path in sorted(hostile_crawl.warc_dir.glob("*.warc.gz")):
        with path.open("rb") as f:
            for record in ArchiveIterator(f):
                if record.rec_headers.get_header("WARC-Truncated"):
                    truncated.add(record.rec_headers.get_header("WARC-Target-URI"))
    base = hostile_crawl.truth["base"]
    assert truncated == {base + p.lstrip("/") for p in CUT}


def test_with_fail_on_dataloss_the_cut_body_is_still_archived(tmp_path):
    """``DOWNLOAD_FAIL_ON_DATALOSS=True``: Scrapy raises instead of delivering
    the part; the download handler keeps it for the capture."""
    import os
    import sqlite3
    import subprocess

    from archive.cli.demo import PROJECT_ROOT, crawl_command
    from demosite import build_site
    from demosite.hostile import Hostile
    from demosite.server import DemoServer

    db, warc_dir = tmp_path / "archive.db", tmp_path / "warc"
    settings = {"DOWNLOAD_FAIL_ON_DATALOSS": "True", "RETRY_TIMES": "0", "LOG_LEVEL": "INFO"}
    settings["LOG_FILE"] = str(tmp_path / "crawl.log")
    with DemoServer(build_site(articles=1, seed=3), hostile=Hostile()) as site:
        url = site.url + "h/reset/"
        cmd = crawl_command(url, str(db), str(warc_dir), "-a", "discover=listings",
                            *(a for k, v in settings.items() for a in ("-s", f"{k}={v}")))  # fmt: skip
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
        run = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    conn = sqlite3.connect(db)
    [(error, capture_id)] = conn.execute(
        "select error, capture_id from failures where url = ?", (url,)
    ).fetchall()
    warc_file, offset = conn.execute(
        "select warc_file, warc_offset from captures where id = ?", (capture_id,)
    ).fetchone()
    conn.close()
    assert error == "ResponseDataLossError"
    with (warc_dir / warc_file).open("rb") as f:
        f.seek(offset)
        record = next(iter(ArchiveIterator(f, check_digests=True)))
        assert record.rec_headers.get_header("WARC-Truncated") == "disconnect"
        declared = int(record.http_headers.get_header("Content-Length"))
        assert 0 < len(record.content_stream().read()) < declared
