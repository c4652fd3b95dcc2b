"""The browser stage end to end: real crawls (``scrapy crawl`` in a subprocess)
of the demo site's script-loaded threads (127.0.0.1, providers on 127.0.0.3)
and of a site embedding a real Isso server (127.0.0.2), with
``ARCHIVE_BROWSER=auto``.  Checked against the ground truths (the demo's, and
Isso's own API): every thread whole with text, author, date and parent; the
browser's XHR exchanges in WARC and linked to their page; pywb serving the
comment data back; ``reparse`` from captures and WARC giving the same rows;
pages that need no browser never rendered; the traps without comments.
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.crawl.browser.pool import BrowserPool
from archive.reparse.run import reparse
from archive.warc.cdxj import index_directory
from scrapers.parsers.comments.rendered import Snapshot, thread_from_render
from tests.archive.conftest import copy_captures, run_crawl
from tests.archive.warc.test_replay import _get, wayback

pytestmark = pytest.mark.usefixtures("chromium")

BROWSER = ["-s", "ARCHIVE_BROWSER=auto", "-s", "ARCHIVE_BROWSER_CONCURRENCY=2"]


@pytest.fixture(scope="module")
def crawled(scripted_demo, isso_site, tmp_path_factory):
    site, main, _ = scripted_demo
    isite, _, isso_truth = isso_site
    out = tmp_path_factory.mktemp("browser-crawl")
    db, warc = out / "archive.db", out / "warc"
    runs = [
        run_crawl(main.url, db, warc, *BROWSER),
        run_crawl(isite.url + "/", db, warc, *BROWSER, "-a", "discover=sitemaps,listings"),
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr[-3000:]
    return {
        "db": db,
        "warc": warc,
        "truth": site.ground_truth(),
        "isso": isso_truth,
        "base": main.url.rstrip("/"),
        "isso_base": isite.url,
    }


def _rows(db: Path, sql: str, *args) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _article(crawled, path: str) -> sqlite3.Row:
    [row] = _rows(crawled["db"], "SELECT * FROM articles WHERE url = ?", crawled["base"] + path)
    return row


def _comments(crawled, article_id: str) -> list[sqlite3.Row]:
    sql = "SELECT * FROM comments WHERE article_id = ? AND removed_at IS NULL ORDER BY position"
    return _rows(crawled["db"], sql, article_id)


def _parent(row: sqlite3.Row) -> str | None:
    """The parent's own comment id (the column holds ARTICLE_ID:COMMENT_ID)."""
    return row["parent_id"].split(":", 1)[1] if row["parent_id"] else None


def _instant(stamp: str | None) -> float | None:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() if stamp else None


def test_every_script_loaded_demo_thread_is_archived_whole(crawled):
    articles = {a["url"]: a for a in crawled["truth"]["articles"]}
    for kind, path in crawled["truth"]["scripted"]["threads"].items():
        truth = articles[path]
        row = _article(crawled, path)
        got = _comments(crawled, row["id"])
        want = truth["comments"]
        assert [c["comment_id"] for c in got] == [c["id"] for c in want], kind
        assert [_parent(c) for c in got] == [c["parent_id"] for c in want], kind
        assert [c["author"] for c in got] == [c["author"] for c in want], kind
        assert [c["text"] for c in got] == [c["text"] for c in want], kind
        assert [_instant(c["published"]) for c in got] == [_instant(c["published"]) for c in want]
        assert row["comments_complete"] == 1, kind
        assert row["comments_system"] == truth["comments_system"], kind
        assert row["comments_thread_id"] == truth["comments_thread_id"], kind
        assert bool(row["comments_open"]) is truth["comments_open"], kind


def test_every_isso_thread_is_archived_whole(crawled):
    for path, listed in crawled["isso"].items():
        [row] = _rows(
            crawled["db"], "SELECT * FROM articles WHERE url = ?", crawled["isso_base"] + path
        )
        got = _comments(crawled, row["id"])
        assert [c["comment_id"] for c in got] == [str(c["id"]) for c in listed]
        assert [_parent(c) for c in got] == [
            str(c["parent"]) if c["parent"] else None for c in listed
        ]
        assert [c["author"] for c in got] == [c["author"] for c in listed]
        assert [c["text"] for c in got] == [
            c["text"].removeprefix("<p>").removesuffix("</p>") for c in listed
        ]
        assert [round(_instant(c["published"])) for c in got] == [int(c["created"]) for c in listed]
        assert row["comments_complete"] == 1 and row["comments_system"] == "isso"


