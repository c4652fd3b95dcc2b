"""kill -9 in the middle of a crawl: the next run closes the torn file, nothing dangles."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from archive.cli.demo import PROJECT_ROOT, crawl_command
from archive.warc.reader import RecordReader
from demosite import build_site
from demosite.server import DemoServer
from tests.archive.conftest import run_crawl

WARCIO = str(Path(sys.executable).parent / "warcio")


def _capture_rows(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM captures").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0
    finally:
        conn.close()


def _start_and_kill(url: str, db: Path, warc_dir: Path) -> set[int]:
    """Crawl until rows are committed, then SIGKILL; the crawl's parser workers at that moment."""
    cmd = crawl_command(url, str(db), str(warc_dir), "-s", "LOG_LEVEL=WARNING")
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="settings")
    proc = subprocess.Popen(
        cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until a batch of rows is committed
            if _capture_rows(db) > 0:
                break
            time.sleep(0.1)
        time.sleep(0.3)  # and records written after it
        assert proc.poll() is None, "the crawl ended before it could be killed"
        workers = _parser_workers(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    return workers


def test_kill_9_then_rerun(tmp_path):
    site = build_site(articles=2000, seed=3)
    db, warc_dir = tmp_path / "archive.db", tmp_path / "warc"
    with DemoServer(site) as server:
        _start_and_kill(server.url, db, warc_dir)
        assert list(warc_dir.glob("*.warc.gz.open"))  # left open by the killed run
        rerun = run_crawl(server.url, db, warc_dir, "-s", "CLOSESPIDER_PAGECOUNT=100")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert not list(warc_dir.glob("*.open"))
    files = sorted(str(p) for p in warc_dir.glob("*.warc.gz"))
    assert len(files) >= 2
    check = subprocess.run([WARCIO, "check", *files], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, warc_file, warc_offset, warc_length, crawl_id FROM captures")
    rows = rows.fetchall()
    conn.close()
    assert {r[4] for r in rows} == {1, 2}  # rows of the killed run survived too
    reader = RecordReader(warc_dir)
    try:
        for record_id, name, offset, length, _ in rows:
            record = reader.read(name, offset, length)
            assert record.rec_headers.get_header("WARC-Record-ID") == record_id
    finally:
        reader.close()


def _parser_workers(parent: int) -> set[int]:
    """The spawned worker processes of ``parent`` (not other crawls' on this machine)."""
    found = subprocess.run(
        ["pgrep", "-P", str(parent), "-f", "multiprocessing.spawn"], capture_output=True, text=True
    )
    return {int(pid) for pid in found.stdout.split()}


def _alive(pids: set[int]) -> set[int]:
    return {pid for pid in pids if Path(f"/proc/{pid}").exists()}


def test_parser_workers_end_with_a_killed_crawl(tmp_path):
    """SIGKILL leaves the crawl no chance to shut its parser pool down: the
    workers must notice and end by themselves."""
    site = build_site(articles=2000, seed=3)
    with DemoServer(site) as server:
        workers = _start_and_kill(server.url, tmp_path / "a.db", tmp_path / "warc")
    assert workers, "the crawl had no parser workers to leave behind"
    deadline = time.monotonic() + 10
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(workers)
