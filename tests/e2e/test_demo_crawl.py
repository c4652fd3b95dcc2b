"""End to end: the demo site crawled into SQLite and WARC, checked against its ground truth."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

REFERENCE_TITLE = "Putin Restates Russia’s Support for Maduro in Venezuela"
ARTICLE_FIELDS = (
    "title",
    "source",
    "published",
    "modified",
    "section",
    "language",
    "body",
    "comments_declared",
    "comments_system",
    "comments_thread_id",
    "post_id",
)


def _articles_by_url(demo) -> dict[str, dict]:
    with demo.connect() as conn:
        rows = {r["url"]: dict(r) for r in conn.execute("select * from articles")}
        for row in rows.values():
            people = conn.execute(
                "select au.name, au.url from article_authors aa join authors au on au.id = aa.author_id "
                "where aa.article_id = ? order by aa.position",
                (row["id"],),
            ).fetchall()
            row["authors"] = [name for name, _ in people]
            row["author_urls"] = [url for _, url in people]
            row["comments"] = [
                dict(c)
                for c in conn.execute(
                    "select * from comments where article_id = ? order by position", (row["id"],)
                )
            ]
    return rows


def test_crawls_exit_cleanly(crawled_demo):
    for run, log in zip(crawled_demo.runs, crawled_demo.logs, strict=True):
        assert run.returncode == 0, run.stderr[-3000:]
        errors = [line for line in log.read_text().splitlines() if "] ERROR:" in line]
        assert not errors, errors[:5]


def test_every_article_of_the_ground_truth_is_archived(crawled_demo):
    stored = _articles_by_url(crawled_demo)
    expected = {urljoin(crawled_demo.url, a["url"]) for a in crawled_demo.truth["articles"]}
    assert expected <= set(stored), sorted(expected - set(stored))[:5]
    assert len(stored) == len(expected), sorted(set(stored) - expected)[:5]


@pytest.mark.parametrize(
    "field", ARTICLE_FIELDS + ("authors", "author_urls", "tags", "comments_open")
)
def test_article_fields_match_ground_truth(crawled_demo, field):
    stored = _articles_by_url(crawled_demo)
    wrong = []
    for truth in crawled_demo.truth["articles"]:
        row = stored.get(urljoin(crawled_demo.url, truth["url"]))
        if row is None:
            continue
        got = row[field]
        want = truth[field]
        if field == "tags":
            got = json.loads(got)
        elif field == "author_urls":
            want = [urljoin(crawled_demo.url, u) for u in want]
        elif field == "comments_open":
            got = None if got is None else bool(got)
        if got != want:
            wrong.append((truth["url"], want, got))
    assert not wrong, wrong[:3]


def test_comments_match_ground_truth(crawled_demo):
    stored = _articles_by_url(crawled_demo)
    total = 0
    for truth in crawled_demo.truth["articles"]:
        row = stored[urljoin(crawled_demo.url, truth["url"])]
        got = row["comments"]
        assert len(got) == len(truth["comments"]), truth["url"]
        prefix = row["id"] + ":"
        for want, have in zip(truth["comments"], got, strict=True):
            assert have["comment_id"] == want["id"]
            assert have["parent_id"] == (prefix + want["parent_id"] if want["parent_id"] else None)
            for key in ("author", "published", "text", "depth", "kind"):
                assert have[key] == want[key], (truth["url"], want["id"], key)
            assert (have["author_url"] or None) == (
                urljoin(crawled_demo.url, want["author_url"]) if want["author_url"] else None
            )
        total += len(got)
        if truth["comments"] and truth["comments_declared"] is not None:
            assert row["comments_complete"] == 1, truth["url"]
    assert total > 100


def test_media_match_ground_truth(crawled_demo):
    """Pictures, captions and credits are media rows, in page order, and not body text."""
    stored = _articles_by_url(crawled_demo)
    total = credited = 0
    with crawled_demo.connect() as conn:
        for truth in crawled_demo.truth["articles"]:
            row = stored[urljoin(crawled_demo.url, truth["url"])]
            got = [
                dict(m)
                for m in conn.execute(
                    "select url, caption, credit, alt, kind, position from media "
                    "where article_id = ? order by position",
                    (row["id"],),
                )
            ]
            want = [dict(m, url=urljoin(crawled_demo.url, m["url"])) for m in truth["media"]]
            assert got == want, truth["url"]
            for m in truth["media"]:
                assert not (m["caption"] and m["caption"] in row["body"]), truth["url"]
                assert not (m["caption"] and m["caption"] in row["body_html"]), truth["url"]
            total += len(got)
            credited += sum(1 for m in got if m["credit"])
        counts = conn.execute("select count(*), count(distinct id) from media").fetchone()
    assert total > 10 and credited > 3
    assert tuple(counts) == (total, total)  # the rerun replaced them, no duplicates


def test_reference_article(crawled_demo):
    stored = _articles_by_url(crawled_demo)
    [ref] = [a for a in stored.values() if a["title"] == REFERENCE_TITLE]
    assert ref["authors"] == ["Peter Spinella"]
    assert ref["source"] == "dpa"
    assert [c["kind"] for c in ref["comments"]] == ["comment"] * 8
    assert ref["comments"][0]["text"].startswith("The UN says Maduro uses death squads")
    assert "Comments are closed" not in ref["body"]
    assert not any(c["text"][:40] in ref["body"] for c in ref["comments"])
    assert ref["comments_open"] == 0
    assert "Photo: sputnik" not in ref["body"]
    with crawled_demo.connect() as conn:
        media = conn.execute(
            "select caption, credit from media where article_id = ?", (ref["id"],)
        ).fetchall()
    assert [tuple(m) for m in media] == [("Presidents Maduro and Putin.", "sputnik")]


def test_rerun_adds_captures_and_a_crawl_but_no_duplicates(crawled_demo):
    first = crawled_demo.counts_after_first
    with crawled_demo.connect() as conn:
        now = {
            t: conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "comments", "captures", "crawls", "authors", "media")
        }
        crawls = [dict(r) for r in conn.execute("select * from crawls order by id")]
    assert (now["articles"], now["comments"], now["authors"], now["media"]) == (
        first["articles"],
        first["comments"],
        first["authors"],
        first["media"],
    )
    assert now["captures"] > first["captures"]
    assert now["crawls"] == 2 and first["crawls"] == 1
    assert all(c["finish_reason"] == "finished" and c["pages"] > 0 for c in crawls)


def test_robots_txt_is_obeyed_and_special_responses_archived(crawled_demo):
    urls = crawled_demo.truth["urls"]
    with crawled_demo.connect() as conn:
        captured = [
            (r["url"], r["status"]) for r in conn.execute("select url, status from captures")
        ]
    paths = {
        urlsplit(u).path + ("?" + urlsplit(u).query if urlsplit(u).query else "")
        for u, _ in captured
    }
    disallowed = urls["disallowed"]
    assert not any(p.startswith(disallowed) for p in paths)
    statuses = {s for _, s in captured}
    assert {200, 301}.issubset(statuses)
    assert "/robots.txt" in paths


def _warc_files(demo) -> list[Path]:
    files = sorted(demo.warc_dir.glob("*.warc.gz"))
    assert files and not list(demo.warc_dir.glob("*.open"))
    return files


def test_every_warc_file_reads_back_and_verifies(crawled_demo):
    warcio = str(Path(sys.executable).parent / "warcio")
    for path in _warc_files(crawled_demo):
        check = subprocess.run([warcio, "check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout[-2000:]
        with open(path, "rb") as fh:
            kinds = [r.rec_type for r in ArchiveIterator(fh)]
        assert kinds[0] == "warcinfo"
        assert kinds.count("request") == kinds.count("response") + kinds.count("revisit")


def test_every_capture_row_resolves_to_its_record(crawled_demo):
    with crawled_demo.connect() as conn:
        rows = [dict(r) for r in conn.execute("select * from captures")]
    gzipped = 0
    for row in rows:
        with open(crawled_demo.warc_dir / row["warc_file"], "rb") as fh:
            fh.seek(row["warc_offset"])
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_headers.get_header("WARC-Record-ID") == row["id"]
            assert record.rec_headers.get_header("WARC-Target-URI") == row["url"]
            gzip_response = record.rec_type == "response" and (
                record.http_headers.get_header("Content-Encoding") == "gzip"
            )
            if gzip_response:
                assert record.raw_stream.read(2) == b"\x1f\x8b"  # as the server sent it
                gzipped += 1
    assert gzipped > 0


def test_articles_link_to_their_capture(crawled_demo):
    with crawled_demo.connect() as conn:
        missing = conn.execute(
            "select count(*) from articles a left join captures c on c.id = a.capture_id "
            "where c.id is null"
        ).fetchone()[0]
    assert missing == 0


def test_full_text_indexes_match_the_rows(crawled_demo):
    """After two crawls the full-text indexes hold exactly the rows (FTS5's
    own integrity check against the content tables) and their triggers."""
    with crawled_demo.connect() as conn:
        for table in ("articles_fts", "comments_fts"):
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        n = conn.execute("SELECT count(*) FROM comments").fetchone()[0]
        # (counting comments_fts itself would read the content table: the
        # index's own row count is in its docsize table)
        indexed = conn.execute("SELECT count(*) FROM comments_fts_docsize").fetchone()[0]
        found = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Maduro'"
        ).fetchone()[0]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert n == indexed and found >= 1
    assert {"articles_ai", "articles_ad", "articles_au", "comments_ai"} <= names


def test_every_article_started_is_stored_or_a_failure(crawled_demo):
    """The loss accounting of #15: started = stored + failed in each crawl row,
    and the first crawl stored every article of the ground truth."""
    with crawled_demo.connect() as conn:
        rows = [
            tuple(r)
            for r in conn.execute(
                "select articles_started, articles_stored, articles_failed from crawls order by id"
            )
        ]
    for started, stored, failed in rows:
        assert started == stored + failed, (started, stored, failed)
    assert rows[0][1] == len(crawled_demo.truth["articles"])
    assert rows[0][2] == 0