def _warc_records(warc: Path):
    for path in sorted(warc.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                yield record.rec_type, dict(record.rec_headers.headers)


def test_the_warc_holds_the_browser_exchanges_linked_to_their_page(crawled):
    records = list(_warc_records(crawled["warc"]))
    linked = [h for t, h in records if t in ("response", "revisit") and h.get("WARC-Page-ID")]
    urls = {h["WARC-Target-URI"] for h in linked}
    assert any("listPosts.json" in u and "cursor=" in u for u in urls)  # the frame's XHR pages
    assert any("/chorus/api/stories/" in u and "page=3" in u for u in urls)
    assert any("/s/api/comments/" in u for u in urls)
    assert any("/s/fragments/" in u and u.endswith("/2.html") for u in urls)
    assert any("parent=" in u and ":" in u for u in urls)  # Isso's "N Hidden" fetches
    pages = {r["id"] for r in _rows(crawled["db"], "SELECT id FROM captures WHERE via IS NULL")}
    assert {h["WARC-Page-ID"] for h in linked} <= pages
    requests = [h for t, h in records if t == "request" and h.get("WARC-Page-ID")]
    assert len(requests) == len(linked)
    snapshots = [h for t, h in records if t == "resource"]
    assert all(h["WARC-Target-URI"].startswith("urn:dom:") for h in snapshots)
    assert len(snapshots) == len(_rows(crawled["db"], "SELECT * FROM renders"))


def test_pywb_replays_the_pages_with_their_threads(crawled, tmp_path):
    """A real pywb over our CDXJ index serves the captured JSON, and the
    rendered pages replay with their whole threads (the frame's cursor pages
    and the lazy fragments come from the archive, clicked and scrolled as in
    the crawl)."""
    _, merged = index_directory(crawled["warc"], tmp_path / "indexes")
    root = tmp_path / "pywb"
    root.mkdir()
    (root / "config.yaml").write_text(
        f"collections:\n  raw:\n    index: {merged}\n    archive_paths: {crawled['warc']}/\n"
    )
    [api] = _rows(
        crawled["db"],
        "SELECT url FROM captures WHERE via = 'browser' AND url LIKE '%listPosts.json%cursor=%'"
        " ORDER BY rowid LIMIT 1",
    )
    threads = crawled["truth"]["scripted"]["threads"]
    articles = {a["url"]: a for a in crawled["truth"]["articles"]}
    with wayback(root) as base:
        status, _, body = _get(f"{base}raw/2030id_/{api['url']}")
        replayed = asyncio.run(_replay(base, [crawled["base"] + threads[k] for k in REPLAYED]))
    assert status == 200 and b'"response"' in body and b'"createdAt"' in body
    for kind, found in zip(REPLAYED, replayed, strict=True):
        assert found == len(articles[threads[kind]]["comments"]), kind


REPLAYED = ("parley", "lazy")  # a cross-origin frame and a thread loaded on scroll


async def _replay(base: str, urls: list[str]) -> list[int]:
    """Comments each page shows when replayed by pywb, in Chromium."""
    pool = BrowserPool("/usr/bin/chromium")
    counts = []
    try:
        for url in urls:
            seen: list = []
            rendered = await pool.render(f"{base}raw/2030/{url}", None, seen.append)
            snaps = [Snapshot(f.url, f.html, f.main) for f in rendered.frames if not f.main]
            answers = [(e.url, e.body) for e in seen if e.body]
            counts.append(len(thread_from_render(url, snaps, answers).comments))
    finally:
        await pool.close()
    return counts


def test_reparse_from_captures_and_warc_gives_the_same_rows(crawled, tmp_path):
    fresh = tmp_path / "fresh.db"
    copy_captures(crawled["db"], fresh)
    stats = reparse(fresh, crawled["warc"], jobs=1)
    assert stats.rendered_threads == len(_rows(crawled["db"], "SELECT * FROM renders"))
    q = "SELECT id, comment_id, parent_id, author, published, text FROM comments ORDER BY id"
    assert _rows(fresh, q) == _rows(crawled["db"], q)
    q = (
        "SELECT url, comments_count, comments_complete, comments_system, comments_thread_id"
        " FROM articles ORDER BY url"
    )
    assert [tuple(r) for r in _rows(fresh, q)] == [tuple(r) for r in _rows(crawled["db"], q)]


def test_pages_that_need_no_browser_never_touch_it(crawled):
    rendered = {r["url"] for r in _rows(crawled["db"], "SELECT url FROM renders")}
    scripted = crawled["truth"]["scripted"]["threads"].values()
    disqus = crawled["truth"]["urls"] and [
        a["url"] for a in crawled["truth"]["articles"] if a["special"] == "disqus"
    ]
    isso = {crawled["isso_base"] + p for p in crawled["isso"]}
    assert rendered == {crawled["base"] + p for p in [*scripted, *disqus]} | isso
    browsed = _rows(
        crawled["db"],
        "SELECT DISTINCT p.url FROM captures b JOIN captures p ON p.id = b.page_capture"
        " WHERE b.via IS NOT NULL",
    )
    assert {r["url"] for r in browsed} == rendered


def test_the_traps_get_no_comments_and_no_browser(crawled):
    for path in crawled["truth"]["scripted"]["traps"]:
        row = _article(crawled, path)
        assert row["comments_count"] == 0 and _comments(crawled, row["id"]) == []
        assert not _rows(crawled["db"], "SELECT 1 FROM renders WHERE url = ?", row["url"])


def test_a_widget_that_never_loaded_is_not_called_complete(crawled):
    [path] = [a["url"] for a in crawled["truth"]["articles"] if a["special"] == "disqus"]
    row = _article(crawled, path)  # its provider is not reachable from here
    assert row["comments_system"] == "disqus" and row["comments_complete"] == 0


def test_the_demo_paths_are_what_the_truth_names(crawled):
    paths = {
        unquote(urlsplit(r["url"]).path) for r in _rows(crawled["db"], "SELECT url FROM articles")
    }
    assert {unquote(p) for p in crawled["truth"]["scripted"]["threads"].values()} <= paths
