"""The reading room on the crawled demo archive, served by ``newsarchive serve``
(the real command, over HTTP): the reference article's page and the
most-commented article's page, checked against the archive, its WARC files
(read back with warcio) and the demo site's own data."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from warcio.archiveiterator import ArchiveIterator

from demosite.model import load_reference

REFERENCE_TITLE = "Putin Restates Russia’s Support for Maduro in Venezuela"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(crawled_demo) -> Iterator[str]:
    """``newsarchive serve`` on the demo archive; its base URL."""
    port = _free_port()
    command = Path(sys.executable).parent / "newsarchive"
    proc = subprocess.Popen(
        [str(command), "serve", str(crawled_demo.db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("newsarchive serve exited at start")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def _page(url: str) -> lxml.html.HtmlElement:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        charset = response.headers.get_content_charset()
        return lxml.html.fromstring(response.read().decode(charset))


def _text(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _article_id(crawled_demo, sql: str) -> str:
    with crawled_demo.connect() as conn:
        return conn.execute(sql).fetchone()[0]


def test_reference_article_page_shows_its_thread_byline_dates_and_warc_record(crawled_demo, served):
    article_id = _article_id(
        crawled_demo, f"select id from articles where title = '{REFERENCE_TITLE}'"
    )
    page = _page(f"{served}/archive/articles/{article_id}")
    reference = load_reference()
    assert _text(page.cssselect("h1")[0]) == REFERENCE_TITLE
    assert _text(page.cssselect("p.byline")[0]).startswith("By Peter Spinella (dpa)")
    comments = page.cssselect("li.comment")
    assert len(comments) == len(reference["comments"]) == 8
    authors = [_text(li.cssselect(".comment-head .author")[0]) for li in comments]
    assert authors == [c["author"] for c in reference["comments"]]  # in page order
    first_text = _text(comments[0].cssselect(".text")[0])
    assert first_text == re.sub(r"\s+", " ", reference["comments"][0]["text"])
    with crawled_demo.connect() as conn:
        row = conn.execute("select * from articles where id = ?", [article_id]).fetchone()
        capture = conn.execute(
            "select * from captures where id = ?", [row["capture_id"]]
        ).fetchone()
    published = page.cssselect("time.published")[0]
    assert published.get("datetime") == row["published"] and published.text.startswith("2019-07-24")
    assert _text(page.cssselect(".first-seen")[0]).startswith(row["first_seen"][:10])
    # the evidence link opens the capture's row, whose WARC file holds that very record
    link = page.cssselect("dl.meta a.warc-record")[0]
    assert row["capture_id"] in _text(link)
    record_page = _text(_page(served + link.get("href")))
    assert capture["warc_file"] in record_page
    with (crawled_demo.warc_dir / capture["warc_file"]).open("rb") as f:
        f.seek(capture["warc_offset"])
        record = next(iter(ArchiveIterator(f)))
        assert record.rec_headers.get_header("WARC-Record-ID") == row["capture_id"]
        assert record.rec_headers.get_header("WARC-Target-URI") == row["url"]


def test_most_commented_article_shows_nested_replies_and_its_chart(crawled_demo, served):
    article_id = _article_id(
        crawled_demo,
        "select id from articles order by comments_count desc, published desc limit 1",
    )
    with crawled_demo.connect() as conn:
        rows = conn.execute(
            "select id, parent_id, published from comments where article_id = ?", [article_id]
        ).fetchall()
    page = _page(f"{served}/archive/articles/{article_id}")
    comments = page.cssselect("li.comment")
    assert len(comments) == len(rows) >= 80
    replies = [r for r in rows if r["parent_id"]]
    assert replies and len(page.cssselect("ol.replies > li.comment")) == len(replies)
    for li in page.cssselect("ol.replies > li.comment"):
        assert li.getparent().getparent().get("data-id") == li.get("data-parent")
    svg = page.cssselect("figure.comment-timeline svg.chart")[0]
    counts = [int(_text(bar).rsplit(": ", 1)[1].split()[0]) for bar in svg.cssselect("rect.bar")]
    assert sum(counts) == sum(1 for r in rows if r["published"])
    x_title, y_title = (_text(t) for t in svg.cssselect("text.axis-title"))
    assert x_title.startswith("time (UTC), one bar per ") and y_title.startswith("comments per ")
