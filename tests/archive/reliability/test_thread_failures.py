"""Every fetch that failed is a row (#9), comment threads included: a comment
page or REST API request that fails is a ``comments`` / ``comments_api`` row;
an API that refuses is a decision, not a failure.  And a parser exception is
one row and one WARNING, its traceback at DEBUG only."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from archive.crawl.failures import META_RECORDED, FailureLog
from archive.crawl.runtime import ArchiveRuntime
from scrapers.items import Article
from scrapers.spiders.threads import META_THREAD, ThreadState
from scrapers.spiders.wordpress import WordPressSpider

SITE = "https://news.example/"
POST = SITE + "2026/11/29/x/"


@pytest.fixture
def spider(tmp_path):
    crawler = get_crawler(WordPressSpider, {"ARCHIVE_SQLITE_PATH": str(tmp_path / "a.db")})
    crawler._apply_settings()
    FailureLog.get(crawler)  # built with the crawl's components, as in a crawl
    crawler.spider = WordPressSpider.from_crawler(crawler, url=SITE)
    yield crawler.spider
    ArchiveRuntime.get(crawler).spider_closed(crawler.spider, "finished")


def _rows(spider) -> list[tuple]:
    runtime = ArchiveRuntime.get(spider.crawler)
    runtime.store  # noqa: B018 - opens the archive (created even without a row)
    runtime.spider_closed(spider, "finished")
    conn = sqlite3.connect(spider.crawler.settings["ARCHIVE_SQLITE_PATH"])
    try:
        return conn.execute("select url, stage, error, status from failures order by id").fetchall()
    finally:
        conn.close()


def _drain(outputs) -> list:
    """An errback's outputs (the thread steps are async generators)."""

    async def collect() -> list:
        return [x async for x in outputs]

    return asyncio.run(collect())


def _state() -> ThreadState:
    article = Article(url=POST, is_article=True, post_id="7", comments_open=True)
    return ThreadState(article, [], "2026-11-29T00:00:00Z", None, [], {POST})


def _http_failure(spider, stage: str, url: str, status: int, body: bytes = b"") -> Failure:
    """A thread request's HTTP error as Scrapy hands it to the errback."""
    request = spider._thread_request(url, _state(), None, None, stage)
    response = Response(url, status=status, body=body, request=request)
    failure = Failure(HttpError(response, "Ignoring non-200 response"))
    failure.request = request
    return failure


def test_an_http_error_on_a_comment_page_is_a_comments_row(spider):
    url = POST + "comment-page-2/"
    outputs = _drain(spider.comment_page_failed(_http_failure(spider, "comments", url, 503)))
    assert len(outputs) == 1  # the thread goes on: the article, its thread marked incomplete
    assert not outputs[0].comments_complete
    assert _rows(spider) == [(url, "comments", "HttpError", 503)]
    assert spider.crawler.stats.get_value("archive/failures/comments") == 1


def test_a_failed_rest_api_is_a_comments_api_row_once(spider):
    api = SITE + "wp-json/wp/v2/comments?post=7"
    failure = _http_failure(spider, "comments_api", api, 500, b"<h1>Oops</h1>")
    state = failure.request.meta[META_THREAD]
    state.api = SITE + "wp-json/"
    _drain(spider.api_page_failed(failure))
    assert SITE + "wp-json/" in spider._refused_apis()  # not asked again in this crawl
    assert spider.crawler.stats.get_value("comments/api_failed") == 1
    assert _rows(spider) == [(api, "comments_api", "HttpError", 500)]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (401, b'{"code":"rest_cannot_read_post","data":{"status":401}}'),  # one post
        (401, b'{"code":"rest_disabled","data":{"status":401}}'),  # the whole site
        (404, b"<html>Not found</html>"),
    ],
)
def test_a_refusing_rest_api_is_a_decision_not_a_row(spider, status, body):
    api = SITE + "wp-json/wp/v2/comments?post=7"
    _drain(spider.api_page_failed(_http_failure(spider, "comments_api", api, status, body)))
    assert spider.crawler.stats.get_value("comments/api_refused") == 1
    assert _rows(spider) == []


def test_errbacks_record_nothing_twice_and_no_decision(spider):
    failures = FailureLog.get(spider.crawler)
    decided = Failure(IgnoreRequest("Forbidden by robots.txt"))
    decided.request = Request(POST + "comment-page-3/")
    failures.record_errback(decided)
    recorded = _http_failure(spider, "comments", POST + "comment-page-4/", 500)
    recorded.request.meta[META_RECORDED] = True  # the download middleware had it
    failures.record_errback(recorded)
    timeout = Failure(TimeoutError("took too long"))
    timeout.request = spider._thread_request(
        POST + "comment-page-5/", _state(), None, None, "comments"
    )
    failures.record_errback(timeout)
    assert _rows(spider) == [(POST + "comment-page-5/", "comments", "TimeoutError", None)]


def test_a_parser_exception_is_one_warning_and_no_error(spider, caplog):
    async def broken(*args, **kwargs):
        raise ValueError("the parser tripped")

    spider.page_parser.parse = broken
    response = HtmlResponse(POST, body=b"<p>x</p>", request=Request(POST))
    with caplog.at_level(logging.DEBUG):
        asyncio.run(spider.parse_response(response))
    by_level = {level: [r for r in caplog.records if r.levelno == level] for level in (10, 30, 40)}
    assert not by_level[logging.ERROR] and not [r for r in caplog.records if r.levelno > 40]
    [warning] = by_level[logging.WARNING]
    assert "parse" in warning.getMessage() and "the parser tripped" in warning.getMessage()
    assert not warning.exc_info
    assert any(r.exc_info for r in by_level[logging.DEBUG])  # the traceback, for debugging
    assert _rows(spider) == [(POST, "parse", "ValueError", None)]


def test_the_hostile_thread_is_archived_with_what_came(hostile_crawl):
    [good] = [g for g in hostile_crawl.truth["good"] if g["url"].endswith("/h/thread/broken/")]
    with hostile_crawl.connect() as conn:
        article = conn.execute(
            "select id, comments_complete from articles where url = ?", (good["url"],)
        ).fetchone()
        texts = [r[0] for r in conn.execute(
            "select text from comments where article_id = ?", (article["id"],)
        )]  # fmt: skip
        rows = conn.execute(
            "select stage, capture_id from failures where stage like 'comments%'"
        ).fetchall()
        stats = json.loads(conn.execute("select stats from crawls").fetchone()[0])
    assert texts == [c["text"] for c in good["comments"]] and article["comments_complete"] == 0
    assert sorted(r["stage"] for r in rows) == ["comments", "comments_api"]
    assert all(r["capture_id"] for r in rows)  # the 500 pages are in the WARC
    assert stats["comments/page_failed"] == 1 and stats["comments/api_failed"] == 1
