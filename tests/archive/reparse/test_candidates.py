"""The re-parse reads its candidates a page at a time: no read snapshot held for the run."""

from __future__ import annotations

import sqlite3

from archive.reparse import run as reparse
from archive.store.writer import ArchiveStore


def _archive(path) -> None:
    store = ArchiveStore.open(path)
    store.db.enable_wal()  # as a crawl's archive is
    for n in range(7):
        for url in (f"http://a.example/{n}/", f"http://a.example/{n}/"):  # two captures each
            store.add_capture(
                {
                    "id": f"{n}-{len(store._captures)}",
                    "url": url,
                    "method": "GET",
                    "status": 200,
                    "fetched_at": "2026-01-01T00:00:00Z",
                    "content_type": "text/html; charset=utf-8",
                    "warc_file": "x.warc.gz",
                    "warc_offset": n,
                    "warc_length": 1,
                }
            )
    store.close()


def test_candidates_in_pages_leave_the_log_free_to_checkpoint(tmp_path, monkeypatch):
    db = tmp_path / "a.db"
    _archive(db)
    monkeypatch.setattr(reparse, "_PAGE", 2)
    writer = sqlite3.connect(db)
    writer.execute("CREATE TABLE scratch (n)")
    touch = "INSERT INTO scratch VALUES (1)"
    writer.execute(touch)  # the log holds frames when the reader starts
    writer.commit()
    reader = sqlite3.connect(db)
    total, tasks = reparse.candidate_tasks(reader)
    first = next(tasks)
    writer.execute(touch)
    writer.commit()
    busy, _, _ = writer.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0  # no statement of the reader pins the log
    rest = list(tasks)
    urls = [first.url] + [t.url for t in rest]
    assert total == len(urls) == 7 and len(set(urls)) == 7  # the latest capture of each URL
    assert [t.rowid for t in [first, *rest]] == sorted(t.rowid for t in [first, *rest])
    every_total, every = reparse.candidate_tasks(reader, every=True)
    assert every_total == len(list(every)) == 14
    reader.close()
    writer.close()
