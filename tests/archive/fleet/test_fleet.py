"""Acceptance: a fleet of `scrapy crawl` workers on Redis and one `newsarchive ingest`
archive the demo site exactly once, also when a worker and the ingest are SIGKILLed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from warcio.archiveiterator import ArchiveIterator

from archive.fleet.keys import connect
from demosite import build_site
from demosite.server import DemoServer


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def check_archive(fleet, site_url: str, truth: dict) -> None:
    """Every article and comment once, every URL captured once, every WARC readable."""
    articles = dict(_rows(fleet.db, "select url, id from articles"))
    expected = {urljoin(site_url, a["url"]): a for a in truth["articles"]}
    assert set(articles) == set(expected), sorted(set(articles) ^ set(expected))[:5]
    comments = {}
    for article_id, comment_id in _rows(fleet.db, "select article_id, comment_id from comments"):
        comments.setdefault(article_id, []).append(comment_id)
    for url, want in expected.items():
        got = comments.get(articles[url], [])
        assert sorted(got) == sorted(c["id"] for c in want["comments"]), url
    # robots.txt is fetched by each worker's RobotsTxtMiddleware: that is by design
    twice = _rows(
        fleet.db,
        "select url, count(*) from captures where url not like '%/robots.txt' "
        "group by url having count(*) > 1",
    )
    assert not twice, twice[:5]
    _check_warc(fleet)


def _check_warc(fleet) -> None:
    assert not list(fleet.warc_dir.glob("*.open")), "an unfinished WARC file was left"
    files = sorted(fleet.warc_dir.glob("*.warc.gz"))
    warcio = str(Path(sys.executable).parent / "warcio")
    for path in files:
        check = subprocess.run([warcio, "check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, (path.name, check.stdout[-2000:])
    by_file: dict[str, list[tuple]] = {}
    for row in _rows(fleet.db, "select id, url, warc_file, warc_offset from captures"):
        by_file.setdefault(row[2], []).append(row)
    for name, rows in by_file.items():
        with open(fleet.warc_dir / name, "rb") as fh:
            for record_id, url, _, offset in rows:
                fh.seek(offset)
                record = next(iter(ArchiveIterator(fh)))
                assert record.rec_headers.get_header("WARC-Record-ID") == record_id
                assert record.rec_headers.get_header("WARC-Target-URI") == url


def test_two_workers_and_ingest_archive_the_site_once(fleet):
    site = build_site(articles=300, seed=11)
    with DemoServer(site) as server:
        for name in ("w1", "w2"):
            fleet.start_worker(name)
        assert fleet.cli("enqueue", "wordpress", server.url).returncode == 0
        assert fleet.wait_workers() == {"w1": 0, "w2": 0}
    status = fleet.cli("fleet", "status")
    assert "0 requests queued" in status.stdout and "w1" in status.stdout, status.stdout
    ingest = fleet.cli("ingest", "--drain", "--db", str(fleet.db))
    assert ingest.returncode == 0, ingest.stderr
    check_archive(fleet, server.url, site.ground_truth())
    pages = {n: fleet.pages_of(n) for n in ("w1", "w2")}
    assert all(p > 0 for p in pages.values()), pages  # both shared the work
    crawls = _rows(fleet.db, "select finish_reason from crawls")
    assert crawls == [("finished",), ("finished",)]
    assert "0 stream entries" in fleet.cli("fleet", "status").stdout


def test_sigkilled_worker_and_ingest_lose_and_duplicate_nothing(fleet):
    site = build_site(articles=2000, seed=7)
    fleet.worker_args = ("-a", "discover=sitemaps")  # no archive pages: a shorter crawl
    with DemoServer(site) as server:
        fleet.start_ingest()
        for name in ("w1", "w2", "w3"):
            fleet.start_worker(name)
        assert fleet.cli("enqueue", "wordpress", server.url).returncode == 0
        fleet.wait_until(lambda: fleet.pages_of("w2") >= 300, 180, "w2 to fetch 300 pages")
        fleet.kill(fleet.workers["w2"])
        fleet.kill(fleet.ingest)
        fleet.start_worker("w4")  # the replacement
        fleet.start_ingest()
        codes = fleet.wait_workers()
    assert codes == {"w1": 0, "w2": -9, "w3": 0, "w4": 0}, codes
    fleet.kill(fleet.ingest)
    drained = fleet.cli("ingest", "--drain", "--db", str(fleet.db))
    assert drained.returncode == 0, drained.stderr
    logs = "".join((fleet.out / f"{n}.log").read_text() for n in ("w1", "w3", "w4"))
    assert "Worker w2 is gone" in logs
    check_archive(fleet, server.url, site.ground_truth())
    assert list(fleet.warc_dir.glob("newsarchive-w2-*.warc.gz"))  # its records are kept
    server_keys = connect(fleet.redis_url)
    assert not server_keys.hlen("newsarchive:leases:wordpress:w2")
