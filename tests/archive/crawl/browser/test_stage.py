"""The stage as a crawl component (no browser needed): its modes, one clear
warning without Chromium, and when a thread counts as complete."""

from __future__ import annotations

import logging

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from archive.crawl.browser import BrowserStage
from scrapers.contract import page_renderer
from scrapers.items import Article, Comment
from scrapers.parsers.comments.rendered import thread_complete


def _stage(**settings) -> BrowserStage:
    crawler = get_crawler(settings_dict=settings)
    return BrowserStage.from_crawler(crawler)


def _article(**kw) -> Article:
    return Article(url="https://n.example/a/", is_article=True, **kw)


def test_never_leaves_the_crawl_without_a_renderer():
    with pytest.raises(NotConfigured):
        _stage(ARCHIVE_BROWSER="never")


def test_the_stage_is_the_crawl_s_page_renderer():
    stage = _stage(ARCHIVE_BROWSER="auto")
    assert page_renderer(stage.crawler) is stage


def test_a_mode_that_does_not_exist_is_an_error():
    with pytest.raises(ValueError, match="auto, always or never"):
        _stage(ARCHIVE_BROWSER="sometimes")


def test_without_chromium_auto_warns_once_and_renders_nothing(caplog):
    stage = _stage(ARCHIVE_BROWSER="auto", ARCHIVE_BROWSER_EXECUTABLE="/nonexistent/chromium")
    scripted = _article(comments_scripted=["embed:disqus"])
    with caplog.at_level(logging.WARNING):
        assert not stage.wants(scripted)
        assert not stage.wants(scripted)
    warnings = [r for r in caplog.records if "Chromium is not installed" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING


def test_auto_wants_only_pages_with_signs_and_always_every_article(chromium):
    auto, always = _stage(ARCHIVE_BROWSER="auto"), _stage(ARCHIVE_BROWSER="always")
    plain, scripted = _article(), _article(comments_scripted=["control"])
    assert not auto.wants(plain) and auto.wants(scripted)
    assert always.wants(plain) and not always.wants(
        Article(url="https://n.example/", is_article=False)
    )


def _comments(n: int) -> list[Comment]:
    return [Comment(id=str(i), text="x") for i in range(n)]


@pytest.mark.parametrize(
    ("scripted", "comments", "declared", "render", "complete"),
    [
        ([], 3, 3, None, True),  # the HTML holds it all
        (["embed:disqus"], 0, None, None, False),  # a script loads it, no browser ran
        (["control"], 5, 5, "exhausted", True),  # the browser showed all of it
        (["control"], 5, 7, "exhausted", False),  # fewer than the widget declares
        (["region"], 5, 5, "stopped", False),  # a budget or an error stopped it
        (["embed:disqus"], 0, None, "exhausted", False),  # an empty widget: failed to load?
        (["embed:disqus"], 0, 0, "exhausted", True),  # a widget that says zero
    ],
)
def test_a_thread_is_complete_only_when_all_of_it_was_seen(
    scripted, comments, declared, render, complete
):
    article = _article(
        comments_scripted=scripted, comments=_comments(comments), comments_declared=declared
    )
    assert thread_complete(article, fetched=True, render=render) is complete
