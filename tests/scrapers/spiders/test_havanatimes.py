"""The havanatimes profile on the generic WordPress path (issue #15, item 6):
the same discovery, thread and witness steps as ``scrapy crawl wordpress``,
and nothing in the profile that overrides or blocks them."""

from __future__ import annotations

import re
from pathlib import Path

from scrapy.utils.test import get_crawler

from scrapers.parsers import parse_page
from scrapers.spiders.havanatimes import HavanaTimesSpider
from scrapers.spiders.wordpress import WordPressSpider

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
POST = "https://havanatimes.org/news/putin-restates-russias-support-for-maduro-in-venezuela/"


def _spider(cls, **kw):
    crawler = get_crawler(cls)
    return cls.from_crawler(crawler, **kw)


def test_it_is_the_wordpress_spider_with_a_start_url():
    ht = _spider(HavanaTimesSpider)
    wp = _spider(WordPressSpider, url="https://havanatimes.org/")
    assert isinstance(ht, WordPressSpider)
    assert (ht.site_urls, ht.allowed_domains) == (wp.site_urls, wp.allowed_domains)
    assert (ht.sitemap_paths, ht.feed_paths) == (wp.sitemap_paths, wp.feed_paths)
    assert ht.selectors is None  # the generic parser reads every field


def test_its_deny_list_keeps_threads_and_the_rest_api_reachable():
    ht = _spider(HavanaTimesSpider)
    assert not ht.never_re.search(POST) and not ht.never_re.search(POST + "comment-page-2/")
    api = (  # built by the thread and witness steps, checked by the profile's patterns only
        "https://havanatimes.org/wp-json/wp/v2/comments?post=150100&per_page=100&page=1",
        "https://havanatimes.org/wp-json/wp/v2/posts?include=150100&per_page=100",
    )
    for pattern in ht.profile["deny"]:
        assert not [u for u in api if re.search(pattern, u)], pattern
    assert ht.never_re.search("https://havanatimes.org/?s=cuba")
    assert ht.never_re.search(POST + "comment-page-2/?replytocom=150101")


def test_the_seed_article_parses_as_on_any_wordpress_site():
    html = (FIXTURES / "article" / "classic_reference.html").read_bytes()
    article = parse_page(html, POST, selectors=_spider(HavanaTimesSpider).selectors)
    assert [(a.name, a.url) for a in article.authors] == [
        ("Peter Spinella", "https://havanatimes.org/author/peter-spinella/")
    ]
    assert article.source == "dpa"
    assert article == parse_page(html, POST)
