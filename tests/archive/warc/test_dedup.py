"""Identical payloads are stored once: later captures become revisit records."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from archive.warc.reader import RecordReader

WARCIO = str(Path(sys.executable).parent / "warcio")


def _captures(db) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return list(conn.execute("SELECT * FROM captures ORDER BY rowid"))
    finally:
        conn.close()


def test_second_crawl_of_unchanged_pages_writes_revisits(warc_crawl):
    rows = _captures(warc_crawl.db)
    by_id = {r["id"]: r for r in rows}
    second = [r for r in rows if r["crawl_id"] == 2]
    assert second and all(r["revisit_of"] for r in second if r["content_length"])
    reader = RecordReader(warc_crawl.warc_dir)
    try:
        for row in second:
            if not row["revisit_of"]:
                continue
            record = reader.read(row["warc_file"], row["warc_offset"], row["warc_length"])
            h = record.rec_headers
            original = by_id[row["revisit_of"]]
            assert record.rec_type == "revisit" and record.payload == b""
            assert h.get_header("WARC-Profile").endswith("/identical-payload-digest")
            assert h.get_header("WARC-Refers-To") == original["id"]
            assert h.get_header("WARC-Refers-To-Target-URI") == original["url"]
            assert h.get_header("WARC-Refers-To-Date") == original["fetched_at"]
            assert h.get_header("WARC-Payload-Digest") == original["payload_digest"]
            assert original["revisit_of"] is None  # always the record holding the payload
            first = reader.read(
                original["warc_file"], original["warc_offset"], original["warc_length"]
            )
            assert first.rec_type == "response"
            assert first.rec_headers.get_header("WARC-Record-ID") == original["id"]
    finally:
        reader.close()


def test_every_capture_row_resolves_and_warcio_check_passes(warc_crawl):
    reader = RecordReader(warc_crawl.warc_dir)
    try:
        for row in _captures(warc_crawl.db):
            record = reader.read(row["warc_file"], row["warc_offset"], row["warc_length"])
            assert record.rec_headers.get_header("WARC-Record-ID") == row["id"]
            assert record.rec_headers.get_header("WARC-Target-URI") == row["url"]
    finally:
        reader.close()
    files = sorted(str(p) for p in warc_crawl.warc_dir.glob("*.warc.gz"))
    check = subprocess.run([WARCIO, "check", *files], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]
