"""Acceptance (#9): a crawl of the hostile demo site survives, records every
failure the site injects, archives each good article once, and lets nothing in."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.export import export_archive


def _failures(crawl) -> list[dict]:
    with crawl.connect() as conn:
        return [dict(r) for r in conn.execute("select * from failures order by id")]


def _hostile_failures(crawl) -> list[dict]:
    second = crawl.truth["robots_error_base"]
    return [
        f for f in _failures(crawl) if "/h/" in f["url"] or f["url"].startswith(second + "robots")
    ]


def test_crawl_finishes_without_errors_in_the_log(hostile_crawl):
    assert hostile_crawl.run.returncode == 0, hostile_crawl.run.stderr[-3000:]
    log = hostile_crawl.log.read_text()
    errors = [line for line in log.splitlines() if "] ERROR:" in line or "Traceback" in line]
    assert not errors, errors[:5]
    assert "'finish_reason': 'finished'" in log
    # the add-on replaced Scrapy's retry, robots, compression and redirect middlewares
    for name in ("BackoffRetryMiddleware", "StrictRobotsTxtMiddleware", "TrapFilterMiddleware"):
        assert name in log
    assert "scrapy.downloadermiddlewares.retry.RetryMiddleware'" not in log


def test_every_injected_failure_is_one_row(hostile_crawl):
    want = {f["url"]: f for f in hostile_crawl.truth["failures"]}
    got = {f["url"]: f for f in _hostile_failures(hostile_crawl)}
    assert set(got) == set(want), (sorted(set(want) - set(got)), sorted(set(got) - set(want)))
    for url, expected in want.items():
        row = got[url]
        for key in ("stage", "error", "attempts", "status"):
            assert row[key] == expected[key], (url, key, row[key], expected[key])
        assert row["message"], url
    # counts by kind match what the site injects
    kinds = Counter((f["stage"], f["error"]) for f in _hostile_failures(hostile_crawl))
    assert kinds == Counter((f["stage"], f["error"]) for f in hostile_crawl.truth["failures"])


def test_other_failures_are_discovery_404s(hostile_crawl):
    others = [f for f in _failures(hostile_crawl) if f not in _hostile_failures(hostile_crawl)]
    assert all((f["stage"], f["status"]) == ("http", 404) for f in others), others


def test_failure_stats_match_the_table(hostile_crawl):
    with hostile_crawl.connect() as conn:
        stats = json.loads(conn.execute("select stats from crawls").fetchone()[0])
        by_stage = dict(conn.execute("select stage, count(*) from failures group by stage"))
    assert stats["archive/failures"] == sum(by_stage.values())
    for stage, n in by_stage.items():
        assert stats[f"archive/failures/{stage}"] == n


def test_failed_fetches_that_brought_bytes_have_warc_records(hostile_crawl):
    with hostile_crawl.connect() as conn:
        rows = conn.execute(
            "select f.url, f.error, c.warc_file from failures f join captures c "
            "on c.id = f.capture_id"
        ).fetchall()
    with_bytes = {r["url"].rsplit("/h/", 1)[-1] for r in rows if "/h/" in r["url"]}
    assert {"reset/", "lying-length/", "truncated-gzip/", "gzip-bomb/", "binary/"} <= with_bytes
    assert {"error-500/", "error-503/", "missing/"} <= with_bytes


def test_retries_wait_for_retry_after_and_back_off(hostile_crawl):
    times = hostile_crawl.times
    for path, wait in hostile_crawl.truth["retry_after"].items():
        gaps = [b - a for a, b in zip(times[path], times[path][1:], strict=False)]
        assert gaps and min(gaps) >= wait * 0.9, (path, gaps)
    gaps = [b - a for a, b in zip(times["/h/error-500/"], times["/h/error-500/"][1:], strict=False)]
    assert len(gaps) == 2 and gaps[0] >= 0.18 and gaps[1] >= 0.36, gaps  # 0.2 s, then 0.4 s
    assert len(times["/h/rate-limited/"]) == 2  # one 429, then the article
    with hostile_crawl.connect() as conn:
        stats = json.loads(conn.execute("select stats from crawls").fetchone()[0])
    assert stats["archive/retry/rate_limited"] == 1  # the host's download delay was raised
    assert stats["archive/retry/retry_after"] >= 3  # 503 twice, 429 once


def test_each_good_article_is_archived_once(hostile_crawl):
    with hostile_crawl.connect() as conn:
        rows = [dict(r) for r in conn.execute("select * from articles where url like '%/h/%'")]
    assert len(rows) == len(hostile_crawl.truth["good"])
    by_title = Counter(r["title"] for r in rows)
    for good in hostile_crawl.truth["good"]:
        assert by_title[good["title"]] == 1, good["title"]


@pytest.mark.parametrize("case", ["wrong-header", "missing", "contradictory", "invalid-utf8"])
def test_broken_charsets_decode(hostile_crawl, case):
    [good] = [g for g in hostile_crawl.truth["good"] if g["url"].endswith(f"/charset/{case}/")]
    with hostile_crawl.connect() as conn:
        title = conn.execute("select title from articles where url = ?", (good["url"],)).fetchone()
    assert title is not None and title[0] == good["title"]


def test_url_variants_fetch_one_page(hostile_crawl):
    odd = [h for h in hostile_crawl.hits if h.startswith("/h/odd/")]
    assert sum(hostile_crawl.hits[h] for h in odd) == 1, odd
    with hostile_crawl.connect() as conn:
        [url] = [r[0] for r in conn.execute("select url from articles where url like '%/h/odd/%'")]
    assert "utm_" not in url and "#" not in url and "clid" not in url


def test_duplicate_is_stored_under_its_canonical_url(hostile_crawl):
    [dup] = [g for g in hostile_crawl.truth["good"] if g["canonical"]]
    with hostile_crawl.connect() as conn:
        rows = conn.execute(
            "select canonical_url from articles where url like '%/h/dup/%'"
        ).fetchall()
    assert [r[0] for r in rows] == [dup["canonical"]]


def test_never_fetched(hostile_crawl):
    for path in hostile_crawl.truth["never_fetched"]:
        assert not any(h.startswith(path) for h in hostile_crawl.hits), path
    # the second host's robots.txt is a 500: nothing else is fetched there
    assert set(hostile_crawl.second_hits) == {"/robots.txt"}, hostile_crawl.second_hits
    with hostile_crawl.connect() as conn:
        second = hostile_crawl.truth["robots_error_base"]
        n = conn.execute("select count(*) from articles where url like ?", (second + "%",))
        assert n.fetchone()[0] == 0


def test_traps_are_cut_short(hostile_crawl):
    def fetched(prefix: str) -> int:
        return sum(n for h, n in hostile_crawl.hits.items() if h.startswith(prefix))

    assert fetched("/h/list/") == 10  # ARCHIVE_TRAP_MAX_PAGE=10
    assert fetched("/h/loop/") == 2  # /h/loop/, /h/loop/loop/
    month = int(re.search(r"/h/calendar/\d{4}/(\d\d)/", " ".join(hostile_crawl.hits))[1])
    assert 1 <= fetched("/h/calendar/") <= 14, month  # this year, one month ahead


def test_database_and_warc_files_are_intact(hostile_crawl):
    with hostile_crawl.connect() as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        captures = conn.execute("select count(*) from captures").fetchone()[0]
    records = 0
    files = sorted(hostile_crawl.warc_dir.glob("*.warc.gz"))
    assert files and not list(hostile_crawl.warc_dir.glob("*.open"))
    for path in files:
        assert path.parent == hostile_crawl.warc_dir
        with path.open("rb") as f:
            for record in ArchiveIterator(f, check_digests=True):
                records += record.rec_type in ("response", "revisit")
                record.content_stream().read()
    assert records == captures


def test_comments_are_stored_as_text_and_their_html_is_safe(hostile_crawl):
    [good] = [g for g in hostile_crawl.truth["good"] if "under-attack" in g["url"]]
    with hostile_crawl.connect() as conn:
        rows = conn.execute(
            "select c.author, c.text, c.html from comments c join articles a "
            "on a.id = c.article_id where a.url = ? order by c.position",
            (good["url"],),
        ).fetchall()
    assert [(r["author"], r["text"]) for r in rows] == [
        (c["author"], c["text"]) for c in good["comments"]
    ]
    for row in rows:
        html = row["html"].lower()
        assert "<script" not in html and "<style" not in html and "<iframe" not in html
        assert "javascript:" not in html and not re.search(r"\son\w+\s*=", html)


def test_csv_export_neutralizes_formulas(hostile_crawl, tmp_path):
    export_archive(hostile_crawl.db, tmp_path, fmt="csv")
    text = (tmp_path / "comments.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in text
    assert not re.search(r'(^|,)"?=HYPERLINK', text, re.M)
    assert {p.parent for p in tmp_path.rglob("*") if p.is_file()} <= {tmp_path}


def test_offsite_redirect_is_not_followed(hostile_crawl):
    assert hostile_crawl.hits.get("/h/redirect/offsite/") == 1
    assert not any(h.startswith("/h/evil/") for h in hostile_crawl.hits)
    with hostile_crawl.connect() as conn:
        hosts = {urlsplit(r[0]).hostname for r in conn.execute("select url from captures")}
    assert hosts == {"127.0.0.1"}


def test_every_article_started_is_stored_or_a_failure(hostile_crawl):
    """The loss accounting of #15: started = stored + failed, on a site built to break things."""
    with hostile_crawl.connect() as conn:
        rows = conn.execute(
            "select articles_started, articles_stored, articles_failed from crawls"
        ).fetchall()
        stored = conn.execute("select count(*) from articles").fetchone()[0]
    for started, kept, failed in rows:
        assert started > 0 and started == kept + failed, (started, kept, failed)
    assert sum(r[1] for r in rows) >= stored
