"""Nothing gets in: stored HTML is safe, file names stay in their folder,
the failures table exists on every archive (#9).  Fast unit tests; the
end-to-end evidence is in test_hostile_crawl.py."""

from __future__ import annotations

import re

import pytest
from sqlite_utils import Database

from archive.store.schema import ensure_schema
from archive.warc.writer import WarcFileWriter
from scrapers.parsers import parse_page

NASTY = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="  JaVaScRiPt:alert(1)">b</a>',
    '<a href="jav&#x09;ascript:alert(1)">c</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>',
    '<a href="vbscript:msgbox(1)">e</a>',
    '<p onclick="alert(1)" style="x:expression(alert(1))">f</p>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="http://evil.example/"><input name="q"></form>',
    "<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math>",
    '<base href="http://evil.example/"><meta http-equiv="refresh" content="0;url=http://e/">',
    "<!--<script>alert(1)</script>-->",
]
UNSAFE = re.compile(
    r"<\s*(script|style|iframe|object|embed|form|input|base|meta|svg|math)\b"
    r"|\son\w+\s*=|javascript:|vbscript:|data:|expression\(",
    re.I,
)


def _page(markup: str) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>T</title></head><body><article class="post">'
        '<h1 class="entry-title">A safe title</h1><div class="entry-content"><p>Body text long '
        f"enough to be an article body, with more words here.</p>{markup}</div></article>"
        '<ol class="comment-list"><li class="comment" id="comment-1"><article class="comment-body">'
        '<footer class="comment-meta"><b class="fn">Eve</b><time datetime="2026-11-20T10:00:00Z">'
        f'Nov 20</time></footer><div class="comment-content"><p>hi</p>{markup}</div></article>'
        "</li></ol></body></html>"
    ).encode()


@pytest.mark.parametrize("markup", NASTY)
def test_stored_html_is_sanitized(markup):
    article = parse_page(_page(markup), "https://news.example/2026/11/20/x/")
    assert article.is_article and article.comments
    for html in [article.body_html, *(c.html for c in article.comments)]:
        assert not UNSAFE.search(html or ""), html


def test_failures_table_is_created_by_migration():
    db = Database(memory=True)
    ensure_schema(db)
    columns = set(db["failures"].columns_dict)
    assert {"url", "stage", "error", "message", "attempts", "status", "capture_id"} <= columns
    assert db["failures"].foreign_keys[0].other_table == "crawls"


@pytest.mark.parametrize("prefix", ["../../escaped", "/tmp/abs", "a/../../b", "..", "x\\..\\y"])
def test_warc_prefix_cannot_leave_the_warc_folder(tmp_path, prefix):
    folder = tmp_path / "warc"
    writer = WarcFileWriter(folder, prefix=prefix)
    writer.write_exchange(
        url="https://news.example/",
        request_head=b"GET / HTTP/1.1\r\n\r\n",
        request_body=b"",
        status_line="HTTP/1.1 200 OK",
        headers=[("Content-Type", "text/html")],
        body=b"<p>x</p>",
        warc_date="2026-11-29T00:00:00Z",
    )
    writer.close()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.parent == folder for p in written), written


def test_a_parser_exception_is_a_failure_row(tmp_path):
    import asyncio
    import sqlite3

    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from archive.crawl import ArchivePipeline, ArchiveRuntime
    from scrapers.spiders.wordpress import WordPressSpider

    db = tmp_path / "archive.db"
    crawler = get_crawler(WordPressSpider, {"ARCHIVE_SQLITE_PATH": str(db)})
    crawler._apply_settings()
    ArchivePipeline.from_crawler(crawler)  # the archive's side of the crawl, as Scrapy builds it
    spider = crawler.spider = WordPressSpider.from_crawler(crawler, url="https://news.example/")

    async def broken(*args, **kwargs):
        raise ValueError("the parser tripped")

    spider.page_parser.parse = broken
    url = "https://news.example/2026/11/29/x/"
    response = HtmlResponse(url, body=b"<p>x</p>", request=Request(url))
    article = asyncio.run(spider.parse_response(response))
    assert not article.is_article
    ArchiveRuntime.get(crawler).spider_closed(spider, "finished")
    conn = sqlite3.connect(db)
    rows = conn.execute("select url, stage, error, message from failures").fetchall()
    conn.close()
    assert rows == [(url, "parse", "ValueError", "the parser tripped")]
    assert crawler.stats.get_value("archive/failures/parse") == 1
