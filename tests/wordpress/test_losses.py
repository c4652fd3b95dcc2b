"""A thread cut off by a limit still leaves its article archived (its thread
marked incomplete) and a ``failures`` row that says what was lost: never
nothing (issue #15).  Each crawl here takes one post of the real WordPress,
its largest thread, and one limit."""

from __future__ import annotations

import pytest

from tests.wordpress.crawl import Crawl, run_crawl


@pytest.fixture(scope="module")
def big_thread(real_wordpress):
    real_wordpress.configure("twentytwentyone", "newest")
    post = max(real_wordpress.truth.posts, key=lambda p: p.comment_pages)
    assert post.comment_pages >= 3
    return post


def _crawl(real_wordpress, tmp_path, post, *settings: str) -> Crawl:
    site = real_wordpress.site
    extra = ["-a", "discover=listings"]
    for setting in settings:
        extra += ["-s", setting]
    crawl = run_crawl("cut", post.url, tmp_path, site.access_log, *extra)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return crawl


def _stored_incomplete(crawl: Crawl, post) -> dict:
    [article] = crawl.rows("select url, comments_complete, comments_count from articles")
    assert article["url"] == post.url
    assert article["comments_complete"] == 0
    assert 0 < article["comments_count"] < len(post.comments)
    [row] = crawl.rows("select * from crawls")
    assert (row["articles_started"], row["articles_stored"], row["articles_failed"]) == (1, 1, 0)
    return article


def test_a_thread_cut_by_the_per_site_budget(real_wordpress, tmp_path, big_thread):
    """robots.txt and the post use the budget of 2; every comment page is refused."""
    crawl = _crawl(real_wordpress, tmp_path, big_thread, "ARCHIVE_MAX_PAGES_PER_SITE=2")
    _stored_incomplete(crawl, big_thread)
    failures = crawl.rows("select url, stage, error, message from failures")
    pages = [f for f in failures if "/comment-page-" in f["url"]]
    assert pages, failures
    assert {(f["stage"], f["error"]) for f in pages} == {("comments", "IgnoreRequest")}
    assert all("ARCHIVE_MAX_PAGES_PER_SITE" in f["message"] for f in pages)


def test_a_thread_whose_request_a_spider_middleware_drops(real_wordpress, tmp_path, big_thread):
    """Scrapy's URL length limit drops the comment page requests (and the REST
    API's, longer still) without a word to the spider: found when the crawl is
    idle, the article is stored all the same and the loss is a row."""
    limit = len(big_thread.url) + 5  # the post fits; "comment-page-N/" does not
    crawl = _crawl(real_wordpress, tmp_path, big_thread, f"URLLENGTH_LIMIT={limit}")
    _stored_incomplete(crawl, big_thread)
    failures = crawl.rows("select url, stage, error from failures")
    assert [(f["stage"], f["error"]) for f in failures] == [("comments", "RequestDropped")]
    assert "/comment-page-" in failures[0]["url"]
